"""A report's counts kept by Denver day, so that a report reads days, not every record.

Reading a quarter or ten years from the records themselves costs a pass over every request,
decision, notice and advisement in it (`queries.gather`: 4 s for a quarter, 15 s for ten years
over a million requests). Here each count a report needs is kept per day in `report_tally`
(migration 0005), under a *family* and a *key*: requests by kind, decisions by what decided
them, notices by lead time and channel, and so on. A report sums the days of its period.

The tallies are recounted, never adjusted by deltas. Triggers mark the booking behind every
change (`report_dirty`, in the writer's own transaction, whoever wrote); `refresh` recounts from
the records every day on which a marked booking has, or had at its last recount, anything at
all (`report_footprint`). A recounted day is counted afresh from all its records, so it is
exact whatever the change was, and a wrong tally heals the next time its day is recounted.

Counts of people (distinct bookings) do not add up over days: a person with requests on two
days of a quarter is one person. They are kept as *first appearances*: a booking counts on a
day with the day of its previous appearance as the key (or none), and the people of a period
are those whose appearance in it follows none inside it (`_first_appearances`). People in
custody at a moment are the bookings that came into custody with a request before it less
those released before it, each kept on its day (`custody`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    bindparam,
    case,
    delete,
    distinct,
    exists,
    func,
    insert,
    inspect,
    literal_column,
    select,
    text,
    union,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from psepa.cases.store import Store
from psepa.reports.period import DENVER, Period
from psepa.reports.queries import (
    _A,
    _B,
    _D,
    _DUTY,
    _N,
    _O,
    _R,
    ICE_CUSTODY,
    Facts,
    Hold,
    _add,
    _first_seen,
    _Hours,
    _lead_minutes,
    released_on_judicial_paper,
)

_META = MetaData()
TALLY = Table(
    "report_tally",
    _META,
    Column("family", String(24), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("n", Integer, nullable=False),
)
FOOTPRINT = Table(
    "report_footprint",
    _META,
    Column("booking_id", Integer, primary_key=True, autoincrement=False),
    Column("days", Text, nullable=False),
)
DIRTY = Table(
    "report_dirty",
    _META,
    Column("booking_id", Integer, primary_key=True, autoincrement=False),
    Column("marks", Integer, nullable=False),
)

# Families whose counts are people: the event that makes a booking appear on a day.
PEOPLE = ("with_request", "with_detainer", "notified", "to_ice")
FAMILIES = (
    "requests",
    "decisions",
    "notices",
    "advisements",
    "outcomes",
    "released",
    "booked",
    "not_honored",
    "custody",
    "holds",
    "late_duty",
    *PEOPLE,
)
# Marked bookings recounted in one transaction when a report meets a large backlog.
BATCH = 20_000
# Days closer than this are recounted as one run: a query per run is cheaper than many.
_JOIN_GAP = 3

Counts = dict[tuple[str, dt.date, str], int]
T = TypeVar("T")
_TRIES = 5
_RETRY = ("40001", "40P01")  # serialization failure, deadlock


def present(store: Store) -> bool:
    """Whether the database has the tallies (migration 0005); older ones are read whole."""
    return inspect(store.engine).has_table("report_tally")


def current(store: Store, read: Callable[[Session], T]) -> T:
    """`read(session)` on tallies brought up to date in the same transaction (one snapshot).

    A backlog larger than a batch (the first report after migration 0005 or a bulk import
    marks every booking) is recounted first in batches of bookings, each its own transaction:
    a recount holds SQLite's one write lock, and a clerk's write must not wait behind a minute
    of recounting (it gives up after 30 s). The last batch and the reading share a snapshot."""
    while _in_transaction(store, _catch_up):
        pass

    def bring_up_to_date_and_read(s: Session) -> T:
        refresh(s)
        return read(s)

    return _in_transaction(store, bring_up_to_date_and_read)


def _catch_up(s: Session) -> int:
    """One batch of a large backlog, or nothing (0) once what is left fits in one batch."""
    beyond = select(DIRTY.c.booking_id).order_by(DIRTY.c.booking_id).offset(BATCH).limit(1)
    if s.execute(beyond).first() is None:
        return 0
    return refresh(s, limit=BATCH)


def _in_transaction(store: Store, work: Callable[[Session], T]) -> T:
    """`work` in one recount transaction: SQLite's write transaction, or on PostgreSQL a
    REPEATABLE READ one, tried again (a few times) when it meets a concurrent write to a
    booking it is clearing; writers never wait on it."""
    if store.engine.dialect.name != "postgresql":
        with store.transaction() as s:
            return work(s)
    engine = store.engine.execution_options(isolation_level="REPEATABLE READ")
    for attempt in range(_TRIES):
        try:
            with Session(engine) as s, s.begin():
                return work(s)
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) not in _RETRY or attempt == _TRIES - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def pending(s: Session) -> bool:
    """Whether any booking has changed since its last recount."""
    return s.execute(select(DIRTY.c.booking_id).limit(1)).first() is not None


def refresh(s: Session, limit: int | None = None) -> int:
    """Recount the days the marked bookings touch (or touched), in the caller's transaction;
    with `limit`, only for that many of them, the lowest booking ids first.

    Returns how many bookings were marked. The caller's transaction must be the only recount
    running and see one snapshot: SQLite's write lock gives both; on PostgreSQL the transaction
    is REPEATABLE READ and the lock on `report_tally_state`, taken before any query fixes the
    snapshot, makes recounts take turns. A write that lands while this runs marks its booking
    again (`marks` moves), so its mark is not cleared here and the next recount sees it; on
    PostgreSQL clearing such a mark fails the transaction with a serialization error, which
    the caller retries. A day recounted here is counted whole, from every booking's rows, so
    a batch leaves every day it touches exact."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("LOCK TABLE report_tally_state IN SHARE ROW EXCLUSIVE MODE"))
    query = select(DIRTY.c.booking_id, DIRTY.c.marks).order_by(DIRTY.c.booking_id)
    marked = s.execute(query if limit is None else query.limit(limit)).all()
    if not marked:
        return 0
    # The batch is every booking marked between its lowest and highest id: ids in order.
    batch = select(DIRTY.c.booking_id).where(
        DIRTY.c.booking_id.between(marked[0][0], marked[-1][0])
    )
    segments = _Hours(s.get_bind().dialect.name)
    days: set[dt.date] = set()
    for (stored,) in s.execute(
        select(FOOTPRINT.c.days).where(FOOTPRINT.c.booking_id.in_(batch))
    ):
        days.update(dt.date.fromisoformat(d) for d in stored.split(",") if d)
    footprints = _footprints(s, segments, batch)
    for touched in footprints.values():
        days.update(touched)
    for first, last in _runs(days):
        _recount(s, segments, first, last)
    s.execute(delete(FOOTPRINT).where(FOOTPRINT.c.booking_id.in_(batch)))
    rows = [
        {"booking_id": b, "days": ",".join(d.isoformat() for d in sorted(touched))}
        for b, touched in footprints.items()
    ]
    for chunk in _chunks(rows, 10_000):
        s.execute(insert(FOOTPRINT), chunk)
    cleared = [{"b": b, "m": m} for b, m in marked]
    for chunk in _chunks(cleared, 10_000):
        s.execute(
            delete(DIRTY).where(
                DIRTY.c.booking_id == bindparam("b"), DIRTY.c.marks == bindparam("m")
            ),
            chunk,
        )
    return len(marked)


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _runs(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    runs: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][1]).days <= _JOIN_GAP:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), DENVER).astimezone(dt.UTC)


