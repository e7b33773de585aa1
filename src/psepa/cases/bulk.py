"""Writing many rows at once, as fast as each backend allows, inside the caller's transaction.

PostgreSQL takes rows fastest by COPY: one statement and one stream for the whole batch, where
an executemany costs a round trip's worth of work per row (measured in bench/cases.py: about
80 µs a row through psycopg's pipeline, against a few µs by COPY). SQLite's executemany runs
in C inside the process and is already fast. Values go through the same conversions the ORM's
column types apply (UTC times, JSON), so rows read back identically whichever way they went in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import JSON, Connection, Table, insert
from sqlalchemy.exc import DBAPIError

from psepa.cases.models import UTCDateTime


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (all with the same keys) into `table`; nothing is returned."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    converters = [_converter(table.c[name].type) for name in names]
    columns = ", ".join(f'"{name}"' for name in names)
    dbapi = conn.connection.driver_connection
    assert dbapi is not None
    statement = f'COPY "{table.name}" ({columns}) FROM STDIN'
    try:
        with dbapi.cursor() as cursor, cursor.copy(statement) as cp:
            for row in rows:
                cp.write_row(
                    [convert(row[name]) for name, convert in zip(names, converters, strict=True)]
                )
    except conn.dialect.loaded_dbapi.Error as exc:
        # As SQLAlchemy would have raised it (IntegrityError for a duplicate key, ...), so that
        # callers handle COPY's errors exactly like those of an INSERT.
        raise DBAPIError.instance(statement, None, exc, conn.dialect.loaded_dbapi.Error) from exc


def _converter(kind: Any) -> Any:
    if isinstance(kind, UTCDateTime):
        return _utc
    if isinstance(kind, JSON):
        return _json
    return _same


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(
            "a time without a time zone is ambiguous; give it in UTC or with an offset"
        )
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def _same(value: Any) -> Any:
    return value
