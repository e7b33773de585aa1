"""Where case records live: SQLite (WAL) by default, PostgreSQL by URL; migrated by Alembic.

Every acknowledged write is durable: SQLite runs with `synchronous=FULL` in WAL mode, and
PostgreSQL with its default synchronous commit. Writers to SQLite take the write lock at the
start of the transaction (`BEGIN IMMEDIATE`), so two processes queue instead of failing halfway.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from psepa.errors import PsepaError

DEFAULT_URL = "sqlite:///psepa-data/psepa.db"
_READER = "psepa_reader"
MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(PsepaError):
    """The database could not be opened or migrated."""


def database_url(url: str | None = None) -> str:
    return url or os.environ.get("PSEPA_DATABASE_URL") or DEFAULT_URL


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's begin event decide
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # A reader's BEGIN is deferred: it takes a snapshot, not the one write lock.
        reader = connection.get_execution_options().get(_READER, False)
        connection.exec_driver_sql("BEGIN" if reader else "BEGIN IMMEDIATE")


class Store:
    """An open database of case records."""

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        if self.url.startswith("sqlite:///"):
            path = Path(self.url.removeprefix("sqlite:///"))
            if str(path) not in ("", ":memory:"):
                path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine = create_engine(self.url, future=True)
        except Exception as exc:  # a malformed URL or a missing driver
            raise StoreError(f"cannot open database {self.url!r}: {exc}") from None
        if self.engine.dialect.name == "sqlite":
            _sqlite_pragmas(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        reader = self.engine.execution_options(**{_READER: True})
        if self.engine.dialect.name == "postgresql":
            reader = reader.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        self.readers = sessionmaker(reader, expire_on_commit=False)

    def migrate(self) -> None:
        """Bring the schema up to date (Alembic `upgrade head`)."""
        from alembic import command  # loaded here: commands that only read need none of it
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One all-or-nothing unit of work."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only view of the database as of one moment (a snapshot).

        Reports, lists and audit verification use it: on SQLite it does not take the write
        lock, so clerks keep writing while it runs; on PostgreSQL every query in it sees the same
        committed state (REPEATABLE READ), so a long verification never mixes two moments.
        """
        with self.readers.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