def _day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(DENVER).date()


def _footprints(s: Session, segments: _Hours, marked: Any) -> dict[int, set[dt.date]]:
    """Every day on which each booking of `marked` (a query of ids) has a record that some
    family counts."""
    seg = segments.of
    parts = [
        select(_B.c.id, seg(_B.c.booked_at)).where(_B.c.id.in_(marked)),
        select(_B.c.id, seg(_B.c.released_at)).where(
            _B.c.id.in_(marked), _B.c.released_at.is_not(None)
        ),
        select(_R.c.booking_id, seg(_R.c.received_at)).where(_R.c.booking_id.in_(marked)),
        select(_R.c.booking_id, seg(_D.c.decided_at))
        .select_from(_D.join(_R, _R.c.id == _D.c.request_id))
        .where(_R.c.booking_id.in_(marked)),
        select(_R.c.booking_id, seg(_N.c.sent_at))
        .select_from(_N.join(_R, _R.c.id == _N.c.request_id))
        .where(_R.c.booking_id.in_(marked)),
        select(_A.c.booking_id, seg(_A.c.given_at)).where(_A.c.booking_id.in_(marked)),
        select(_O.c.booking_id, seg(_O.c.known_at)).where(_O.c.booking_id.in_(marked)),
        select(_DUTY.c.booking_id, seg(_DUTY.c.due_at)).where(
            _DUTY.c.booking_id.in_(marked), _DUTY.c.due_at.is_not(None)
        ),
    ]
    out: dict[int, set[dt.date]] = defaultdict(set)
    for booking, hour in s.execute(union(*parts)):
        out[booking].add(segments.day(hour))
    return out


