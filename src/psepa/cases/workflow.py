"""The jail's workflow: take in a request, decide it, follow it through at release.

Each public method is one transaction: the records it changes, the decisions it stores and the
audit entries for both commit together or not at all. Intake is idempotent on the sender's
request id. The engine decides; this module only turns its duties into dated, trackable work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import psepa
from psepa.audit.log import decision_record, situation_of
from psepa.cases import audit
from psepa.cases.intake import (
    CHANNELS,
    DENVER,
    KINDS,
    CaseError,
    Duty,
    IntakeItem,
    IntakeResult,
    NotFound,
    Prepared,
    RequestConflict,
    local_day,
    prepare,
    take_in,
)
from psepa.cases.models import (
    Advisement,
    Booking,
    DecisionRecord,
    Notice,
    ObligationRecord,
    Outcome,
    Request,
)
from psepa.cases.store import Store

__all__ = [
    "CHANNELS",
    "DENVER",
    "KINDS",
    "CaseError",
    "Cases",
    "Duty",
    "IntakeItem",
    "IntakeResult",
    "NotFound",
    "ReleaseResult",
    "RequestConflict",
    "local_day",
]

HOLD_DOCUMENTS = {"i_247a", "i_247d", "i_200", "i_203", "i_205", "immigration_judge_order"}
_RETRIES = 3  # a batch that lost a race on a request id is retried; the ids are then seen


@dataclass(frozen=True)
class ReleaseResult:
    booking_number: str
    released_at: dt.datetime
    must: tuple[str, ...]
    duties: tuple[Duty, ...]
    decisions: tuple[tuple[str, str], ...] = field(default=())


def _duty(o: ObligationRecord) -> Duty:
    return Duty(o.id, o.kind, o.text, o.due, o.due_at, o.done_at)


class Cases:
    """The case workflow over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- bookings -------------------------------------------------------------------------
    def book(self, booking_number: str, name: str, language: str, booked_at: dt.datetime) -> None:
        """Record a booking (idempotent: the same booking number twice is one booking)."""
        local_day(booked_at)
        if not booking_number.strip() or not language.strip():
            raise CaseError("a booking needs a booking number and a language of choice")
        try:
            with self.store.transaction() as s:
                if _find_booking(s, booking_number) is not None:
                    return
                s.add(
                    Booking(
                        booking_number=booking_number,
                        name=name,
                        language=language,
                        booked_at=booked_at,
                    )
                )
                audit.append(
                    s,
                    "booked",
                    booked_at,
                    {"booking": booking_number, "language": language, "masked": {"name": "***"}},
                )
        except IntegrityError:
            # Another clerk booked the same number at the same moment: it is one booking.
            with self.store.transaction() as s:
                if _find_booking(s, booking_number) is None:
                    raise

    # --- intake ---------------------------------------------------------------------------
    def intake(
        self,
        request_key: str,
        booking_number: str,
        kind: str,
        received_at: dt.datetime,
        channel: str,
        in_writing: bool,
        documents: list[str],
        requester: str = "federal_immigration",
        facts: dict[str, Any] | None = None,
    ) -> IntakeResult:
        """Log a request against a booking, decide it, and open the duties that follow."""
        item = IntakeItem(
            request_key,
            booking_number,
            kind,
            received_at,
            channel,
            in_writing,
            documents,
            requester,
            facts,
        )
        return self.intake_many([item])[0]

    def intake_many(self, items: Sequence[IntakeItem]) -> list[IntakeResult]:
        """Take in several requests in one transaction: all are written, or none is.

        Every item is checked before anything is written; an error names the request. The
        answers come back in the order given, acknowledged once the commit is durable.
        """
        return self.commit_prepared([prepare(item) for item in items])

    def commit_prepared(self, batch: Sequence[Prepared]) -> list[IntakeResult]:
        """Write requests already checked by `prepare` (the intake desk's group commit)."""
        if not batch:
            return []
        for attempt in range(_RETRIES):
            try:
                with self.store.transaction() as s:
                    return take_in(s, batch)
            except IntegrityError:
                # Another process took in one of these request ids first; next time round
                # they are found and answered as repeats. Give up only if that keeps failing.
                if attempt == _RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def _decide(
        self, s: Session, request: Request, facts: Any, stage: str, at: dt.datetime
    ) -> DecisionRecord:
        decision = psepa.rulebook().decide(facts)
        situation = situation_of(facts)
        record = DecisionRecord(
            request=request,
            stage=stage,
            situation=situation,
            version=decision.version,
            rulebook=decision.rulebook,
            verdict=decision.verdict.value,
            rules=list(decision.rules),
            cites=list(decision.cites),
            decided_at=at,
        )
        s.add(record)
        s.flush()
        for o in decision.obligations:
            done = o.id == "record_request"  # this very record is the tracking the law asks for
            s.add(
                ObligationRecord(
                    decision_id=record.id,
                    booking_id=request.booking_id,
                    kind=o.id,
                    text=o.text,
                    due=o.due.value,
                    due_at=at if o.due.value == "now" else None,
                    done_at=at if done else None,
                    done_by="psepa" if done else None,
                )
            )
        audit.append(
            s,
            "decision",
            at,
            {
                "request": request.request_key,
                "stage": stage,
                **decision_record(decision, situation),
            },
        )
        return record

    # --- release --------------------------------------------------------------------------
    def release(
        self, booking_number: str, released_at: dt.datetime, basis: str, by: str
    ) -> ReleaseResult:
        """The person is eligible for release: say what must happen now, and date the duties."""
        day = local_day(released_at)
        with self.store.transaction() as s:
            booking = _booking(s, booking_number, lock=True)
            if booking.released_at is not None:
                raise CaseError(
                    f"booking {booking_number} was already released at "
                    f"{booking.released_at.isoformat()}"
                )
            booking.released_at, booking.release_basis = released_at, basis
            audit.append(
                s, "released", released_at, {"booking": booking_number, "basis": basis, "by": by}
            )
            must = [
                "Release the person now, on the normal schedule: no hold on any "
                "immigration detainer or ICE form without a judge's warrant or writ."
            ]
            decided: list[tuple[str, str]] = []
            for request in booking.requests:
                if not HOLD_DOCUMENTS & set(request.documents):
                    continue
                facts = psepa.validate(
                    {
                        "action": "hold_on_detainer",
                        "on": day,
                        "actor": "sheriff",
                        "requester": request.requester,
                        "facts": {"release_basis": basis, "documents": request.documents},
                    }
                )
                record = self._decide(s, request, facts, "release", released_at)
                decided.append((request.request_key, record.verdict))
                judicial = {"federal_judicial_warrant", "judicial_writ"} & set(request.documents)
                if record.verdict == "permitted" and not judicial:
                    must[0] = (
                        "No city or state rule in force on this date forbids holding on "
                        f"request {request.request_key}; federal regulation only asks for it "
                        "(see the decision's reasons)."
                    )
                elif record.verdict == "permitted":
                    must[0] = (
                        "Custody may continue only on the judge's warrant or writ shown "
                        f"with request {request.request_key}, not on the detainer."
                    )
            for o in s.execute(
                select(ObligationRecord).where(
                    ObligationRecord.booking_id == booking.id, ObligationRecord.done_at.is_(None)
                )
            ).scalars():
                if o.due_at is None:
                    o.due_at = released_at
                if o.kind == "release_without_delay":
                    o.done_at, o.done_by = released_at, by  # this release is that duty done
                if o.kind == "advise_notified_person":
                    must.append(
                        f"Advise the person in writing in their language ({booking.language}) "
                        "that ICE asked to be told of the release, before the notice goes."
                    )
            for request in booking.requests:
                answered = [
                    d
                    for d in request.decisions
                    if d.stage == "intake"
                    and d.verdict == "permitted"
                    and d.situation["action"] == "answer_notification_request"
                ]
                if answered and not _notices(s, request):
                    must.append(
                        f"Notify ICE of the release (request {request.request_key}, by "
                        f"{request.channel}) when able; it may not delay the release."
                    )
            s.flush()
            duties = (
                s.execute(select(ObligationRecord).where(ObligationRecord.booking_id == booking.id))
                .scalars()
                .all()
            )
            return ReleaseResult(
                booking_number,
                released_at,
                tuple(must),
                tuple(_duty(o) for o in duties),
                tuple(decided),
            )

    # --- follow-through -------------------------------------------------------------------
    def record_notice(
        self, request_key: str, sent_at: dt.datetime, channel: str, by: str
    ) -> float | None:
        """Log a notice sent to ICE; return its lead time before release in minutes, if known."""
        local_day(sent_at)
        with self.store.transaction() as s:
            request = _request(s, request_key)
            answered = any(
                d.verdict == "permitted"
                and d.stage == "intake"
                and d.situation["action"] == "answer_notification_request"
                for d in request.decisions
            )
            if not answered:
                raise CaseError(
                    f"request {request_key} was not answered as permitted; no notice "
                    "may be sent on it"
                )
            s.add(Notice(request_id=request.id, sent_at=sent_at, channel=channel, sent_by=by))
            lead = _lead_minutes(request.booking.released_at, sent_at)
            audit.append(
                s,
                "notice_sent",
                sent_at,
                {"request": request_key, "channel": channel, "by": by, "lead_minutes": lead},
            )
            return lead

    def record_advisement(
        self, booking_number: str, kind: str, language: str, given_at: dt.datetime, by: str
    ) -> list[int]:
        """Log a written advisement; it discharges the open duties of that kind if it was in the
        person's language of choice. Returns the ids of the duties it discharged."""
        local_day(given_at)
        with self.store.transaction() as s:
            # Lock the booking, then its open duties: a second clerk advising at the same moment,
            # or one completing the duty by hand, waits and then sees the duty already done.
            booking = _booking(s, booking_number, lock=True)
            s.add(
                Advisement(
                    booking_id=booking.id,
                    kind=kind,
                    language=language,
                    given_at=given_at,
                    given_by=by,
                )
            )
            done: list[int] = []
            if language == booking.language:
                for o in s.execute(
                    select(ObligationRecord).where(
                        ObligationRecord.booking_id == booking.id,
                        ObligationRecord.kind == kind,
                        ObligationRecord.done_at.is_(None),
                    )
                    .with_for_update()
                    .execution_options(populate_existing=True)
                ).scalars():
                    o.done_at, o.done_by = given_at, by
                    done.append(o.id)
            audit.append(
                s,
                "advised",
                given_at,
                {
                    "booking": booking_number,
                    "advisement": kind,
                    "language": language,
                    "by": by,
                    "in_own_language": language == booking.language,
                    "discharged": done,
                },
            )
            return done

    def complete(self, duty_id: int, at: dt.datetime, by: str) -> None:
        local_day(at)
        with self.store.transaction() as s:
            o = s.get(ObligationRecord, duty_id, with_for_update=True, populate_existing=True)
            if o is None:
                raise NotFound(f"no duty {duty_id}")
            if o.done_at is not None:
                raise CaseError(f"duty {duty_id} was already done at {o.done_at.isoformat()}")
            o.done_at, o.done_by = at, by
            audit.append(s, "duty_done", at, {"duty": duty_id, "duty_kind": o.kind, "by": by})

    def record_outcome(
        self, booking_number: str, kind: str, known_at: dt.datetime, note: str = ""
    ) -> None:
        local_day(known_at)
        with self.store.transaction() as s:
            booking = _booking(s, booking_number)
            s.add(Outcome(booking_id=booking.id, kind=kind, known_at=known_at, note=note))
            audit.append(s, "outcome", known_at, {"booking": booking_number, "outcome": kind})

    # --- questions --------------------------------------------------------------------------
    def overdue(self, now: dt.datetime) -> list[Duty]:
        """Duties past their time and not done: the missed ones."""
        with self.store.reading() as s:
            rows = (
                s.execute(
                    select(ObligationRecord)
                    .where(ObligationRecord.done_at.is_(None), ObligationRecord.due_at < now)
                    .order_by(ObligationRecord.due_at)
                )
                .scalars()
                .all()
            )
            return [_duty(o) for o in rows]

    def lead_times(self) -> list[tuple[str, float | None]]:
        """Minutes between each notice to ICE and the release it announced (None: not released)."""
        with self.store.reading() as s:
            rows = s.execute(
                select(Request.request_key, Notice.sent_at, Booking.released_at)
                .join(Notice, Notice.request_id == Request.id)
                .join(Booking, Booking.id == Request.booking_id)
                .order_by(Notice.sent_at)
            ).all()
            return [(key, _lead_minutes(released, sent)) for key, sent, released in rows]


def _lead_minutes(released_at: dt.datetime | None, sent_at: dt.datetime) -> float | None:
    if released_at is None:
        return None
    return round((released_at - sent_at).total_seconds() / 60, 1)


def _notices(s: Session, request: Request) -> list[Notice]:
    return list(s.execute(select(Notice).where(Notice.request_id == request.id)).scalars())


def _find_booking(s: Session, number: str, lock: bool = False) -> Booking | None:
    query = select(Booking).where(Booking.booking_number == number)
    if lock:  # PostgreSQL: a second writer waits here, then sees the first one's change
        query = query.with_for_update().execution_options(populate_existing=True)
    return s.execute(query).scalar_one_or_none()


def _booking(s: Session, number: str, lock: bool = False) -> Booking:
    booking = _find_booking(s, number, lock)
    if booking is None:
        raise NotFound(f"no booking {number!r}; book the person first (psepa case book)")
    return booking


def _request(s: Session, key: str) -> Request:
    request = s.execute(select(Request).where(Request.request_key == key)).scalar_one_or_none()
    if request is None:
        raise NotFound(f"no request {key!r}")
    return request
