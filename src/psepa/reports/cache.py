"""Keep a report's grouped counts until the case records change, so a report asked for again
(the same period in another format, the web page reloaded) costs no second reading.

Exactness rests on a change counter read *before* the snapshot is taken: the counts are kept
under the counter's value at that moment, so they may include commits made after it (a later
reader then finds a newer value and reads afresh) but can never lack a commit the counter
had already seen. The counters see every commit, not only the workflow's:

- SQLite: `PRAGMA data_version` on a connection of our own that never writes, which changes
  whenever any other connection, in this process or another, commits to the file. The file's
  identity (device, inode) is part of the key, so a database replaced at the same path is
  read afresh.
- PostgreSQL: the server's current snapshot (`pg_current_snapshot()`: the next transaction
  id to be given out and those still running). A transaction gets an id when it first
  writes, so any change that could be seen later either had no id yet (the next id moves) or
  was still running (it leaves the list when it ends). Reports, being read-only, take no ids
  and do not disturb it; writes to another database of the same server do, which costs only a
  miss. (The log position was tried first: reading alone moves it, through page pruning, so
  it never matched twice.)

The audit chain's head would be a narrower key: it moves only with the workflow's changes,
and a change made outside it (an administrator's SQL, a repair) writes no audit entry, yet a
report must not miss it. Where no counter can be read (an in-memory or unknown database, a
server that refuses the function), nothing is kept and every report reads.

The cache lives in the process, one per `Store`, and holds the last few periods asked for.
"""

from __future__ import annotations

import copy
import os
import sqlite3
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from psepa.cases.store import Store
from psepa.reports.period import Period
from psepa.reports.queries import Facts

KEEP = 16  # periods kept per database: a quarter and its formats, a few years


class _Counter:
    """The change counter of one database, read before each snapshot."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path: Path | None = None
        self.watcher: sqlite3.Connection | None = None
        self.identity: tuple[int, int] | None = None
        self.generation = 0  # which watcher: each new one counts from its own start
        if store.engine.dialect.name == "sqlite" and store.url.startswith("sqlite:///"):
            name = store.url.removeprefix("sqlite:///")
            if name not in ("", ":memory:"):
                self.path = Path(name).resolve()

    def read(self) -> Hashable | None:
        dialect = self.store.engine.dialect.name
        if dialect == "postgresql":
            return self._snapshot()
        if self.path is not None:
            return self._data_version(self.path)
        return None

    def _snapshot(self) -> Hashable | None:
        try:
            with self.store.engine.connect() as conn:
                return str(conn.execute(text("SELECT pg_current_snapshot()::text")).scalar_one())
        except SQLAlchemyError:
            return None

    def _data_version(self, path: Path) -> Hashable | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        identity = (stat.st_dev, stat.st_ino)
        if self.watcher is None or identity != self.identity:
            self._close()
            try:
                self.watcher = sqlite3.connect(
                    f"{path.as_uri()}?mode=ro",
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                )
            except sqlite3.Error:
                return None
            self.identity = identity
            self.generation += 1
        try:
            version = self.watcher.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            self._close()
            return None
        return (identity, self.generation, int(version))

    def _close(self) -> None:
        if self.watcher is not None:
            self.watcher.close()
        self.watcher = None


class _Cache:
    def __init__(self, store: Store) -> None:
        self.counter = _Counter(store)
        self.kept: OrderedDict[Hashable, Facts] = OrderedDict()
        self.lock = threading.Lock()


_CACHES: weakref.WeakKeyDictionary[Store, _Cache] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def cached_facts(
    store: Store, period: Period, previous: Period, read: Callable[[], Facts]
) -> Facts:
    """The period's counts from the cache when the records have not changed since they were
    read, else from `read()` (which takes its own snapshot). The caller gets its own copy."""
    with _GUARD:
        cache = _CACHES.get(store)
        if cache is None:
            cache = _CACHES[store] = _Cache(store)
    with cache.lock:
        version = cache.counter.read()
        key = (version, period, previous)
        if version is not None and key in cache.kept:
            cache.kept.move_to_end(key)
            return copy.deepcopy(cache.kept[key])
    facts = read()
    if version is not None:
        with cache.lock:
            cache.kept[key] = copy.deepcopy(facts)
            while len(cache.kept) > KEEP:
                cache.kept.popitem(last=False)
    return facts


def forget(store: Store) -> None:
    """Drop what is kept for `store` (its reports are read afresh next time)."""
    with _GUARD:
        cache = _CACHES.pop(store, None)
    if cache is not None:
        with cache.lock:
            cache.counter._close()
            cache.kept.clear()
