"""An append-only, hash-chained log of decisions, after Open Policy Agent's decision log.

Each line is one JSON record carrying what an auditor needs to replay the decision: its id and
sequence number, the rulebook revision and policy version that answered, the input (personal
fields masked), the answer with its duties and citations, the time, and the hash of the record
before it. A record's hash covers its own bytes and the previous hash, so editing, deleting,
inserting or reordering any line breaks the chain at that line, and `verify` says which.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from psepa.domain import BOOL_FACTS, ENUM_FACTS, SET_BITS
from psepa.engine.decision import Decision
from psepa.errors import AuditBroken
from psepa.situation import Facts

GENESIS = "0" * 64
_TOP_LEVEL = ("actor", "requester")
MASK = "***"


def situation_of(facts: Facts) -> dict[str, Any]:
    """The contract's JSON form of a validated situation, rebuilt cheaply from its facts."""
    found: dict[str, Any] = {}
    for name in ENUM_FACTS:
        if name not in _TOP_LEVEL:
            value = getattr(facts, name)
            if value is not None:
                found[name] = value
    for name in BOOL_FACTS:
        value = getattr(facts, name)
        if value is not None:
            found[name] = value
    for name, bits in SET_BITS.items():
        mask = getattr(facts, name)
        if mask:
            found[name] = [member for member, bit in bits.items() if mask & bit]
    situation: dict[str, Any] = {"action": facts.action, "on": facts.on.isoformat()}
    if facts.version is not None:
        situation["version"] = facts.version
    for name in _TOP_LEVEL:
        value = getattr(facts, name)
        if value is not None:
            situation[name] = value
    situation["facts"] = found
    return situation


def digest(prev: str, body: bytes) -> str:
    """The hash of an entry: its canonical bytes, chained to the previous entry's hash."""
    return hashlib.sha256(prev.encode() + body).hexdigest()


def decision_record(
    decision: Decision, situation: dict[str, Any], personal: dict[str, Any] | None = None
) -> dict[str, Any]:
    """What an auditor needs to replay a decision (OPA's decision-log fields)."""
    t = decision.template
    return {
        "id": os.urandom(8).hex(),
        "rulebook": decision.rulebook,
        "version": decision.version,
        "input": situation,
        "masked": dict.fromkeys(personal, MASK) if personal else {},
        "verdict": t.verdict.value,
        "rules": t.rules,
        "obligations": [o.id for o in t.obligations],
        "cites": t.cites,
        "confidence": t.confidence.value,
        "flags": [r.id for r in t.readings],
    }


@dataclass(frozen=True)
class Entry:
    line: int
    record: dict[str, Any]


class AuditLog:
    """Appends decision records to a file; `durable=True` fsyncs each one before returning."""

    def __init__(self, path: Path, *, durable: bool = False) -> None:
        self.path = Path(path)
        self.durable = durable
        self.seq, self.prev = _tail(self.path)
        self._file: IO[bytes] = open(self.path, "ab")  # noqa: SIM115 - closed in close()

    def record(
        self, decision: Decision, situation: dict[str, Any], personal: dict[str, Any] | None = None
    ) -> str:
        """Append one decision. `personal` fields (names, booking numbers) are masked."""
        self.seq += 1
        record: dict[str, Any] = {"seq": self.seq, "at_ns": time.time_ns()}
        record.update(decision_record(decision, situation, personal))
        record["prev"] = self.prev
        body = orjson.dumps(record)
        hashed = digest(self.prev, body)
        self._file.write(body[:-1] + b',"hash":"' + hashed.encode() + b'"}\n')
        if self.durable:
            self._file.flush()
            os.fsync(self._file.fileno())
        self.prev = hashed
        return hashed

    def flush(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self.flush()
        self._file.close()

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _tail(path: Path) -> tuple[int, str]:
    if not path.exists() or path.stat().st_size == 0:
        return 0, GENESIS
    with open(path, "rb") as f:
        f.seek(max(0, path.stat().st_size - 65536))
        last = f.read().rstrip(b"\n").rsplit(b"\n", 1)[-1]
    record = orjson.loads(last)
    return int(record["seq"]), str(record["hash"])


def entries(path: Path) -> Iterator[Entry]:
    with open(path, "rb") as f:
        for number, line in enumerate(f, start=1):
            try:
                yield Entry(number, orjson.loads(line))
            except orjson.JSONDecodeError:
                raise AuditBroken(number, None, "the line is not a JSON record") from None


def verify(path: Path) -> int:
    """Check the whole chain; return the number of entries, or raise `AuditBroken`."""
    prev, seq = GENESIS, 0
    for entry in entries(path):
        record = dict(entry.record)
        stated = record.pop("hash", None)
        number = record.get("seq")
        if record.get("prev") != prev:
            what = (
                "an entry before it was deleted, or this one was inserted or moved"
                if number != seq + 1
                else "the entry before it was edited"
            )
            raise AuditBroken(
                entry.line, number, f"its link to the previous entry is broken: {what}"
            )
        if number != seq + 1:
            raise AuditBroken(entry.line, number, f"expected sequence number {seq + 1}")
        if digest(prev, orjson.dumps(record)) != stated:
            raise AuditBroken(
                entry.line, number, "its content does not match its hash: it was edited"
            )
        prev, seq = str(stated), int(number)
    return seq
