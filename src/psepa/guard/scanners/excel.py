"""Excel workbooks: each sheet's header row as column names, and its text cells as values."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from psepa.guard.detect import detect_many
from psepa.guard.errors import UnreadableInput
from psepa.guard.findings import Location
from psepa.guard.matcher import Hit
from psepa.guard.rules import Context
from psepa.guard.scanners.base import Item


def scan_excel(path: Path, source: str) -> Iterator[Item]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableInput(source, f"not an Excel .xlsx workbook: {exc}") from None
    try:
        for sheet in book.worksheets:
            header: list[str] = []
            # Each column's distinct text cells, with the first row and count of each; judged
            # together at the sheet's end, so the classifier reads a column in one batch.
            cells: dict[int, dict[str, list[int]]] = {}
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
                        seen = cells.setdefault(c, {}).setdefault(value, [r, 0])
                        seen[1] += 1
            for c, distinct in cells.items():
                name = header[c - 1] if c - 1 < len(header) else get_column_letter(c)
                for row_no, hit, count in _by_category(distinct).values():
                    where = f"{sheet.title}!{get_column_letter(c)}{row_no} values of {name}"
                    yield Item(
                        Location(source, "excel", where, row_no),
                        hit.phrase,
                        Context.RECORD,
                        hits=(hit,),
                        count=count,
                        personal=True,
                    )
    finally:
        book.close()


def _by_category(distinct: dict[str, list[int]]) -> dict[str, tuple[int, Hit, int]]:
    """Per category: the first row that shows it, its hit, and how many cells show it."""
    values = list(distinct)
    found: dict[str, tuple[int, Hit, int]] = {}
    for value, hits in zip(values, detect_many(values, "value"), strict=True):
        row, count = distinct[value]
        for hit in hits:
            first = found.get(hit.category.value)
            if first is None:
                found[hit.category.value] = (row, hit, count)
            else:
                earlier = (row, hit) if row < first[0] else (first[0], first[1])
                found[hit.category.value] = (*earlier, first[2] + count)
    return dict(sorted(found.items(), key=lambda kv: kv[1][0]))
