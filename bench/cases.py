"""How fast the case workflow takes requests in and releases people, how long a large case
database takes to load, and how long its audit chain takes to verify, on SQLite and PostgreSQL.

Run: `.venv/bin/python bench/cases.py [--quick] [--rows N] [--ops N] [--runs N]`.

1. Intake, one call at a time: `Cases.intake`, each call its own transaction, acknowledged only
   once durable: SQLite in WAL mode with synchronous=FULL (a file in a temporary folder),
   PostgreSQL with fsync and synchronous_commit on (the server of tests/pg.py: the one named by
   PSEPA_TEST_PG_URL, or a throwaway one started from initdb). The settings are read back and
   printed, and a run on a database that would not keep an acknowledged write is a failure.
   Beside it, the peer measured in the same run: the same backend committing an empty durable
   transaction (one row rewritten) in a loop, the most commits a second any one-commit-per-call
   design could reach on this disk. The bookings are made first and not timed.
2. Release: `Cases.release` of the same bookings, each with its detainer. Then intake through
   the intake desk (`psepa.cases.desk.IntakeDesk`, group commit): `--threads` callers at once
   (default 16, as an HTTP server's workers would be), each call returning only once the batch
   holding it is durable; and `Cases.intake_many` in batches of 100 (a jail system's export).
   Median of `--runs` runs of `--ops` intakes (default 2,000). Target: 2,000 intakes a second or
   more on each backend, every acknowledged intake durable.
3. Load. A database of `--rows` requests (default 1,000,000), one booking each, written by the
   bulk path below: bookings, requests, decisions, their duties and the three audit entries the
   workflow writes for each (booked, request received, decision), by
   psepa.cases.bulk.insert_many (executemany on SQLite, one statement on PostgreSQL) in
   transactions of 20,000 requests, the hash chain computed exactly as
   psepa.cases.audit.append_many computes it, the chain's head moved in the same transaction. Then
   one workflow booking and intake, to show the workflow carries on from the bulk head.
4. Verify. psepa.cases.audit.verify over the whole chain (3 entries a request, so 3,000,003
   entries for a million requests). Target: 10 s or less per 1,000,000 entries.
5. Profile. Where a backend misses the intake target, a cProfile of intakes on it: the largest
   costs by function and by layer, per intake.

Figures are always printed; a missed target is MISSED and does not fail the run. A correctness
failure (verify raises or counts the wrong number of entries, a durability setting is off, the
workflow answers other than expected) prints FAILED and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import importlib
import multiprocessing
import os
import platform
import pstats
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import orjson
from sqlalchemy import Table, func, select, text, update
from sqlalchemy.engine import Connection, make_url

import psepa
from _report import Metric, Report, heading
from psepa.audit.log import GENESIS, decision_record, digest, situation_of
from psepa.cases import audit
from psepa.cases.bulk import insert_many
from psepa.cases.desk import IntakeDesk
from psepa.cases.intake import IntakeItem, duty_row
from psepa.cases.models import (
    AuditEntry,
    Booking,
    ChainHead,
    DecisionRecord,
    ObligationRecord,
    Request,
)
from psepa.cases.store import Store
from psepa.cases.workflow import KINDS, Cases, local_day
from psepa.engine.decision import Decision
from psepa.errors import AuditBroken

TESTS = Path(__file__).resolve().parent.parent / "tests"
MDT = dt.timezone(dt.timedelta(hours=-6))
INTAKE_TARGET = 2_000.0  # intakes a second, each acknowledged only once durable
VERIFY_TARGET = 10.0  # seconds per 1,000,000 audit entries
CHUNK = 20_000  # requests per bulk transaction


# --- the report -------------------------------------------------------------------------------


# --- the databases ----------------------------------------------------------------------------


def postgres_server() -> AbstractContextManager[str]:
    """tests/pg.py's server: PSEPA_TEST_PG_URL, or a throwaway one started from initdb."""
    sys.path.insert(0, str(TESTS))
    module = importlib.import_module("pg")
    return cast(Callable[[], AbstractContextManager[str]], module.postgres)()


@dataclass
class Backend:
    name: str
    make: Callable[[str], AbstractContextManager[Store]]


