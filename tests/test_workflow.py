"""A day at the jail, on a real SQLite file and a real PostgreSQL server: intake, decision,
release, notice with its lead time, advisement, overdue duties, and the audit chain."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, select, update

import psepa
from psepa.cases import audit
from psepa.cases.models import AuditEntry, Booking
from psepa.cases.store import Store
from psepa.cases.workflow import CaseError, Cases

MDT = dt.timezone(dt.timedelta(hours=-6))


def at(hour: int, minute: int = 0, day: int = 2) -> dt.datetime:
    return dt.datetime(2025, 6, day, hour, minute, tzinfo=MDT)


@pytest.fixture
def cases(store: Store) -> Cases:
    c = Cases(store)
    c.book("B-1", "Ana Example", "es", at(1))
    return c


def test_a_detainer_is_taken_in_decided_and_its_duties_opened(cases: Cases) -> None:
    result = cases.intake("ICE-1", "B-1", "detainer", at(2), "fax", True, ["i_247a", "i_200"])
    assert result.verdict == "permitted" and result.rules == ("A-16",)
    kinds = {d.kind: d for d in result.duties}
    assert set(kinds) == {"advise_notified_person", "record_request", "release_without_delay"}
    assert kinds["record_request"].done_at is not None, "the intake record is the tracking"
    assert kinds["advise_notified_person"].due_at is None, "dated when the release is known"


def test_intake_is_idempotent_on_the_request_id(cases: Cases) -> None:
    first = cases.intake("ICE-1", "B-1", "detainer", at(2), "fax", True, ["i_247a"])
    second = cases.intake("ICE-1", "B-1", "detainer", at(3), "fax", True, ["i_247a"])
    assert not first.duplicate and second.duplicate
    assert second.duties == first.duties
    with cases.store.transaction() as s:
        assert audit.verify(s) == 3  # booked, received, decided: once each, not twice


def test_an_oral_request_is_logged_and_not_answered(cases: Cases) -> None:
    result = cases.intake("ICE-2", "B-1", "notification", at(2), "phone", False, [])
    assert result.verdict == "prohibited"
    with pytest.raises(CaseError, match="not answered as permitted"):
        cases.record_notice("ICE-2", at(5), "fax", "clerk")


def test_release_says_what_must_happen_and_tracks_the_notice_lead_time(cases: Cases) -> None:
    cases.intake("ICE-1", "B-1", "detainer", at(2), "fax", True, ["i_247a", "i_200"])
    release = cases.release("B-1", at(14), "bond_posted", "clerk")
    assert release.decisions == (("ICE-1", "prohibited"),), "no hold on the detainer"
    assert any("Release the person now" in m for m in release.must)
    assert any("language (es)" in m for m in release.must)
    assert any("Notify ICE" in m for m in release.must)
    overdue = {d.kind for d in cases.overdue(at(15))}
    assert overdue == {"advise_notified_person"}, "release itself discharges release_without_delay"
    assert cases.record_advisement("B-1", "advise_notified_person", "es", at(13, 30), "clerk")
    assert cases.record_notice("ICE-1", at(13, 34), "fax", "clerk") == 26.0
    assert cases.lead_times() == [("ICE-1", 26.0)]
    assert cases.overdue(at(15)) == []


def test_an_advisement_in_another_language_does_not_discharge_the_duty(cases: Cases) -> None:
    cases.intake("ICE-1", "B-1", "detainer", at(2), "fax", True, ["i_247a"])
    assert cases.record_advisement("B-1", "advise_notified_person", "en", at(3), "clerk") == []


def test_a_judicial_warrant_lets_custody_continue_on_the_warrant(cases: Cases) -> None:
    cases.intake(
        "ICE-3", "B-1", "detainer", at(2), "fax", True, ["i_247a", "federal_judicial_warrant"]
    )
    release = cases.release("B-1", at(14), "sentence_served", "clerk")
    assert release.decisions == (("ICE-3", "permitted"),)
    assert "judge's warrant" in release.must[0]


def test_bad_input_is_refused_and_writes_nothing(cases: Cases) -> None:
    with pytest.raises(CaseError, match="unknown request kind"):
        cases.intake("X", "B-1", "hug", at(2), "fax", True, [])
    with pytest.raises(psepa.InvalidSituation, match=r"facts\.documents"):
        cases.intake("X", "B-1", "detainer", at(2), "fax", True, ["i_999"])
    with pytest.raises(CaseError, match="no booking"):
        cases.intake("X", "B-404", "detainer", at(2), "fax", True, [])
    with pytest.raises(CaseError, match="time zone"):
        cases.intake("X", "B-1", "detainer", dt.datetime(2025, 6, 2), "fax", True, [])
    with cases.store.transaction() as s:
        assert audit.verify(s) == 1  # only the booking


def test_release_twice_is_refused(cases: Cases) -> None:
    cases.release("B-1", at(14), "bond_posted", "clerk")
    with pytest.raises(CaseError, match="already released"):
        cases.release("B-1", at(15), "bond_posted", "clerk")


def test_every_stored_decision_replays_to_the_same_answer(cases: Cases) -> None:
    cases.intake("ICE-1", "B-1", "detainer", at(2), "fax", True, ["i_247a", "i_200"])
    cases.intake("ICE-4", "B-1", "interview", at(3), "email", True, [])
    cases.release("B-1", at(14), "bond_posted", "clerk")
    with cases.store.transaction() as s:
        result = audit.replay(s)
    assert result.checked == 3 and result.differences == []


def test_tampering_with_the_audit_table_is_detected_and_located(cases: Cases) -> None:
    cases.intake("ICE-1", "B-1", "detainer", at(2), "fax", True, ["i_247a"])
    with cases.store.transaction() as s:
        body = s.execute(select(AuditEntry.body).where(AuditEntry.seq == 2)).scalar_one()
        s.execute(
            update(AuditEntry)
            .where(AuditEntry.seq == 2)
            .values(body=body.replace('"fax"', '"email"'))
        )
    with cases.store.transaction() as s, pytest.raises(psepa.AuditBroken) as broken:
        audit.verify(s)
    assert broken.value.seq == 2 and "edited" in str(broken.value)


def test_a_deleted_audit_entry_is_detected(cases: Cases) -> None:
    cases.intake("ICE-1", "B-1", "detainer", at(2), "fax", True, ["i_247a"])
    with cases.store.transaction() as s:
        s.execute(AuditEntry.__table__.delete().where(AuditEntry.seq == 2))
    with cases.store.transaction() as s, pytest.raises(psepa.AuditBroken, match="deleted"):
        audit.verify(s)


def test_no_column_can_hold_status_or_national_origin(store: Store) -> None:
    forbidden = (
        "citizen",
        "immigration_status",
        "national",
        "origin",
        "birth",
        "alien",
        "passport",
        "visa",
        "a_number",
    )
    columns = [
        column["name"].lower()
        for table in inspect(store.engine).get_table_names()
        for column in inspect(store.engine).get_columns(table)
    ]
    assert columns, "the schema was migrated"
    assert not [c for c in columns if any(word in c for word in forbidden)]


def test_times_come_back_in_utc_whatever_the_backend(cases: Cases) -> None:
    with cases.store.transaction() as s:
        booked = s.execute(select(Booking.booked_at)).scalar_one()
    assert booked == at(1) and booked.tzinfo is not None
