"""Taking requests in: one request or many in one transaction, decided and chained together.

A durable commit costs a disk flush (milliseconds on this machine's disk), so a jail that takes
requests in one commit each is bound by the disk, not by psepa. Here a batch of requests shares
one transaction: every row is written with multi-row inserts, the audit chain is extended once
at the end, and the batch is acknowledged only when the commit is durable. A single intake is a
batch of one. `psepa.cases.desk.IntakeDesk` gathers the requests of concurrent callers into such
batches (group commit).

Idempotency: a request id seen before is the same request, and the stored answer is returned.
The same id with different contents (booking, kind, sender, documents, channel, writing, facts)
is refused (`RequestConflict`): silently keeping the first version would hide a correction the
sender meant to make. A different time of receipt alone is a resend, not a change: a retrying
system may stamp its own time, and the first receipt is the one the law counts from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast
from zoneinfo import ZoneInfo

import orjson
from sqlalchemy import Table, func, literal, select, text, union_all
from sqlalchemy.orm import Session

import psepa
from psepa.audit.log import decision_record, situation_of
from psepa.cases import audit
from psepa.cases.models import Booking, DecisionRecord, ObligationRecord, Request
from psepa.engine.decision import Decision
from psepa.engine.rules import Obligation
from psepa.errors import PsepaError
from psepa.situation import Facts

DENVER = ZoneInfo("America/Denver")

# What each kind of request asks the city to do, as the contract's action.
KINDS: dict[str, str] = {
    "detainer": "answer_notification_request",  # an I-247A also asks to be told of release
    "notification": "answer_notification_request",
    "interview": "coordinate_remote_interview",
    "access": "grant_secure_area_access",
    "subpoena": "comply_with_subpoena",
    "information": "share_personal_information",
}
CHANNELS = ("fax", "email", "phone", "in_person", "mail", "electronic")

_REQUESTS = cast(Table, Request.__table__)
_DECISIONS = cast(Table, DecisionRecord.__table__)
_DUTIES = cast(Table, ObligationRecord.__table__)
_BOOKINGS = cast(Table, Booking.__table__)
_IN_CHUNK = 500  # keys per IN (...) list: well under every backend's parameter limit


class CaseError(PsepaError, ValueError):
    """A workflow request that cannot be carried out; the message says why and what to do."""


class NotFound(CaseError, LookupError):
    """No booking, request or duty with that key (the HTTP API answers 404)."""


class RequestConflict(CaseError):
    """A request id already taken in, sent again with different contents."""


@dataclass(frozen=True)
class Duty:
    id: int
    kind: str
    text: str
    due: str
    due_at: dt.datetime | None
    done_at: dt.datetime | None


@dataclass(frozen=True)
class IntakeResult:
    request_key: str
    verdict: str
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    duties: tuple[Duty, ...]
    duplicate: bool = False


@dataclass(frozen=True)
class IntakeItem:
    """One request as the jail's system sends it."""

    request_key: str
    booking_number: str
    kind: str
    received_at: dt.datetime
    channel: str
    in_writing: bool
    documents: Sequence[str]
    requester: str = "federal_immigration"
    facts: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Prepared:
    """A request checked and turned into the engine's facts, ready to be written."""

    item: IntakeItem
    facts: Facts
    situation: dict[str, Any] = field(compare=False)


def local_day(moment: dt.datetime) -> str:
    """The day in Denver on which something happened: the day that chooses the law."""
    if moment.tzinfo is None:
        raise CaseError("times must carry a time zone (for example 2025-06-02T14:05:00-06:00)")
    return moment.astimezone(DENVER).date().isoformat()