def sqlite_backend(folder: Path) -> Backend:
    @contextmanager
    def make(label: str) -> Iterator[Store]:
        path = folder / f"{label}.db"
        store = Store(f"sqlite:///{path}")
        store.migrate()
        try:
            yield store
        finally:
            store.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

    return Backend("sqlite", make)


def postgres_backend(url: str) -> Backend:
    admin = Store(url)

    def autocommit(sql: str) -> None:
        with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text(sql))

    @contextmanager
    def make(label: str) -> Iterator[Store]:
        name = f"bench_{label}_{os.getpid()}"
        autocommit(f'DROP DATABASE IF EXISTS "{name}"')
        autocommit(f'CREATE DATABASE "{name}"')
        store = Store(make_url(url).set(database=name).render_as_string(hide_password=False))
        try:
            store.migrate()
            yield store
        finally:
            store.close()
            autocommit(f'DROP DATABASE IF EXISTS "{name}"')

    return Backend("postgresql", make)


def durability(store: Store, report: Report) -> str:
    """The settings that make an acknowledged write durable, read back from the database."""
    with store.engine.connect() as c:
        if store.engine.dialect.name == "sqlite":
            journal = c.exec_driver_sql("PRAGMA journal_mode").scalar()
            sync = c.exec_driver_sql("PRAGMA synchronous").scalar()
            report.check(journal == "wal" and sync == 2, "SQLite is not WAL + synchronous=FULL")
            return f"journal_mode={journal}, synchronous={sync} (2 = FULL)"
        version = c.exec_driver_sql("SHOW server_version").scalar()
        fsync = c.exec_driver_sql("SHOW fsync").scalar()
        commit = c.exec_driver_sql("SHOW synchronous_commit").scalar()
        report.check(fsync == "on" and commit != "off", "PostgreSQL does not fsync each commit")
        return f"PostgreSQL {version}, fsync={fsync}, synchronous_commit={commit}"


# --- 1, 2. the workflow, one durable transaction per call -------------------------------------

BOOKED = dt.datetime(2025, 6, 2, 0, 30, tzinfo=MDT)
RECEIVED = dt.datetime(2025, 6, 2, 8, 0, tzinfo=MDT)
RELEASED = dt.datetime(2025, 6, 2, 14, 0, tzinfo=MDT)
DOCUMENTS = ["i_247a", "i_200"]


def book_all(cases: Cases, numbers: Sequence[str]) -> None:
    for number in numbers:
        cases.book(number, "Ana Example", "es", BOOKED)


def intake_all(cases: Cases, numbers: Sequence[str], report: Report) -> float:
    """Intakes a second over one pass."""
    intake = cases.intake
    wrong = 0
    start = time.perf_counter()
    for number in numbers:
        result = intake(f"ICE-{number}", number, "detainer", RECEIVED, "fax", True, DOCUMENTS)
        wrong += result.verdict != "permitted" or result.duplicate
    elapsed = time.perf_counter() - start
    report.check(wrong == 0, f"{wrong} intakes did not answer 'permitted' as new requests")
    return len(numbers) / elapsed


def release_all(cases: Cases, numbers: Sequence[str], report: Report) -> float:
    release = cases.release
    wrong = 0
    start = time.perf_counter()
    for i, number in enumerate(numbers):
        result = release(number, RELEASED + dt.timedelta(seconds=i), "bond_posted", "deputy-12")
        wrong += result.decisions != ((f"ICE-{number}", "prohibited"),)
    elapsed = time.perf_counter() - start
    report.check(wrong == 0, f"{wrong} releases did not refuse the hold on the detainer")
    return len(numbers) / elapsed


def chain_length(store: Store, report: Report, expected: int, where: str) -> int:
    try:
        with store.reading() as s:
            n = audit.verify(s)
    except AuditBroken as broken:
        report.fail(f"{where}: the audit chain does not verify: {broken}")
        return -1
    report.check(n == expected, f"{where}: verify counted {n} entries, expected {expected}")
    return n


