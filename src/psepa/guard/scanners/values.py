"""Cell values in columnar batches: a vectorised pre-filter, then the matcher on what passes.

A gigabyte of CSV holds tens of millions of cells; running the Python matcher on each would
take minutes. Arrow's RE2 kernel first keeps only cells containing a word stem that every
lexicon term contains (a test checks this superset over the labelled corpus), and only those
few reach the matcher. Findings are counted per column and category, and carry the matched
phrase rather than the cell, so a report does not copy a person's data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]

from psepa.guard.categories import Category
from psepa.guard.findings import Location
from psepa.guard.lexicon import PREFILTER
from psepa.guard.matcher import MATCHER, Hit
from psepa.guard.rules import Context
from psepa.guard.scanners.base import Item


@dataclass
class _Seen:
    first_row: int
    phrase: str
    count: int = 0


@dataclass
class ValueScan:
    """Accumulates value findings over the batches of one table."""

    source: str
    format: str
    rows: int = 0
    seen: dict[tuple[str, Category], _Seen] = field(default_factory=dict)

    def add(self, batch: pa.RecordBatch, first_line: int = 2) -> None:
        for name, column in zip(batch.schema.names, batch.columns, strict=True):
            strings = _as_strings(column)
            if strings is None:
                continue
            mask = pc.match_substring_regex(strings, PREFILTER, ignore_case=True)
            mask = pc.fill_null(mask, False)
            if not pc.any(mask).as_py():
                continue
            # Each distinct candidate is matched once, however often it repeats.
            counts = pc.value_counts(pc.filter(strings, mask))
            for value, count in zip(
                counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True
            ):
                for hit in MATCHER.find(value):
                    key = (name, hit.category)
                    entry = self.seen.get(key)
                    if entry is None:
                        first = pc.index(strings, value).as_py()
                        entry = self.seen[key] = _Seen(self.rows + first + first_line, hit.phrase)
                    entry.count += count
        self.rows += batch.num_rows

    def items(self) -> Iterator[Item]:
        for (column, category), s in self.seen.items():
            yield Item(
                Location(self.source, self.format, f"values of {column}", s.first_row),
                s.phrase,
                Context.RECORD,
                hits=(Hit(category, s.phrase),),
                count=s.count,
            )


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
