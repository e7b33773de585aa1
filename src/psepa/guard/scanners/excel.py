"""Excel workbooks: each sheet's header row as column names, and its text cells as values."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from psepa.guard.errors import UnreadableInput
from psepa.guard.findings import Location
from psepa.guard.matcher import MATCHER, Hit
from psepa.guard.rules import Context
from psepa.guard.scanners.base import Item


@dataclass
class _Seen:
    row: int
    hit: Hit
    count: int = 1


def scan_excel(path: Path, source: str) -> Iterator[Item]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableInput(source, f"not an Excel .xlsx workbook: {exc}") from None
    try:
        for sheet in book.worksheets:
            header: list[str] = []
            seen: dict[tuple[int, str], _Seen] = {}
            for r, row in enumerate(sheet.iter_rows(values_only=True), 1):
                if r == 1:
                    header = ["" if v is None else str(v) for v in row]
                    for c, name in enumerate(header, 1):
                        if name:
                            where = f"{sheet.title}!{get_column_letter(c)}1 {name}"
                            yield Item(
                                Location(source, "excel", where),
                                name,
                                Context.RECORD,
                                identifier=True,
                            )
                    continue
                for c, value in enumerate(row, 1):
                    if isinstance(value, str):
                        for hit in MATCHER.find(value):
                            key = (c, hit.category.value)
                            if key in seen:
                                seen[key].count += 1
                            else:
                                seen[key] = _Seen(r, hit)
            for (c, _), s in seen.items():
                name = header[c - 1] if c - 1 < len(header) else get_column_letter(c)
                where = f"{sheet.title}!{get_column_letter(c)}{s.row} values of {name}"
                yield Item(
                    Location(source, "excel", where, s.row),
                    s.hit.phrase,
                    Context.RECORD,
                    hits=(s.hit,),
                    count=s.count,
                    personal=True,
                )
    finally:
        book.close()
