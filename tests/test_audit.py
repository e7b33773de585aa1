"""The decision log is append-only in effect: any edit, deletion, insertion or reordering of an
entry is detected, and the entry named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import psepa
from psepa.audit.log import AuditLog, situation_of, verify

DAY = [
    {
        "action": "hold_on_detainer",
        "on": f"2025-06-0{i}",
        "actor": "sheriff",
        "requester": "federal_immigration",
        "facts": {"release_basis": "bond_posted"},
    }
    for i in range(1, 6)
]


@pytest.fixture
def log_path(tmp_path: Path) -> Path:
    path = tmp_path / "audit.log"
    with AuditLog(path) as log:
        for item in DAY:
            facts = psepa.validate(item)
            log.record(
                psepa.rulebook().decide(facts),
                situation_of(facts),
                personal={"booking_number": "B-123"},
            )
    return path


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines(keepends=True)


def test_an_untouched_log_verifies(log_path: Path) -> None:
    assert verify(log_path) == 5


def test_records_carry_what_an_auditor_needs_to_replay(log_path: Path) -> None:
    record = json.loads(_lines(log_path)[0])
    assert record["rulebook"] == psepa.rulebook().revision
    assert record["version"] == "law-in-force-2025-06-01"
    assert record["input"]["facts"] == {"release_basis": "bond_posted"}
    assert record["masked"] == {"booking_number": "***"}
    assert "B-123" not in log_path.read_text()
    replayed = psepa.decide(record["input"], version=record["version"])
    assert replayed.verdict.value == record["verdict"] == "prohibited"
    assert list(replayed.rules) == record["rules"]


def test_appending_after_reopening_continues_the_chain(log_path: Path) -> None:
    with AuditLog(log_path) as log:
        facts = psepa.validate(DAY[0])
        log.record(psepa.rulebook().decide(facts), situation_of(facts))
    assert verify(log_path) == 6


def test_an_edited_entry_is_named(log_path: Path) -> None:
    lines = _lines(log_path)
    lines[2] = lines[2].replace('"prohibited"', '"permitted"')
    log_path.write_text("".join(lines))
    with pytest.raises(psepa.AuditBroken) as broken:
        verify(log_path)
    assert broken.value.line == 3 and "edited" in str(broken.value)


def test_a_deleted_entry_is_found_where_the_chain_breaks(log_path: Path) -> None:
    lines = _lines(log_path)
    del lines[1]
    log_path.write_text("".join(lines))
    with pytest.raises(psepa.AuditBroken) as broken:
        verify(log_path)
    assert broken.value.line == 2 and "deleted" in str(broken.value)


def test_reordered_entries_are_found(log_path: Path) -> None:
    lines = _lines(log_path)
    lines[1], lines[2] = lines[2], lines[1]
    log_path.write_text("".join(lines))
    with pytest.raises(psepa.AuditBroken) as broken:
        verify(log_path)
    assert broken.value.line == 2


def test_an_inserted_entry_is_found(log_path: Path) -> None:
    lines = _lines(log_path)
    lines.insert(3, lines[0])
    log_path.write_text("".join(lines))
    with pytest.raises(psepa.AuditBroken) as broken:
        verify(log_path)
    assert broken.value.line == 4


def test_a_recomputed_hash_after_an_edit_still_breaks_the_next_link(log_path: Path) -> None:
    import hashlib

    import orjson

    lines = _lines(log_path)
    record = json.loads(lines[1])
    record.pop("hash")
    record["verdict"] = "permitted"
    body = orjson.dumps(record)
    record["hash"] = hashlib.sha256(record["prev"].encode() + body).hexdigest()
    lines[1] = json.dumps(record, separators=(",", ":")) + "\n"
    log_path.write_text("".join(lines))
    with pytest.raises(psepa.AuditBroken) as broken:
        verify(log_path)
    assert broken.value.line == 3