def bench_workflow(backend: Backend, ops: int, runs: int, report: Report) -> float:
    heading(f"1-2. {backend.name}: intake and release, one durable transaction per call")
    intakes: list[float] = []
    releases: list[float] = []
    with backend.make("ops") as store:
        print(f"  {durability(store, report)}")
        cases = Cases(store)
        warm = [f"W-{i:05d}" for i in range(50)]  # compiled statements, rulebook, pool
        book_all(cases, warm)
        intake_all(cases, warm, report)
        release_all(cases, warm, report)
        for run in range(runs):
            numbers = [f"R{run}-{i:05d}" for i in range(ops)]
            book_all(cases, numbers)
            intakes.append(intake_all(cases, numbers, report))
            releases.append(release_all(cases, numbers, report))
            print(
                f"  run {run + 1}: {intakes[-1]:,.0f} intakes/s, {releases[-1]:,.0f} releases/s",
                flush=True,
            )
        expected = (len(warm) + ops * runs) * 5  # booked, received, decided, released, decided
        chain_length(store, report, expected, f"{backend.name} workflow")
    intake = statistics.median(intakes)
    with backend.make("floor") as store:
        floor = commit_floor(store, ops)
    print(
        f"  peer: {floor:,.0f} empty durable commits/s on the same backend; one intake per "
        f"commit reaches {intake / floor:.0%} of that",
        flush=True,
    )
    report.add(
        Metric(
            f"{backend.name} intake, one commit each ({ops:,} calls, median of {runs})",
            intake,
            "/s",
        )
    )
    report.add(Metric(f"{backend.name} peer: empty durable commits", floor, "/s"))
    report.add(
        Metric(
            f"{backend.name} release ({ops:,} calls, median of {runs})",
            statistics.median(releases),
            "/s",
        )
    )
    return intake


def commit_floor(store: Store, n: int) -> float:
    """Durable commits a second that change one row and nothing else: the disk's pace."""
    start = time.perf_counter()
    for _ in range(n):
        with store.transaction() as s:
            s.execute(text("UPDATE audit_head SET seq = seq WHERE id = 1"))
    return n / (time.perf_counter() - start)


def item_for(number: str) -> IntakeItem:
    return IntakeItem(f"ICE-{number}", number, "detainer", RECEIVED, "fax", True, DOCUMENTS)


def desk_run(cases: Cases, numbers: Sequence[str], threads: int) -> tuple[float, float, int]:
    """Intakes a second through one desk, its mean batch size, and how many answers were wrong."""
    wrong = [0] * threads
    with IntakeDesk(cases) as desk:

        def client(k: int) -> None:
            for number in numbers[k::threads]:
                result = desk.submit(item_for(number))
                wrong[k] += result.verdict != "permitted" or result.duplicate

        workers = [threading.Thread(target=client, args=(k,)) for k in range(threads)]
        start = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        rate = len(numbers) / (time.perf_counter() - start)
    return rate, statistics.mean(desk.batches), sum(wrong)


def bench_grouped(backend: Backend, ops: int, runs: int, threads: int, report: Report) -> float:
    heading(f"2b. {backend.name}: intake through the desk ({threads} callers) and in batches")
    desk_rates: list[float] = []
    batch_rates: list[float] = []
    sizes: list[float] = []
    with backend.make("grouped") as store:
        cases = Cases(store)
        warm = [f"W-{i:05d}" for i in range(50)]
        book_all(cases, warm)
        cases.intake_many([item_for(n) for n in warm])
        for run in range(runs):
            numbers = [f"G{run}-{i:05d}" for i in range(ops)]
            book_all(cases, numbers)
            rate, size, wrong = desk_run(cases, numbers, threads)
            desk_rates.append(rate)
            sizes.append(size)
            report.check(wrong == 0, f"{wrong} desk intakes were not new and permitted")

            numbers = [f"M{run}-{i:05d}" for i in range(ops)]
            book_all(cases, numbers)
            start = time.perf_counter()
            for first in range(0, ops, 100):
                results = cases.intake_many([item_for(n) for n in numbers[first : first + 100]])
                report.check(
                    all(r.verdict == "permitted" for r in results), "a batch intake went wrong"
                )
            batch_rates.append(ops / (time.perf_counter() - start))
            print(
                f"  run {run + 1}: desk {desk_rates[-1]:,.0f} intakes/s (mean batch "
                f"{sizes[-1]:.1f}); batches of 100: {batch_rates[-1]:,.0f} intakes/s",
                flush=True,
            )
        expected = (len(warm) + 2 * ops * runs) * 3  # booked, received, decided
        chain_length(store, report, expected, f"{backend.name} grouped intake")
    desk = statistics.median(desk_rates)
    report.add(
        Metric(
            f"{backend.name} intake via desk, {threads} callers (median of {runs})",
            desk,
            "/s",
            INTAKE_TARGET,
            at_least=True,
        )
    )
    report.add(
        Metric(
            f"{backend.name} intake_many, batches of 100 (median of {runs})",
            statistics.median(batch_rates),
            "/s",
        )
    )
    return desk


