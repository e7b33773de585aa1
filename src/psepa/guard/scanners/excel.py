"""Excel workbooks: each sheet's header row as column names, and its text cells as values."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from psepa.guard.detect import tally_values
from psepa.guard.errors import UnreadableInput
from psepa.guard.findings import Location
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
            counts: dict[int, dict[str, int]] = {}  # each column's text cells, counted
            first_row: dict[tuple[int, str], int] = {}  # each column's values' first rows
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
                        column = counts.setdefault(c, {})
                        column[value] = column.get(value, 0) + 1
                        first_row.setdefault((c, value), r)
            for c, column in counts.items():
                name = header[c - 1] if c - 1 < len(header) else get_column_letter(c)
                for tally in tally_values(column).values():
                    # Values are counted in row order, so the first is in the earliest row.
                    row_no = first_row[(c, tally.first)]
                    where = f"{sheet.title}!{get_column_letter(c)}{row_no} values of {name}"
                    yield Item(
                        Location(source, "excel", where, row_no),
                        tally.hit.phrase,
                        Context.RECORD,
                        hits=(tally.hit,),
                        count=tally.count,
                        personal=True,
                    )
    finally:
        book.close()