def _recount(s: Session, segments: _Hours, first: dt.date, last: dt.date) -> None:
    """Replace every family's tallies of the days `first`..`last` with counts from the records."""
    start, end = _midnight(first), _midnight(last + dt.timedelta(days=1))
    for family in FAMILIES:
        s.execute(
            delete(TALLY).where(
                TALLY.c.family == family,
                TALLY.c.day >= first.isoformat(),
                TALLY.c.day <= last.isoformat(),
            )
        )
    # A row's day is the Denver day of its time, read in Python. SQLite compares the stored
    # text, and a time written by hand without microseconds ('2025-04-02 06:00:00') sorts
    # before the bound '2025-04-02 06:00:00.000000' of the next day: so the rows are read a
    # second beyond each end and kept by their own day, never by the text comparison.
    slack = dt.timedelta(seconds=1)
    counts = _count(s, segments, start - slack, end + slack)
    rows = [
        {"family": family, "day": day.isoformat(), "key": key, "n": n}
        for (family, day, key), n in counts.items()
        if n and first <= day <= last
    ]
    for chunk in _chunks(rows, 10_000):
        s.execute(insert(TALLY), chunk)


def _count(s: Session, segments: _Hours, start: dt.datetime, end: dt.datetime) -> Counts:
    dialect = s.get_bind().dialect.name
    seg, day = segments.of, segments.day
    counts: Counts = defaultdict(int)

    def between(col: Any) -> Any:
        return and_(col >= start, col < end)

    def grouped(family: str, query: Any, keyed: Any) -> None:
        for hour, *rest, n in s.execute(query):
            counts[(family, day(hour), keyed(*rest))] += int(n)

    def by(columns: int) -> list[Any]:
        return [literal_column(str(k)) for k in range(1, columns + 1)]

    grouped(
        "requests",
        select(seg(_R.c.received_at), _R.c.kind, func.count())
        .where(between(_R.c.received_at))
        .group_by(*by(2)),
        str,
    )
    grouped(
        "decisions",
        select(
            seg(_D.c.decided_at),
            _R.c.kind,
            _D.c.stage,
            _D.c.verdict,
            sql_cast(_D.c.rules, Text),
            sql_cast(_D.c.cites, Text),
            sql_cast(_R.c.documents, Text),
            func.count(),
        )
        .join(_R, _R.c.id == _D.c.request_id)
        .where(between(_D.c.decided_at))
        .group_by(*by(7)),
        lambda *k: json.dumps(list(k)),
    )
    grouped(
        "notices",
        select(seg(_N.c.sent_at), _lead_minutes(dialect), _N.c.channel, func.count())
        .select_from(_N.join(_R, _R.c.id == _N.c.request_id).join(_B, _B.c.id == _R.c.booking_id))
        .where(between(_N.c.sent_at))
        .group_by(*by(3)),
        lambda minutes, channel: json.dumps([None if minutes is None else int(minutes), channel]),
    )
    own = case((_A.c.language == _B.c.language, 1), else_=0)
    grouped(
        "advisements",
        select(seg(_A.c.given_at), _A.c.kind, _A.c.language, own, func.count())
        .join(_B, _B.c.id == _A.c.booking_id)
        .where(between(_A.c.given_at))
        .group_by(*by(4)),
        lambda kind, language, same: json.dumps([kind, language, bool(same)]),
    )
    grouped(
        "outcomes",
        select(seg(_O.c.known_at), _O.c.kind, func.count())
        .where(between(_O.c.known_at))
        .group_by(*by(2)),
        str,
    )
    asked = exists().where(_R.c.booking_id == _B.c.id)
    grouped(
        "released",
        select(seg(_B.c.released_at), func.count())
        .where(between(_B.c.released_at), asked)
        .group_by(*by(1)),
        lambda: "",
    )
    grouped(
        "booked",
        select(seg(_B.c.booked_at), func.count()).where(between(_B.c.booked_at)).group_by(*by(1)),
        lambda: "",
    )
    refused = exists().where(
        _D.c.request_id == _R.c.id,
        _R.c.booking_id == _B.c.id,
        _D.c.stage == "release",
        _D.c.verdict != "permitted",
        _R.c.kind == "detainer",
    )
    grouped(
        "not_honored",
        select(seg(_B.c.released_at), func.count(distinct(_B.c.id)))
        .where(between(_B.c.released_at), refused)
        .group_by(*by(1)),
        lambda: "",
    )
    grouped(
        "late_duty",
        select(seg(_DUTY.c.due_at), func.count())
        .where(
            _DUTY.c.kind == "release_without_delay",
            between(_DUTY.c.due_at),
            _DUTY.c.done_at.is_(None) | (_DUTY.c.done_at > _DUTY.c.due_at),
        )
        .group_by(*by(1)),
        lambda: "",
    )
    _custody(s, counts, start, end, between)
    _holds(s, counts, between)
    for family, event in _appearances():
        _first_appearances(s, segments, counts, family, event, start, end)
    return counts


