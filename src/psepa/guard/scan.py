"""A scan: walk the paths and databases given, judge every item, apply the allow-list."""

from __future__ import annotations

import datetime as dt
import fnmatch
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from psepa.guard.allowlist import AllowList
from psepa.guard.categories import Category
from psepa.guard.detect import KIND_OF_TEXT, USE_CLASSIFIER, detect_many
from psepa.guard.errors import UnknownFormat, UnreadableInput
from psepa.guard.findings import Finding, clip
from psepa.guard.matcher import Hit
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
BATCH = 512

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
    classifier: bool = True,
) -> Report:
    """Scan everything given; raise a GuardError naming the first input that cannot be read.

    `root` is what reported paths are relative to (default: the working directory).
    `show_text` puts the words of cell values and notes into findings (withheld by default).
    `context` judges everything as a form or as records, whatever its format suggests (a
    probation report kept as DOCX is a record, not a form).
    `classifier=False` reports the lexicon's exact matches only (`psepa.guard.detect`).
    """
    token = USE_CLASSIFIER.set(classifier)  # read by the scanners, deep in the generators
    try:
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
    finally:
        USE_CLASSIFIER.reset(token)


def _judge(
    items: Iterator[Item],
    report: Report,
    allow: AllowList | None,
    show_text: bool,
    context: Context | None,
) -> None:
    # Items are judged in batches so the classifier sees many texts at once; a batch is
    # small, so a gigabyte export still streams.
    while batch := list(itertools.islice(items, BATCH)):
        for item, hits in zip(batch, _hits(batch), strict=True):
            _record(item, hits, report, allow, show_text, context)


def _hits(batch: list[Item]) -> list[tuple[Hit, ...]]:
    """Each item's hits: precomputed ones (cell values), else the lexicon's and classifier's."""
    found: list[tuple[Hit, ...] | None] = [item.hits for item in batch]
    by_kind: dict[str, list[int]] = {}
    for i, item in enumerate(batch):
        if item.hits is None:
            by_kind.setdefault(_kind(item), []).append(i)
    for kind, indexes in by_kind.items():
        texts = [batch[i].text for i in indexes]
        for i, hits in zip(indexes, detect_many(texts, kind), strict=True):
            found[i] = hits
    return [h if h is not None else () for h in found]


def _kind(item: Item) -> str:
    if item.identifier:
        return "column"
    return KIND_OF_TEXT[item.context]


def _record(
    item: Item,
    hits: tuple[Hit, ...],
    report: Report,
    allow: AllowList | None,
    show_text: bool,
    context: Context | None,
) -> None:
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
            confidence=hit.confidence,
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
