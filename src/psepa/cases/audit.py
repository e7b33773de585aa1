"""The audit chain in the case database: every decision and state change, hash-chained.

Entries are written in the same transaction as the change they record, so a change is never
committed without its entry, nor an entry without its change. Writers take the chain's head
row (`audit_head`) in turn: PostgreSQL with `SELECT ... FOR UPDATE`, SQLite by its immediate
write lock. The hash scheme is the file log's (psepa.audit.log), so one verifier's logic serves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

import psepa
from psepa.audit.log import GENESIS, digest
from psepa.cases.models import AuditEntry, ChainHead
from psepa.errors import AuditBroken


def append(session: Session, kind: str, at: dt.datetime, payload: dict[str, Any]) -> int:
    """Add one entry after the current head; returns its sequence number."""
    head = session.execute(
        select(ChainHead).where(ChainHead.id == 1).with_for_update()
    ).scalar_one_or_none()
    if head is None:  # migration 0002 seeds the head; never reached on a migrated database
        raise RuntimeError("the audit chain has no head row: run the migrations (Store.migrate)")
    clash = {"seq", "kind", "at", "prev"} & payload.keys()
    if clash:
        raise ValueError(f"audit payload may not carry {sorted(clash)}: those are the entry's own")
    seq = head.seq + 1
    record = {"seq": seq, "kind": kind, "at": at.isoformat(), **payload, "prev": head.hash}
    body = orjson.dumps(record).decode()
    hashed = digest(head.hash, body.encode())
    session.add(AuditEntry(seq=seq, body=body, prev=head.hash, hash=hashed))
    head.seq, head.hash = seq, hashed
    session.flush()
    return seq


def verify(session: Session, batch: int = 50_000) -> int:
    """Check every entry in order; return how many, or raise `AuditBroken` naming the entry.

    The head is read first and only entries up to it are checked: entries a clerk commits while
    the check runs come after the head that was read, so a live database verifies as it stood.
    """
    head = session.get(ChainHead, 1)
    end_seq, end_hash = (head.seq, head.hash) if head is not None else (0, GENESIS)
    prev, expected, position, last = GENESIS, 1, 0, 0
    while last < end_seq:
        rows = session.execute(
            select(AuditEntry.seq, AuditEntry.body, AuditEntry.prev, AuditEntry.hash)
            .where(AuditEntry.seq > last, AuditEntry.seq <= end_seq)
            .order_by(AuditEntry.seq)
            .limit(batch)
        ).all()
        if not rows:
            break
        for seq, body, stored_prev, stored_hash in rows:
            position += 1
            record = orjson.loads(body)
            if seq != expected or record.get("seq") != seq:
                raise AuditBroken(
                    position,
                    seq,
                    f"expected entry {expected}: an entry was deleted, inserted or renumbered",
                )
            if stored_prev != prev or record.get("prev") != prev:
                raise AuditBroken(
                    position,
                    seq,
                    "its link to the previous entry is broken: the entry before it was changed "
                    "or replaced",
                )
            if digest(prev, body.encode()) != stored_hash:
                raise AuditBroken(
                    position, seq, "its content does not match its hash: it was edited"
                )
            prev, expected, last = stored_hash, expected + 1, seq
    if last != end_seq or prev != end_hash:
        raise AuditBroken(
            position,
            end_seq,
            "the chain's head does not match its last entry: entries were removed from the end",
        )
    return position


@dataclass(frozen=True)
class Replay:
    checked: int
    differences: list[str]


def replay(session: Session) -> Replay:
    """Re-decide every logged decision under its stored version; list any that now differ."""
    checked, differences = 0, []
    for (body,) in session.execute(select(AuditEntry.body).order_by(AuditEntry.seq)):
        record = orjson.loads(body)
        if record.get("kind") != "decision":
            continue
        checked += 1
        again = psepa.decide(record["input"], version=record["version"])
        if again.verdict.value != record["verdict"] or list(again.rules) != record["rules"]:
            differences.append(
                f"entry {record['seq']}: logged {record['verdict']} by {record['rules']} under "
                f"rulebook {record['rulebook']}; now {again.verdict.value} by {list(again.rules)}"
                f" under rulebook {again.rulebook}"
            )
    return Replay(checked, differences)
