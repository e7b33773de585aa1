"""How fast `psepa simulate` compares two versions of the law over 10 million cases.

Run: `.venv/bin/python bench/simulate.py [--cases N] [--repeat K] [--data FILE]`.

What is measured, each the median of K runs in this one process (the machine is shared, so
only figures taken side by side mean anything, and the load average is printed with them):

1. simulate: what the command does for two versions (enacted-2017 against draft-2017-07) over a
   Parquet file of N resampled cases (`psepa simulate generate`; made once and kept): open and
   check the file (one DuckDB pass grouping the cases by their distinct facts, then the checks
   on the groups), then the compiled SQL of both versions and the counts per action, verdict and
   change. A fresh DuckDB connection each run, so nothing is cached between runs; the rules are
   compiled once per process (the first run's time is shown apart as `cold`).
2. floor: a plain DuckDB scan of the same columns of the same file (the largest value of each
   column, so that every value is read). Target: simulate within 3 times the floor, and within
   3 seconds.
3. polars: the same one-pass grouping done by Polars (lazy scan, group by, count), the
   measurement behind choosing DuckDB for the simulator's columnar pass.
4. naive: the scalar engine in a Python loop (validate and decide each case under both
   versions) over a sample of the file, EXTRAPOLATED to N cases; it is not run on all of them.

Figures are always printed; a missed target is marked MISSED and does not fail the run. The
verdict counts of the columnar run must equal the naive loop's on the sample, or the run fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb

from psepa.engine.api import rulebook
from psepa.simulate.dataset import CONTRACT_COLUMNS, open_dataset
from psepa.simulate.generate import generate
from psepa.simulate.run import simulate
from psepa.situation import validate

VERSIONS = ["enacted-2017", "draft-2017-07"]
DEFAULT_DATA = Path(__file__).resolve().parent / ".data" / "cases-{n}.parquet"


def _median(times: list[float]) -> float:
    return statistics.median(times)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min; {os.cpu_count()} cores)"


def run_simulate(path: Path) -> tuple[float, dict[str, dict[str, dict[str, int]]]]:
    start = time.perf_counter()
    con = duckdb.connect()
    dataset = open_dataset(path, con)
    sim = simulate(dataset, VERSIONS)
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed, sim.counts()


def run_floor(path: Path, columns: list[str]) -> float:
    con = duckdb.connect()
    aggregates = ", ".join(f'max("{c}")' for c in columns)
    start = time.perf_counter()
    con.execute(f"SELECT {aggregates} FROM read_parquet('{path}')").fetchall()
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def run_polars(path: Path, columns: list[str]) -> float:
    import polars as pl

    start = time.perf_counter()
    pl.scan_parquet(path).group_by([c for c in columns if c != "id"]).len().collect()
    return time.perf_counter() - start


def run_naive(path: Path, sample: int) -> tuple[float, Counter[tuple[str, str, str]]]:
    """Seconds per case for the scalar loop, and its verdict counts on the sample."""
    con = duckdb.connect()
    rows = con.execute(f"SELECT * FROM read_parquet('{path}') LIMIT {sample}").fetchall()
    names = [d[0] for d in con.description or []]
    con.close()
    book = rulebook()
    top = {"action", "on", "actor", "requester", "id"}
    counts: Counter[tuple[str, str, str]] = Counter()
    start = time.perf_counter()
    for values in rows:
        row = dict(zip(names, values, strict=True))
        facts = {k: v for k, v in row.items() if k not in top and v is not None}
        for name in ("documents", "ice_attests", "offences"):
            if name in facts:
                facts[name] = [m for m in str(facts[name]).split(";") if m]
        situation = {"action": row["action"], "on": row["on"].isoformat(), "facts": facts}
        for name in ("actor", "requester"):
            if row.get(name) is not None:
                situation[name] = row[name]
        checked = validate(situation)
        for version in VERSIONS:
            counts[(row["action"], version, book.decide(checked, version).verdict.value)] += 1
    return (time.perf_counter() - start) / len(rows), counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, default=20_000, help="cases for the naive loop")
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()

    path = args.data or Path(str(DEFAULT_DATA).format(n=args.cases))
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        generate(path, args.cases)
        print(f"generated {args.cases:,} resampled cases in {time.perf_counter() - start:.1f} s"
              f" -> {path}")
    columns = [c for c in CONTRACT_COLUMNS if c in duckdb.sql(
        f"SELECT * FROM read_parquet('{path}') LIMIT 0").columns]
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0][0]
    print(f"data: {path} ({n:,} cases, {path.stat().st_size / 1e6:.0f} MB, columns "
          f"{', '.join(columns)})")
    print(f"load average before: {_load()}")

    cold, counts = run_simulate(path)
    sims, floors, polars = [], [], []
    for _ in range(args.repeat):  # interleaved, so that load hits all three alike
        floors.append(run_floor(path, columns))
        sims.append(run_simulate(path)[0])
        polars.append(run_polars(path, columns))
    per_case, naive_counts = run_naive(path, args.sample)
    print(f"load average after:  {_load()}")

    sim, floor, pol = _median(sims), _median(floors), _median(polars)
    naive = per_case * n
    print()
    print(f"simulate, two versions ({' vs '.join(VERSIONS)}):")
    print(f"  simulate  median {sim:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in sims)};"
          f" cold first run {cold:.2f} s)")
    print(f"  floor     median {floor:6.2f} s  (plain DuckDB scan of the same columns)")
    print(f"  polars    median {pol:6.2f} s  (Polars doing the simulator's grouping pass)")
    print(f"  naive     {naive:9.1f} s  (scalar decide in a loop: {per_case * 1e6:.1f} µs a "
          f"case for both versions, measured on {args.sample:,} cases, EXTRAPOLATED to {n:,})")
    print(f"  ratio simulate/floor {sim / floor:.2f}x; naive/simulate {naive / sim:,.0f}x; "
          f"Polars' grouping pass alone {pol / sim:.2f}x the whole DuckDB simulate run")
    ok_time = sim <= 3.0
    ok_ratio = sim <= 3 * floor
    print(f"  target <= 3 s: {'met' if ok_time else 'MISSED'} ({sim:.2f} s);"
          f" target <= 3x floor: {'met' if ok_ratio else 'MISSED'} ({sim / floor:.2f}x)")

    # The columnar counts over the whole file must agree with the scalar loop on its sample.
    sample_check = duckdb.connect()
    sample_path = path.with_name(path.stem + f"-sample{args.sample}.parquet")
    sample_check.execute(
        f"COPY (SELECT * FROM read_parquet('{path}') LIMIT {args.sample}) TO '{sample_path}'"
    )
    _, sample_counts = run_simulate(sample_path)
    columnar = Counter({(a, v, verdict): k for a, per in sample_counts.items()
                        for v, verdicts in per.items() for verdict, k in verdicts.items() if k})
    if columnar != naive_counts:
        print("MISMATCH: the columnar run and the scalar loop disagree on the sample")
        return 1
    print(f"  check: columnar counts equal the scalar loop's on the {args.sample:,}-case sample")
    del counts
    return 0


if __name__ == "__main__":
    sys.exit(main())