def _client(url: str, prefix: str, n: int, ready: Any, go: Any, done: Any) -> None:
    """One of several processes taking requests in at once (a spawned child)."""
    store = Store(url)
    cases = Cases(store)
    numbers = [f"{prefix}-{i:05d}" for i in range(n)]
    book_all(cases, numbers)
    ready.put(prefix)
    go.wait()
    wrong = 0
    for number in numbers:
        result = cases.intake(f"ICE-{number}", number, "detainer", RECEIVED, "fax", True, DOCUMENTS)
        wrong += result.verdict != "permitted"
    done.put(wrong)
    store.close()


def bench_clients(backend: Backend, clients: int, ops: int, report: Report) -> None:
    """Intakes a second with several processes writing at once: what a busy jail would see."""
    context = multiprocessing.get_context("spawn")
    ready, done, go = context.Queue(), context.Queue(), context.Event()
    each = max(1, ops // clients)
    with backend.make("clients") as store:
        url = store.engine.url.render_as_string(hide_password=False)
        procs = [
            context.Process(target=_client, args=(url, f"C{k}", each, ready, go, done))
            for k in range(clients)
        ]
        for proc in procs:
            proc.start()
        for _ in procs:
            ready.get(timeout=600)
        start = time.perf_counter()
        go.set()
        wrong = sum(done.get(timeout=600) for _ in procs)
        elapsed = time.perf_counter() - start
        for proc in procs:
            proc.join(timeout=60)
            report.check(proc.exitcode == 0, f"a client process exited with {proc.exitcode}")
        report.check(wrong == 0, f"{wrong} concurrent intakes did not answer 'permitted'")
        chain_length(store, report, clients * each * 3, f"{backend.name} {clients} clients")
    rate = clients * each / elapsed
    print(f"  {clients} processes at once: {rate:,.0f} intakes/s in all", flush=True)
    report.add(Metric(f"{backend.name} intake, {clients} processes at once", rate, "/s"))


# --- 3. the bulk path -------------------------------------------------------------------------

# (kind, channel, in writing, documents, share out of 20): what a jail's inbox looks like.
TEMPLATES: tuple[tuple[str, str, bool, list[str], int], ...] = (
    ("detainer", "fax", True, ["i_247a", "i_200"], 10),
    ("detainer", "email", True, ["i_247a"], 3),
    ("notification", "fax", True, ["i_247n"], 3),
    ("notification", "phone", False, [], 2),
    ("interview", "email", True, [], 2),
)
MIX = [k for k, t in enumerate(TEMPLATES) for _ in range(t[4])]  # template index, by share
LANGUAGES = ("es", "en", "vi", "so", "ar", "am", "ne")
FIRST_DAY = dt.datetime(2024, 1, 1, 8, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Decided:
    decision: Decision
    situation: dict[str, Any]


class Decisions:
    """The engine's answer to each distinct situation, decided once."""

    def __init__(self) -> None:
        self.book = psepa.rulebook()
        self.cache: dict[tuple[int, str], Decided] = {}

    def get(self, template: int, day: str) -> Decided:
        found = self.cache.get((template, day))
        if found is None:
            kind, _, in_writing, documents, _ = TEMPLATES[template]
            facts = psepa.validate(
                {
                    "action": KINDS[kind],
                    "on": day,
                    "actor": "sheriff",
                    "requester": "federal_immigration",
                    "facts": {"documents": documents, "request_in_writing": in_writing},
                }
            )
            found = Decided(self.book.decide(facts), situation_of(facts))
            self.cache[(template, day)] = found
        return found


@dataclass
class Chain:
    """The audit chain's head as the bulk path moves it: psepa.cases.audit.append, in bulk."""

    seq: int = 0
    hash: str = GENESIS
    rows: list[dict[str, Any]] = field(default_factory=list)

    def append(self, kind: str, at: dt.datetime, payload: dict[str, Any]) -> None:
        clash = {"seq", "kind", "at", "prev"} & payload.keys()
        if clash:
            raise ValueError(
                f"audit payload may not carry {sorted(clash)}: those are the entry's own"
            )
        seq = self.seq + 1
        record = {"seq": seq, "kind": kind, "at": at.isoformat(), **payload, "prev": self.hash}
        body = orjson.dumps(record).decode()
        hashed = digest(self.hash, body.encode())
        self.rows.append({"seq": seq, "body": body, "prev": self.hash, "hash": hashed})
        self.seq, self.hash = seq, hashed


def table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def load_chunk(conn: Connection, first: int, last: int, chain: Chain, decided: Decisions) -> None:
    """Requests first..last-1, with everything the workflow writes for them, in one transaction."""
    bookings: list[dict[str, Any]] = []
    requests: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    duties: list[dict[str, Any]] = []
    duty_id = conn.execute(select(func.coalesce(func.max(ObligationRecord.id), 0))).scalar_one()
    for i in range(first, last):
        ident = i + 1
        template = MIX[i % len(MIX)]
        kind, channel, in_writing, documents, _ = TEMPLATES[template]
        at = FIRST_DAY + dt.timedelta(minutes=i % (730 * 1440))  # two years of requests
        booked_at = at - dt.timedelta(hours=6)
        number, key, language = f"BK{i:07d}", f"ICE-{i:07d}", LANGUAGES[i % len(LANGUAGES)]
        d = decided.get(template, local_day(at))
        decision = d.decision

        bookings.append(
            {
                "id": ident,
                "booking_number": number,
                "name": f"Person {i}",
                "language": language,
                "booked_at": booked_at,
                "released_at": None,
                "release_basis": None,
            }
        )
        chain.append(
            "booked",
            booked_at,
            {"booking": number, "language": language, "masked": {"name": "***"}},
        )
        requests.append(
            {
                "id": ident,
                "request_key": key,
                "booking_id": ident,
                "kind": kind,
                "requester": "federal_immigration",
                "documents": documents,
                "received_at": at,
                "channel": channel,
                "in_writing": in_writing,
            }
        )
        chain.append(
            "request_received",
            at,
            {
                "request": key,
                "request_kind": kind,
                "channel": channel,
                "in_writing": in_writing,
                "documents": documents,
            },
        )
        decisions.append(
            {
                "id": ident,
                "request_id": ident,
                "stage": "intake",
                "situation": d.situation,
                "version": decision.version,
                "rulebook": decision.rulebook,
                "verdict": decision.verdict.value,
                "rules": list(decision.rules),
                "cites": list(decision.cites),
                "decided_at": at,
            }
        )
        for o in decision.obligations:
            duty_id += 1
            duties.append(duty_row(o, ident, ident, at, duty_id))
        chain.append(
            "decision",
            at,
            {"request": key, "stage": "intake", **decision_record(decision, d.situation)},
        )
    insert_many(  # on PostgreSQL one statement per chunk, as the workflow's intake does
        conn,
        [
            (table(Booking), bookings),
            (table(Request), requests),
            (table(DecisionRecord), decisions),
            (table(ObligationRecord), duties),
            (table(AuditEntry), chain.rows),
        ],
    )
    moved = conn.execute(
        update(table(ChainHead))
        .where(table(ChainHead).c.id == 1)
        .values(seq=chain.seq, hash=chain.hash)
    )
    if moved.rowcount != 1:
        raise RuntimeError("the audit chain has no head row: the database was not migrated")
    chain.rows = []


def bulk_load(store: Store, rows: int) -> int:
    """Load `rows` requests; return the number of audit entries written."""
    with store.transaction() as s:
        empty = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == 0
        head = s.get(ChainHead, 1)
    if not empty or head is None or (head.seq, head.hash) != (0, GENESIS):
        raise RuntimeError("the bulk path loads a freshly migrated, empty database only")
    chain, decided = Chain(), Decisions()
    for first in range(0, rows, CHUNK):
        with store.engine.begin() as conn:
            load_chunk(conn, first, min(rows, first + CHUNK), chain, decided)
    if store.engine.dialect.name == "postgresql":  # ids were given: move the sequences past them
        with store.engine.begin() as conn:
            for name in ("bookings", "requests", "decisions", "obligations"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT coalesce(max(id), 0) + 1 FROM {name}), false)"
                    )
                )
    return chain.seq


