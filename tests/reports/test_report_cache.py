"""A report asked for again reuses its counts only while the records are unchanged: a change
from another connection, by the workflow or by plain SQL, reaches the next report at once. On
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from report_history import NAME, history
from sqlalchemy import text

from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.reports import Report, build_report, parse_period
from psepa.reports.cache import forget

Q2 = parse_period("2025Q2")


def detainers(report: Report) -> int:
    rows = {r["kind"]: r for r in report.tables["requests_by_kind"].rows}
    return int(rows["detainer"]["this_period"])


def test_a_change_made_elsewhere_reaches_the_next_report(store: Store) -> None:
    history(Cases(store))
    before = detainers(build_report(store, Q2, public=False))
    assert detainers(build_report(store, Q2, public=False)) == before  # unchanged: same answer

    # Another clerk's process: its own Store (its own connections) on the same database.
    other = Store(store.url)
    try:
        cases = Cases(other)
        at = dt.datetime(2025, 5, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-6)))
        cases.book("BKX-CACHE", NAME, "en", at)
        cases.intake("ICEX-CACHE", "BKX-CACHE", "detainer", at, "fax", True, ["i_247a"])
        assert detainers(build_report(store, Q2, public=False)) == before + 1

        # A repair by plain SQL writes no audit entry, and must be seen all the same.
        with other.transaction() as s:
            s.execute(
                text("UPDATE requests SET kind = 'subpoena' WHERE request_key = 'ICEX-CACHE'")
            )
        assert detainers(build_report(store, Q2, public=False)) == before
    finally:
        other.close()


def test_forgetting_reads_afresh_with_the_same_answer(sqlite_store: Store) -> None:
    history(Cases(sqlite_store))
    kept = build_report(sqlite_store, Q2, public=False).to_dict()
    forget(sqlite_store)
    assert build_report(sqlite_store, Q2, public=False).to_dict() == kept
