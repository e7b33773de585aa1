"""CSV and Parquet exports: every column name, and every cell value, streamed in batches.

Memory stays bounded by the batch size whatever the file's size: Arrow reads CSV in blocks
and Parquet by row group, and only counts per column are kept between batches.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from psepa.guard.errors import UnreadableInput
from psepa.guard.scanners.base import Item
from psepa.guard.scanners.values import ValueScan, column_items

BLOCK_SIZE = 16 << 20  # bytes of CSV per batch


def _header(path: Path, delimiter: str, source: str) -> list[str]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            row = next(csv.reader(f, delimiter=delimiter), None)
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            source, f"not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None
    if not row:
        raise UnreadableInput(source, "the file is empty: a CSV needs a header row")
    return row


def scan_csv(path: Path, source: str, *, delimiter: str = ",") -> Iterator[Item]:
    names = _header(path, delimiter, source)
    yield from column_items(names, source, "csv")
    values = ValueScan(source, "csv")
    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(block_size=BLOCK_SIZE, use_threads=True),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False
            ),
        )
        for batch in reader:
            values.add(batch)
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise UnreadableInput(source, f"malformed CSV: {exc}") from None
    yield from values.items()


def scan_tsv(path: Path, source: str) -> Iterator[Item]:
    return scan_csv(path, source, delimiter="\t")


def scan_parquet(path: Path, source: str) -> Iterator[Item]:
    try:
        file = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise UnreadableInput(source, f"not a Parquet file: {exc}") from None
    yield from column_items(_leaf_names(file.schema_arrow), source, "parquet")
    values = ValueScan(source, "parquet")
    try:
        for batch in file.iter_batches(batch_size=65536):
            values.add(batch)
    except pa.ArrowInvalid as exc:
        raise UnreadableInput(source, f"damaged Parquet data: {exc}") from None
    yield from values.items()


def _leaf_names(schema: pa.Schema) -> list[str]:
    names: list[str] = []

    def walk(field: pa.Field, prefix: str) -> None:
        name = f"{prefix}{field.name}"
        names.append(name)
        if pa.types.is_struct(field.type):
            for child in field.type:
                walk(child, f"{name}.")

    for f in schema:
        walk(f, "")
    return names