def bench_load(backend: Backend, rows: int, report: Report) -> None:
    heading(f"3-4. {backend.name}: load {rows:,} requests, then verify the audit chain")
    with backend.make("load") as store:
        start = time.perf_counter()
        entries = bulk_load(store, rows)
        loaded = time.perf_counter() - start
        print(
            f"  loaded {rows:,} requests ({entries:,} audit entries) in {loaded:.1f} s: "
            f"{rows / loaded:,.0f} requests/s",
            flush=True,
        )
        report.add(Metric(f"{backend.name} load {rows:,} requests", loaded, "s"))

        cases = Cases(store)  # the workflow carries on from the bulk head
        cases.book("BK-AFTER", "Ana Example", "es", BOOKED)
        after = cases.intake("ICE-AFTER", "BK-AFTER", "detainer", RECEIVED, "fax", True, DOCUMENTS)
        report.check(after.verdict == "permitted", "the intake after the bulk load went wrong")
        entries += 3

        start = time.perf_counter()
        n = chain_length(store, report, entries, f"{backend.name} after the bulk load")
        took = time.perf_counter() - start
        print(f"  verify: {n:,} entries in {took:.2f} s ({n / took:,.0f} entries/s)", flush=True)
        report.add(Metric(f"{backend.name} verify {n:,} entries", took, "s"))
        report.add(
            Metric(
                f"{backend.name} verify, per 1,000,000 entries",
                took * 1_000_000 / max(n, 1),
                "s",
                VERIFY_TARGET,
            )
        )


