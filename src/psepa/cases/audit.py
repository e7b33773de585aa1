"""The audit chain in the case database: every decision and state change, hash-chained.

Entries are written in the same transaction as the change they record, so a change is never
committed without its entry, nor an entry without its change. Writers take the chain's head
row (`audit_head`) in turn: PostgreSQL with `SELECT ... FOR UPDATE`, SQLite by its immediate
write lock. The hash scheme is the file log's (psepa.audit.log), so one verifier's logic serves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import orjson
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

import psepa
from psepa.audit.log import GENESIS, digest
from psepa.cases.bulk import Rows, insert_many
from psepa.cases.models import AuditEntry, ChainHead
from psepa.errors import AuditBroken

Event = tuple[str, dt.datetime, dict[str, Any]]
"""An audit event before it is chained: its kind, when it happened, and what it records."""

_RESERVED = frozenset({"seq", "kind", "at", "prev"})
_HEAD = cast(Table, ChainHead.__table__)
_LOG = cast(Table, AuditEntry.__table__)


def append(session: Session, kind: str, at: dt.datetime, payload: dict[str, Any]) -> int:
    """Add one entry after the current head; returns its sequence number."""
    return append_many(session, [(kind, at, payload)])[-1]


def lock_head(session: Session) -> tuple[int, str]:
    """The chain's head (sequence number, hash), locked until the transaction ends."""
    head = (
        session.connection()
        .execute(select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == 1).with_for_update())
        .one_or_none()
    )
    if head is None:  # migration 0002 seeds the head; never reached on a migrated database
        raise RuntimeError("the audit chain has no head row: run the migrations (Store.migrate)")
    return int(head.seq), str(head.hash)


def append_many(
    session: Session,
    events: Sequence[Event],
    records: Sequence[tuple[Table, Rows]] = (),
    head: tuple[int, str] | None = None,
) -> list[int]:
    """Chain several entries after the current head in one go; returns their sequence numbers.

    `records` are the rows the entries speak of, written in the same statement as the entries
    and the head's move (parents first): on PostgreSQL a whole batch of intakes is then one
    round trip. The head row is locked here, so callers compute everything first and chain
    last, and the lock is held only for these writes and the commit. A caller that already
    locked it in an earlier query of this transaction (to save a round trip) passes `head`.
    """
    if not events:
        insert_many(session.connection(), records)
        return []
    for _kind, _at, payload in events:
        clash = _RESERVED & payload.keys()
        if clash:
            raise ValueError(
                f"audit payload may not carry {sorted(clash)}: those are the entry's own"
            )
    conn = session.connection()
    seq, prev = head if head is not None else lock_head(session)
    rows: list[dict[str, Any]] = []
    for kind, at, payload in events:
        seq += 1
        body = orjson.dumps(
            {"seq": seq, "kind": kind, "at": at.isoformat(), **payload, "prev": prev}
        ).decode()
        hashed = digest(prev, body.encode())
        rows.append({"seq": seq, "body": body, "prev": prev, "hash": hashed})
        prev = hashed
    move_head = (
        "UPDATE audit_head SET seq = :head_seq, hash = :head_hash WHERE id = 1",
        {"head_seq": seq, "head_hash": prev},
    )
    insert_many(conn, [*records, (_LOG, rows)], then=move_head)
    return [row["seq"] for row in rows]


def verify(session: Session) -> int:
    """Check every entry in order; return how many, or raise `AuditBroken` naming the entry.

    Run it in a snapshot (`Store.reading()`): the head and the entries are then read as of one
    moment, so entries a clerk commits meanwhile are not seen, and any entry found beyond the
    head is one that was slipped in without moving it.

    Each body must open with its own sequence number and close with the previous entry's hash,
    exactly as `append_many` writes it; checking those two ends as text, and hashing, spares
    parsing millions of JSON bodies. A body that is valid JSON but laid out otherwise fails. The
    rows are read with the driver's own cursor (server-side on PostgreSQL, so memory stays
    flat): at millions of rows, SQLAlchemy's result rows would cost more than the checks.
    """
    conn = session.connection()
    head = conn.execute(select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == 1)).one_or_none()
    end_seq, end_hash = (int(head.seq), str(head.hash)) if head is not None else (0, GENESIS)
    raw = conn.connection.driver_connection
    assert raw is not None
    if conn.dialect.name == "postgresql":
        cursor = raw.cursor(name="psepa_audit_verify")
        cursor.itersize = 20_000
    else:
        cursor = raw.cursor()
    prev, position = GENESIS, 0
    sha256 = hashlib.sha256
    try:
        cursor.execute("SELECT seq, body, prev, hash FROM audit_log ORDER BY seq")
        for seq, body, stored_prev, stored_hash in cursor:
            position += 1
            if seq > end_seq:
                raise AuditBroken(
                    position,
                    seq,
                    f"it lies beyond the chain's head (entry {end_seq}): it was added by hand",
                )
            if seq != position or not body.startswith(f'{{"seq":{seq},'):
                raise AuditBroken(
                    position,
                    seq,
                    f"expected entry {position}: an entry was deleted, inserted or renumbered",
                )
            if stored_prev != prev or not body.endswith(f'"prev":"{prev}"}}'):
                raise AuditBroken(
                    position,
                    seq,
                    "its link to the previous entry is broken: the entry before it was changed "
                    "or replaced",
                )
            if sha256((prev + body).encode()).hexdigest() != stored_hash:
                raise AuditBroken(
                    position, seq, "its content does not match its hash: it was edited"
                )
            prev = stored_hash
    finally:
        cursor.close()
    if position != end_seq or prev != end_hash:
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
