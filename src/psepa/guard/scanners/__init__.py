"""One scanner per format, chosen by file suffix or named with `--as`."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from psepa.guard.errors import UnknownFormat
from psepa.guard.scanners.base import Item, Scanner
from psepa.guard.scanners.database import display_url, scan_database

# format -> (module of psepa.guard.scanners, function). A scanner's module is imported when a
# file of its format is first read: the readers of Excel, PDF, DOCX and Parquet cost half a
# second to import, and every `psepa` command imports the guard's command line.
_WHERE: dict[str, tuple[str, str]] = {
    "csv": ("tabular", "scan_csv"),
    "tsv": ("tabular", "scan_tsv"),
    "psv": ("tabular", "scan_psv"),
    "excel": ("excel", "scan_excel"),
    "parquet": ("tabular", "scan_parquet"),
    "json": ("jsondoc", "scan_json"),
    "schema": ("jsondoc", "scan_schema"),
    "html": ("html", "scan_html"),
    "pdf": ("documents", "scan_pdf"),
    "docx": ("documents", "scan_docx"),
    "text": ("notes", "scan_notes"),
}


class _Scanners(Mapping[str, Scanner]):
    """The scanners by format name, each imported on first use."""

    def __getitem__(self, name: str) -> Scanner:
        module, function = _WHERE[name]
        found: Scanner = getattr(
            importlib.import_module(f"psepa.guard.scanners.{module}"), function
        )
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


SCANNERS: Mapping[str, Scanner] = _Scanners()

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
