"""The counts a report needs, read from the case records in one snapshot.

Every query aggregates in the database (a report over a million requests moves a few thousand
grouped rows, not a million records) and covers the report's period and the one before it at
once, so the comparison costs no second pass. Times are grouped by the UTC hour and placed in
their Denver day in Python (`_Hours`), exact on SQLite (which knows no time zones) as on
PostgreSQL.

No query selects a name; booking numbers are read only for the internal list of holds beyond
release, and `build` drops that list from public reports.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    Table,
    Text,
    and_,
    case,
    distinct,
    exists,
    func,
    literal_column,
    select,
    true,
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
    segments = _Hours(dialect)
    seg = segments.of

    def flag(col: Any) -> ColumnElement[int]:
        return case((col >= split, 1), else_=0)

    bounds: dict[str, ColumnElement[bool]] = {}

    def within(col: Any) -> ColumnElement[bool]:
        # A time that is never empty may drop the condition when every row meets it (see
        # `_covering`); one that may be empty (a release not yet made) keeps it.
        if col.nullable:
            return and_(col >= start, col < end)
        key = f"{col.table.name}.{col.name}"
        if key not in bounds:
            bounds[key] = _covering(s, col, start, end)
        return bounds[key]

    received = within(_R.c.received_at)

    for k, kind, n in s.execute(
        select(seg(_R.c.received_at), _R.c.kind, func.count())
        .where(received)
        .group_by(literal_column("1"), _R.c.kind)
    ):
        _add(facts.requests, (segments.day(k), kind), n)

    text_of = partial(sql_cast, type_=Text)
    grouped = (
        flag(_D.c.decided_at),
        _R.c.kind,
        _D.c.stage,
        _D.c.verdict,
        text_of(_D.c.rules),
        text_of(_R.c.documents),
    )
    for cur, kind, stage, verdict, rules, documents, low, high, n in s.execute(
        select(*grouped, func.min(text_of(_D.c.cites)), func.max(text_of(_D.c.cites)), func.count())
        .join(_R, _R.c.id == _D.c.request_id)
        .where(within(_D.c.decided_at))
        .group_by(*(literal_column(str(k)) for k in range(1, 7)))
    ):
        # The sections are gathered per group, not grouped by: decisions with the same rules
        # and verdict cite the same sections, and grouping by long text sorts every decision.
        # Where a group's decisions do cite differently, every variant is fetched.
        variants = (
            [low]
            if low == high
            else _variants(s, grouped, within, (cur, kind, stage, verdict, rules, documents))
        )
        groups: list[list[str]] = [json.loads(v) for v in variants]
        order = _first_seen(groups)
        merged = sorted({c for group in groups for c in group}, key=order.__getitem__)
        key = (bool(cur), kind, stage, verdict, rules, json.dumps(merged), documents)
        _add(facts.decisions, key, n)

    for k, n in s.execute(
        select(seg(_N.c.sent_at), func.count())
        .where(within(_N.c.sent_at))
        .group_by(literal_column("1"))
    ):
        _add(facts.notices_by_day, segments.day(k), n)
    for cur, minutes, channel, n in s.execute(
        select(flag(_N.c.sent_at), _lead_minutes(dialect), _N.c.channel, func.count())
        .select_from(_N.join(_R, _R.c.id == _N.c.request_id).join(_B, _B.c.id == _R.c.booking_id))
        .where(within(_N.c.sent_at))
        .group_by(literal_column("1"), literal_column("2"), literal_column("3"))
    ):
        _add(facts.lead_minutes, (bool(cur), None if minutes is None else int(minutes)), n)
        _add(facts.notice_channels, (bool(cur), channel), n)

    own = case((_A.c.language == _B.c.language, 1), else_=0)
    for k, kind, language, in_own, n in s.execute(
        select(seg(_A.c.given_at), _A.c.kind, _A.c.language, own, func.count())
        .join(_B, _B.c.id == _A.c.booking_id)
        .where(within(_A.c.given_at))
        .group_by(*(literal_column(str(k)) for k in range(1, 5)))
    ):
        day = segments.day(k)
        _add(facts.advisements_by_day, day, n)
        _add(facts.advisements, (_in(period, day), kind, language, bool(in_own)), n)

    for k, kind, n in s.execute(
        select(seg(_O.c.known_at), _O.c.kind, func.count())
        .where(within(_O.c.known_at))
        .group_by(literal_column("1"), _O.c.kind)
    ):
        day = segments.day(k)
        _add(facts.outcomes, (_in(period, day), kind), n)
        if kind in ICE_CUSTODY:
            _add(facts.ice_custody_by_day, day, n)

    _bookings(s, facts, segments, within)
    facts.holds = _holds(s, start, end)
    facts.people.update(_people(s, flag, within, received))
    facts.late_release_duties = _late_release_duties(s, split, end)
    return facts


def _add(into: dict[Any, int], key: Any, n: int) -> None:
    into[key] = into.get(key, 0) + int(n)


def _in(period: Period, day: dt.date) -> bool:
    return period.first <= day <= period.last


def _first_seen(groups: list[list[str]]) -> dict[str, int]:
    """Each section's first place in the decisions' own order (the deciding rule's first)."""
    first: dict[str, int] = {}
    for group in groups:
        for c in group:
            first.setdefault(c, len(first))
    return first


def _variants(
    s: Session, grouped: tuple[Any, ...], within: Any, values: tuple[Any, ...]
) -> list[str]:
    """Every distinct list of sections cited within one group of decisions."""
    text_of = sql_cast(_D.c.cites, Text)
    query = (
        select(text_of)
        .join(_R, _R.c.id == _D.c.request_id)
        .where(
            within(_D.c.decided_at),
            *(column == value for column, value in zip(grouped, values, strict=True)),
        )
        .distinct()
        .order_by(text_of)
    )
    return [str(v) for v in s.execute(query).scalars()]


class _Hours:
    """Group by the UTC hour, placed in its Denver day in Python.

    An hour lies wholly inside one Denver day whatever daylight saving does, so grouping by
    the hour's text (a cheap prefix of the stored time on SQLite) and placing each group in
    its day and month afterwards is exact on SQLite, which knows no time zones, as on
    PostgreSQL. (A balanced CASE tree over month starts was tried: its per-row cost in
    SQLite's VM was three times that of the prefix.)"""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.seen: dict[str, dt.date] = {}

    def of(self, col: Any) -> ColumnElement[str]:
        if self.dialect == "postgresql":
            return func.to_char(col, "YYYY-MM-DD HH24")
        return func.substr(col, 1, 13)

    def day(self, hour: str) -> dt.date:
        found = self.seen.get(hour)
        if found is None:
            moment = dt.datetime.strptime(hour, "%Y-%m-%d %H").replace(tzinfo=dt.UTC)
            found = self.seen[hour] = moment.astimezone(DENVER).date()
        return found


def _bookings(s: Session, facts: Facts, segments: _Hours, within: Any) -> None:
    """Releases by hour, bookings made, people still in custody at each period's end, and
    detainers not honoured at release.

    Each is its own query on the index of the time it is about, so a quarter reads that
    quarter's bookings and not every booking ever made. (One pass over all bookings with the
    conditions OR'd together read the whole table: 2.5 s of a quarter's 6.5 s, 1,000,000
    requests.)"""
    split, end = facts.period.start, facts.period.end
    people = facts.people
    asked = exists().where(_R.c.booking_id == _B.c.id)

    people.setdefault((True, "booked"), 0)
    people.setdefault((False, "booked"), 0)
    for cur, n in s.execute(
        select(case((_B.c.booked_at >= split, 1), else_=0), func.count())
        .where(within(_B.c.booked_at))
        .group_by(literal_column("1"))
    ):
        _add(people, (bool(cur), "booked"), n)

    for k, n in s.execute(
        select(segments.of(_B.c.released_at), func.count())
        .where(within(_B.c.released_at), asked)
        .group_by(literal_column("1"))
    ):
        day = segments.day(k)
        _add(facts.releases_by_day, day, n)
        _add(people, (_in(facts.period, day), "released"), n)
        _add(people, (_in(facts.period, day), "detainer_not_honored"), 0)

    # Detainers not honoured, read from the few decisions taken at release rather than by
    # asking of every release whether one exists. The release time is wrapped so that SQLite
    # starts from the decisions even when their window is the whole table (starting from the
    # release index read every release of ten years: 1.6 s against 0.6 s).
    release_time = func.coalesce(_B.c.released_at, None)
    for k, n in s.execute(
        select(segments.of(_B.c.released_at), func.count(distinct(_B.c.id)))
        .select_from(_D.join(_R, _R.c.id == _D.c.request_id).join(_B, _B.c.id == _R.c.booking_id))
        .where(
            within(_D.c.decided_at),
            _D.c.stage == "release",
            _D.c.verdict != "permitted",
            _R.c.kind == "detainer",
            release_time >= facts.previous.start,
            release_time < end,
        )
        .group_by(literal_column("1"))
    ):
        _add(people, (_in(facts.period, segments.day(k)), "detainer_not_honored"), n)

    def held_at(at: dt.datetime) -> ColumnElement[int]:
        still = and_(
            _B.c.booked_at < at,
            _B.c.released_at.is_(None) | (_B.c.released_at >= at),
            exists().where(_R.c.booking_id == _B.c.id, _R.c.received_at < at),
        )
        return func.sum(case((still, 1), else_=0))

    # Whoever was held at a period's end is either not released yet or released after the
    # start of the later period: two ranges of the release index instead of the whole table.
    for where in (
        _B.c.released_at.is_(None),
        and_(_B.c.released_at >= split, _B.c.booked_at < end),
    ):
        at_end, at_split = s.execute(select(held_at(end), held_at(split)).where(where)).one()
        _add(people, (True, "in_custody_at_end"), at_end or 0)
        _add(people, (False, "in_custody_at_end"), at_split or 0)


def _people(
    s: Session, flag: Any, within: Any, received: ColumnElement[bool]
) -> dict[tuple[bool, str], int]:
    """Distinct people (bookings) behind the counts that NYC and California report by person."""
    out: dict[tuple[bool, str], int] = {}
    detainer = case((_R.c.kind == "detainer", _R.c.booking_id), else_=None)
    for cur, anyone, with_detainer in s.execute(
        select(
            flag(_R.c.received_at),
            func.count(distinct(_R.c.booking_id)),
            func.count(distinct(detainer)),
        )
        .where(received)
        .group_by(literal_column("1"))
    ):
        out[(bool(cur), "with_request")] = anyone
        out[(bool(cur), "with_detainer")] = with_detainer
    for cur, n in s.execute(
        select(flag(_N.c.sent_at), func.count(distinct(_R.c.booking_id)))
        .join(_R, _R.c.id == _N.c.request_id)
        .where(within(_N.c.sent_at))
        .group_by(literal_column("1"))
    ):
        out[(bool(cur), "notified")] = n
    for cur, n in s.execute(
        select(flag(_O.c.known_at), func.count(distinct(_O.c.booking_id)))
        .where(within(_O.c.known_at), _O.c.kind.in_(ICE_CUSTODY))
        .group_by(literal_column("1"))
    ):
        out[(bool(cur), "to_ice")] = n
    return out


def _lead_minutes(dialect: str) -> ColumnElement[Any]:
    """Minutes from the notice to the release it announced (negative: sent after release)."""
    if dialect == "postgresql":
        seconds = func.extract("epoch", _B.c.released_at - _N.c.sent_at)
        return sql_cast(func.round(seconds / 60), Integer)
    days = func.julianday(_B.c.released_at) - func.julianday(_N.c.sent_at)
    return sql_cast(func.round(days * 1440), Integer)


def released_on_judicial_paper() -> Any:
    """Whether a booking's release decision permitted custody on a judge's warrant or writ:
    a hold beyond release on such paper is lawful, and the report says which holds were."""
    return exists().where(
        _D.c.request_id == _R.c.id,
        _R.c.booking_id == _B.c.id,
        _D.c.stage == "release",
        _D.c.verdict == "permitted",
        sql_cast(_R.c.documents, Text).like('%"federal_judicial_warrant"%')
        | sql_cast(_R.c.documents, Text).like('%"judicial_writ"%'),
    )


def _holds(s: Session, start: dt.datetime, end: dt.datetime) -> list[Hold]:
    """Releases in the window after which ICE took custody later than the release moment.

    The records keep when an outcome became known, not a separate moment of hand-over; psepa
    reads an ICE-custody outcome known after the release moment as custody that went on past
    eligibility for release. That is the strict reading: a transfer merely logged late is
    counted too, and the internal report lists each one so that it can be checked."""
    judicial = released_on_judicial_paper()
    # Read from the custody outcomes known after the window opened (an index range), not from
    # every person's first custody ever: a hold's custody comes after its release, and the
    # release is in the window. The first custody must be after the release, so none before.
    earlier = _O.alias("earlier")
    custody_before = exists().where(
        earlier.c.booking_id == _B.c.id,
        earlier.c.kind.in_(ICE_CUSTODY),
        earlier.c.known_at <= _B.c.released_at,
    )
    rows = s.execute(
        select(_B.c.booking_number, _B.c.released_at, func.min(_O.c.known_at), judicial)
        .select_from(_O.join(_B, _B.c.id == _O.c.booking_id))
        .where(
            _O.c.kind.in_(ICE_CUSTODY),
            _O.c.known_at > start,
            _O.c.known_at > _B.c.released_at,
            _B.c.released_at >= start,
            _B.c.released_at < end,
            ~custody_before,
        )
        .group_by(_B.c.id, _B.c.booking_number, _B.c.released_at)
        .order_by(_B.c.released_at)
    ).all()
    return [Hold(number, released, custody, bool(j)) for number, released, custody, j in rows]


def _covering(s: Session, col: Any, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
    """The condition that `col` (an indexed time) falls in [start, end), or no condition at all
    when every row does: a range that covers the whole index is read faster as a plain scan of
    the table than through the index (one look-up per row). The bounds come from the index."""
    # Two queries: SQLite answers a lone min() or max() from the index, but not the pair.
    low = s.execute(select(func.min(col))).scalar_one()
    high = s.execute(select(func.max(col))).scalar_one()
    if low is None or (low >= start and high < end):
        # A row with no time at all (a duty not yet due) is in no period: min() and max()
        # pass over it, so it must be left out here, not swept in with the rest.
        return col.is_not(None) if col.nullable else true()
    return and_(col >= start, col < end)


def _late_release_duties(s: Session, start: dt.datetime, end: dt.datetime) -> int:
    """Duties to release without delay, due in the period, done late or not at all."""
    return int(
        s.execute(
            select(func.count())
            .select_from(_DUTY)
            .where(
                _DUTY.c.kind == "release_without_delay",
                _covering(s, _DUTY.c.due_at, start, end),
                (_DUTY.c.done_at.is_(None)) | (_DUTY.c.done_at > _DUTY.c.due_at),
            )
        ).scalar_one()
    )
