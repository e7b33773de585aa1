"""What every scanner yields: a piece of text to judge, where it was, and how it was used."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from psepa.guard.findings import Location
from psepa.guard.matcher import Hit
from psepa.guard.rules import Context


@dataclass(frozen=True)
class Item:
    location: Location
    text: str
    context: Context
    identifier: bool = False  # a column, key or field name rather than words
    hits: tuple[Hit, ...] | None = None  # already matched (cell values, counted per column)
    count: int = 1
    # Cell values and note sentences are about people: a report shows where they are and what
    # they record, not the words themselves, unless asked (`--show-text`). A report may end up
    # in a CI system far from the records; it must not carry what the law protects there.
    personal: bool = False


class Scanner(Protocol):
    def __call__(self, path: Path, source: str) -> Iterator[Item]: ...
