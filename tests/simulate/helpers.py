"""Shared by the simulator's tests: situations as contract rows, and scalar answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from psepa.domain import BOOL_FACTS, ENUM_FACTS, SET_FACTS
from psepa.engine.rulebook import Rulebook
from psepa.simulate.adapters import situations_table
from psepa.situation import validate

TOP_LEVEL = ("action", "on", "actor", "requester")


def as_row(situation: dict[str, Any]) -> dict[str, Any]:
    """A contract situation as one data-set row (set facts joined by ';')."""
    row: dict[str, Any] = {name: situation.get(name) for name in TOP_LEVEL}
    facts = situation.get("facts", {})
    for name in ENUM_FACTS:
        if name not in TOP_LEVEL:
            row[name] = facts.get(name)
    for name in BOOL_FACTS:
        row[name] = facts.get(name)
    for name in SET_FACTS:
        members = facts.get(name)
        row[name] = None if members is None else ";".join(members)
    return row


def write_parquet(rows: list[dict[str, Any]], path: Path) -> Path:
    import pyarrow.parquet as pq

    columns = [c for c in rows[0] if c != "id"] + (["id"] if "id" in rows[0] else [])
    table = situations_table(rows, columns)
    pq.write_table(table, path)
    return path


def scalar(book: Rulebook, situation: dict[str, Any], version: str) -> tuple[str, tuple[str, ...]]:
    """The verdict and deciding rules `decide` gives, one situation at a time."""
    facts = validate(situation)
    decision = book.decide(facts, None if version == book.in_force.version.id else version)
    return decision.verdict.value, decision.template.rules