def _appearances() -> list[tuple[str, tuple[Any, Any, Any, Any]]]:
    """What makes a person count, per people family: (booking, moment, rows, condition)."""
    notices = _N.join(_R, _R.c.id == _N.c.request_id)
    return [
        ("with_request", (_R.c.booking_id, _R.c.received_at, _R, None)),
        ("with_detainer", (_R.c.booking_id, _R.c.received_at, _R, _R.c.kind == "detainer")),
        ("notified", (_R.c.booking_id, _N.c.sent_at, notices, None)),
        ("to_ice", (_O.c.booking_id, _O.c.known_at, _O, _O.c.kind.in_(ICE_CUSTODY))),
    ]


def _custody(
    s: Session, counts: Counts, start: dt.datetime, end: dt.datetime, between: Any
) -> None:
    """Into custody with a request (`in`) when both the booking and its first request have
    happened; out (`out`) at the release, when the release came after that."""
    candidates = union(
        select(_B.c.id).where(between(_B.c.booked_at)),
        select(_B.c.id).where(between(_B.c.released_at)),
        select(_R.c.booking_id).where(between(_R.c.received_at)),
    ).subquery()
    first_request = (
        select(func.min(_R.c.received_at)).where(_R.c.booking_id == _B.c.id).scalar_subquery()
    )
    for booked, released, first in s.execute(
        select(_B.c.booked_at, _B.c.released_at, first_request).where(
            _B.c.id.in_(select(candidates.c[0]))
        )
    ):
        if first is None:
            continue
        entered = max(booked, _aware(first))
        if start <= entered < end:
            counts[("custody", _day(entered), "in")] += 1
        if released is not None and released >= entered and start <= released < end:
            counts[("custody", _day(released), "out")] += 1


