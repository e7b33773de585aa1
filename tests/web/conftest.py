from __future__ import annotations

from collections.abc import Iterator

import pytest
from webserver import Live, start_live


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("web")) as running:
        yield running
