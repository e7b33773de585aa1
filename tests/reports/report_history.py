"""A small history of real workflow calls, and what a report over it must say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from psepa.cases.importer import shared_data_dir
from psepa.cases.workflow import Cases

SHARED = shared_data_dir()
TRAVIS_FILE = SHARED / "travis-county-ice-detainers" / "travis_bookings_2000_2016.csv"
NPR_DIR = SHARED / "ice-detainers-2007-2015-npr"


def need(path: Path) -> None:
    """Skip, saying why, when the shared data folder is absent (and only then)."""
    if not path.exists():
        pytest.skip(
            f"the shared data folder is absent: no {path} (set PSEPA_SHARED_DATA to the folder "
            "holding the data sets)"
        )


NAME = "Zelda Quixote-Marrow"  # a name no report may ever print


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def history(cases: Cases) -> None:
    """2025Q2 and the quarter before, through the workflow's public methods.

    Q2: a detainer with an ICE warrant (released on bond, advised in Spanish, notified 30
    minutes ahead, handed to ICE at the moment of release); a notification request (notified 6
    hours ahead, advised in Vietnamese but the person's language is Somali); a detainer with a
    federal judge's warrant (custody goes on 3 hours past release: lawful); an interview request;
    a detainer still open at the end. Q1: one detainer, notified after release, and one request
    at 23:30 on 31 March in Denver (05:30 UTC on 1 April), which is Q1's."""
    book = cases.book
    book("BKX-1", NAME, "es", at("2025-04-01T09:00-06:00"))
    cases.intake(
        "ICEX-1",
        "BKX-1",
        "detainer",
        at("2025-04-02T08:00-06:00"),
        "fax",
        True,
        ["i_247a", "i_200"],
    )
    cases.record_advisement(
        "BKX-1", "advise_notified_person", "es", at("2025-04-03T13:00-06:00"), "deputy-1"
    )
    cases.record_notice("ICEX-1", at("2025-04-03T13:30-06:00"), "fax", "deputy-1")
    cases.release("BKX-1", at("2025-04-03T14:00-06:00"), "bond_posted", "deputy-1")
    cases.record_outcome("BKX-1", "released_to_ice", at("2025-04-03T14:00-06:00"))

    book("BKX-2", NAME, "so", at("2025-05-09T09:00-06:00"))
    cases.intake(
        "ICEX-2", "BKX-2", "notification", at("2025-05-10T08:00-06:00"), "email", True, ["i_247n"]
    )
    cases.record_advisement(
        "BKX-2", "advise_notified_person", "vi", at("2025-05-12T03:00-06:00"), "deputy-2"
    )
    cases.record_notice("ICEX-2", at("2025-05-12T04:00-06:00"), "email", "deputy-2")
    cases.release("BKX-2", at("2025-05-12T10:00-06:00"), "charges_dismissed", "deputy-2")

    book("BKX-3", NAME, "en", at("2025-05-30T09:00-06:00"))
    cases.intake(
        "ICEX-3",
        "BKX-3",
        "detainer",
        at("2025-05-31T08:00-06:00"),
        "fax",
        True,
        ["i_247a", "federal_judicial_warrant"],
    )
    cases.release("BKX-3", at("2025-06-01T12:00-06:00"), "sentence_served", "deputy-3")
    cases.record_outcome("BKX-3", "released_to_ice", at("2025-06-01T15:00-06:00"))

    book("BKX-4", NAME, "es", at("2025-06-14T09:00-06:00"))
    cases.intake("ICEX-4", "BKX-4", "interview", at("2025-06-15T08:00-06:00"), "email", True, [])

    book("BKX-5", NAME, "es", at("2025-06-19T09:00-06:00"))
    cases.intake(
        "ICEX-5", "BKX-5", "detainer", at("2025-06-20T08:00-06:00"), "fax", True, ["i_247a"]
    )

    book("BKX-0", NAME, "es", at("2025-02-09T09:00-07:00"))
    cases.intake(
        "ICEX-0",
        "BKX-0",
        "detainer",
        at("2025-02-10T08:00-07:00"),
        "fax",
        True,
        ["i_247a", "i_200"],
    )
    cases.release("BKX-0", at("2025-02-11T10:00-07:00"), "bond_posted", "deputy-0")
    cases.record_notice("ICEX-0", at("2025-02-11T10:20-07:00"), "fax", "deputy-0")

    book("BKX-7", NAME, "es", at("2025-03-31T20:00-06:00"))
    cases.intake(
        "ICEX-7", "BKX-7", "notification", at("2025-03-31T23:30-06:00"), "fax", True, ["i_247n"]
    )


def unlawful_hold(cases: Cases) -> None:
    """A detainer with only ICE's forms, and ICE custody recorded two hours after release."""
    cases.book("BKX-6", NAME, "es", at("2025-06-24T09:00-06:00"))
    cases.intake(
        "ICEX-6",
        "BKX-6",
        "detainer",
        at("2025-06-24T10:00-06:00"),
        "fax",
        True,
        ["i_247a", "i_200"],
    )
    cases.release("BKX-6", at("2025-06-25T09:00-06:00"), "bond_posted", "deputy-6")
    cases.record_outcome("BKX-6", "released_to_ice", at("2025-06-25T11:00-06:00"))