def _aware(moment: dt.datetime) -> dt.datetime:
    # A scalar subquery's min() comes back through the column's type on every backend but
    # is coerced here too, so that comparing it with the booking's times never raises.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _holds(s: Session, counts: Counts, between: Any) -> None:
    """Releases after which ICE's custody was first known later than the release moment
    (queries._holds gives the reading), one key per booking, on the day of the release."""
    judicial = released_on_judicial_paper()
    first_custody = func.min(_O.c.known_at)
    for number, released, custody, on_warrant in s.execute(
        select(_B.c.booking_number, _B.c.released_at, first_custody, judicial)
        .select_from(_O.join(_B, _B.c.id == _O.c.booking_id))
        .where(_O.c.kind.in_(ICE_CUSTODY), between(_B.c.released_at))
        .group_by(_B.c.id, _B.c.booking_number, _B.c.released_at)
        .having(first_custody > _B.c.released_at)
    ):
        found = [number, released.isoformat(), _aware(custody).isoformat(), bool(on_warrant)]
        key = json.dumps(found)
        counts[("holds", _day(released), key)] += 1


def _first_appearances(
    s: Session,
    segments: _Hours,
    counts: Counts,
    family: str,
    event: tuple[Any, Any, Any, Any],
    start: dt.datetime,
    end: dt.datetime,
) -> None:
    """Each booking's days with an event in [start, end), keyed by its previous event day
    (whenever that was), or by "" for its first."""
    booking, moment, source, condition = event
    where = [condition] if condition is not None else []
    seen = select(booking).select_from(source).where(moment >= start, moment < end, *where)
    history = (
        select(booking, segments.of(moment))
        .select_from(source)
        .where(booking.in_(seen), *where)
        .distinct()
    )
    days: dict[int, set[dt.date]] = defaultdict(set)
    for b, hour in s.execute(history):
        days[b].add(segments.day(hour))
    first, last = _day(start), _day(end - dt.timedelta(microseconds=1))
    for appeared in days.values():
        ordered = sorted(appeared)
        for i, d in enumerate(ordered):
            if first <= d <= last:
                counts[(family, d, ordered[i - 1].isoformat() if i else "")] += 1


