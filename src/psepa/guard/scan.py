"""A scan: walk the paths and databases given, judge every item, apply the allow-list."""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from psepa.guard.allowlist import AllowList
from psepa.guard.categories import Category
from psepa.guard.errors import UnknownFormat, UnreadableInput
from psepa.guard.findings import Finding, clip
from psepa.guard.matcher import MATCHER
from psepa.guard.rules import Context, ruling
from psepa.guard.scanners import (
    SCANNERS,
    Item,
    display_url,
    format_of,
    scan_database,
    scan_file,
)

WITHHELD = "(withheld)"

SKIPPED_DIRECTORIES = {
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
}


@dataclass
class Report:
    on: dt.date
    actor: str
    findings: list[Finding] = field(default_factory=list)
    scanned: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files of no format the guard reads
    warnings: list[str] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]


def scan(
    paths: Iterable[Path] = (),
    databases: Iterable[str] = (),
    *,
    on: dt.date | None = None,
    actor: str = "city_department",
    allow: AllowList | None = None,
    forced_format: str | None = None,
    exclude: Iterable[str] = (),
    root: Path | None = None,
    show_text: bool = False,
    context: Context | None = None,
) -> Report:
    """Scan everything given; raise a GuardError naming the first input that cannot be read.

    `root` is what reported paths are relative to (default: the working directory).
    `show_text` puts the words of cell values and notes into findings (withheld by default).
    `context` judges everything as a form or as records, whatever its format suggests (a
    probation report kept as DOCX is a record, not a form).
    """
    day = on or dt.date.today()
    report = Report(day, actor)
    ruling(Category.STATUS, Context.RECORD, day, actor)  # an unknown actor fails first
    base = (root or Path.cwd()).resolve()
    excluded = list(exclude)
    for path in paths:
        for file, fmt in _files(path, forced_format, excluded, base, report):
            source = _relative(file, base)
            report.scanned.append(source)
            _judge(scan_file(file, source, fmt), report, allow, show_text, context)
    for url in databases:
        items = list(scan_database(url))
        report.scanned.append(display_url(url))
        _judge(iter(items), report, allow, show_text, context)
    if allow is not None:
        report.warnings.extend(allow.unused())
    return report


def _judge(
    items: Iterator[Item],
    report: Report,
    allow: AllowList | None,
    show_text: bool,
    context: Context | None,
) -> None:
    for item in items:
        hits = (
            item.hits
            if item.hits is not None
            else MATCHER.find(item.text, identifier=item.identifier)
        )
        for hit in hits:
            withheld = item.personal and not show_text
            judged_as = context or item.context
            finding = Finding(
                location=item.location,
                text=WITHHELD if withheld else clip(item.text),
                category=hit.category,
                phrase="" if withheld else hit.phrase,
                context=judged_as,
                ruling=ruling(hit.category, judged_as, report.on, report.actor),
                count=item.count,
            )
            if allow is not None:
                allow.apply(finding, report.on, report.actor)
            report.findings.append(finding)


def _files(
    path: Path, forced: str | None, exclude: list[str], base: Path, report: Report
) -> Iterator[tuple[Path, str]]:
    if not path.exists():
        raise UnreadableInput(str(path), "no such file or directory")
    if path.is_file():
        fmt = format_of(path, forced)
        if fmt is None:
            raise UnknownFormat(str(path), sorted(SCANNERS))
        yield path, fmt
        return
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRECTORIES)
        for name in sorted(files):
            file = Path(folder) / name
            rel = _relative(file, base)
            if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in exclude):
                continue
            fmt = format_of(file, forced)
            if fmt is None:
                report.skipped.append(rel)
                continue
            yield file, fmt


def _relative(file: Path, base: Path) -> str:
    try:
        return file.resolve().relative_to(base).as_posix()
    except ValueError:
        return file.as_posix()
