"""Read-only views of the case records for the API and the pages.

The workflow (psepa.cases.workflow) answers the questions its commands need; the web app also
needs to show a whole case, the day's releases and the audit trail. Those are plain queries on
the same models, in one snapshot each (`Store.reading()`), so a page never mixes two moments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from psepa.cases import audit
from psepa.cases.intake import DENVER, Duty, NotFound
from psepa.cases.models import (
    Advisement,
    AuditEntry,
    Booking,
    DecisionRecord,
    Notice,
    ObligationRecord,
    Request,
)
from psepa.cases.store import Store
from psepa.errors import AuditBroken

ADVISEMENT_DUTIES = ("advise_notified_person", "advise_rights_in_writing")


@dataclass(frozen=True)
class DecisionView:
    stage: str
    verdict: str
    version: str
    rules: list[str]
    cites: list[str]
    decided_at: dt.datetime
    action: str


@dataclass(frozen=True)
class RequestView:
    request_key: str
    booking_number: str
    kind: str
    requester: str
    documents: list[str]
    received_at: dt.datetime
    channel: str
    in_writing: bool
    decisions: list[DecisionView]
    notices: list[dt.datetime]

    @property
    def notice_permitted(self) -> bool:
        """ICE asked to be told of the release and the answer at intake was that it may be."""
        return any(
            d.stage == "intake"
            and d.verdict == "permitted"
            and d.action == "answer_notification_request"
            for d in self.decisions
        )


@dataclass(frozen=True)
class AdvisementView:
    kind: str
    language: str
    given_at: dt.datetime
    given_by: str


@dataclass(frozen=True)
class CaseView:
    booking_number: str
    name: str
    language: str
    booked_at: dt.datetime
    released_at: dt.datetime | None
    release_basis: str | None
    requests: list[RequestView]
    duties: list[Duty]
    advisements: list[AdvisementView]

    @property
    def open_duties(self) -> list[Duty]:
        return [d for d in self.duties if d.done_at is None]

    @property
    def pending_advisements(self) -> list[Duty]:
        """Written advisements still owed (DRMC 28-252(b), and to a person ICE is told of)."""
        return [d for d in self.open_duties if d.kind in ADVISEMENT_DUTIES]

    @property
    def pending_notices(self) -> list[str]:
        return [r.request_key for r in self.requests if r.notice_permitted and not r.notices]


@dataclass(frozen=True)
class AuditCheck:
    entries: int
    intact: bool
    problem: str | None
    replayed: int | None
    differences: list[str]


@dataclass(frozen=True)
class AuditLine:
    seq: int
    kind: str
    at: str
    hash: str
    body: dict[str, object]


def _duty(o: ObligationRecord) -> Duty:
    return Duty(o.id, o.kind, o.text, o.due, o.due_at, o.done_at)


def _request_view(s: Session, request: Request) -> RequestView:
    decisions = (
        s.execute(
            select(DecisionRecord)
            .where(DecisionRecord.request_id == request.id)
            .order_by(DecisionRecord.id)
        )
        .scalars()
        .all()
    )
    notices = s.execute(
        select(Notice.sent_at).where(Notice.request_id == request.id).order_by(Notice.sent_at)
    ).scalars()
    return RequestView(
        request.request_key,
        request.booking.booking_number,
        request.kind,
        request.requester,
        list(request.documents),
        request.received_at,
        request.channel,
        request.in_writing,
        [
            DecisionView(
                d.stage,
                d.verdict,
                d.version,
                list(d.rules),
                list(d.cites),
                d.decided_at,
                str(d.situation.get("action", "")),
            )
            for d in decisions
        ],
        list(notices),
    )


def _case(s: Session, booking: Booking) -> CaseView:
    requests = (
        s.execute(select(Request).where(Request.booking_id == booking.id).order_by(Request.id))
        .scalars()
        .all()
    )
    duties = (
        s.execute(
            select(ObligationRecord)
            .where(ObligationRecord.booking_id == booking.id)
            .order_by(ObligationRecord.id)
        )
        .scalars()
        .all()
    )
    advisements = (
        s.execute(
            select(Advisement)
            .where(Advisement.booking_id == booking.id)
            .order_by(Advisement.given_at)
        )
        .scalars()
        .all()
    )
    return CaseView(
        booking.booking_number,
        booking.name,
        booking.language,
        booking.booked_at,
        booking.released_at,
        booking.release_basis,
        [_request_view(s, r) for r in requests],
        [_duty(o) for o in duties],
        [AdvisementView(a.kind, a.language, a.given_at, a.given_by) for a in advisements],
    )


def case(store: Store, booking_number: str) -> CaseView:
    """A booking with its requests, their decisions and notices, its duties and advisements."""
    with store.reading() as s:
        booking = s.execute(
            select(Booking).where(Booking.booking_number == booking_number)
        ).scalar_one_or_none()
        if booking is None:
            raise NotFound(f"no booking {booking_number!r}; book the person first")
        return _case(s, booking)


def request(store: Store, request_key: str) -> RequestView:
    with store.reading() as s:
        found = s.execute(
            select(Request).where(Request.request_key == request_key)
        ).scalar_one_or_none()
        if found is None:
            raise NotFound(f"no request {request_key!r}")
        return _request_view(s, found)


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(), tzinfo=DENVER)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=DENVER)
    return start, end


def releases(store: Store, day: dt.date) -> list[CaseView]:
    """The release desk's day (in Denver): people released that day, and people still in
    custody with an ICE request whose duties will fall due at their release."""
    start, end = _day_bounds(day)
    with store.reading() as s:
        released = s.execute(
            select(Booking)
            .where(Booking.released_at >= start, Booking.released_at < end)
            .order_by(Booking.released_at)
        ).scalars()
        waiting = s.execute(
            select(Booking)
            .where(Booking.released_at.is_(None), Booking.booked_at < end)
            .where(Booking.id.in_(select(Request.booking_id)))
            .order_by(Booking.booking_number)
        ).scalars()
        return [_case(s, b) for b in [*released, *waiting]]


def in_custody(store: Store, limit: int = 200) -> list[tuple[str, str, str, dt.datetime]]:
    """Bookings not yet released, newest first: (number, name, language, booked at)."""
    with store.reading() as s:
        rows = s.execute(
            select(Booking.booking_number, Booking.name, Booking.language, Booking.booked_at)
            .where(Booking.released_at.is_(None))
            .order_by(Booking.booked_at.desc(), Booking.booking_number)
            .limit(limit)
        ).all()
        return [(a, b, c, d) for a, b, c, d in rows]


def duties(store: Store, *, overdue_at: dt.datetime | None = None) -> list[Duty]:
    """Open duties; with `overdue_at`, only those past their time by then."""
    with store.reading() as s:
        query = select(ObligationRecord).where(ObligationRecord.done_at.is_(None))
        if overdue_at is not None:
            query = query.where(ObligationRecord.due_at < overdue_at)
        rows = s.execute(query.order_by(ObligationRecord.id).limit(1000)).scalars().all()
        return [_duty(o) for o in rows]


def check_audit(store: Store, *, replay: bool = False) -> AuditCheck:
    """Verify the chain in one snapshot; optionally re-decide every logged decision."""
    with store.reading() as s:
        try:
            count = audit.verify(s)
        except AuditBroken as broken:
            return AuditCheck(broken.line - 1, False, str(broken), None, [])
        if not replay:
            return AuditCheck(count, True, None, None, [])
        again = audit.replay(s)
        return AuditCheck(count, True, None, again.checked, again.differences)


def audit_entries(store: Store, *, before: int | None = None, limit: int = 50) -> list[AuditLine]:
    """The latest entries of the chain (newest first), for the audit view."""
    with store.reading() as s:
        query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(max(1, min(limit, 500)))
        if before is not None:
            query = query.where(AuditEntry.seq < before)
        lines = []
        for entry in s.execute(query).scalars():
            body = orjson.loads(entry.body)
            lines.append(
                AuditLine(
                    entry.seq, str(body.get("kind", "")), str(body.get("at", "")), entry.hash, body
                )
            )
        return lines


def overdue(store: Store, now: dt.datetime) -> list[tuple[str, Duty]]:
    """Duties past their time and not done, oldest first, with the booking each belongs to."""
    with store.reading() as s:
        rows = s.execute(
            select(Booking.booking_number, ObligationRecord)
            .join(Booking, Booking.id == ObligationRecord.booking_id)
            .where(ObligationRecord.done_at.is_(None), ObligationRecord.due_at < now)
            .order_by(ObligationRecord.due_at, ObligationRecord.id)
            .limit(1000)
        ).all()
        return [(number, _duty(o)) for number, o in rows]
