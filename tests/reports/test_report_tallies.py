"""The day tallies give exactly the counts a report would read from the records themselves.

A report sums the tallies of its days (psepa.reports.tallies) instead of reading every record
of its period. That is only sound if the sum equals the direct count (`queries.gather`) for any
history, any period, and after any change, whoever makes it: the workflow, or plain SQL that no
workflow sees. Each test builds a seeded random history through the workflow's public methods,
across quarter and daylight-saving boundaries and Denver midnights, and compares the two for
several periods; then changes records and compares again. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from report_history import NAME
from sqlalchemy import text
from sqlalchemy.orm import Session

from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.reports import Period, build_report, parse_period, tallies
from psepa.reports.cache import forget
from psepa.reports.queries import Facts, gather

PERIODS = [
    "2025Q1",
    "2025Q2",
    "2025-03",
    "2025",
    "2024-12-15..2025-06-30",
    "2016-01-01..2025-12-31",
]
KINDS = ["detainer", "detainer", "notification", "interview", "access", "subpoena"]
DOCUMENTS = [["i_247a"], ["i_247a", "i_200"], ["i_247a", "federal_judicial_warrant"], []]
BASES = ["bond_posted", "charges_dismissed", "sentence_served"]
OUTCOMES = ["released_to_ice", "transferred_to_ice", "ice_took_custody", "released"]
DENVER_WINTER = dt.timezone(dt.timedelta(hours=-7))


def _period_of(name: str) -> tuple[Period, Period]:
    period = parse_period(name)
    return period, period.previous()


def direct(store: Store, name: str) -> Facts:
    period, previous = _period_of(name)
    with store.reading() as s:
        return gather(s, period, previous)


def tallied(store: Store, name: str) -> Facts:
    period, previous = _period_of(name)
    return tallies.current(store, lambda s: tallies.gather_tallied(s, period, previous))


def assert_same_counts(store: Store) -> None:
    for name in PERIODS:
        want, got = direct(store, name), tallied(store, name)
        differ = {
            f.name: (getattr(want, f.name), getattr(got, f.name))
            for f in dataclasses.fields(Facts)
            if getattr(want, f.name) != getattr(got, f.name)
        }
        assert not differ, f"{name}: direct count vs tallies differ in {differ}"


def random_history(cases: Cases, seed: int, bookings: int = 30) -> list[str]:
    """Bookings from mid-December 2024 to early July 2025: requests of every kind, some
    released, advised, notified (before or after release) and handed to ICE."""
    rng = random.Random(seed)
    start = dt.datetime(2024, 12, 15, 0, 0, tzinfo=DENVER_WINTER)
    numbers = []
    for b in range(bookings):
        number = f"BKT-{seed}-{b}"
        numbers.append(number)
        booked = start + dt.timedelta(minutes=rng.randrange(0, 200 * 24 * 60))
        cases.book(number, NAME, rng.choice(["en", "es", "vi", "so"]), booked)
        requests = []
        for r in range(rng.choice([0, 1, 1, 1, 2])):
            key = f"ICET-{seed}-{b}-{r}"
            kind = rng.choice(KINDS)
            received = booked + dt.timedelta(minutes=rng.randrange(1, 4 * 24 * 60))
            cases.intake(key, number, kind, received, "fax", True, list(rng.choice(DOCUMENTS)))
            requests.append((key, kind, received))
        if rng.random() < 0.25:
            continue  # still in custody
        last = max([booked] + [r[2] for r in requests])
        released = last + dt.timedelta(minutes=rng.randrange(30, 5 * 24 * 60))
        told = [k for k, kind, _ in requests if kind in ("detainer", "notification")]
        if told and rng.random() < 0.7:
            advised = released - dt.timedelta(minutes=rng.randrange(20, 600))
            language = rng.choice(["en", "es", "vi"])
            cases.record_advisement(number, "advise_notified_person", language, advised, "d-1")
        cases.release(number, released, rng.choice(BASES), "d-1")
        for key in told:
            if rng.random() < 0.8:
                lead = dt.timedelta(minutes=rng.randrange(-120, 600))
                cases.record_notice(key, released - lead, "fax", "d-1")
        if requests and rng.random() < 0.5:
            later = dt.timedelta(minutes=rng.choice([0, 0, 90, 60 * 30]))
            cases.record_outcome(number, rng.choice(OUTCOMES), released + later)
    return numbers


def shift_first(s: Session, store: Store, table: str, column: str, by: str) -> None:
    """Move the time of the table's first row by plain SQL (`by` as SQLite writes it)."""
    first = f"WHERE id = (SELECT min(id) FROM {table})"
    if store.engine.dialect.name == "postgresql":
        sql = f"UPDATE {table} SET {column} = {column} + interval '{by}' {first}"
    else:
        sql = f"UPDATE {table} SET {column} = datetime({column}, '{by}') {first}"
    s.execute(text(sql))


@pytest.mark.parametrize("seed", [1, 2])
def test_tallies_equal_the_direct_count_for_any_period(store: Store, seed: int) -> None:
    random_history(Cases(store), seed)
    assert_same_counts(store)


