"""Taking requests in by the batch and through the intake desk (group commit), on a real SQLite
file and a real PostgreSQL server: all or nothing, in order, idempotent, and refusing a changed
resend; and the audit chain read as a snapshot."""

from __future__ import annotations

import datetime as dt
import threading
from typing import cast

import pytest
from sqlalchemy import Table, func, select, text

import psepa
from psepa.audit.log import digest
from psepa.cases import audit
from psepa.cases.desk import DeskClosed, IntakeDesk
from psepa.cases.intake import IntakeItem, RequestConflict, prepare
from psepa.cases.models import AuditEntry, ChainHead, Request
from psepa.cases.store import Store
from psepa.cases.workflow import CaseError, Cases
from psepa.errors import AuditBroken, InvalidSituation

MDT = dt.timezone(dt.timedelta(hours=-6))
AT = dt.datetime(2025, 6, 2, 8, 0, tzinfo=MDT)


def item(key: str, booking: str = "B-1", **changes: object) -> IntakeItem:
    fields: dict[str, object] = {
        "request_key": key,
        "booking_number": booking,
        "kind": "detainer",
        "received_at": AT,
        "channel": "fax",
        "in_writing": True,
        "documents": ["i_247a", "i_200"],
    }
    fields.update(changes)
    return IntakeItem(**fields)  # type: ignore[arg-type]


@pytest.fixture
def cases(store: Store) -> Cases:
    c = Cases(store)
    for n in range(1, 4):
        c.book(f"B-{n}", "Ana Example", "es", AT - dt.timedelta(hours=6))
    return c


def counts(store: Store) -> tuple[int, int]:
    with store.reading() as s:
        requests = s.execute(select(func.count()).select_from(Request)).scalar_one()
        return requests, audit.verify(s)


def test_a_batch_is_written_together_and_answered_in_order(cases: Cases) -> None:
    items = [
        item("ICE-1"),
        item("ICE-2", "B-2", kind="interview", documents=[], channel="email"),
        item("ICE-3", "B-3", kind="notification", in_writing=False, channel="phone", documents=[]),
    ]
    results = cases.intake_many(items)
    assert [r.request_key for r in results] == ["ICE-1", "ICE-2", "ICE-3"]
    for r, i in zip(results, items, strict=True):  # each is the engine's own answer
        engine = psepa.decide(prepare(i).situation)
        assert (r.verdict, r.rules, r.reasons) == (
            engine.verdict.value,
            tuple(engine.rules),
            engine.reasons,
        )
    assert results[2].verdict == "prohibited", "an oral request is logged, not answered"
    assert not any(r.duplicate for r in results)
    assert counts(cases.store) == (3, 3 + 3 * 2), "3 bookings, then received + decided each"
    # each answer is the one a single intake gives, duties and reasons included
    again = cases.intake("ICE-1", "B-1", "detainer", AT, "fax", True, ["i_247a", "i_200"])
    assert again.duplicate and again.duties == results[0].duties
    assert again.verdict == results[0].verdict and again.rules == results[0].rules


def test_one_unknown_booking_writes_nothing_of_the_batch(cases: Cases) -> None:
    before = counts(cases.store)
    with pytest.raises(CaseError, match=r"request ICE-9: no booking 'B-404'"):
        cases.intake_many([item("ICE-1"), item("ICE-9", "B-404"), item("ICE-2", "B-2")])
    assert counts(cases.store) == before


def test_one_invalid_request_writes_nothing_and_names_the_request(cases: Cases) -> None:
    before = counts(cases.store)
    with pytest.raises(CaseError, match=r"request ICE-2: unknown channel 'pigeon'"):
        cases.intake_many([item("ICE-1"), item("ICE-2", channel="pigeon")])
    with pytest.raises(InvalidSituation, match="documents"):
        cases.intake_many([item("ICE-1"), item("ICE-3", documents=["i_999"])])
    assert counts(cases.store) == before


def test_the_same_id_twice_in_a_batch_is_one_request(cases: Cases) -> None:
    first, second = cases.intake_many([item("ICE-1"), item("ICE-1")])
    assert not first.duplicate and second.duplicate
    assert second.duties == first.duties
    assert counts(cases.store)[0] == 1


def test_a_resend_with_changed_contents_is_refused_and_says_what_changed(cases: Cases) -> None:
    cases.intake_many([item("ICE-1")])
    with pytest.raises(RequestConflict, match="changed: documents"):
        cases.intake_many([item("ICE-1", documents=["i_247a", "federal_judicial_warrant"])])
    with pytest.raises(RequestConflict, match="changed: booking"):
        cases.intake_many([item("ICE-1", "B-2")])
    with pytest.raises(RequestConflict, match="changed: kind"):
        cases.intake_many([item("ICE-1", kind="notification")])
    # a later time of receipt alone is a resend: the first receipt stands
    (resend,) = cases.intake_many([item("ICE-1", received_at=AT + dt.timedelta(minutes=5))])
    assert resend.duplicate
    assert counts(cases.store)[0] == 1


