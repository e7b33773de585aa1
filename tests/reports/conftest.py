from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from psepa.cases.importer import TRAVIS_MAPPING, import_bookings_csv
from psepa.cases.store import Store
from psepa.cases.workflow import Cases

sys.path.insert(0, str(Path(__file__).parent))

from report_history import TRAVIS_FILE, need


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store(f"sqlite:///{tmp_path / 'cases.db'}")
    store.migrate()
    yield store
    store.close()


@pytest.fixture(scope="session")
def travis_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Travis County's 9,533 real bookings, imported once for the session (about 25 s)."""
    need(TRAVIS_FILE)
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('travis') / 'travis.db'}")
    store.migrate()
    report = import_bookings_csv(Cases(store), TRAVIS_FILE, TRAVIS_MAPPING)
    assert report.errors == [], report.errors
    yield store
    store.close()