def test_tallies_follow_changes_by_the_workflow_and_by_plain_sql(store: Store) -> None:
    cases = Cases(store)
    numbers = random_history(cases, 3)
    assert_same_counts(store)  # every day counted; now only what changes is recounted

    # The workflow carries on: more bookings, and releases of those still held.
    random_history(cases, 4, bookings=8)
    with store.reading() as s:
        held = [
            n
            for (n,) in s.execute(
                text("SELECT booking_number FROM bookings WHERE released_at IS NULL")
            )
        ]
    for i, number in enumerate(held[:4]):
        released = dt.datetime(2025, 7, 1, 9, i, tzinfo=DENVER_WINTER)
        cases.release(number, released, "bond_posted", "d")
    assert_same_counts(store)

    # Repairs by plain SQL: a request moved to another quarter, a notice deleted, a booking's
    # language of choice corrected, an outcome's time moved across midnight, a booking deleted
    # with everything hanging from it.
    with store.transaction() as s:
        shift_first(s, store, "requests", "received_at", "-100 days")
        s.execute(text("DELETE FROM notices WHERE id = (SELECT max(id) FROM notices)"))
        s.execute(
            text("UPDATE bookings SET language = 'es' WHERE booking_number = :n"),
            {"n": numbers[0]},
        )
        shift_first(s, store, "outcomes", "known_at", "+7 hours")
    assert_same_counts(store)

    victim = numbers[1]
    with store.transaction() as s:
        booking = s.execute(
            text("SELECT id FROM bookings WHERE booking_number = :n"), {"n": victim}
        ).scalar_one()
        requests = "SELECT id FROM requests WHERE booking_id = :b"
        for child in ("obligations", "advisements", "outcomes"):
            s.execute(text(f"DELETE FROM {child} WHERE booking_id = :b"), {"b": booking})
        for child in ("decisions", "notices"):
            s.execute(text(f"DELETE FROM {child} WHERE request_id IN ({requests})"), {"b": booking})
        s.execute(text("DELETE FROM requests WHERE booking_id = :b"), {"b": booking})
        s.execute(text("DELETE FROM bookings WHERE id = :b"), {"b": booking})
    assert_same_counts(store)


def test_a_report_recounts_only_what_changed(store: Store) -> None:
    cases = Cases(store)
    random_history(cases, 5)
    q2 = parse_period("2025Q2")
    build_report(store, q2, public=False)  # brings every tally up to date
    with store.reading() as s:
        assert not tallies.pending(s)
    late = dt.datetime(2025, 5, 20, 9, 0, tzinfo=DENVER_WINTER)
    cases.book("BKT-LATE", NAME, "en", late)
    cases.intake("ICET-LATE", "BKT-LATE", "detainer", late, "fax", True, ["i_247a"])
    with store.reading() as s:
        assert tallies.pending(s)
        before = s.execute(text("SELECT count(*) FROM report_dirty")).scalar_one()
    assert before == 1  # one booking marked, whatever number of rows it wrote
    forget(store)
    report = build_report(store, q2, public=False)
    rows = {r["kind"]: r for r in report.tables["requests_by_kind"].rows}
    expected = sum(
        n
        for (day, kind), n in direct(store, "2025Q2").requests.items()
        if kind == "detainer" and q2.first <= day <= q2.last
    )
    assert int(rows["detainer"]["this_period"]) == expected
    with store.reading() as s:
        assert not tallies.pending(s)


def test_a_time_written_by_hand_counts_on_its_own_day(sqlite_store: Store) -> None:
    # SQLite keeps times as text; one written by hand without microseconds at a Denver
    # midnight sorts before the day's bound as text. It must count on the day it names.
    cases = Cases(sqlite_store)
    random_history(cases, 6, bookings=10)
    q2 = parse_period("2025Q2")
    build_report(sqlite_store, q2, public=False)

    def notices_on(day: str) -> int:
        with sqlite_store.reading() as s:
            return int(
                s.execute(
                    text(
                        "SELECT coalesce(sum(n), 0) FROM report_tally "
                        "WHERE family = 'notices' AND day = :d"
                    ),
                    {"d": day},
                ).scalar_one()
            )

    before = notices_on("2025-04-01")
    with sqlite_store.transaction() as s:
        s.execute(
            text(
                "UPDATE notices SET sent_at = '2025-04-01 06:00:00' "  # 00:00 in Denver
                "WHERE id = (SELECT min(id) FROM notices)"
            )
        )
    build_report(sqlite_store, q2, public=False)
    assert notices_on("2025-04-01") == before + 1


def test_a_large_backlog_is_recounted_in_batches_to_the_same_counts(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A recount holds the write lock; a backlog of every booking (after migration 0005 or a
    # bulk import) goes in batches, each its own transaction, and must add up all the same.
    monkeypatch.setattr(tallies, "BATCH", 4)
    random_history(Cases(store), 7, bookings=25)
    transactions = []
    catch_up = tallies._catch_up

    def counted(s: Session) -> int:
        done = catch_up(s)
        transactions.append(done)
        return done

    monkeypatch.setattr(tallies, "_catch_up", counted)
    assert_same_counts(store)
    assert transactions[:3] == [4, 4, 4]  # 25 marked: batches of 4 until at most 4 are left
    assert transactions.count(0) >= 1


def test_migration_0005_goes_down_and_up_again(store: Store) -> None:
    # Down, no trigger may be left behind to write into a dropped table; up again, every
    # existing booking is marked, so the first report recounts them all.
    from alembic import command
    from alembic.config import Config

    from psepa.cases.store import MIGRATIONS

    cases = Cases(store)
    random_history(cases, 8, bookings=6)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    assert not tallies.present(store)
    late = dt.datetime(2025, 5, 21, 9, 0, tzinfo=DENVER_WINTER)
    cases.book("BKT-DOWN", NAME, "en", late)  # writes without the tallies' tables
    cases.intake("ICET-DOWN", "BKT-DOWN", "detainer", late, "fax", True, ["i_247a"])
    store.migrate()
    with store.reading() as s:
        marked = s.execute(text("SELECT count(*) FROM report_dirty")).scalar_one()
    assert marked == 7
    assert_same_counts(store)
