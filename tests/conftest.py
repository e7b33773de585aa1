from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


import itertools  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import text  # noqa: E402

from pg import postgres  # noqa: E402
from psepa.cases.store import Store  # noqa: E402

_schemas = itertools.count()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    with postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A freshly migrated store on a real SQLite file, then on a real PostgreSQL server."""
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'cases.db'}")
    else:
        base = request.getfixturevalue("pg_url")
        name = f"t{next(_schemas)}_{abs(hash(request.node.nodeid)) % 10**8}"
        admin = Store(base)
        with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        admin.close()
        s = Store(base.rsplit("/", 1)[0] + f"/{name}")
    s.migrate()
    yield s
    s.close()


_session_cache: Path | None = None


def pytest_configure(config: pytest.Config) -> None:
    """The guard's trained classifier is cached once per test session (and read by every
    `psepa` process the tests start, which inherit the variable), never in the home of
    whoever runs the tests; the folder goes when the session ends."""
    global _session_cache
    if "PSEPA_CACHE_DIR" not in os.environ:
        import tempfile

        _session_cache = Path(tempfile.mkdtemp(prefix="psepa-test-cache-"))
        os.environ["PSEPA_CACHE_DIR"] = str(_session_cache)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _session_cache is not None:
        import shutil

        shutil.rmtree(_session_cache, ignore_errors=True)
        os.environ.pop("PSEPA_CACHE_DIR", None)
