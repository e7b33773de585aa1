"""Writing many rows of several tables at once, inside the caller's transaction.

On PostgreSQL every round trip to the server costs its latency, and on a busy machine that
latency, not the work, is what a batch of intakes waits for. So all the rows of a batch, of
every table, go in ONE statement: each table's rows travel as one JSON document, unpacked by
`json_to_recordset` in a chain of data-modifying CTEs. (Measured in bench/cases.py: a pipelined
executemany costs about 80 µs a row and a COPY two round trips a table.) SQLite runs in the
process, where executemany is already cheap.

Values go through the same conversions the ORM's column types apply (times to naive UTC, JSON
as JSON), so rows read back identically whichever way they went in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import JSON, Connection, Table, insert, text

from psepa.cases.models import UTCDateTime

Rows = Sequence[Mapping[str, Any]]


def insert_rows(conn: Connection, table: Table, rows: Rows) -> None:
    """Insert `rows` (all with the same keys) into `table`."""
    insert_many(conn, [(table, rows)])


def insert_many(
    conn: Connection,
    batches: Sequence[tuple[Table, Rows]],
    then: tuple[str, Mapping[str, Any]] | None = None,
) -> None:
    """Insert each table's rows, in the order given (parents before children); then run
    `then` (one more data-modifying statement and its parameters) in the same round trip."""
    batches = [(table, rows) for table, rows in batches if rows]
    if conn.dialect.name != "postgresql" or not batches:
        for table, rows in batches:
            conn.execute(insert(table), list(rows))
        if then is not None:
            conn.execute(text(then[0]), dict(then[1]))
        return
    statements: list[str] = []
    params: dict[str, Any] = dict(then[1]) if then is not None else {}
    for k, (table, rows) in enumerate(batches):
        names = list(rows[0])
        columns = ", ".join(f'"{name}"' for name in names)
        shape = ", ".join(
            f'"{name}" {table.c[name].type.compile(dialect=conn.dialect)}' for name in names
        )
        converters = [_converter(table.c[name].type) for name in names]
        params[f"rows{k}"] = orjson.dumps(
            [
                {name: convert(row[name]) for name, convert in zip(names, converters, strict=True)}
                for row in rows
            ]
        ).decode()
        statements.append(
            f'INSERT INTO "{table.name}" ({columns}) SELECT {columns} '
            f"FROM json_to_recordset(CAST(:rows{k} AS json)) AS x({shape})"
        )
    if then is not None:
        statements.insert(0, then[0])  # a CTE's effects do not depend on its place in the WITH
    *before, last = statements
    prefix = (
        "WITH " + ", ".join(f"w{k} AS ({sql})" for k, sql in enumerate(before)) + " "
        if before
        else ""
    )
    conn.execute(text(prefix + last), params)


def _converter(kind: Any) -> Any:
    if isinstance(kind, UTCDateTime):
        return _utc
    if isinstance(kind, JSON):
        return _same  # nested as JSON inside the batch's document
    return _same


def _utc(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(
            "a time without a time zone is ambiguous: give it in UTC or with an offset"
        )
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat()


def _same(value: Any) -> Any:
    return value