# --- 5. where an intake's time goes -----------------------------------------------------------

LAYERS: tuple[tuple[str, str], ...] = (
    ("sqlite3", "sqlite3 driver (C: statements, commit with fsync)"),
    ("psycopg", "psycopg driver (incl. waits on the server and its fsync)"),
    ("sqlalchemy/orm", "SQLAlchemy ORM (unit of work, identity map, loading)"),
    ("sqlalchemy", "SQLAlchemy Core (compile cache, execution, types)"),
    ("psepa/cases", "psepa workflow and audit chain"),
    ("psepa/audit", "psepa decision record"),
    ("psepa", "psepa engine (validate, decide, reasons)"),
    ("pydantic", "pydantic"),
)
FOCUS: tuple[tuple[str, str, str], ...] = (
    ("psepa/cases/workflow.py", "intake", "Cases.intake, all of it"),
    ("psepa/cases/intake.py", "prepare", "prepare (checks, psepa.validate)"),
    ("psepa/cases/intake.py", "take_in", "take_in (look-ups, writes, chain)"),
    ("psepa/cases/intake.py", "_write", "_write (inserts, decide, duties, entries)"),
    ("psepa/cases/audit.py", "append_many", "audit.append_many (head row, entries)"),
    ("sqlalchemy/orm/session.py", "_flush", "Session._flush, all flushes"),
    ("sqlalchemy/orm/session.py", "_autoflush", "Session._autoflush (flush before a query)"),
    ("sqlalchemy/orm/session.py", "commit", "SessionTransaction.commit"),
    ("~", "<method 'commit' of 'sqlite3.Connection' objects>", "sqlite3 commit (fsync)"),
    ("~", "<method 'execute' of 'sqlite3.Cursor' objects>", "sqlite3 execute"),
    ("psycopg/connection.py", "commit", "psycopg commit (round trip and fsync)"),
    ("psycopg/cursor.py", "execute", "psycopg execute (round trips)"),
)

StatKey = tuple[str, int, str]
StatValue = tuple[int, int, float, float, dict[Any, Any]]


def layer_of(filename: str, name: str) -> str:
    where = filename.replace("\\", "/")
    if where == "~":
        where = name
    for needle, layer in LAYERS:
        if needle in where:
            return layer
    return "other (stdlib, orjson, hashlib, interpreter)"


