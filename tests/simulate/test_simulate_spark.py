"""Beyond one machine: the same compiled rules on Apache Spark (local[2] here; a cluster URL in
production) give exactly the single-machine results on the same data."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from helpers import as_row, write_parquet
from test_simulate_equality import random_situation

from psepa.simulate.dataset import open_dataset
from psepa.simulate.generate import generate
from psepa.simulate.run import simulate

VERSIONS = ["law-in-force", "enacted-2017", "draft-2017-07", "law-in-force-2020-03-23",
            "committee-2017-08-02-categories", "tcso-2017-02-01"]


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One Spark session for every Spark test (it takes seconds to start)."""
    from psepa.simulate.spark import session

    started = session("local[2]")
    yield started
    started.stop()


def _groups(sim: Any) -> list[tuple[str, tuple[int, ...], int]]:
    return sorted((g.action, g.keys, g.cases) for g in sim.groups)


def test_spark_and_duckdb_agree_on_every_group_of_random_and_resampled_cases(
    spark: Any, tmp_path: Path
) -> None:
    from psepa.simulate.spark import simulate_spark

    rng = random.Random(4)
    every_fact = write_parquet([as_row(random_situation(rng)) for _ in range(3000)],
                               tmp_path / "random.parquet")
    resampled = tmp_path / "resampled.parquet"
    generate(resampled, 20_000, seed=11)
    path = tmp_path / "both.parquet"
    duckdb.execute(f"COPY (SELECT * FROM '{every_fact}' UNION ALL BY NAME "
                   f"SELECT * FROM '{resampled}') TO '{path}'")
    on_spark = simulate_spark(path, VERSIONS, spark=spark)
    here = simulate(open_dataset(path), VERSIONS)
    assert on_spark.backend == "spark"
    assert on_spark.rows == here.rows == 23_000
    assert _groups(on_spark) == _groups(here)
    assert on_spark.counts() == here.counts()
    assert [(c.action, c.version, c.cases) for c in on_spark.changes()] == [
        (c.action, c.version, c.cases) for c in here.changes()]
    assert len(here.changes()) > 10  # the versions really differ on these cases
