"""CSV and Parquet exports: every column name, and every cell value, streamed in batches.

Memory stays bounded by the batch size whatever the file's size: Arrow reads CSV in blocks
and Parquet by row group, and only counts per column are kept between batches.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from queue import Full, Queue
from threading import Event, Thread

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
        for batch in _prefetched(_batches(path, names, delimiter)):
            values.add(batch)
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise UnreadableInput(source, f"malformed CSV: {exc}") from None
    yield from values.items()


def _prefetched(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Parse the next block on a second thread while this one is matched, two at most."""
    queue: Queue[pa.RecordBatch | BaseException | None] = Queue(maxsize=2)
    stop = Event()

    def produce() -> None:
        try:
            for batch in batches:
                while not stop.is_set():
                    try:
                        queue.put(batch, timeout=0.1)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
            queue.put(None)
        except BaseException as exc:  # handed to the consumer, raised there
            queue.put(exc)

    thread = Thread(target=produce, daemon=True, name="psepa-guard-csv")
    thread.start()
    try:
        while (item := queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def _batches(path: Path, names: list[str], delimiter: str) -> Iterator[pa.RecordBatch]:
    """The rows after the header, block by block, cut at line ends.

    Arrow's own streaming reader reads ahead of a slow consumer without limit (its memory grew
    with the file in bench/guard.py), so blocks are read here, one at a time, and each is
    parsed by Arrow's multi-threaded reader. A value may not hold a line break, as with
    `newlines_in_values=False`.
    """
    read = pacsv.ReadOptions(column_names=names, use_threads=True)
    parse = pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False)
    convert = pacsv.ConvertOptions(
        column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False
    )

    def parsed(data: bytes) -> Iterator[pa.RecordBatch]:
        table = pacsv.read_csv(
            pa.py_buffer(data), read_options=read, parse_options=parse, convert_options=convert
        )
        yield from table.to_batches()

    with path.open("rb") as f:
        f.readline()
        rest = b""
        while block := f.read(BLOCK_SIZE):
            data = rest + block
            cut = data.rfind(b"\n") + 1
            rest, data = data[cut:], data[:cut]
            if data.strip():
                yield from parsed(data)
        if rest.strip():
            yield from parsed(rest)


def scan_tsv(path: Path, source: str) -> Iterator[Item]:
    return scan_csv(path, source, delimiter="\t")


def scan_psv(path: Path, source: str) -> Iterator[Item]:
    return scan_csv(path, source, delimiter="|")


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
