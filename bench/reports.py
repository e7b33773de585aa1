"""How long a transparency report takes over a million requests in SQLite, against the floor.

Run: `.venv/bin/python bench/reports.py [--rows N] [--runs N] [--keep FILE]`.

1. Load `--rows` requests (default 1,000,000) over two years, 2024 and 2025, one booking each,
   with bench/cases.py's bulk path (bookings, requests, decisions, duties and the audit chain,
   as the workflow writes them). Then, so that every table a report reads has rows: 80% of the
   bookings released 0 to 95 hours after booking; a notice on every released detainer and
   notification request, 0 to 299 minutes before the release (one in 20 after it); an
   advisement before each notice (one in ten not in the person's language); and ICE custody
   recorded at the release for a third of released detainers. These follow-up rows are written
   by plain SQL (they are data for the reads, not a measure of the workflow). With `--keep`,
   the database is kept in FILE and reused by the next run (with the days of work of step 4
   that earlier runs added to it).
2. Bring the schema to the newest migration: on a kept file made before migration 0004 this
   builds its indexes on event times over the kept rows, once, and says how long it took.
3. Bring the day tallies (migration 0005) up to date over every booking, timed: what the first
   report after that migration, or after a bulk import, costs once.
4. Time `build_report` (one snapshot, all tables, the comparison with the previous period) for
   the quarter 2025Q2 and for ten years, 2016-01-01..2025-12-31, median of `--runs` runs
   (default 5) each, four ways:
   - *after a day's work*: before each run, and outside its time, a day of the workflow in
     the quarter (`--day` bookings, default 200, booked, given a detainer each with
     `Cases.intake_many`, and released, every step with its audit entry): the report recounts
     the days those bookings touch, then sums the tallies. What the first report of a morning
     costs;
   - *first reading*: tallies current, nothing kept (`psepa.reports.cache.forget`);
   - *again, records unchanged*: the counts kept from the last reading of the same period;
   - *read from the records*: `queries.gather`, the direct count the tallies replace, for
     comparison (the tallies must give the same counts: tests/reports/test_report_tallies.py).
   Then build and render to JSON, and build and render to HTML (which draws the three charts),
   both with the counts kept. Target: under 2 s each. A PDF (WeasyPrint's layout) is timed
   once, for information.
5. The peer, measured in the same run on the same file: one `SELECT kind, count(*) FROM
   requests ... GROUP BY kind` over the same period, the least any report of requests by kind
   must read. The ratios say how many such scans a report costs.
6. The kept counts are checked to be exact: one request is moved out of the quarter by plain
   SQL on a connection of its own (no workflow, no audit entry) and the quarter's report must
   count one fewer; it is moved back and the report must count as before.
7. With `--intake-cost`, what the tallies' triggers (migration 0005) cost the workflow: fresh
   databases in a temporary folder, at migration 0004 and at the newest, alternated, each
   taking the same 300 bookings (`Cases.book`, one durable commit each) and 2,000 intakes
   (`Cases.intake_many`, batches of 100); median of `--runs`.

A report whose counts disagree with a direct count of the rows is a correctness failure (exit
status 1); a missed target is reported as MISSED.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.orm import Session

BENCH = Path(__file__).resolve().parent
# bench/ goes last on the path: a script there named like a standard module must not stand in
# for it (bench/http.py once shadowed `http`, which WeasyPrint needs; it is http_api.py now).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH] + [str(BENCH)]

from _report import Metric, Report, heading  # noqa: E402
from cases import BOOKED, MDT, bulk_load, item_for  # noqa: E402
from psepa.cases.store import MIGRATIONS, Store  # noqa: E402
from psepa.cases.workflow import Cases  # noqa: E402
from psepa.reports import Period, build_report, parse_period, render, tallies  # noqa: E402
from psepa.reports.cache import forget  # noqa: E402
from psepa.reports.queries import gather  # noqa: E402

TARGET = 2.0  # seconds per report

FOLLOW_UP = (
    # Eligible for release (and released) 0 to 95 hours after booking; one in five still held.
    "UPDATE bookings SET released_at = datetime(booked_at, '+' || (id % 96) || ' hours', "
    "'+' || (id % 60) || ' minutes'), release_basis = 'bond_posted' WHERE id % 5 != 0",
    # A notice before most releases, a few after.
    "INSERT INTO notices (request_id, sent_at, channel, sent_by) "
    "SELECT r.id, datetime(b.released_at, CASE WHEN r.id % 20 = 0 THEN '+15 minutes' "
    "ELSE '-' || (r.id % 300) || ' minutes' END), r.channel, 'bench' FROM requests r "
    "JOIN bookings b ON b.id = r.booking_id "
    "WHERE b.released_at IS NOT NULL AND r.kind IN ('detainer', 'notification')",
    "INSERT INTO advisements (booking_id, request_id, kind, language, given_at, given_by) "
    "SELECT b.id, r.id, 'advise_notified_person', CASE WHEN r.id % 10 = 0 THEN 'en' "
    "ELSE b.language END, datetime(n.sent_at, '-10 minutes'), 'bench' FROM notices n "
    "JOIN requests r ON r.id = n.request_id JOIN bookings b ON b.id = r.booking_id",
    "INSERT INTO outcomes (booking_id, kind, known_at, note) "
    "SELECT b.id, 'released_to_ice', b.released_at, '' FROM bookings b "
    "JOIN requests r ON r.booking_id = b.id "
    "WHERE b.released_at IS NOT NULL AND r.kind = 'detainer' AND b.id % 3 = 0",
)


def load(path: Path, rows: int) -> Store:
    fresh = not path.exists()
    store = Store(f"sqlite:///{path}")
    if fresh:
        store.migrate()
        started = time.perf_counter()
        bulk_load(store, rows)
        with store.engine.begin() as conn:
            for sql in FOLLOW_UP:
                conn.execute(text(sql))
        print(f"  loaded {rows:,} requests in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    with store.engine.connect() as conn:
        before = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    store.migrate()
    with store.engine.connect() as conn:
        after = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    if before != after:
        took = time.perf_counter() - started
        print(f"  schema {before} -> {after} over the kept rows in {took:.1f} s", flush=True)
    with store.engine.connect() as conn:
        counts = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("requests", "decisions", "notices", "advisements", "outcomes")
        }
        conn.execute(text("ANALYZE"))
    print("  rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()), flush=True)
    if counts["requests"] < rows:  # a kept file also holds earlier runs' days of work
        raise SystemExit(
            f"{path} holds {counts['requests']:,} requests, fewer than {rows:,}: "
            "remove it or give --rows to match"
        )
    return store


def median_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def floor(store: Store, period: Period) -> int:
    with store.reading() as s:
        rows = s.execute(
            text(
                "SELECT kind, count(*) FROM requests WHERE received_at >= :a "
                "AND received_at < :b GROUP BY kind"
            ),
            {
                "a": period.start.replace(tzinfo=None).isoformat(" "),
                "b": period.end.replace(tzinfo=None).isoformat(" "),
            },
        ).all()
    return sum(n for _k, n in rows)


def full_recount(store: Store, report: Report) -> None:
    """Every booking marked, then one recount of every day, as after migration 0005."""
    heading("day tallies brought up to date over every booking")
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO report_dirty (booking_id, marks) SELECT id, 1 FROM bookings "
                "WHERE true ON CONFLICT (booking_id) DO NOTHING"
            )
        )
        marked = conn.execute(text("SELECT count(*) FROM report_dirty")).scalar_one()
    batches: list[float] = []
    catch_up = tallies._catch_up

    def timed(s: Session) -> int:  # each batch is one transaction holding the write lock
        started = time.perf_counter()
        done = catch_up(s)
        batches.append(time.perf_counter() - started)
        return done

    tallies._catch_up = timed  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        tallies.current(store, lambda s: None)
        took = time.perf_counter() - started
    finally:
        tallies._catch_up = catch_up  # type: ignore[assignment]
    longest = max(batches)
    print(
        f"  {marked:,} bookings recounted in {took:.1f} s, in {len(batches)} transactions of "
        f"at most {tallies.BATCH:,} bookings; the longest held the write lock {longest:.1f} s",
        flush=True,
    )
    report.add(Metric("full recount, once after migration 0005 or a bulk import", took, "s"))
    report.add(Metric("full recount: longest transaction (a clerk's longest wait)", longest, "s"))


class Day:
    """A day of the workflow at the jail, each run a new one, inside the quarter."""

    def __init__(self, store: Store, bookings: int) -> None:
        self.cases, self.bookings, self.done = Cases(store), bookings, 0
        self.run = time.strftime("%Y%m%d%H%M%S")  # a kept file keeps earlier runs' bookings

    def work(self) -> None:
        day = dt.datetime(2025, 4, 1, 0, 30, tzinfo=MDT) + dt.timedelta(days=self.done)
        numbers = [f"DAY{self.run}-{self.done}-{i}" for i in range(self.bookings)]
        for number in numbers:
            self.cases.book(number, "Ana Example", "es", day)
        received = day + dt.timedelta(hours=7)
        items = [dataclasses.replace(item_for(n), received_at=received) for n in numbers]
        for i in range(0, len(items), 100):
            self.cases.intake_many(items[i : i + 100])
        for number in numbers:
            released = day + dt.timedelta(hours=13)
            self.cases.release(number, released, "bond_posted", "bench")
        self.done += 1


def bench(store: Store, name: str, period: Period, runs: int, day: Day, report: Report) -> None:
    heading(f"{name}: {period.label}")
    forget(store)
    kinds = build_report(store, period, public=True).tables["requests_by_kind"].rows
    counted = sum(int(r["this_period"] or 0) for r in kinds)
    direct = floor(store, period)
    report.check(counted == direct, f"{name}: report counts {counted:,} requests, rows {direct:,}")
    print(f"  requests in the period: {direct:,}", flush=True)

    def first_reading() -> object:
        forget(store)
        return build_report(store, period, public=True)

    after_day = []
    for _ in range(runs):
        day.work()
        started = time.perf_counter()
        first_reading()
        after_day.append(time.perf_counter() - started)
    morning = statistics.median(after_day)
    cold = median_of(runs, first_reading)
    took = median_of(runs, lambda: build_report(store, period, public=True))

    def read_records() -> object:
        with store.reading() as s:
            return gather(s, period, period.previous())

    records = median_of(max(1, runs // 2), read_records)
    as_json = median_of(runs, lambda: render(build_report(store, period), "json"))
    as_html = median_of(runs, lambda: render(build_report(store, period), "html"))
    peer = median_of(runs, lambda: floor(store, period))
    print(
        f"  medians of {runs}: build_report after a day's work ({day.bookings} bookings) "
        f"{morning:.3f} s; first reading, tallies current {cold:.3f} s; again, records "
        f"unchanged {took:.3f} s; counts read from the records instead {records:.3f} s; "
        f"build + JSON {as_json:.3f} s; build + HTML with its three charts {as_html:.3f} s; "
        f"floor (one GROUP BY) {peer:.3f} s; after a day / floor {morning / peer:.1f}x",
        flush=True,
    )
    report.add(Metric(f"{name}: build_report, after a day's work", morning, "s", TARGET))
    report.add(Metric(f"{name}: build_report, first reading", cold, "s", TARGET))
    report.add(Metric(f"{name}: build_report, again, records unchanged", took, "s", TARGET))
    report.add(Metric(f"{name}: counts read from the records (no tallies)", records, "s"))
    report.add(Metric(f"{name}: build + JSON", as_json, "s", TARGET))
    report.add(Metric(f"{name}: build + HTML (charts)", as_html, "s", TARGET))
    report.add(Metric(f"{name}: floor, one GROUP BY kind", peer, "s"))
    report.add(Metric(f"{name}: after a day's work / floor", morning / peer, "x"))
    saved = records / morning
    report.add(Metric(f"{name}: read from the records / after a day's work", saved, "x"))
    pdf = median_of(1, lambda: render(build_report(store, period), "pdf"))
    report.add(Metric(f"{name}: build + PDF (one run)", pdf, "s"))


def requests_counted(store: Store, period: Period) -> int:
    rows = build_report(store, period, threshold=1).tables["requests_by_kind"].rows
    return sum(int(r["this_period"] or 0) for r in rows)


def check_cache(store: Store, path: Path, report: Report) -> None:
    """A change made outside the workflow, on another connection, must reach the next report."""
    heading("kept counts follow a change made by plain SQL")
    raw = sqlite3.connect(path)
    for period in (parse_period("2025Q2"), parse_period("2016-01-01..2025-12-31")):
        bounds = tuple(t.replace(tzinfo=None).isoformat(" ") for t in (period.start, period.end))
        moved = raw.execute(
            "SELECT id, received_at FROM requests WHERE received_at >= ? AND received_at < ? "
            "LIMIT 1",
            bounds,
        ).fetchone()
        if moved is not None:
            break
    else:
        raw.close()
        report.fail("no request in either period to move")
        return
    print(f"  period {period.label}", flush=True)
    before = requests_counted(store, period)
    try:
        with raw:
            raw.execute(
                "UPDATE requests SET received_at = '2001-06-01 12:00:00.000000' WHERE id = ?",
                (moved[0],),
            )
        after = requests_counted(store, period)
    finally:
        with raw:
            raw.execute("UPDATE requests SET received_at = ? WHERE id = ?", (moved[1], moved[0]))
        raw.close()
    restored = requests_counted(store, period)
    report.check(
        (after, restored) == (before - 1, before),
        f"{period.label} counted {before:,} requests, {after:,} with one moved out by SQL, "
        f"{restored:,} with it moved back",
    )
    print(f"  {before:,} requests; {after:,} with one moved out; {restored:,} again", flush=True)


def at_revision(path: Path, revision: str) -> Store:
    store = Store(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return store


def intake_cost(runs: int, report: Report) -> None:
    """The same bookings and intakes at migration 0003 and at the newest, alternated."""
    heading("what the tallies' triggers cost the workflow (SQLite, durable commits)")
    bookings, intakes = 300, 2_000
    rates: dict[str, list[tuple[float, float]]] = {"0004": [], "head": []}
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            for revision in ("0004", "head"):
                store = at_revision(Path(folder) / f"{revision}-{run}.db", revision)
                cases = Cases(store)
                numbers = [f"C{run}-{i}" for i in range(intakes)]
                for number in numbers[bookings:]:
                    cases.book(number, "Ana Example", "es", BOOKED)
                started = time.perf_counter()
                for number in numbers[:bookings]:
                    cases.book(number, "Ana Example", "es", BOOKED)
                booked = bookings / (time.perf_counter() - started)
                started = time.perf_counter()
                for i in range(0, intakes, 100):
                    cases.intake_many([item_for(n) for n in numbers[i : i + 100]])
                taken = intakes / (time.perf_counter() - started)
                rates[revision].append((booked, taken))
                store.close()
    for revision, label in (("0004", "without the 0005 triggers"), ("head", "with them")):
        booked = statistics.median(b for b, _t in rates[revision])
        taken = statistics.median(t for _b, t in rates[revision])
        print(f"  {label}: book {booked:,.0f}/s; intake_many {taken:,.0f}/s", flush=True)
        report.add(Metric(f"{label}: Cases.book, one commit each", booked, "/s"))
        report.add(Metric(f"{label}: Cases.intake_many, batches of 100", taken, "/s"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--day", type=int, default=200, help="bookings in a day's work")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the database in this file")
    parser.add_argument(
        "--intake-cost", action="store_true", help="also time the workflow with and without 0005"
    )
    args = parser.parse_args()
    report = Report()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "reports.db"
        heading(f"load {args.rows:,} requests into SQLite ({path.name})")
        store = load(path, args.rows)
        try:
            full_recount(store, report)
            day = Day(store, args.day)
            bench(store, "quarter", parse_period("2025Q2"), args.runs, day, report)
            ten_years = parse_period("2016-01-01..2025-12-31")
            bench(store, "ten years", ten_years, args.runs, day, report)
            check_cache(store, path, report)
            if args.intake_cost:
                intake_cost(args.runs, report)
        finally:
            store.close()
    return report.finish()


if __name__ == "__main__":
    raise SystemExit(main())
