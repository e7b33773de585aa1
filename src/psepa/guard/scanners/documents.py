"""PDF and Word forms: their text line by line, and a PDF's fillable fields by name."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from psepa.guard.errors import UnreadableInput
from psepa.guard.findings import Location
from psepa.guard.rules import Context
from psepa.guard.scanners.base import Item


def scan_pdf(path: Path, source: str) -> Iterator[Item]:
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise UnreadableInput(source, "the PDF is encrypted; scan an unlocked copy")
        fields = reader.get_fields() or {}
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise UnreadableInput(source, f"not a readable PDF: {exc}") from None
    for name, value in fields.items():
        yield Item(
            Location(source, "pdf", f"field {name}"), str(name), Context.FORM, identifier=True
        )
        tooltip = value.get("/TU") if hasattr(value, "get") else None
        if isinstance(tooltip, str) and tooltip.strip():
            yield Item(Location(source, "pdf", f"field {name} tooltip"), tooltip, Context.FORM)
    for p, text in enumerate(pages, 1):
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield Item(Location(source, "pdf", "", n, p), line.strip(), Context.FORM)


def scan_docx(path: Path, source: str) -> Iterator[Item]:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableInput(source, f"not a Word .docx document: {exc}") from None
    for n, paragraph in enumerate(document.paragraphs, 1):
        if paragraph.text.strip():
            yield Item(
                Location(source, "docx", f"paragraph {n}"), paragraph.text.strip(), Context.FORM
            )
    for t, table in enumerate(document.tables, 1):
        for r, row in enumerate(table.rows, 1):
            for c, cell in enumerate(row.cells, 1):
                if cell.text.strip():
                    where = f"table {t} row {r} cell {c}"
                    yield Item(Location(source, "docx", where), cell.text.strip(), Context.FORM)