def gather_tallied(s: Session, period: Period, previous: Period) -> Facts:
    """The same `Facts` as `queries.gather`, summed from the days' tallies.

    The tallies must be current (`pending` false in the same snapshot); `build_report`
    recounts first when they are not."""
    facts = Facts(period, previous)
    first, split, last = previous.first, period.first, period.last

    def within(family: str, since: dt.date | None = first) -> list[Any]:
        """A family's tallies from `since` (or the first day ever) to the period's last day."""
        days = [TALLY.c.family == family, TALLY.c.day <= last.isoformat()]
        return days if since is None else [*days, TALLY.c.day >= since.isoformat()]

    def rows(family: str, since: dt.date | None = first) -> Iterator[tuple[dt.date, str, int]]:
        query = select(TALLY.c.day, TALLY.c.key, TALLY.c.n).where(
            *within(family, since), TALLY.c.n != 0
        )
        for day, key, n in s.execute(query):
            yield dt.date.fromisoformat(day), key, int(n)

    def totals(family: str) -> Iterator[tuple[bool, str, int]]:
        """A family's counts by key, for the period (True) and the one before, summed by the
        database: ten years of notices are 150,000 rows by day and lead time, a few thousand
        by lead time alone."""
        current = case((TALLY.c.day >= split.isoformat(), 1), else_=0)
        query = (
            select(current, TALLY.c.key, func.sum(TALLY.c.n))
            .where(*within(family))
            .group_by(literal_column("1"), TALLY.c.key)
        )
        for cur, key, n in s.execute(query):
            if n:
                yield bool(cur), key, int(n)

    def daily(family: str) -> Iterator[tuple[dt.date, int]]:
        query = (
            select(TALLY.c.day, func.sum(TALLY.c.n))
            .where(*within(family))
            .group_by(TALLY.c.day)
        )
        for day, n in s.execute(query):
            if n:
                yield dt.date.fromisoformat(day), int(n)

    for day, kind, n in rows("requests"):
        _add(facts.requests, (day, kind), n)

    variants: dict[tuple[bool, str, str, str, str, str], dict[str, int]] = defaultdict(dict)
    for cur, key, n in totals("decisions"):
        kind, stage, verdict, rules, cites, documents = json.loads(key)
        group = variants[(cur, kind, stage, verdict, rules, documents)]
        group[cites] = group.get(cites, 0) + n
    for (cur, kind, stage, verdict, rules, documents), by_cites in variants.items():
        groups: list[list[str]] = [json.loads(v) for v in sorted(by_cites)]
        order = _first_seen(groups)
        merged = sorted({c for group in groups for c in group}, key=order.__getitem__)
        grouped = (cur, kind, stage, verdict, rules, json.dumps(merged), documents)
        _add(facts.decisions, grouped, sum(by_cites.values()))

    for day, n in daily("notices"):
        _add(facts.notices_by_day, day, n)
    for cur, key, n in totals("notices"):
        minutes, channel = json.loads(key)
        _add(facts.lead_minutes, (cur, minutes), n)
        _add(facts.notice_channels, (cur, channel), n)

    for day, n in daily("advisements"):
        _add(facts.advisements_by_day, day, n)
    for cur, key, n in totals("advisements"):
        kind, language, own = json.loads(key)
        _add(facts.advisements, (cur, kind, language, bool(own)), n)

    for day, kind, n in rows("outcomes"):
        _add(facts.outcomes, (day >= split, kind), n)
        if kind in ICE_CUSTODY:
            _add(facts.ice_custody_by_day, day, n)

    people = facts.people
    people.setdefault((True, "booked"), 0)
    people.setdefault((False, "booked"), 0)
    for day, _key, n in rows("booked"):
        _add(people, (day >= split, "booked"), n)
    for day, _key, n in rows("released"):
        _add(facts.releases_by_day, day, n)
        _add(people, (day >= split, "released"), n)
        _add(people, (day >= split, "detainer_not_honored"), 0)
    for day, _key, n in rows("not_honored"):
        _add(people, (day >= split, "detainer_not_honored"), n)

    moves: dict[str, list[tuple[dt.date, int]]] = defaultdict(list)
    for day, key, n in rows("custody", since=None):
        moves[key].append((day, n))
    for cur, at in ((True, last + dt.timedelta(days=1)), (False, split)):
        held = sum(n for day, n in moves["in"] if day < at)
        held -= sum(n for day, n in moves["out"] if day < at)
        _add(people, (cur, "in_custody_at_end"), held)

    for family in PEOPLE:
        counted = {True: 0, False: 0}
        for day, before, n in rows(family):
            opens = split if day >= split else first
            if not before or dt.date.fromisoformat(before) < opens:
                counted[day >= split] += n
        for cur, n in counted.items():
            if n:
                people[(cur, family)] = n
    for cur in (True, False):
        if (cur, "with_request") in people:
            people.setdefault((cur, "with_detainer"), 0)

    holds = []
    for _when, key, _n in rows("holds"):
        number, released, custody, on_warrant = json.loads(key)
        holds.append(
            Hold(
                number,
                dt.datetime.fromisoformat(released),
                dt.datetime.fromisoformat(custody),
                bool(on_warrant),
            )
        )
    facts.holds = sorted(holds, key=lambda h: h.released_at)
    facts.late_release_duties = sum(n for day, _k, n in rows("late_duty", since=split))
    return facts
