"""A live database by SQLAlchemy URL: its tables, columns and their comments.

Only the schema is read, never rows: what a system is built to keep is the question, and
reading people's records to answer it would itself collect what the law protects.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Inspector, create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from psepa.guard.errors import UnreadableInput
from psepa.guard.findings import Location
from psepa.guard.rules import Context
from psepa.guard.scanners.base import Item


def display_url(url: str) -> str:
    """The URL without its password, fit for a report."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


SYSTEM_SCHEMAS = {
    "information_schema",
    "pg_catalog",
    "pg_toast",
    "mysql",
    "performance_schema",
    "sys",
}


def _schemas(inspector: Inspector, dialect: str) -> list[tuple[str | None, str]]:
    """Every user schema, the default one unprefixed: a department's tables may be anywhere."""
    if dialect == "sqlite":
        return [(None, "")]
    default = inspector.default_schema_name
    found: list[tuple[str | None, str]] = [(None, "")]
    for name in inspector.get_schema_names():
        if name == default or name in SYSTEM_SCHEMAS or name.startswith("pg_"):
            continue
        found.append((name, f"{name}."))
    return found


def scan_database(url: str) -> Iterator[Item]:
    source = display_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise UnreadableInput(source, f"not a database URL: {exc}") from None
    file = parsed.database or ""
    sqlite_file = parsed.get_backend_name() == "sqlite" and file not in ("", ":memory:")
    if sqlite_file and not Path(file).is_file():
        # SQLite would quietly create an empty database and report it clean.
        raise UnreadableInput(source, f"no SQLite database at {file}")
    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise UnreadableInput(source, f"not a database URL SQLAlchemy can open: {exc}") from None
    items: list[Item] = []
    try:
        inspector = inspect(engine)
        for schema, prefix in _schemas(inspector, engine.dialect.name):
            tables = inspector.get_table_names(schema) + inspector.get_view_names(schema)
            for table in tables:
                named = f"{prefix}{table}"
                items.append(
                    Item(
                        Location(source, "database", named), table, Context.RECORD, identifier=True
                    )
                )
                for column in inspector.get_columns(table, schema):
                    where = f"{named}.{column['name']}"
                    items.append(
                        Item(
                            Location(source, "database", where),
                            column["name"],
                            Context.RECORD,
                            identifier=True,
                        )
                    )
                    comment = column.get("comment")
                    if comment:
                        items.append(
                            Item(
                                Location(source, "database", f"{where} comment"),
                                comment,
                                Context.RECORD,
                            )
                        )
    except SQLAlchemyError as exc:
        raise UnreadableInput(source, f"cannot read the schema: {exc}") from None
    finally:
        engine.dispose()
    yield from items
