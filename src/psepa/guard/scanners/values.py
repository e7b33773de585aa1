"""Cell values in columnar batches: a vectorised pre-filter, then the matcher on what passes.

A gigabyte of CSV holds tens of millions of cells; running the Python matcher on each would
take minutes. Arrow's RE2 kernel first keeps only cells containing a word stem that every
lexicon term contains (a test checks this superset over the labelled corpus), and only those
few reach the matcher. Findings are counted per column and category, and carry the matched
phrase rather than the cell, so a report does not copy a person's data.

The classifier (`psepa.guard.detect`) reads every distinct value of a column of few distinct
values (codes, statuses, canned notes: "Sin documentos", "Entered 2019 w/o inspection"),
once each, but only the pre-filtered cells of a column of unique values: those may be
millions, and a gigabyte must still scan in a minute.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]

from psepa.guard.categories import Category
from psepa.guard.detect import USE_CLASSIFIER, detect_many
from psepa.guard.findings import Location
from psepa.guard.lexicon import PREFILTER
from psepa.guard.matcher import Hit
from psepa.guard.rules import Context
from psepa.guard.scanners.base import Item


@dataclass
class _Seen:
    first_row: int
    phrase: str  # the lexicon's phrase, or the first cell the classifier flagged
    confidence: float | None = None
    count: int = 0


@dataclass
class ValueScan:
    """Accumulates value findings over the batches of one table."""

    source: str
    format: str
    rows: int = 0
    seen: dict[tuple[str, Category], _Seen] = field(default_factory=dict)
    repetitive: dict[str, bool] = field(default_factory=dict)  # decided on a first batch

    def add(self, batch: pa.RecordBatch, first_line: int = 2) -> None:
        for name, column in zip(batch.schema.names, batch.columns, strict=True):
            strings = _as_strings(column)
            if strings is None or len(strings) == 0:
                continue
            repetitive = self.repetitive.get(name)
            if repetitive is None or repetitive:
                # A column of few distinct values (names, charges, canned notes) is filtered
                # once per distinct value; one of unique values (ids) cell by cell.
                counts = pc.value_counts(strings)
                repetitive = self.repetitive[name] = len(counts) <= 0.2 * len(strings)
                if repetitive:
                    values = counts.field("values")
                    keep = pc.fill_null(
                        pc.match_substring_regex(values, PREFILTER, ignore_case=True), False
                    )
                    if USE_CLASSIFIER.get():
                        worded = pc.match_substring_regex(values, WORD)
                        keep = pc.or_(keep, pc.fill_null(worded, False))
                    self._match(name, strings, pc.filter(counts, keep), first_line)
                    continue
            mask = pc.fill_null(
                pc.match_substring_regex(strings, PREFILTER, ignore_case=True), False
            )
            if pc.any(mask).as_py():
                self._match(name, strings, pc.value_counts(pc.filter(strings, mask)), first_line)
        self.rows += batch.num_rows

    def _match(self, name: str, strings: pa.Array, counts: pa.Array, first_line: int) -> None:
        """Match each distinct candidate once and add its count to the column's findings."""
        pairs = [
            (value, count)
            for value, count in zip(
                counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True
            )
            # an address's slug ("...-illegal-immigration-...") records nobody
            if not value.startswith(("http://", "https://"))
        ]
        found = detect_many([value for value, _ in pairs], "value")
        for (value, count), hits in zip(pairs, found, strict=True):
            for hit in hits:
                key = (name, hit.category)
                entry = self.seen.get(key)
                if entry is None:
                    first = pc.index(strings, value).as_py()
                    entry = self.seen[key] = _Seen(
                        self.rows + first + first_line, hit.phrase or value, hit.confidence
                    )
                entry.count += count

    def items(self) -> Iterator[Item]:
        for (column, category), s in self.seen.items():
            yield Item(
                Location(self.source, self.format, f"values of {column}", s.first_row),
                s.phrase,
                Context.RECORD,
                hits=(Hit(category, "" if s.confidence is not None else s.phrase, s.confidence),),
                count=s.count,
                personal=True,
            )


# A word of three letters: what a cell needs for the classifier to read it (detect._WORD).
WORD = r"\pL{3}"


def _as_strings(column: pa.Array | pa.ChunkedArray) -> pa.Array | None:
    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.cast(kind.value_type)
        kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return column
    return None


def column_items(names: Iterable[str], source: str, fmt: str) -> Iterator[Item]:
    for name in names:
        yield Item(Location(source, fmt, name), name, Context.RECORD, identifier=True)
