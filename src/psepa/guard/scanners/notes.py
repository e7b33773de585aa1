"""Plain-text notes and reports: each line, read as sentences someone wrote down.

What a probation officer writes into a report is a record (DRMC 28-250(a)(2)), so notes are
judged as recording status, line by line, streamed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from psepa.guard.errors import UnreadableInput
from psepa.guard.findings import Location
from psepa.guard.rules import Context
from psepa.guard.scanners.base import Item


def scan_notes(path: Path, source: str) -> Iterator[Item]:
    try:
        with path.open(encoding="utf-8-sig") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    yield Item(
                        Location(source, "text", "", n),
                        line.strip(),
                        Context.RECORD,
                        personal=True,
                    )
    except UnicodeDecodeError:
        raise UnreadableInput(source, "not UTF-8 text; save it as UTF-8") from None
