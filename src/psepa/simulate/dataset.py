"""A data set of situations in a CSV or Parquet file, read, checked and typed by DuckDB.

Columns are the decision contract's fields, one per column: `action` (required), `on` (ISO
date; absent or empty means today, as in the contract), `actor`, `requester`, and each fact by
its name. Enum facts are text, yes/no facts `true`/`false` (or Parquet booleans), set facts
(`documents`, `ice_attests`, `offences`) list their values separated by ';' (Parquet may also
hold them as lists of text). An empty cell is an unknown fact. One more column, `id`, may name
each case; it is carried into the per-case differences.

Nothing is guessed: an unknown column, an unknown value, a malformed date or yes/no, or a
contradiction the contract rejects stops the run with a message naming the column and the row
(the first data row is row 1; in a CSV file it is on line 2).

The file is read once: the cases are grouped by their distinct combinations of facts (a date
stands for the dated period of the law it falls in, whose rules are the same on every day of
it), with a count. Checks and decisions run on those groups, a few thousand rows however large
the file; per-case output (the differences) reads the file again, row by row.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from psepa.domain import BOOL_FACTS, ENUM_FACTS, SET_FACTS, Action
from psepa.engine.rulebook import Rulebook
from psepa.errors import PsepaError

CONTRACT_COLUMNS: tuple[str, ...] = (
    "action",
    "on",
    *ENUM_FACTS,
    *BOOL_FACTS,
    *SET_FACTS,
)
EXTRA_COLUMNS: tuple[str, ...] = ("id",)


class BadDataset(PsepaError, ValueError):
    """A data set cannot be simulated as it is; names the file, column and row."""

    def __init__(self, path: str, problem: str, *, column: str | None = None,
                 row: int | None = None) -> None:
        self.path = path
        self.column = column
        self.row = row
        self.problem = problem
        where = [path]
        if column is not None:
            where.append(f"column {column!r}")
        if row is not None:
            where.append(f"row {row}")
        super().__init__(f"{', '.join(where)}: {problem}")


Progress = Callable[[float], None]


def run_with_progress(con: duckdb.DuckDBPyConnection, sql: str,
                      progress: Progress | None) -> list[tuple[Any, ...]]:
    """Run a query; with `progress`, report DuckDB's percentage done while it runs."""
    if progress is None:
        return con.execute(sql).fetchall()
    result: list[tuple[Any, ...]] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            result.extend(con.execute(sql).fetchall())
        except BaseException as exc:  # handed to the caller's thread below
            failure.append(exc)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.1)
        done = con.query_progress()
        if done >= 0:
            progress(min(done, 100.0))
    if failure:
        raise failure[0]
    progress(100.0)
    return result


def q(name: str) -> str:
    return f'"{name}"'


@dataclass
class Dataset:
    """A checked data set. On `con`, view `cases` holds the distinct combinations of facts with
    their count `__n`; view `rows` the same columns for every case with its row `__row`."""

    con: duckdb.DuckDBPyConnection
    path: str
    rows: int
    has_id: bool
    view: str = "cases"
    row_view: str = "rows"


def _plain(path: Path) -> str:
    """The DuckDB table function reading the file, nothing added."""
    literal = "'" + str(path).replace("'", "''") + "'"
    if path.suffix.lower() == ".csv":
        return f"read_csv({literal}, header = true, all_varchar = true)"
    return f"read_parquet({literal})"


def _source(path: Path) -> str:
    """The DuckDB table function reading the file, with each case's row number `__row`."""
    literal = "'" + str(path).replace("'", "''") + "'"
    suffix = path.suffix.lower()
    if suffix == ".csv":
        # Every cell as text: this module types and checks the values itself, so that a bad
        # cell is reported with its column and row instead of as a conversion failure.
        return (
            f"(SELECT row_number() OVER () AS __row, * FROM "
            f"read_csv({literal}, header = true, all_varchar = true))"
        )
    if suffix in (".parquet", ".pq"):
        return (
            f"(SELECT file_row_number + 1 AS __row, * EXCLUDE (file_row_number) FROM "
            f"read_parquet({literal}, file_row_number = true))"
        )
    raise BadDataset(str(path), "give a .csv or .parquet file")


