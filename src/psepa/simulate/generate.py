"""Synthetic data sets of any size, resampled from the real histories. DERIVED DATA.

The rule (kept here so the output can be reproduced and labelled): draw situations with
replacement from the real ones the adapters make (Travis County 2000-2016 and Pennsylvania
2007-2015), so every combination of facts, and its frequency, is a real one; then move each
case's date to a year drawn uniformly from `years` (keeping its month and day, 28 Feb for
29 Feb), so that the cases fall under the dated periods of the law a council cares about.
Case ids are `synthetic-<n>`. The same seed gives the same file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from psepa.simulate.adapters import pennsylvania_detainers, situations_table, travis_history

CHUNK = 1_000_000


def real_situations(data: Path | None = None) -> pa.Table:
    """The real situations the resampling draws from."""
    rows = travis_history(data) + pennsylvania_detainers(data)
    return situations_table(rows)


def generate(
    out: Path,
    cases: int,
    *,
    seed: int = 2017,
    years: tuple[int, int] = (2015, 2026),
    data: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write `cases` resampled situations to a Parquet file; returns the count."""
    if out.suffix.lower() != ".parquet":
        raise ValueError(f"{out}: the generator writes Parquet (.parquet)")
    if cases < 0:
        raise ValueError("the number of cases must not be negative")
    base = real_situations(data).drop_columns(["id"])
    rng = np.random.default_rng(seed)
    days = pc.cast(base.column("on"), pa.int32()).to_numpy()
    months_days = np.array(
        [(d.month, min(d.day, 28) if d.month == 2 else d.day)
         for d in (dt.date.fromordinal(int(x) + 719163) for x in days)]
    )
    epoch = dt.date(1970, 1, 1).toordinal()
    first_of_year = {
        y: np.array([dt.date(y, m, d).toordinal() - epoch for m, d in months_days], np.int32)
        for y in range(years[0], years[1] + 1)
    }
    written = 0
    tmp = out.with_suffix(".parquet.part")
    with pq.ParquetWriter(tmp, _schema(base)) as writer:
        while written < cases:
            n = min(CHUNK, cases - written)
            pick = rng.integers(0, base.num_rows, n)
            year = rng.integers(years[0], years[1] + 1, n)
            on = np.empty(n, np.int32)
            for y, table in first_of_year.items():
                mask = year == y
                on[mask] = table[pick[mask]]
            chunk = base.take(pa.array(pick))
            chunk = chunk.set_column(
                chunk.schema.get_field_index("on"), "on", pa.array(on, pa.int32()).cast(pa.date32())
            )
            ids = pa.array([f"synthetic-{i}" for i in range(written + 1, written + n + 1)])
            chunk = chunk.append_column("id", ids)
            writer.write_table(chunk.cast(_schema(base)))
            written += n
            if progress:
                progress(written)
    tmp.replace(out)  # never a half-written file under the real name
    return written


def _schema(base: pa.Table) -> pa.Schema:
    return base.schema.append(pa.field("id", pa.string()))
