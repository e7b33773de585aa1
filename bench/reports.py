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
   the database is kept in FILE and reused by the next run.
2. Time `build_report` (one snapshot, all tables, the comparison with the previous period) for
   the quarter 2025Q2 and for ten years, 2016-01-01..2025-12-31; then build and render to JSON,
   and build and render to HTML (which draws the three charts). Median of `--runs` runs
   (default 5). Target: under 2 s each. A PDF (WeasyPrint's layout) is timed once, for
   information.
3. The peer, measured in the same run on the same file: one `SELECT kind, count(*) FROM
   requests ... GROUP BY kind` over the same period, the least any report of requests by kind
   must read. The ratio says how many such scans a whole report costs.

4. With `--time-indexes`, the two builds again with an index on every event time (decided,
   sent, given, known, released, booked), created for the run and dropped after it: what a
   migration adding them would buy.

A report whose counts disagree with a direct count of the rows is a correctness failure (exit
status 1); a missed target is reported as MISSED.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

BENCH = Path(__file__).resolve().parent
# bench/ goes last on the path: a script there named like a standard module (bench/http.py)
# must not stand in for it (WeasyPrint imports urllib, which imports http).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH] + [str(BENCH)]

from _report import Metric, Report, heading  # noqa: E402
from cases import bulk_load  # noqa: E402
from psepa.cases.store import Store  # noqa: E402
from psepa.reports import Period, build_report, parse_period, render  # noqa: E402

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
    with store.engine.connect() as conn:
        counts = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("requests", "decisions", "notices", "advisements", "outcomes")
        }
        conn.execute(text("ANALYZE"))
    print("  rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()), flush=True)
    if counts["requests"] != rows:
        raise SystemExit(
            f"{path} holds {counts['requests']:,} requests, not {rows:,}: "
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


def bench(store: Store, name: str, period: Period, runs: int, report: Report) -> None:
    heading(f"{name}: {period.label}")
    built = build_report(store, period, public=True)
    kinds = built.tables["requests_by_kind"].rows
    counted = sum(int(r["this_period"] or 0) for r in kinds)
    direct = floor(store, period)
    report.check(counted == direct, f"{name}: report counts {counted:,} requests, rows {direct:,}")
    print(f"  requests in the period: {direct:,}", flush=True)
    took = median_of(runs, lambda: build_report(store, period, public=True))
    as_json = median_of(runs, lambda: render(build_report(store, period), "json"))
    as_html = median_of(runs, lambda: render(build_report(store, period), "html"))
    peer = median_of(runs, lambda: floor(store, period))
    print(
        f"  medians of {runs}: build_report {took:.3f} s; build + JSON {as_json:.3f} s; "
        f"build + HTML with its three charts {as_html:.3f} s; floor (one GROUP BY) "
        f"{peer:.3f} s; build / floor {took / peer:.1f}x",
        flush=True,
    )
    report.add(Metric(f"{name}: build_report", took, "s", TARGET))
    report.add(Metric(f"{name}: build + JSON", as_json, "s", TARGET))
    report.add(Metric(f"{name}: build + HTML (charts)", as_html, "s", TARGET))
    report.add(Metric(f"{name}: floor, one GROUP BY kind", peer, "s"))
    report.add(Metric(f"{name}: build_report / floor", took / peer, "x"))
    pdf = median_of(1, lambda: render(build_report(store, period), "pdf"))
    report.add(Metric(f"{name}: build + PDF (one run)", pdf, "s"))


TIME_INDEXES = {
    "bench_decisions_decided_at": "decisions (decided_at)",
    "bench_notices_sent_at": "notices (sent_at)",
    "bench_advisements_given_at": "advisements (given_at)",
    "bench_outcomes_known_at": "outcomes (known_at)",
    "bench_bookings_released_at": "bookings (released_at)",
    "bench_bookings_booked_at": "bookings (booked_at)",
}


def with_time_indexes(store: Store, runs: int, report: Report) -> None:
    """The same builds with an index on each event time (what a migration could add), then
    the indexes dropped again: the schema is not the report's to change."""
    heading("with an index on every event time (bench only; dropped afterwards)")
    started = time.perf_counter()
    with store.engine.begin() as conn:
        for name, target in TIME_INDEXES.items():
            conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {target}"))
        conn.execute(text("ANALYZE"))
    print(f"  indexes built in {time.perf_counter() - started:.1f} s", flush=True)
    try:
        for name, period in (
            ("quarter", parse_period("2025Q2")),
            ("ten years", parse_period("2016-01-01..2025-12-31")),
        ):
            took = median_of(runs, lambda p=period: build_report(store, p))
            print(f"  {name}: build_report median {took:.3f} s", flush=True)
            report.add(Metric(f"{name}: build_report, time indexes", took, "s", TARGET))
    finally:
        with store.engine.begin() as conn:
            for name in TIME_INDEXES:
                conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the database in this file")
    parser.add_argument(
        "--time-indexes", action="store_true", help="also time the builds with event-time indexes"
    )
    args = parser.parse_args()
    report = Report()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "reports.db"
        heading(f"load {args.rows:,} requests into SQLite ({path.name})")
        store = load(path, args.rows)
        try:
            bench(store, "quarter", parse_period("2025Q2"), args.runs, report)
            bench(store, "ten years", parse_period("2016-01-01..2025-12-31"), args.runs, report)
            if args.time_indexes:
                with_time_indexes(store, args.runs, report)
        finally:
            store.close()
    return report.finish()


if __name__ == "__main__":
    raise SystemExit(main())