def period_boundaries(books: list[Rulebook]) -> list[dt.date]:
    days: set[dt.date] = set()
    for book in books:
        days.update(book.in_force.boundaries)
    return sorted(days)


def period_start_sql(column: str, days: list[dt.date]) -> str:
    """A date replaced by the first day of its period (every rulebook's periods at once)."""
    if not days:
        return "DATE '0001-01-01'"
    whens = " ".join(
        f"WHEN {column} < DATE '{end.isoformat()}' THEN DATE '{start.isoformat()}'"
        for start, end in zip([dt.date(1, 1, 1), *days[:-1]], days, strict=True)
    )
    return f"CASE {whens} ELSE DATE '{days[-1].isoformat()}' END"


def _typed(types: dict[str, str], today: dt.date) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Select expressions typing each contract column, and the checks on the raw values."""
    selects: list[str] = []
    checks: list[tuple[str, str, str]] = []  # (column, SQL 'this value is bad', what is wrong)
    for column in CONTRACT_COLUMNS:
        kind = types.get(column)
        c = q(column)
        if column == "action":
            allowed = ", ".join(f"'{a.value}'" for a in Action)
            selects.append(f"CAST({c} AS VARCHAR) AS {c}")
            checks.append((column, f"{c} IS NULL OR {c} NOT IN ({allowed})", "unknown action"))
        elif column == "on":
            if kind is None:
                selects.append(f"DATE '{today.isoformat()}' AS {c}")
            elif kind == "DATE":
                selects.append(f"coalesce({c}, DATE '{today.isoformat()}') AS {c}")
            else:
                text = f"CAST({c} AS VARCHAR)"
                parsed = f"try_strptime({text}, '%Y-%m-%d')"
                selects.append(
                    f"coalesce(CAST({parsed} AS DATE), DATE '{today.isoformat()}') AS {c}"
                )
                checks.append(
                    (column, f"{text} IS NOT NULL AND ({parsed} IS NULL OR length({text}) <> 10)",
                     "expected an ISO date such as 2017-09-15")
                )
        elif column in ENUM_FACTS:
            if kind is None:
                selects.append(f"CAST(NULL AS VARCHAR) AS {c}")
                continue
            allowed = ", ".join(f"'{m.value}'" for m in ENUM_FACTS[column])
            selects.append(f"CAST({c} AS VARCHAR) AS {c}")
            checks.append((column, f"{c} IS NOT NULL AND CAST({c} AS VARCHAR) NOT IN ({allowed})",
                           f"not a value of {column}; expected one of {allowed}"))
        elif column in BOOL_FACTS:
            if kind is None:
                selects.append(f"CAST(NULL AS BOOLEAN) AS {c}")
            elif kind == "BOOLEAN":
                selects.append(c)
            else:
                text = f"lower(CAST({c} AS VARCHAR))"
                selects.append(
                    f"CASE {text} WHEN 'true' THEN true WHEN 'false' THEN false END AS {c}"
                )
                checks.append((column, f"{c} IS NOT NULL AND {text} NOT IN ('true', 'false')",
                               "expected true or false"))
        else:  # a set fact
            if kind is None:
                selects.append(f"CAST(NULL AS VARCHAR) AS {c}")
            elif kind.endswith("[]"):
                selects.append(f"array_to_string({c}, ';') AS {c}")
            else:
                selects.append(f"CAST({c} AS VARCHAR) AS {c}")
    return selects, checks


def open_dataset(path: Path, con: duckdb.DuckDBPyConnection | None = None,
                 today: dt.date | None = None, progress: Progress | None = None) -> Dataset:
    """Open and check `path`; raise `BadDataset` naming the column and row of a problem."""
    from psepa.simulate.versions import all_rulebooks

    name = str(path)
    if not path.is_file():
        raise BadDataset(name, "no such file")
    con = con or duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    source = _source(path)
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    except duckdb.Error as exc:
        raise BadDataset(name, f"cannot be read: {str(exc).splitlines()[0]}") from None
    types = {str(r[0]): str(r[1]) for r in described if r[0] != "__row"}
    for column in types:
        if column not in CONTRACT_COLUMNS and column not in EXTRA_COLUMNS:
            raise BadDataset(
                name,
                "is not a field of the decision contract (a misspelt column must not silently "
                f"change an answer); known: {', '.join(CONTRACT_COLUMNS + EXTRA_COLUMNS)}",
                column=column,
            )
    if "action" not in types:
        raise BadDataset(name, "missing: every case needs its action", column="action")

    today = today or dt.date.today()
    selects, checks = _typed(types, today)
    present = [c for c in CONTRACT_COLUMNS if c in types]
    raw = [q(c) for c in present]
    if types.get("on") == "DATE":
        on = q("on")
        periods = period_start_sql(on, period_boundaries(all_rulebooks()))
        raw[present.index("on")] = f"{periods} AS {on}"
    # One pass over the file: its distinct combinations of facts, with their count.
    try:
        run_with_progress(
            con,
            f"CREATE OR REPLACE TEMP TABLE __groups AS SELECT {', '.join(raw)}, "
            f"count(*) AS __n FROM {_plain(path)} GROUP BY ALL",
            progress,
        )
    except duckdb.Error as exc:
        raise BadDataset(name, f"cannot be read: {str(exc).splitlines()[0]}") from None
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW cases AS SELECT __n, {', '.join(selects)} FROM __groups"
    )
    ident = [f"CAST({q('id')} AS VARCHAR) AS {q('id')}"] if "id" in types else []
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW rows AS SELECT __row, {', '.join(selects + ident)} "
        f"FROM {source}"
    )

    checks.append((
        "eligible_for_release",
        '"release_basis" IS NOT NULL AND "eligible_for_release" IS FALSE',
        "is false, but release_basis says the person is eligible for release "
        "(DRMC 28-253(b)(1)); drop one of the two",
    ))
    coherent = len(checks) - 1  # checked on typed values: the view `cases`
    rows = _check(con, name, source, types, checks, coherent)
    _check_sets(con, name, source)
    return Dataset(con, name, rows, "id" in types)


def _check(con: duckdb.DuckDBPyConnection, name: str, source: str, types: dict[str, str],
           checks: list[tuple[str, str, str]], coherent: int) -> int:
    """Run the checks on the groups; on a failure, find the first bad row in the file."""
    total = con.execute("SELECT coalesce(sum(__n), 0) FROM __groups").fetchone()
    assert total is not None
    for i, (column, bad, problem) in enumerate(checks):
        view = "cases" if i == coherent else "__groups"
        if column not in types and i != coherent:
            continue
        hit = con.execute(f"SELECT 1 FROM {view} WHERE {bad} LIMIT 1").fetchone()
        if hit is None:
            continue
        table = "rows" if i == coherent else source  # the typed view has the row too
        first = con.execute(
            f"SELECT __row, CAST({q(column)} AS VARCHAR) FROM {table} WHERE {bad} "
            f"ORDER BY __row LIMIT 1"
        ).fetchone()
        row = int(first[0]) if first else None
        shown = "(empty)" if first is None or first[1] is None else repr(first[1])
        raise BadDataset(name, f"{shown}: {problem}", column=column, row=row)
    return int(total[0])


def _check_sets(con: duckdb.DuckDBPyConnection, name: str, source: str) -> None:
    """Every member of a set fact must be a known value, listed once."""
    for column, enum in SET_FACTS.items():
        known = {m.value for m in enum}
        distinct = con.execute(
            f"SELECT DISTINCT {q(column)} FROM cases WHERE {q(column)} IS NOT NULL"
        ).fetchall()
        for (cell,) in distinct:
            members = [m for m in str(cell).split(";") if m != ""]
            wrong = [m for m in members if m not in known]
            problem = None
            if wrong:
                problem = (f"{wrong[0]!r} is not a value of {column}; expected values from "
                           f"{', '.join(sorted(known))}, separated by ';'")
            elif len(set(members)) != len(members):
                problem = "lists the same value twice"
            if problem:
                first = con.execute(
                    f"SELECT min(__row) FROM rows WHERE {q(column)} = ?", [cell]
                ).fetchone()
                row = int(first[0]) if first and first[0] is not None else None
                raise BadDataset(name, problem, column=column, row=row)
