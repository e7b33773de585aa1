from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# The guard's trained classifier is cached per test session (and by every `psepa` process the
# tests start, which inherit this), never in the home directory of whoever runs the tests.
if "PSEPA_CACHE_DIR" not in os.environ:
    import tempfile

    os.environ["PSEPA_CACHE_DIR"] = tempfile.mkdtemp(prefix="psepa-test-cache-")


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
