"""The jail-system CSV importer, on a real SQLite file and a real PostgreSQL server: a small
file, bad rows (all or nothing, or keep the good ones), re-import, the bulk path against the
public methods, and the real Travis County file (SQLite only)."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import orjson
import pytest
from sqlalchemy import func, inspect, select

from psepa.cases import audit
from psepa.cases.importer import (
    TRAVIS_DISPOSITIONS,
    TRAVIS_MAPPING,
    ImportReport,
    Mapping,
    import_bookings_csv,
    shared_data_dir,
)
from psepa.cases.models import (
    AuditEntry,
    Booking,
    DecisionRecord,
    ObligationRecord,
    Outcome,
    Request,
)
from psepa.cases.store import Store
from psepa.cases.workflow import Cases

CHICAGO = ZoneInfo("America/Chicago")
HEADER = [
    "booking_no",
    "booking_date",
    "race",
    "sex",
    "age",
    "place_of_birth",
    "n_charges",
    "n_ice_detainer_lines",
    "ice_detainer_disposition",
    "ice_detainer_disposition_date",
    "source_row",
]
SENTINEL = "Atlantis-Birthplace"  # a place of birth that must not reach the database
FORBIDDEN_COLUMN = re.compile(
    r"place_of_birth|birth|citizen|nationalit|immigration_status|national_origin", re.I
)


def travis_row(number: str, booked: str, disposition: str = "", disposed: str = "") -> list[str]:
    return [number, booked, "W", "M", "30", SENTINEL, "2", "1", disposition, disposed, "5"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


# Lines 2 to 6 of the file: header is line 1.
GOOD = [
    travis_row("0000123", "2025-06-02", "RELEASED TO ICE", "2025-06-05"),
    travis_row("0000124", "2025-06-02", "WARRANT WITHDRAWN", "2025-06-03"),
    travis_row("0000125", "2025-06-03"),  # still pending
    travis_row("0000126", "2012-03-10", "RELEASED TO TDCJ-ID", "2012-04-01"),
    travis_row("0000127", "2025-06-04", "ESCAPE", "2025-06-06"),
]


def noon(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12), CHICAGO)


def counts(store: Store) -> dict[str, int]:
    with store.transaction() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Booking, Request, DecisionRecord, ObligationRecord, Outcome, AuditEntry)
        }


def verified(store: Store) -> int:
    with store.transaction() as s:
        return audit.verify(s)


def test_a_small_file_imports_correctly(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "small.csv", GOOD)
    report = import_bookings_csv(Cases(store), path, TRAVIS_MAPPING)
    assert report.errors == []
    assert (report.rows_read, report.bookings, report.requests) == (5, 5, 5)
    assert (report.releases, report.outcomes, report.unchanged) == (2, 4, 0)
    assert report.outcome_kinds == Counter(
        released_to_ice=1, detainer_withdrawn=1, released_to_state_prison=1, escaped=1
    )
    with store.transaction() as s:
        bookings = {b.booking_number: b for b in s.scalars(select(Booking))}
        assert set(bookings) == {"0000123", "0000124", "0000125", "0000126", "0000127"}
        first = bookings["0000123"]
        assert (first.name, first.language) == ("(not imported)", "und")
        assert first.booked_at == noon("2025-06-02")
        assert first.released_at == noon("2025-06-05") and first.release_basis == "other_law"
        assert bookings["0000124"].released_at is None, "a withdrawn detainer is no release"
        assert bookings["0000125"].released_at is None
        assert bookings["0000127"].released_at is None, "an escape is no release"
        request = s.scalars(select(Request).where(Request.request_key == "travis-0000123")).one()
        assert (request.kind, request.documents, request.channel) == (
            "detainer",
            ["i_247a"],
            "electronic",
        )
        assert request.in_writing and request.received_at == noon("2025-06-02")
        assert request.requester == "federal_immigration"
        stages = Counter((d.stage, d.verdict) for d in s.scalars(select(DecisionRecord)))
        assert stages[("release", "prohibited")] == 1, "2025: no hold on an I-247A alone"
        outcomes = {(o.kind, o.note) for o in s.scalars(select(Outcome))}
        assert ("released_to_ice", "travis: RELEASED TO ICE") in outcomes
        assert not any(o[0] is None for o in outcomes)
        duty = s.scalars(
            select(ObligationRecord).where(
                ObligationRecord.booking_id == first.id,
                ObligationRecord.kind == "release_without_delay",
            )
        ).first()
        assert duty is not None and duty.done_at == noon("2025-06-05")
        bodies = " ".join(s.scalars(select(AuditEntry.body)))
    assert SENTINEL not in bodies and "place_of_birth" not in bodies
    # booked, received, decision per row; released + release decision for 2 rows; 4 outcomes
    assert verified(store) == 5 * 3 + 2 * 2 + 4


BAD = [
    GOOD[0],
    GOOD[1],
    travis_row("0000200", "2025-13-02", "RELEASED TO ICE", "2025-06-05"),  # line 4
    GOOD[2],
    travis_row("0000201", "2025-06-02", "BEAMED UP", "2025-06-03"),  # line 6
    travis_row("", "2025-06-02", "RELEASED TO ICE", "2025-06-03"),  # line 7
    GOOD[3],
]


def test_a_bad_row_in_the_middle_writes_nothing_and_names_the_line(
    store: Store, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD)
    report = import_bookings_csv(Cases(store), path, TRAVIS_MAPPING)
    assert not report.ok and report.bad_rows == 3 and report.rows_read == 7
    assert report.errors == [
        "bad.csv line 4, column booking_date: '2025-13-02' is not a date in the form YYYY-MM-DD",
        "bad.csv line 6, column ice_detainer_disposition: unknown disposition code 'BEAMED UP' "
        "(not in the travis mapping; add it there and to docs/import-mapping.md)",
        "bad.csv line 7, column booking_no: no booking number",
    ]
    assert (report.bookings, report.requests, report.releases, report.outcomes) == (0, 0, 0, 0)
    assert set(counts(store).values()) == {0}, "nothing written"
    assert verified(store) == 0


def test_keep_good_rows_commits_the_good_ones(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD)
    report = import_bookings_csv(Cases(store), path, TRAVIS_MAPPING, all_or_nothing=False)
    assert report.bad_rows == 3 and len(report.errors) == 3
    assert (report.bookings, report.requests, report.releases, report.outcomes) == (4, 4, 2, 3)
    with store.transaction() as s:
        numbers = set(s.scalars(select(Booking.booking_number)))
    assert numbers == {"0000123", "0000124", "0000125", "0000126"}
    assert verified(store) == 4 * 3 + 2 * 2 + 3


def test_other_bad_rows_are_named_too(store: Store, tmp_path: Path) -> None:
    rows = [
        GOOD[0],
        travis_row("0000123", "2025-06-02", "RELEASED TO ICE", "2025-06-05"),  # repeated
        travis_row("0000300", "2025-06-09", "RELEASED TO ICE", "2025-06-01"),  # before booking
        travis_row("0000301", "2025-06-09", "RELEASED TO ICE", ""),  # no date
        travis_row("0000302", "2025-06-09", "", "2025-06-10"),  # a date but no code
    ]
    path = write_csv(tmp_path / "odd.csv", rows)
    with path.open("a", encoding="utf-8") as f:
        f.write("0000303,2025-06-09\n")  # line 7: a short row
    report = import_bookings_csv(Cases(store), path, TRAVIS_MAPPING)
    assert [e.split(":")[0] for e in report.errors] == [
        "odd.csv line 3, column booking_no",
        "odd.csv line 4, column ice_detainer_disposition_date",
        "odd.csv line 5, column ice_detainer_disposition_date",
        "odd.csv line 6, column ice_detainer_disposition_date",
        "odd.csv line 7, column ice_detainer_disposition",
    ]
    assert "already appears on line 2" in report.errors[0]
    assert set(counts(store).values()) == {0}
    missing = write_csv(tmp_path / "nocol.csv", [])
    missing.write_text("booking_no,booking_date\n1,2025-01-01\n", encoding="utf-8")
    report = import_bookings_csv(Cases(store), missing, TRAVIS_MAPPING)
    assert report.errors[0].startswith("nocol.csv line 1 (header): no column")


def test_reimport_is_idempotent(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "small.csv", GOOD)
    cases = Cases(store)
    import_bookings_csv(cases, path, TRAVIS_MAPPING)
    before, entries = counts(store), verified(store)
    again = import_bookings_csv(cases, path, TRAVIS_MAPPING)
    assert again.ok and again.unchanged == 5
    assert (again.bookings, again.requests, again.releases, again.outcomes) == (0, 0, 0, 0)
    assert counts(store) == before and verified(store) == entries
    # A later export: the pending detainer was disposed of, and a new booking came in.
    later = write_csv(
        tmp_path / "later.csv",
        [
            *GOOD[:2],
            travis_row("0000125", "2025-06-03", "RELEASED TO ICE", "2025-06-10"),
            *GOOD[3:],
            travis_row("0000128", "2025-06-11"),
        ],
    )
    report = import_bookings_csv(cases, later, TRAVIS_MAPPING)
    assert report.ok and report.unchanged == 4
    assert (report.bookings, report.requests, report.releases, report.outcomes) == (1, 1, 1, 1)
    with store.transaction() as s:
        booking = s.scalars(select(Booking).where(Booking.booking_number == "0000125")).one()
        assert booking.released_at == noon("2025-06-10")
    assert verified(store) == entries + 3 + 3  # new row: 3; released row: release x2, outcome
    assert import_bookings_csv(cases, later, TRAVIS_MAPPING).unchanged == 6


def test_a_booking_number_already_used_by_another_booking_is_a_bad_row(
    store: Store, tmp_path: Path
) -> None:
    cases = Cases(store)
    cases.book("0000124", "Ana Example", "es", noon("2025-05-01"))
    path = write_csv(tmp_path / "small.csv", GOOD)
    report = import_bookings_csv(cases, path, TRAVIS_MAPPING)
    assert len(report.errors) == 1 and report.errors[0].startswith("small.csv line 3: booking")
    assert "already in the database" in report.errors[0]
    assert counts(store)["bookings"] == 1, "all or nothing: nothing else written either"
    kept = import_bookings_csv(cases, path, TRAVIS_MAPPING, all_or_nothing=False)
    assert kept.bookings == 4 and len(kept.errors) == 1
    assert verified(store) == 1 + 4 * 3 + 2 * 2 + 3


def _snapshot(store: Store) -> dict[str, Any]:
    """Every record, without its ids, in a stable order."""
    with store.transaction() as s:
        number = {i: n for i, n in s.execute(select(Booking.id, Booking.booking_number))}
        key = {i: k for i, k in s.execute(select(Request.id, Request.request_key))}
        decision = {d.id: (key[d.request_id], d.stage) for d in s.scalars(select(DecisionRecord))}
        bodies = []
        for body in s.scalars(select(AuditEntry.body).order_by(AuditEntry.seq)):
            record = orjson.loads(body)
            bodies.append({k: v for k, v in record.items() if k not in ("id", "prev", "seq")})
        return {
            "bookings": sorted(
                (b.booking_number, b.name, b.language, b.booked_at, b.released_at, b.release_basis)
                for b in s.scalars(select(Booking))
            ),
            "requests": sorted(
                (
                    r.request_key,
                    number[r.booking_id],
                    r.kind,
                    r.requester,
                    r.documents,
                    r.received_at,
                    r.channel,
                    r.in_writing,
                )
                for r in s.scalars(select(Request))
            ),
            "decisions": sorted(
                (
                    (key[d.request_id], d.stage),
                    orjson.dumps(d.situation, option=orjson.OPT_SORT_KEYS),
                    d.version,
                    d.rulebook,
                    d.verdict,
                    d.rules,
                    d.cites,
                    d.decided_at,
                )
                for d in s.scalars(select(DecisionRecord))
            ),
            "duties": sorted(
                (
                    decision[o.decision_id],
                    number[o.booking_id],
                    o.kind,
                    o.text,
                    o.due,
                    o.due_at or dt.datetime.min.replace(tzinfo=dt.UTC),
                    o.done_at or dt.datetime.min.replace(tzinfo=dt.UTC),
                    o.done_by or "",
                )
                for o in s.scalars(select(ObligationRecord))
            ),
            "outcomes": sorted(
                (number[o.booking_id], o.kind, o.known_at, o.note)
                for o in s.scalars(select(Outcome))
            ),
            "audit": bodies,
        }


def test_the_bulk_path_writes_what_the_public_methods_write(store: Store, tmp_path: Path) -> None:
    rows = [
        *GOOD,
        *(
            travis_row(f"09{i:05}", "2025-07-01", code, "2025-07-02")
            for i, code in enumerate(c for c in TRAVIS_DISPOSITIONS if c)
        ),
    ]
    path = write_csv(tmp_path / "all.csv", rows)
    bulk = import_bookings_csv(Cases(store), path, TRAVIS_MAPPING, batch_size=7)
    reference = Store(f"sqlite:///{tmp_path / 'reference.db'}")
    reference.migrate()
    slow = import_bookings_csv(Cases(reference), path, TRAVIS_MAPPING, via_workflow=True)
    try:
        assert bulk.ok and slow.ok
        assert (bulk.bookings, bulk.requests, bulk.releases, bulk.outcomes) == (
            slow.bookings,
            slow.requests,
            slow.releases,
            slow.outcomes,
        )
        mine, theirs = _snapshot(store), _snapshot(reference)
        assert mine["duties"], "2025 dates: the ordinance's duties are in play"
        for table in theirs:
            assert mine[table] == theirs[table], table
        assert verified(store) == verified(reference)
    finally:
        reference.close()


def test_a_mapping_may_not_read_status_or_origin() -> None:
    for column in ("place_of_birth", "citizenship", "Nationality", "immigration_status", "race"):
        with pytest.raises(ValueError, match="psepa stores no"):
            Mapping(
                name="x",
                booking_number="booking_no",
                booking_date="booking_date",
                disposition="d",
                disposition_date="dd",
                dispositions={},
                name_column=column,
            )
    assert "place_of_birth" in TRAVIS_MAPPING.dropped
    assert "place_of_birth" not in TRAVIS_MAPPING.columns()


def test_the_command_exits_2_naming_the_bad_lines(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    command = [sys.executable, "-m", "psepa", "case", "import-csv", str(path), "--db", db]
    run = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert run.returncode == 2, run.stderr
    assert "bad.csv line 4, column booking_date" in run.stderr
    assert "nothing was written" in run.stdout
    run = subprocess.run(
        [*command, "--keep-good-rows"], capture_output=True, text=True, check=False, timeout=120
    )
    assert run.returncode == 2 and "new bookings 4" in run.stdout
    good = write_csv(tmp_path / "good.csv", GOOD)
    run = subprocess.run(
        [*command[:5], str(good), "--db", db, "--format", "travis"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "new bookings 1" in run.stdout and "rows already imported 4" in run.stdout


# --- the real Travis County file -----------------------------------------------------------

TRAVIS_DIR = shared_data_dir() / "travis-county-ice-detainers"
TRAVIS_FILE = TRAVIS_DIR / "travis_bookings_2000_2016.csv"


@pytest.mark.skipif(
    not TRAVIS_FILE.is_file(),
    reason=f"the shared data folder is absent: no {TRAVIS_FILE} "
    "(set PSEPA_SHARED_DATA to the folder holding travis-county-ice-detainers/)",
)
def test_the_travis_file_imports_on_sqlite(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'travis.db'}")
    store.migrate()
    try:
        started = time.perf_counter()
        report = import_bookings_csv(Cases(store), TRAVIS_FILE, TRAVIS_MAPPING)
        seconds = time.perf_counter() - started
        print(f"\nTravis import on SQLite: {seconds:.1f} s\n{report.summary()}")
        _check_travis(store, report)
    finally:
        store.close()


def _check_travis(store: Store, report: ImportReport) -> None:
    with TRAVIS_FILE.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert report.errors == []
    assert report.rows_read == len(rows) == 9533
    assert report.bookings == report.requests == len(rows)
    codes = Counter(r["ice_detainer_disposition"] for r in rows)
    released = sum(n for code, n in codes.items() if TRAVIS_DISPOSITIONS[code].release)
    assert report.releases == released
    assert report.outcomes == len(rows) - codes[""]
    # How long it took is printed, not asserted: speed is measured in bench/, where the machine's
    # load can be stated, not in a test that a busy CI machine would fail.

    # The README's disposition counts ("RELEASED TO ICE 7,897; ...") are the outcomes recorded.
    readme = (TRAVIS_DIR / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("| ice_detainer_disposition |"))
    documented = {
        code.strip(): int(n.replace(",", ""))
        for code, n in re.findall(r"([A-Z][A-Z -]+?) (\d[\d,]*)", line.split(":", 1)[1])
    }
    assert len(documented) == 10 and documented["RELEASED TO ICE"] == 7897
    with store.transaction() as s:
        notes = Counter(s.scalars(select(Outcome.note)))
        for code, n in documented.items():
            assert notes[f"travis: {code}"] == n, code
        assert notes == Counter({f"travis: {c}": n for c, n in codes.items() if c})
        assert audit.verify(s) == 3 * len(rows) + 2 * released + report.outcomes
        assert set(s.scalars(select(Booking.name))) == {"(not imported)"}
        assert (
            s.scalar(select(func.count()).where(AuditEntry.body.contains("Use only when state")))
            == 0
        )

    columns = inspect(store.engine)
    for table in columns.get_table_names():
        for column in columns.get_columns(table):
            assert not FORBIDDEN_COLUMN.search(column["name"]), f"{table}.{column['name']}"


def test_the_shared_data_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSEPA_SHARED_DATA", "/elsewhere/data")
    assert shared_data_dir() == Path("/elsewhere/data")
    monkeypatch.delenv("PSEPA_SHARED_DATA")
    assert shared_data_dir() == Path(__file__).resolve().parents[1].parent / "shared" / "data"
    assert os.sep in str(TRAVIS_MAPPING.default_path())
