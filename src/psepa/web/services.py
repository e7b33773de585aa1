"""The few steps the web doors share that are not a single workflow call.

Deciding a posted body (one situation or a list, as the CLI does), previewing an intake without
writing it, and reading a time typed into a browser form as Denver's local time. Routes and
templates call these and show the results; they compute nothing themselves.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson

import psepa
from psepa.cases.intake import DENVER, IntakeItem, prepare
from psepa.cases.workflow import Cases
from psepa.engine.decision import Decision
from psepa.errors import InvalidSituation
from psepa.situation import validate
from psepa.web import queries
from psepa.web.schemas import AdvisementIn, IntakeIn

MAX_BATCH = 10_000  # situations in one POST: a bigger batch should be split by the sender


def decode_json(body: bytes) -> Any:
    """The posted JSON, or `InvalidSituation` at `body` saying why it cannot be read."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise InvalidSituation("body", f"is not valid JSON: {exc}") from None


def decide_body(data: Any) -> Decision | list[Decision]:
    """Decide one situation or a list; a bad item fails the whole call, naming its index."""
    book = psepa.rulebook()
    if isinstance(data, list):
        if len(data) > MAX_BATCH:
            raise InvalidSituation(
                "body", f"holds {len(data)} situations; send at most {MAX_BATCH} per request"
            )
        facts = [validate(item, index=i) for i, item in enumerate(data)]
        for f in facts:
            book.check_version(f.version)
        return [book.decide(f) for f in facts]
    if not isinstance(data, dict):
        raise InvalidSituation("body", "expected a situation (a JSON object) or a list of them")
    one = validate(data)
    book.check_version(one.version)
    return book.decide(one)


def check_batch_size(size: int, limit: int) -> None:
    if size > limit:
        raise InvalidSituation("body", f"holds {size} items; send at most {limit} per request")


def intake_item(body: IntakeIn) -> IntakeItem:
    facts = body.facts.model_dump(mode="json", exclude_none=True) if body.facts else None
    return IntakeItem(
        body.request_key,
        body.booking_number,
        body.kind,
        body.received_at,
        body.channel,
        body.in_writing,
        [d.value for d in body.documents],
        body.requester.value,
        facts,
    )


def preview(body: IntakeIn) -> tuple[Decision, dict[str, Any]]:
    """What intake would decide for this request, without writing anything."""
    prepared = prepare(intake_item(body))
    return psepa.rulebook().decide(prepared.facts), prepared.situation


def advise(
    cases: Cases, booking_number: str, body: AdvisementIn, by: str
) -> tuple[list[int], bool]:
    """Log an advisement; the duties it discharged, and whether it was in the person's own
    language (only then does it discharge any, as DRMC 28-252(b) asks)."""
    done = cases.record_advisement(booking_number, body.kind, body.language, body.given_at, by)
    return done, body.language == queries.case(cases.store, booking_number).language


def local_moment(text: str) -> dt.datetime:
    """A browser's `datetime-local` value (no offset) read as Denver's wall-clock time; a value
    that carries its own offset keeps it."""
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=DENVER)


def denver_now() -> dt.datetime:
    return dt.datetime.now(DENVER)