def prepare(item: IntakeItem) -> Prepared:
    """Check one request before anything is written; the error names what to fix."""
    key = item.request_key
    if not key or not key.strip():
        raise CaseError("a request needs its sender's request id (request_key)")
    if item.kind not in KINDS:
        raise CaseError(
            f"request {key}: unknown request kind {item.kind!r}; expected one of {', '.join(KINDS)}"
        )
    if item.channel not in CHANNELS:
        raise CaseError(
            f"request {key}: unknown channel {item.channel!r}; expected one of "
            f"{', '.join(CHANNELS)}"
        )
    facts = psepa.validate(
        {
            "action": KINDS[item.kind],
            "on": local_day(item.received_at),
            "actor": "sheriff",
            "requester": item.requester,
            "facts": {
                "documents": list(item.documents),
                "request_in_writing": item.in_writing,
                **(item.facts or {}),
            },
        }
    )  # raises InvalidSituation naming the field
    return Prepared(item, facts, situation_of(facts))


def take_in(session: Session, batch: Sequence[Prepared]) -> list[IntakeResult]:
    """Write a batch of prepared requests in the caller's transaction; one result each.

    Raises `RequestConflict` or `CaseError` (unknown booking) before writing anything.
    """
    conn = session.connection()
    keys = list(dict.fromkeys(p.item.request_key for p in batch))
    known, booking_ids = _look_up(conn, keys, sorted({p.item.booking_number for p in batch}))
    stored = _stored(conn, known)
    first: dict[str, Prepared] = {}
    fresh: list[Prepared] = []
    for p in batch:
        key = p.item.request_key
        earlier = stored.get(key) or (_fingerprint(first[key]) if key in first else None)
        if earlier is not None:
            if earlier != _fingerprint(p):
                raise RequestConflict(
                    f"request {key} was already taken in with different contents "
                    f"({_difference(earlier, _fingerprint(p))}); send it under a new request "
                    "id, or correct the stored one"
                )
            continue
        first[key] = p
        fresh.append(p)
    for p in fresh:
        if p.item.booking_number not in booking_ids:
            raise NotFound(
                f"request {p.item.request_key}: no booking {p.item.booking_number!r}; book the "
                "person first (psepa case book)"
            )

    written = _write(session, fresh, booking_ids) if fresh else {}
    results: list[IntakeResult] = []
    for p in batch:
        key = p.item.request_key
        if key in written and first[key] is p:
            results.append(written[key])
        elif key in written:
            results.append(_as_duplicate(written[key]))
        else:
            results.append(stored_result(session, key))
    return results


def _write(
    session: Session, fresh: Sequence[Prepared], booking_ids: dict[str, int]
) -> dict[str, IntakeResult]:
    rulebook = psepa.rulebook()
    decisions: list[Decision] = [rulebook.decide(p.facts) for p in fresh]
    (request_ids, decision_ids, duty_ids), head = _ids_and_head(
        session,
        [
            (_REQUESTS, len(fresh)),
            (_DECISIONS, len(fresh)),
            (_DUTIES, sum(len(d.obligations) for d in decisions)),
        ],
    )
    request_rows = [
        {
            "id": request_id,
            "request_key": p.item.request_key,
            "booking_id": booking_ids[p.item.booking_number],
            "kind": p.item.kind,
            "requester": p.item.requester,
            "documents": list(p.item.documents),
            "received_at": p.item.received_at,
            "channel": p.item.channel,
            "in_writing": p.item.in_writing,
        }
        for p, request_id in zip(fresh, request_ids, strict=True)
    ]
    decision_rows = [
        {
            "id": decision_id,
            "request_id": request_id,
            "stage": "intake",
            "situation": p.situation,
            "version": d.version,
            "rulebook": d.rulebook,
            "verdict": d.verdict.value,
            "rules": list(d.rules),
            "cites": list(d.cites),
            "decided_at": p.item.received_at,
        }
        for p, d, request_id, decision_id in zip(
            fresh, decisions, request_ids, decision_ids, strict=True
        )
    ]
    duty_rows: list[dict[str, Any]] = []
    owners: list[int] = []  # which request of the batch each duty row belongs to
    for n, (p, d, decision_id) in enumerate(zip(fresh, decisions, decision_ids, strict=True)):
        at = p.item.received_at
        for o in d.obligations:
            booking_id = booking_ids[p.item.booking_number]
            duty_rows.append(duty_row(o, decision_id, booking_id, at, duty_ids[len(duty_rows)]))
            owners.append(n)
    duties: list[list[Duty]] = [[] for _ in fresh]
    for row, owner, duty_id in zip(duty_rows, owners, duty_ids, strict=True):
        duties[owner].append(
            Duty(duty_id, row["kind"], row["text"], row["due"], row["due_at"], row["done_at"])
        )

    events: list[audit.Event] = []
    for p, d in zip(fresh, decisions, strict=True):
        item = p.item
        events.append(
            (
                "request_received",
                item.received_at,
                {
                    "request": item.request_key,
                    "request_kind": item.kind,
                    "channel": item.channel,
                    "in_writing": item.in_writing,
                    "documents": list(item.documents),
                },
            )
        )
        events.append(
            (
                "decision",
                item.received_at,
                {"request": item.request_key, "stage": "intake", **decision_record(d, p.situation)},
            )
        )
    # Last, and with the rows the entries speak of: the chain's head is locked for the least
    # time, and on PostgreSQL the whole batch is written in one statement.
    audit.append_many(
        session,
        events,
        [(_REQUESTS, request_rows), (_DECISIONS, decision_rows), (_DUTIES, duty_rows)],
        head,
    )
    return {
        p.item.request_key: IntakeResult(
            p.item.request_key, d.verdict.value, tuple(d.rules), d.reasons, tuple(ds)
        )
        for p, d, ds in zip(fresh, decisions, duties, strict=True)
    }


