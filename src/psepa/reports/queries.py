"""The counts a report needs, read from the case records in one snapshot.

Every query aggregates in the database (a report over a million requests moves a few thousand
grouped rows, not a million records) and covers the report's period and the one before it at
once, so the comparison costs no second pass. Times are grouped by the UTC hour: an hour falls
wholly inside one Denver day whatever daylight saving does, so Python can place each group in
its Denver day and month exactly, on SQLite (which knows no time zones) as on PostgreSQL.

No query selects a name; booking numbers are read only for the internal list of holds beyond
release, and `build` drops that list from public reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    Table,
    Text,
    and_,
    case,
    exists,
    func,
    literal_column,
    select,
)
from sqlalchemy import (
    cast as sql_cast,
)
from sqlalchemy.orm import Session

from psepa.cases.models import (
    Advisement,
    Booking,
    DecisionRecord,
    Notice,
    ObligationRecord,
    Outcome,
    Request,
)
from psepa.reports.period import DENVER, Period

# Outcome kinds that mean federal immigration authorities took the person into custody. The
# workflow lets a clerk name an outcome freely; these are the names psepa's importer and
# documentation use (docs/reports.md), read as a transfer to ICE for the NYC and TRUTH counts.
ICE_CUSTODY = ("released_to_ice", "transferred_to_ice", "ice_took_custody")

_B = cast(Table, Booking.__table__)
_R = cast(Table, Request.__table__)
_D = cast(Table, DecisionRecord.__table__)
_N = cast(Table, Notice.__table__)
_A = cast(Table, Advisement.__table__)
_O = cast(Table, Outcome.__table__)
_DUTY = cast(Table, ObligationRecord.__table__)


@dataclass(frozen=True)
class Hold:
    """A person handed to ICE later than the moment they were eligible for release."""

    booking_number: str
    released_at: dt.datetime
    custody_at: dt.datetime
    on_judicial_warrant: bool  # the release decision permitted custody on a judge's warrant


@dataclass
class Facts:
    """Grouped counts for the period (`cur`) and the one before (`prev`)."""

    period: Period
    previous: Period

    # (local day, request kind) -> requests received
    requests: dict[tuple[dt.date, str], int] = field(default_factory=dict)
    # (in period, kind, stage, verdict, rules JSON, cites JSON, documents JSON) -> decisions
    decisions: dict[tuple[bool, str, str, str, str, str, str], int] = field(default_factory=dict)
    notices_by_day: dict[dt.date, int] = field(default_factory=dict)
    # (in period, lead minutes or None when the release is not recorded) -> notices
    lead_minutes: dict[tuple[bool, int | None], int] = field(default_factory=dict)
    notice_channels: dict[tuple[bool, str], int] = field(default_factory=dict)
    advisements_by_day: dict[dt.date, int] = field(default_factory=dict)
    # (in period, kind, language, in the language of choice) -> advisements
    advisements: dict[tuple[bool, str, str, bool], int] = field(default_factory=dict)
    outcomes: dict[tuple[bool, str], int] = field(default_factory=dict)
    ice_custody_by_day: dict[dt.date, int] = field(default_factory=dict)
    releases_by_day: dict[dt.date, int] = field(default_factory=dict)
    holds: list[Hold] = field(default_factory=list)
    # counts of people (distinct bookings), for the NYC and California tables
    people: dict[tuple[bool, str], int] = field(default_factory=dict)
    late_release_duties: int = 0


def gather(s: Session, period: Period, previous: Period) -> Facts:
    start, split, end = previous.start, period.start, period.end
    dialect = s.get_bind().dialect.name
    facts = Facts(period, previous)
    days = _Days()

    def hour(col: Any) -> ColumnElement[str]:
        if dialect == "postgresql":
            return func.to_char(col, "YYYY-MM-DD HH24")
        return func.substr(col, 1, 13)

    def flag(col: Any) -> ColumnElement[int]:
        return case((col >= split, 1), else_=0)

    def within(col: Any) -> ColumnElement[bool]:
        return and_(col >= start, col < end)

    for h, kind, n in s.execute(
        select(hour(_R.c.received_at), _R.c.kind, func.count())
        .where(within(_R.c.received_at))
        .group_by(literal_column("1"), _R.c.kind)
    ):
        key = (days.of(h), kind)
        facts.requests[key] = facts.requests.get(key, 0) + n

    for cur, kind, stage, verdict, rules, cites, documents, n in s.execute(
        select(
            flag(_D.c.decided_at),
            _R.c.kind,
            _D.c.stage,
            _D.c.verdict,
            sql_cast(_D.c.rules, Text),
            sql_cast(_D.c.cites, Text),
            sql_cast(_R.c.documents, Text),
            func.count(),
        )
        .join(_R, _R.c.id == _D.c.request_id)
        .where(within(_D.c.decided_at))
        .group_by(*(literal_column(str(k)) for k in range(1, 8)))
    ):
        facts.decisions[(bool(cur), kind, stage, verdict, rules, cites, documents)] = n

    _by_day(s, hour(_N.c.sent_at), within(_N.c.sent_at), _N, facts.notices_by_day, days)
    lead = _lead_minutes(dialect)
    for cur, minutes, n in s.execute(
        select(flag(_N.c.sent_at), lead, func.count())
        .select_from(_N.join(_R, _R.c.id == _N.c.request_id).join(_B, _B.c.id == _R.c.booking_id))
        .where(within(_N.c.sent_at))
        .group_by(literal_column("1"), literal_column("2"))
    ):
        facts.lead_minutes[(bool(cur), None if minutes is None else int(minutes))] = n
    for cur, channel, n in s.execute(
        select(flag(_N.c.sent_at), _N.c.channel, func.count())
        .where(within(_N.c.sent_at))
        .group_by(literal_column("1"), _N.c.channel)
    ):
        facts.notice_channels[(bool(cur), channel)] = n

    _by_day(s, hour(_A.c.given_at), within(_A.c.given_at), _A, facts.advisements_by_day, days)
    own = case((_A.c.language == _B.c.language, 1), else_=0)
    for cur, kind, language, in_own, n in s.execute(
        select(flag(_A.c.given_at), _A.c.kind, _A.c.language, own, func.count())
        .join(_B, _B.c.id == _A.c.booking_id)
        .where(within(_A.c.given_at))
        .group_by(*(literal_column(str(k)) for k in range(1, 5)))
    ):
        facts.advisements[(bool(cur), kind, language, bool(in_own))] = n

    for cur, kind, n in s.execute(
        select(flag(_O.c.known_at), _O.c.kind, func.count())
        .where(within(_O.c.known_at))
        .group_by(literal_column("1"), _O.c.kind)
    ):
        facts.outcomes[(bool(cur), kind)] = n
    _by_day(
        s,
        hour(_O.c.known_at),
        and_(within(_O.c.known_at), _O.c.kind.in_(ICE_CUSTODY)),
        _O,
        facts.ice_custody_by_day,
        days,
    )
    has_request = exists().where(_R.c.booking_id == _B.c.id)
    _by_day(
        s,
        hour(_B.c.released_at),
        and_(within(_B.c.released_at), has_request),
        _B,
        facts.releases_by_day,
        days,
    )
    facts.holds = _holds(s, start, end)
    facts.people = _people(s, flag, within, has_request, end, split)
    facts.late_release_duties = _late_release_duties(s, split, end)
    return facts


class _Days:
    """UTC hour text (`YYYY-MM-DD HH`) to the Denver day it falls in, remembered."""

    def __init__(self) -> None:
        self.seen: dict[str, dt.date] = {}

    def of(self, text: str) -> dt.date:
        found = self.seen.get(text)
        if found is None:
            moment = dt.datetime.strptime(text, "%Y-%m-%d %H").replace(tzinfo=dt.UTC)
            found = self.seen[text] = moment.astimezone(DENVER).date()
        return found


def _by_day(
    s: Session,
    bucket: ColumnElement[str],
    where: ColumnElement[bool],
    table: Table,
    into: dict[dt.date, int],
    days: _Days,
) -> None:
    for h, n in s.execute(
        select(bucket, func.count()).select_from(table).where(where).group_by(literal_column("1"))
    ):
        day = days.of(h)
        into[day] = into.get(day, 0) + n


def _lead_minutes(dialect: str) -> ColumnElement[Any]:
    """Minutes from the notice to the release it announced (negative: sent after release)."""
    if dialect == "postgresql":
        seconds = func.extract("epoch", _B.c.released_at - _N.c.sent_at)
        return sql_cast(func.round(seconds / 60), Integer)
    days = func.julianday(_B.c.released_at) - func.julianday(_N.c.sent_at)
    return sql_cast(func.round(days * 1440), Integer)


def _holds(s: Session, start: dt.datetime, end: dt.datetime) -> list[Hold]:
    """Releases in the window after which ICE took custody later than the release moment.

    The records keep when an outcome became known, not a separate moment of hand-over; psepa
    reads an ICE-custody outcome known after the release moment as custody that went on past
    eligibility for release. That is the strict reading: a transfer merely logged late is
    counted too, and the internal report lists each one so that it can be checked."""
    first = (
        select(_O.c.booking_id, func.min(_O.c.known_at).label("custody_at"))
        .where(_O.c.kind.in_(ICE_CUSTODY))
        .group_by(_O.c.booking_id)
        .subquery()
    )
    judicial = exists().where(
        _D.c.request_id == _R.c.id,
        _R.c.booking_id == _B.c.id,
        _D.c.stage == "release",
        _D.c.verdict == "permitted",
        sql_cast(_R.c.documents, Text).like('%"federal_judicial_warrant"%')
        | sql_cast(_R.c.documents, Text).like('%"judicial_writ"%'),
    )
    rows = s.execute(
        select(_B.c.booking_number, _B.c.released_at, first.c.custody_at, judicial)
        .join(first, first.c.booking_id == _B.c.id)
        .where(
            _B.c.released_at >= start,
            _B.c.released_at < end,
            first.c.custody_at > _B.c.released_at,
        )
        .order_by(_B.c.released_at)
    ).all()
    return [Hold(number, released, custody, bool(j)) for number, released, custody, j in rows]


def _people(
    s: Session,
    flag: Any,
    within: Any,
    has_request: ColumnElement[bool],
    end: dt.datetime,
    split: dt.datetime,
) -> dict[tuple[bool, str], int]:
    """Distinct people (bookings) behind the counts that NYC and California report by person."""
    out: dict[tuple[bool, str], int] = {}

    def count(name: str, rows: Iterable[Any]) -> None:
        for cur, n in rows:
            out[(bool(cur), name)] = n

    detainer = (
        select(flag(_R.c.received_at).label("cur"), _R.c.booking_id)
        .where(within(_R.c.received_at), _R.c.kind == "detainer")
        .distinct()
        .subquery()
    )
    count(
        "with_detainer",
        s.execute(select(detainer.c.cur, func.count()).group_by(detainer.c.cur)),
    )
    any_request = (
        select(flag(_R.c.received_at).label("cur"), _R.c.booking_id)
        .where(within(_R.c.received_at))
        .distinct()
        .subquery()
    )
    count(
        "with_request",
        s.execute(select(any_request.c.cur, func.count()).group_by(any_request.c.cur)),
    )
    notified = (
        select(flag(_N.c.sent_at).label("cur"), _R.c.booking_id)
        .join(_R, _R.c.id == _N.c.request_id)
        .where(within(_N.c.sent_at))
        .distinct()
        .subquery()
    )
    count("notified", s.execute(select(notified.c.cur, func.count()).group_by(notified.c.cur)))
    to_ice = (
        select(flag(_O.c.known_at).label("cur"), _O.c.booking_id)
        .where(within(_O.c.known_at), _O.c.kind.in_(ICE_CUSTODY))
        .distinct()
        .subquery()
    )
    count("to_ice", s.execute(select(to_ice.c.cur, func.count()).group_by(to_ice.c.cur)))
    refused = (
        select(flag(_D.c.decided_at).label("cur"), _R.c.booking_id)
        .join(_R, _R.c.id == _D.c.request_id)
        .where(
            within(_D.c.decided_at),
            _D.c.stage == "release",
            _D.c.verdict != "permitted",
            _R.c.kind == "detainer",
        )
        .distinct()
        .subquery()
    )
    count(
        "detainer_not_honored",
        s.execute(select(refused.c.cur, func.count()).group_by(refused.c.cur)),
    )
    count(
        "booked",
        s.execute(
            select(flag(_B.c.booked_at), func.count())
            .where(within(_B.c.booked_at))
            .group_by(literal_column("1"))
        ),
    )
    count(
        "released",
        s.execute(
            select(flag(_B.c.released_at), func.count())
            .where(within(_B.c.released_at), has_request)
            .group_by(literal_column("1"))
        ),
    )
    for cur, at in ((True, end), (False, split)):
        out[(cur, "in_custody_at_end")] = s.execute(
            select(func.count())
            .select_from(_B)
            .where(
                _B.c.booked_at < at,
                (_B.c.released_at.is_(None)) | (_B.c.released_at >= at),
                exists().where(_R.c.booking_id == _B.c.id, _R.c.received_at < at),
            )
        ).scalar_one()
    return out


def _late_release_duties(s: Session, start: dt.datetime, end: dt.datetime) -> int:
    """Duties to release without delay, due in the period, done late or not at all."""
    return int(
        s.execute(
            select(func.count())
            .select_from(_DUTY)
            .where(
                _DUTY.c.kind == "release_without_delay",
                _DUTY.c.due_at >= start,
                _DUTY.c.due_at < end,
                (_DUTY.c.done_at.is_(None)) | (_DUTY.c.done_at > _DUTY.c.due_at),
            )
        ).scalar_one()
    )
