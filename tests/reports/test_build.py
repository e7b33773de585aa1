"""The report's counts, from a history made with the workflow's own calls, on SQLite and
PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from report_history import history, unlawful_hold

from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.reports import InvalidThreshold, NoCaseRecords, Report, build_report, parse_period


def rows_by(report: Report, table: str, key: str) -> dict[Any, dict[str, Any]]:
    return {row[key]: row for row in report.tables[table].rows}


def test_a_quarter_counts_what_happened_and_compares_with_the_one_before(store: Store) -> None:
    history(Cases(store))
    report = build_report(store, parse_period("2025Q2"), public=False)
    kinds = rows_by(report, "requests_by_kind", "kind")
    # Q2 took in 3 detainers, 1 notification request, 1 interview request; Q1 one detainer and
    # the notification request of 23:30 on 31 March, Denver time (already 1 April in UTC).
    assert {k: (r["this_period"], r["previous_period"]) for k, r in kinds.items()} == {
        "detainer": (3, 1),
        "notification": (1, 1),
        "interview": (1, 0),
        "access": (0, 0),
        "subpoena": (0, 0),
        "information": (0, 0),
    }
    assert kinds["detainer"]["change"] == 2
    summary = rows_by(report, "summary", "measure")
    assert summary["Notices of release sent to ICE"]["this_period"] == 2
    assert summary["Releases of people with a request"]["previous_period"] == 1
    assert summary["Median notice lead time before release, minutes"]["this_period"] == 195.0
    assert summary["Median notice lead time before release, minutes"]["previous_period"] == -20.0

    lead = rows_by(report, "notice_lead_times", "lead_time")
    assert lead["less than 1 hour before"]["this_period"] == 1  # 30 minutes
    assert lead["4 to 24 hours before"]["this_period"] == 1  # 6 hours
    assert lead["sent after the release"]["previous_period"] == 1  # 20 minutes late

    advised = {
        (r["language"], r["in_language_of_choice"]) for r in report.tables["advisements"].rows
    }
    assert advised == {("es", "yes"), ("vi", "no")}  # Vietnamese to a Somali speaker

    monthly = rows_by(report, "monthly", "month")
    assert list(monthly) == ["2025-04", "2025-05", "2025-06"]
    assert [monthly[m]["requests"] for m in monthly] == [1, 2, 2]
    assert sum(int(r["detainer"]) for r in monthly.values()) == kinds["detainer"]["this_period"]


def test_each_decision_names_its_rules_document_and_sections(store: Store) -> None:
    history(Cases(store))
    report = build_report(store, parse_period("2025Q2"), public=False)
    holds = [r for r in report.tables["decisions"].rows if r["action"] == "hold_on_detainer"]
    by_document = {r["deciding_document"]: r for r in holds}
    # The hold question at release: refused on an ICE warrant, allowed on a judge's warrant.
    assert by_document["ICE warrant of arrest, I-200 (administrative)"]["verdict"] == "prohibited"
    assert by_document["Federal judge's warrant"]["verdict"] == "permitted"
    assert all("DRMC 28-253" in r["sections"] and r["rules"] for r in holds)
    assert sum(int(r["decisions"]) for r in report.tables["decisions"].rows) == 7


def test_holds_beyond_release_are_computed_and_must_be_zero(sqlite_store: Store) -> None:
    cases = Cases(sqlite_store)
    history(cases)
    clean = build_report(sqlite_store, parse_period("2025Q2"), public=False)
    finding = next(f for f in clean.findings if f.id == "holds_beyond_release")
    assert finding.ok and finding.count == 0 and "zero" in finding.text
    lawful = next(f for f in clean.findings if f.id == "holds_on_judicial_warrant")
    assert lawful.count == 1  # three hours past release, on a federal judge's warrant
    nyc = rows_by(clean, "nyc_detainer_counts", "count")
    held = next(k for k in nyc if k.startswith("Individuals held"))
    assert nyc[held]["this_period"] == 1

    unlawful_hold(cases)
    broken = build_report(sqlite_store, parse_period("2025Q2"), public=False)
    finding = next(f for f in broken.findings if f.id == "holds_beyond_release")
    assert not finding.ok and finding.count == 1
    cases_table = broken.tables["holds_beyond_release"].rows
    assert {
        (r["booking_number"], r["on_judicial_warrant"], r["minutes_held"]) for r in cases_table
    } == {("BKX-3", "yes", 180.0), ("BKX-6", "no", 120.0)}
    summary = rows_by(broken, "summary", "measure")
    assert (
        summary["Holds beyond release without a judge's warrant (must be zero)"]["this_period"] == 1
    )


def test_public_reports_hide_small_counts_and_show_zeros(sqlite_store: Store) -> None:
    history(Cases(sqlite_store))
    internal = build_report(sqlite_store, parse_period("2025Q2"), public=False)
    public = build_report(sqlite_store, parse_period("2025Q2"))
    assert "holds_beyond_release" not in public.tables
    hidden = 0
    for name, table in public.tables.items():
        for i, row in enumerate(table.rows):
            for column in table.columns:
                value, before = row[column.name], internal.tables[name].rows[i][column.name]
                if column.is_count and isinstance(before, int) and 0 < before < 5:
                    assert value is None and (i, column.name) in table.suppressed
                    hidden += 1
                elif (i, column.name) not in table.suppressed:
                    assert value == before
                if value == 0:
                    assert before == 0
    assert hidden > 20
    assert public.tables["requests_by_kind"].rows[3]["this_period"] == 0  # access: shown
    everything = build_report(sqlite_store, parse_period("2025Q2"), threshold=1)
    assert everything.tables["monthly"].rows == internal.tables["monthly"].rows
    assert all(not t.suppressed for t in everything.tables.values())


def test_a_bad_threshold_or_an_empty_database_is_refused(tmp_path: Any) -> None:
    for bad in (0, -3, True):
        with pytest.raises(InvalidThreshold, match="at least 1"):
            build_report(
                Store(f"sqlite:///{tmp_path / 'x.db'}"), parse_period("2025"), threshold=bad
            )
    missing = tmp_path / "nowhere.db"
    with pytest.raises(NoCaseRecords, match="no database at"):
        build_report(Store(f"sqlite:///{missing}"), parse_period("2025"))
    assert not missing.exists()  # reporting never creates a database
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(NoCaseRecords, match="never migrated"):
        build_report(Store(f"sqlite:///{empty}"), parse_period("2025"))


def test_a_month_alone_counts_as_it_does_inside_its_quarter(sqlite_store: Store) -> None:
    # The quarter and the one before hold every request (read by a plain scan); May and June
    # do not (read through the index): both ways must count June alike.
    history(Cases(sqlite_store))
    quarter = build_report(sqlite_store, parse_period("2025Q2"), public=False)
    june = build_report(sqlite_store, parse_period("2025-06"), public=False)
    in_quarter = rows_by(quarter, "monthly", "month")["2025-06"]
    assert june.tables["monthly"].rows == [in_quarter]
    may = rows_by(quarter, "monthly", "month")["2025-05"]
    kinds = rows_by(june, "requests_by_kind", "kind")
    assert kinds["detainer"]["previous_period"] == may["detainer"]
    assert kinds["notification"]["previous_period"] == may["notification"] == 1


def test_a_median_of_a_few_notices_is_hidden_with_their_count(sqlite_store: Store) -> None:
    history(Cases(sqlite_store))
    public = build_report(sqlite_store, parse_period("2025Q2"))
    summary = rows_by(public, "summary", "measure")
    median = summary["Median notice lead time before release, minutes"]
    assert summary["Notices of release sent to ICE"]["this_period"] is None  # 2 notices
    assert median["this_period"] is None and median["change"] is None
    shown = build_report(sqlite_store, parse_period("2025Q2"), threshold=2)
    assert (
        rows_by(shown, "summary", "measure")["Median notice lead time before release, minutes"][
            "this_period"
        ]
        == 195.0
    )


def test_decisions_alike_but_citing_differently_list_every_section(sqlite_store: Store) -> None:
    # As if one decision had been recorded under an older rulebook that cited one more section.
    from sqlalchemy import select

    from psepa.cases.models import DecisionRecord, Request

    history(Cases(sqlite_store))
    with sqlite_store.transaction() as s:
        keys = ("ICEX-2", "ICEX-7")  # two notification requests, alike, in Q2 and Q1
        records = (
            s.execute(select(DecisionRecord).join(Request).where(Request.request_key.in_(keys)))
            .scalars()
            .all()
        )
        assert len(records) == 2
        records[0].cites = [*records[0].cites, "EO 142 section 4"]
    report = build_report(sqlite_store, parse_period("2025-01-01..2025-06-30"), public=False)
    rows = [r for r in report.tables["decisions"].rows if r["request_kind"] == "notification"]
    assert len(rows) == 1 and rows[0]["decisions"] == 2
    assert str(rows[0]["sections"]).startswith("DRMC 28-253")
    assert str(rows[0]["sections"]).endswith("EO 142 section 4")


def test_an_unreachable_server_is_named_without_its_password(pg_url: str) -> None:
    base = pg_url.rsplit("/", 1)[0]
    user_and_host = base.split("//", 1)[1].split("@")[-1]
    url = f"postgresql+psycopg://reporter:s3cret-word@{user_and_host}/no_such_database"
    with pytest.raises(NoCaseRecords) as caught:
        build_report(Store(url), parse_period("2025"))
    assert "s3cret-word" not in str(caught.value) and "no_such_database" in str(caught.value)