def duty_row(
    o: Obligation, decision_id: int, booking_id: int, at: dt.datetime, duty_id: int
) -> dict[str, Any]:
    """The duty an intake decision opens, as a row: dated now if it is due now, and done at
    once if it is the record-keeping this very row is."""
    done = o.id == "record_request"
    return {
        "id": duty_id,
        "decision_id": decision_id,
        "booking_id": booking_id,
        "kind": o.id,
        "text": o.text,
        "due": o.due.value,
        "due_at": at if o.due.value == "now" else None,
        "done_at": at if done else None,
        "done_by": "psepa" if done else None,
    }


def _ids_and_head(
    session: Session, wanted: Sequence[tuple[Table, int]]
) -> tuple[list[list[int]], tuple[int, str]]:
    """Ids for new rows of several tables, and the audit chain's head, locked: one round trip.

    Ids are taken before the inserts so that no insert needs RETURNING (a multi-row INSERT ...
    RETURNING costs psycopg milliseconds of query parsing per batch), and every round trip
    costs a busy server's latency. PostgreSQL hands out ids from each column's own sequence, as
    a default insert would. SQLite continues from the largest id: safe, because a writer holds
    SQLite's one write lock from its first statement (BEGIN IMMEDIATE) on.
    """
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        ids: list[list[int]] = []
        for table, n in wanted:
            last = int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
            ids.append(list(range(last + 1, last + 1 + n)))
        return ids, audit.lock_head(session)
    parts = [
        "SELECT -1 AS part, seq AS id, hash FROM head",
        *(
            f"SELECT {k}, nextval(q.seq), NULL FROM (SELECT pg_get_serial_sequence("
            f"'{table.name}', 'id') AS seq) AS q, generate_series(1, :n{k})"
            for k, (table, _) in enumerate(wanted)
        ),
    ]
    sql = (
        "WITH head AS (SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE) "
        + " UNION ALL ".join(parts)
    )
    found: list[list[int]] = [[] for _ in wanted]
    head: tuple[int, str] | None = None
    for part, value, hashed in conn.execute(
        text(sql), {f"n{k}": n for k, (_, n) in enumerate(wanted)}
    ):
        if part < 0:
            head = (int(value), str(hashed))
        else:
            found[part].append(int(value))
    if head is None:
        raise RuntimeError("the audit chain has no head row: run the migrations (Store.migrate)")
    return found, head


Fingerprint = tuple[str, str, str, tuple[str, ...], str, bool, str]
_FIELDS = ("booking", "kind", "requester", "documents", "channel", "in writing", "facts")


def _fingerprint(p: Prepared) -> Fingerprint:
    item = p.item
    return (
        item.booking_number,
        item.kind,
        item.requester,
        tuple(item.documents),
        item.channel,
        item.in_writing,
        _canonical(p.situation["facts"]),
    )


