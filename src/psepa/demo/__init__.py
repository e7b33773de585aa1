"""A realistic day, used by `psepa demo` (the README's run command).

First a dozen questions go straight to the engine and into the file audit log; then a day of
cases runs through the workflow on an embedded SQLite database: bookings, ICE requests taken in
and decided, releases with what must happen, notices with their lead time, advisements, the
duties left overdue, and the audit chain verified and replayed.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

import psepa
from psepa.audit.log import AuditLog, situation_of, verify
from psepa.cases import audit
from psepa.cases.store import Store
from psepa.cases.workflow import Cases

MDT = dt.timezone(dt.timedelta(hours=-6))


def questions() -> list[dict[str, Any]]:
    return list(json.loads(resources.files(__package__).joinpath("day.json").read_text()))


def _at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 6, 2, hour, minute, tzinfo=MDT)


def run_day(data: Path) -> None:
    console = Console(width=120)
    data.mkdir(parents=True, exist_ok=True)
    book = psepa.rulebook()

    log_path = data / "audit.log"
    table = Table(title=f"Questions to the engine (rulebook {book.revision})")
    for column in ("action", "verdict", "rules", "duties", "confidence"):
        table.add_column(column)
    with AuditLog(log_path, durable=True) as log:
        for item in questions():
            facts = psepa.validate(item)
            decision = book.decide(facts)
            log.record(decision, situation_of(facts))
            table.add_row(
                decision.action,
                decision.verdict.value,
                ", ".join(decision.rules),
                ", ".join(o.id for o in decision.obligations),
                decision.confidence.value,
            )
    console.print(table)
    console.print(f"File audit log {log_path}: {verify(log_path)} entries, chain intact.\n")

    db = data / "demo-day.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = Store(f"sqlite:///{db}")
    store.migrate()
    cases = Cases(store)
    console.print(f"[bold]A day of cases[/bold] in {db}")
    for number, name, language in (
        ("B-101", "Ana Example", "es"),
        ("B-102", "Ben Example", "en"),
        ("B-103", "Tesfay Example", "ti"),
    ):
        cases.book(number, name, language, _at(0, 30))
    steps = [
        ("ICE-7001", "B-101", "detainer", "fax", True, ["i_247a", "i_200"]),
        ("ICE-7002", "B-102", "notification", "phone", False, []),
        ("ICE-7003", "B-103", "interview", "email", True, []),
        ("ICE-7004", "B-102", "access", "in_person", True, ["i_200"]),
    ]
    for key, number, kind, channel, written, documents in steps:
        result = cases.intake(key, number, kind, _at(8), channel, written, documents)
        console.print(
            f"  intake {key} ({kind} for {number}): [bold]{result.verdict}[/bold] "
            f"by {', '.join(result.rules)}; duties: "
            f"{', '.join(d.kind for d in result.duties) or 'none'}"
        )
    released = cases.release("B-101", _at(14), "bond_posted", "deputy-12")
    console.print("  release B-101 at 14:00; what must happen now:")
    for step in released.must:
        console.print(f"    - {step}")
    cases.record_advisement("B-101", "advise_notified_person", "es", _at(13, 20), "deputy-12")
    lead = cases.record_notice("ICE-7001", _at(13, 34), "fax", "deputy-12")
    console.print(f"  notice to ICE for B-101 sent 13:34: lead time {lead} minutes")
    console.print(f"  overdue at 18:00: {[d.kind for d in cases.overdue(_at(18))] or 'none'}")
    with store.reading() as session:
        count = audit.verify(session)
        replay = audit.replay(session)
    console.print(
        f"  audit chain: {count} entries intact; {replay.checked} decisions replayed, "
        f"{len(replay.differences)} differ."
    )
    store.close()
    console.print("\nNext: psepa explain FILE, psepa case --help, psepa audit verify --db URL.")
