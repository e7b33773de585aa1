"""One scanner per format, chosen by file suffix or named with `--as`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from psepa.guard.errors import UnknownFormat
from psepa.guard.scanners.base import Item, Scanner
from psepa.guard.scanners.database import display_url, scan_database
from psepa.guard.scanners.documents import scan_docx, scan_pdf
from psepa.guard.scanners.excel import scan_excel
from psepa.guard.scanners.html import scan_html
from psepa.guard.scanners.jsondoc import scan_json, scan_schema
from psepa.guard.scanners.notes import scan_notes
from psepa.guard.scanners.tabular import scan_csv, scan_parquet, scan_psv, scan_tsv

SCANNERS: dict[str, Scanner] = {
    "csv": scan_csv,
    "tsv": scan_tsv,
    "psv": scan_psv,
    "excel": scan_excel,
    "parquet": scan_parquet,
    "json": scan_json,
    "schema": scan_schema,
    "html": scan_html,
    "pdf": scan_pdf,
    "docx": scan_docx,
    "text": scan_notes,
}

SUFFIXES: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".psv": "psv",
    ".xlsx": "excel",
    ".xlsm": "excel",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".yaml": "schema",  # only OpenAPI and JSON Schema documents; other YAML is skipped
    ".yml": "schema",
    ".html": "html",
    ".htm": "html",
    ".jinja": "html",
    ".j2": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "text",
    ".text": "text",
    ".log": "text",
    ".note": "text",
    ".notes": "text",
}


def format_of(path: Path, forced: str | None = None) -> str | None:
    if forced is not None:
        if forced not in SCANNERS:
            raise UnknownFormat(str(path), sorted(SCANNERS))
        return forced
    return SUFFIXES.get(path.suffix.lower())


def scan_file(path: Path, source: str, fmt: str) -> Iterator[Item]:
    return SCANNERS[fmt](path, source)


__all__ = [
    "SCANNERS",
    "SUFFIXES",
    "Item",
    "display_url",
    "format_of",
    "scan_database",
    "scan_file",
]