def test_the_desk_answers_every_caller_and_commits_them_in_groups(cases: Cases) -> None:
    n, threads_n = 120, 6
    answers: dict[str, str] = {}
    lock = threading.Lock()
    with IntakeDesk(cases) as desk:

        def client(k: int) -> None:
            for i in range(k, n, threads_n):
                result = desk.submit(item(f"ICE-{i:03d}", f"B-{i % 3 + 1}"))
                with lock:
                    answers[result.request_key] = result.verdict

        threads = [threading.Thread(target=client, args=(k,)) for k in range(threads_n)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(answers) == n and set(answers.values()) == {"permitted"}
    assert sum(desk.batches) == n
    assert len(desk.batches) < n, "concurrent callers shared commits"
    assert counts(cases.store) == (n, 3 + 2 * n)


def test_one_bad_request_at_the_desk_fails_alone(cases: Cases) -> None:
    with IntakeDesk(cases) as desk:
        cases.intake_many([item("ICE-0")])
        futures = [
            desk.submit_async(item("ICE-1")),
            desk.submit_async(item("ICE-0", documents=["i_247a"])),  # conflicts
            desk.submit_async(item("ICE-2", "B-404")),  # unknown booking
            desk.submit_async(item("ICE-3", "B-2")),
        ]
        outcomes = []
        for future in futures:
            error = future.exception(timeout=60)
            outcomes.append(type(error).__name__ if error else future.result().verdict)
    assert outcomes == ["permitted", "RequestConflict", "NotFound", "permitted"]
    with IntakeDesk(cases) as other, pytest.raises(CaseError, match="unknown request kind"):
        other.submit(item("ICE-4", kind="letter"))  # refused before it is queued
    with pytest.raises(DeskClosed):
        desk.submit(item("ICE-5"))
    assert counts(cases.store)[0] == 3


def test_an_entry_slipped_in_beyond_the_head_is_found(cases: Cases) -> None:
    store = cases.store
    with store.transaction() as s:
        head = s.get(ChainHead, 1)
        assert head is not None
        seq, prev = head.seq + 1, head.hash
        body = f'{{"seq":{seq},"kind":"booked","at":"2025-06-02T08:00:00-06:00","prev":"{prev}"}}'
        s.add(AuditEntry(seq=seq, body=body, prev=prev, hash=digest(prev, body.encode())))
    with store.reading() as s, pytest.raises(AuditBroken, match="beyond the chain's head"):
        audit.verify(s)


def test_verify_reads_a_snapshot_while_clerks_write(cases: Cases) -> None:
    store = cases.store
    with store.reading() as s:
        s.execute(text("SELECT seq FROM audit_head")).all()  # the snapshot starts here
        cases.intake_many([item("ICE-1"), item("ICE-2", "B-2")])  # commits meanwhile
        assert audit.verify(s) == 3, "the two intakes came after the snapshot"
    assert counts(store) == (2, 3 + 4)


def test_rows_written_in_bulk_read_back_as_the_orm_wrote_them(store: Store) -> None:
    """The bulk writer (one statement on PostgreSQL) converts as the ORM's column types do."""
    from psepa.cases.bulk import insert_many
    from psepa.cases.models import Booking

    booked = dt.datetime(2025, 6, 2, 0, 30, 0, 123456, tzinfo=MDT)
    with store.transaction() as s:
        s.add(Booking(booking_number="ORM-1", name="Zoë Ñandú", language="es", booked_at=booked))
    with store.transaction() as s:
        insert_many(
            s.connection(),
            [
                (
                    cast(Table, Booking.__table__),
                    [
                        {
                            "id": 1000,
                            "booking_number": "BULK-1",
                            "name": "Zoë Ñandú",
                            "language": "es",
                            "booked_at": booked,
                            "released_at": None,
                            "release_basis": None,
                        }
                    ],
                ),
                (
                    cast(Table, Request.__table__),
                    [
                        {
                            "id": 1000,
                            "request_key": "BULK-R",
                            "booking_id": 1000,
                            "kind": "detainer",
                            "requester": "federal_immigration",
                            "documents": ["i_247a", {"nested": [1, "ü"]}],
                            "received_at": booked,
                            "channel": "fax",
                            "in_writing": False,
                        }
                    ],
                ),
            ],
        )
    with store.reading() as s:
        orm, bulk = (
            s.execute(select(Booking).where(Booking.booking_number == n)).scalar_one()
            for n in ("ORM-1", "BULK-1")
        )
        assert (bulk.name, bulk.booked_at, bulk.released_at) == (orm.name, orm.booked_at, None)
        request = s.execute(select(Request).where(Request.request_key == "BULK-R")).scalar_one()
        assert request.documents == ["i_247a", {"nested": [1, "ü"]}]
        assert request.in_writing is False and request.received_at == booked