def profile_intake(backend: Backend, calls: int) -> None:
    heading(f"5. {backend.name}: where an intake's time goes (cProfile, {calls:,} intakes)")
    with backend.make("profile") as store:
        cases = Cases(store)
        warm = [f"W-{i:05d}" for i in range(50)]
        numbers = [f"P-{i:05d}" for i in range(calls)]
        book_all(cases, warm + numbers)
        for number in warm:
            cases.intake(f"ICE-{number}", number, "detainer", RECEIVED, "fax", True, DOCUMENTS)
        start = time.perf_counter()
        for number in numbers[: calls // 2]:
            cases.intake(f"ICE-{number}", number, "detainer", RECEIVED, "fax", True, DOCUMENTS)
        plain = (time.perf_counter() - start) / (calls // 2)
        profiler = cProfile.Profile()
        profiler.enable()
        for number in numbers[calls // 2 :]:
            cases.intake(f"ICE-{number}", number, "detainer", RECEIVED, "fax", True, DOCUMENTS)
        profiler.disable()
    profiled = calls - calls // 2
    stats = cast(dict[StatKey, StatValue], vars(pstats.Stats(profiler))["stats"])
    total = sum(value[2] for value in stats.values())
    print(
        f"  {plain * 1e6:,.0f} µs an intake unprofiled ({1 / plain:,.0f}/s); "
        f"{total / profiled * 1e6:,.0f} µs under the profiler. Shares below are of the latter."
    )

    print("\n  by layer (own time, per intake):")
    layers: dict[str, float] = defaultdict(float)
    for (filename, _, name), value in stats.items():
        layers[layer_of(filename, name)] += value[2]
    for layer, spent in sorted(layers.items(), key=lambda kv: -kv[1]):
        print(f"    {spent / profiled * 1e6:8,.0f} µs  {spent / total:5.1%}  {layer}")

    print("\n  the calls that matter (cumulative, per intake):")
    for file_end, name, label in FOCUS:
        found = [
            value
            for (filename, _, fn), value in stats.items()
            if fn == name and filename.replace("\\", "/").endswith(file_end)
        ]
        if found:
            calls_ = sum(v[1] for v in found)
            cum = sum(v[3] for v in found)
            print(
                f"    {cum / profiled * 1e6:8,.0f} µs  {cum / total:5.1%}  "
                f"{calls_ / profiled:5.1f} calls  {label}"
            )

    print("\n  top functions by own time (per intake):")
    top = sorted(stats.items(), key=lambda kv: -kv[1][2])[:15]
    for (filename, line, name), value in top:
        short = "/".join(Path(filename).parts[-2:]) if filename != "~" else ""
        where = f"{short}:{line}({name})" if short else name
        print(
            f"    {value[2] / profiled * 1e6:8,.1f} µs  {value[1] / profiled:6.1f} calls  {where}"
        )


# --- the run ----------------------------------------------------------------------------------


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="cut every size 10x (smoke run)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="requests in the big load")
    parser.add_argument("--ops", type=int, default=2_000, help="calls in each timed run")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (median)")
    parser.add_argument(
        "--clients", type=int, default=4, help="processes taking requests in at once (info)"
    )
    parser.add_argument("--threads", type=int, default=16, help="callers at the intake desk")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile intake on each backend even where the target is met",
    )
    args = parser.parse_args(argv)
    cut = 10 if args.quick else 1
    rows, ops = max(1, args.rows // cut), max(10, args.ops // cut)
    report = Report()

    print(
        f"psepa {_version('psepa')} bench/cases.py{' --quick' if args.quick else ''}: "
        f"Python {platform.python_version()}, SQLAlchemy {_version('sqlalchemy')}, "
        f"psycopg {_version('psycopg')}, {platform.machine()} {platform.system()} "
        f"{platform.release()}, CPUs: {os.cpu_count()}"
    )
    print(f"  {rows:,} requests in the big load; {args.runs} runs of {ops:,} calls")
    with tempfile.TemporaryDirectory(prefix="psepa-bench-") as tmp, postgres_server() as pg:
        print(f"  SQLite files in {tmp}; PostgreSQL at {make_url(pg).render_as_string()}")
        backends = [sqlite_backend(Path(tmp)), postgres_backend(pg)]
        slow: list[Backend] = []
        for backend in backends:
            bench_workflow(backend, ops, args.runs, report)
            rate = bench_grouped(backend, ops, args.runs, args.threads, report)
            if args.clients > 1:
                bench_clients(backend, args.clients, ops, report)
            if rate < INTAKE_TARGET or args.profile:
                slow.append(backend)
        for backend in backends:
            bench_load(backend, rows, report)
        for backend in slow:
            profile_intake(backend, max(100, min(ops, 1_000)))

    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