def _canonical(situation: Mapping[str, Any]) -> str:
    return orjson.dumps(situation, option=orjson.OPT_SORT_KEYS).decode()


def _difference(a: Fingerprint, b: Fingerprint) -> str:
    changed = [name for name, x, y in zip(_FIELDS, a, b, strict=True) if x != y]
    return "changed: " + ", ".join(changed)


def _chunks(values: Sequence[str]) -> list[Sequence[str]]:
    return [values[i : i + _IN_CHUNK] for i in range(0, len(values), _IN_CHUNK)]


def _look_up(
    conn: Any, keys: Sequence[str], numbers: Sequence[str]
) -> tuple[list[str], dict[str, int]]:
    """Which of these request ids are known, and the ids of these bookings: one query a chunk
    (on PostgreSQL every query is a round trip)."""
    known: list[str] = []
    booking_ids: dict[str, int] = {}
    for start in range(0, max(len(keys), len(numbers)), _IN_CHUNK):
        some_keys = keys[start : start + _IN_CHUNK]
        some_numbers = numbers[start : start + _IN_CHUNK]
        query = union_all(
            select(literal("request").label("what"), _REQUESTS.c.request_key, literal(0)).where(
                _REQUESTS.c.request_key.in_(some_keys)
            ),
            select(literal("booking"), _BOOKINGS.c.booking_number, _BOOKINGS.c.id).where(
                _BOOKINGS.c.booking_number.in_(some_numbers)
            ),
        )
        for what, key, booking_id in conn.execute(query):
            if what == "request":
                known.append(key)
            else:
                booking_ids[key] = int(booking_id)
    return known, booking_ids


def _stored(conn: Any, known: Sequence[str]) -> dict[str, Fingerprint]:
    """The fingerprints of requests already taken in under these ids."""
    found: dict[str, Fingerprint] = {}
    for chunk in _chunks(known):
        rows = conn.execute(
            select(
                _REQUESTS.c.request_key,
                _BOOKINGS.c.booking_number,
                _REQUESTS.c.kind,
                _REQUESTS.c.requester,
                _REQUESTS.c.documents,
                _REQUESTS.c.channel,
                _REQUESTS.c.in_writing,
                _DECISIONS.c.situation,
            )
            .join(_BOOKINGS, _BOOKINGS.c.id == _REQUESTS.c.booking_id)
            .join(
                _DECISIONS,
                (_DECISIONS.c.request_id == _REQUESTS.c.id) & (_DECISIONS.c.stage == "intake"),
            )
            .where(_REQUESTS.c.request_key.in_(chunk))
        ).all()
        for key, number, kind, requester, documents, channel, written, situation in rows:
            found[key] = (
                number,
                kind,
                requester,
                tuple(documents),
                channel,
                bool(written),
                _canonical(situation["facts"]),
            )
    return found


def _as_duplicate(result: IntakeResult) -> IntakeResult:
    return IntakeResult(
        result.request_key, result.verdict, result.rules, result.reasons, result.duties, True
    )


def stored_result(session: Session, request_key: str) -> IntakeResult:
    """The answer given when a request was first taken in (for a repeat of it)."""
    request = session.execute(
        select(Request).where(Request.request_key == request_key)
    ).scalar_one()
    record = (
        session.execute(
            select(DecisionRecord)
            .where(DecisionRecord.request_id == request.id)
            .order_by(DecisionRecord.id)
        )
        .scalars()
        .first()
    )
    assert record is not None
    duties = (
        session.execute(
            select(ObligationRecord)
            .where(ObligationRecord.decision_id == record.id)
            .order_by(ObligationRecord.id)
        )
        .scalars()
        .all()
    )
    again = psepa.decide(record.situation, version=record.version)
    return IntakeResult(
        request.request_key,
        record.verdict,
        tuple(record.rules),
        again.reasons,
        tuple(Duty(o.id, o.kind, o.text, o.due, o.due_at, o.done_at) for o in duties),
        True,
    )
