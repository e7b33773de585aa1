"""The guard over the real detainer data in ../shared/data, which does record what the
ordinance forbids a Denver department to keep: citizenship, birthplace, status."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from guard_helpers import LAW_2025

from psepa.cases.importer import shared_data_dir
from psepa.guard import Report, scan

DATA = shared_data_dir()
pytestmark = pytest.mark.skipif(
    not DATA.is_dir(), reason=f"the shared data folder is absent ({DATA}; set PSEPA_SHARED_DATA)"
)


@pytest.fixture(scope="module")
def report() -> Report:
    return scan([DATA], on=LAW_2025, root=DATA)


def _header(path: Path, delimiter: str = ",") -> list[str]:
    with path.open(newline="", encoding="utf-8") as f:
        return next(csv.reader(f, delimiter=delimiter))


def test_columns_that_record_citizenship_and_birthplace_are_found(report: Report) -> None:
    found = {(f.location.source, f.location.where): f.category.value for f in report.findings}
    ddp = "deportation-data-project-detainers-mn/st_cloud_denied.csv"
    assert {"citizenship_country", "birth_country"} <= set(_header(DATA / ddp))
    assert found[(ddp, "citizenship_country")] == "citizenship"
    assert found[(ddp, "birth_country")] == "place_of_birth"
    travis = "travis-county-ice-detainers/travis_bookings_2000_2016.csv"
    assert "place_of_birth" in _header(DATA / travis)
    assert found[(travis, "place_of_birth")] == "place_of_birth"
    pierce = "pierce-county-ice-holds/allholds.psv"  # pipe-separated
    for column in ("place_of_birth", "country_of_birth", "born_in_us"):
        assert column in _header(DATA / pierce, "|")
        assert found[(pierce, column)] == "place_of_birth"
    assert all(f.blocking for f in report.findings)


def test_the_count_of_a_recorded_citizenship_outcome_is_exact(report: Report) -> None:
    name = "ice-detainers-2007-2015-npr/pa_detainers_2007_2015.csv"
    with (DATA / name).open(newline="", encoding="utf-8") as f:
        expected = sum(
            r["lift_reason"] == "United States Citizen Interviewed" for r in csv.DictReader(f)
        )
    assert expected > 0
    found = {
        f.category.value: f
        for f in report.findings
        if f.location.source == name and f.location.where == "values of lift_reason"
    }
    finding = found["citizenship"]
    assert (finding.found_by, finding.count) == ("lexicon", expected)
    assert finding.text == "(withheld)"
    # "Alien Not Subject to Deportation" records a status too: found first by the classifier
    # alone (sessions 5 and 6), by the lexicon's "subject to deportation" since session 7.
    status = found["immigration_status"]
    assert status.found_by == "lexicon" and status.count > 0
    assert set(found) == {"citizenship", "immigration_status"}


def test_web_addresses_and_plain_counts_are_not_findings(report: Report) -> None:
    wheres = {f.location.where for f in report.findings}
    assert "values of source_url" not in wheres
    national = [f for f in report.findings if "national_detainers_by_year.csv" in f.location.source]
    assert national == []
