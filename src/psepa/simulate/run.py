"""Apply two or more versions of the law to a data set and count what changes.

Each version is compiled once to a SQL expression (`psepa.engine.sql`); one DuckDB pass over
the data groups the cases by action and by the answer each version gives, so the result is a
handful of groups however many millions of cases there are. The groups decode to the
compiler's finished answers: verdicts, deciding rules, reasons, as `psepa decide` gives them.
The first version is the baseline; a case *changes* when another version's verdict differs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from psepa.domain import Verdict
from psepa.engine.compiler import Template
from psepa.engine.sql import DUCKDB, Dialect, VersionPlan, plan_version
from psepa.simulate.dataset import Dataset, Progress, q, run_with_progress
from psepa.simulate.versions import resolve

VERDICTS: tuple[str, ...] = tuple(v.value for v in Verdict)


@dataclass(frozen=True)
class Group:
    """Cases of one action that every version answers the same way."""

    action: str
    keys: tuple[int, ...]
    cases: int


@dataclass(frozen=True)
class Change:
    """Cases whose verdict differs between the baseline and another version."""

    action: str
    version: str
    before: Template
    after: Template
    cases: int


@dataclass
class Simulation:
    source: str
    rows: int
    versions: list[str]
    plans: list[VersionPlan]
    groups: list[Group]
    seconds: float = 0.0
    backend: str = "duckdb"

    def template(self, version: int, key: int) -> Template:
        return self.plans[version].template(key)

    def counts(self) -> dict[str, dict[str, dict[str, int]]]:
        """{action: {version: {verdict: cases}}}, every verdict present (zeros included)."""
        found: dict[str, dict[str, dict[str, int]]] = {}
        for g in self.groups:
            per_version = found.setdefault(
                g.action, {v: dict.fromkeys(VERDICTS, 0) for v in self.versions}
            )
            for i, version in enumerate(self.versions):
                per_version[version][self.template(i, g.keys[i]).verdict.value] += g.cases
        return dict(sorted(found.items()))

    def changes(self) -> list[Change]:
        """Verdict changes from the baseline, by action and by the deciding rules each side."""
        merged: dict[tuple[str, str, int, int], Change] = {}
        for g in self.groups:
            before = self.template(0, g.keys[0])
            for i in range(1, len(self.versions)):
                after = self.template(i, g.keys[i])
                if before.verdict is after.verdict:
                    continue
                key = (g.action, self.versions[i], id(before), id(after))
                found = merged.get(key)
                cases = g.cases + (found.cases if found else 0)
                merged[key] = Change(g.action, self.versions[i], before, after, cases)
        return sorted(
            merged.values(), key=lambda c: (self.versions.index(c.version), -c.cases, c.action)
        )

    def changed(self) -> dict[str, int]:
        """How many cases each version changes against the baseline."""
        totals = dict.fromkeys(self.versions[1:], 0)
        for change in self.changes():
            totals[change.version] += change.cases
        return totals


def plans_for(versions: list[str], dialect: Dialect = DUCKDB) -> list[VersionPlan]:
    """Compile each version (from whichever rulebook knows it). Raises `UnknownVersion`."""
    return [plan_version(resolve(v), v, dialect) for v in versions]


def _keys_sql(plans: list[VersionPlan], view: str, *carry: str) -> str:
    keys = ", ".join(f"{p.expression} AS k{i}" for i, p in enumerate(plans))
    return f"SELECT {', '.join([*carry, q('action')])}, {keys} FROM {view}"


def simulate(dataset: Dataset, versions: list[str], progress: Progress | None = None) -> Simulation:
    """Answer every case of `dataset` under each version (the first is the baseline)."""
    if len(versions) < 2:
        raise ValueError("give at least two versions to compare")
    if len(set(versions)) != len(versions):
        raise ValueError("each version may be given once")
    start = time.perf_counter()
    plans = plans_for(versions)
    k = ", ".join(f"k{i}" for i in range(len(plans)))
    sql = (
        f"SELECT {q('action')}, {k}, sum(__n) FROM ({_keys_sql(plans, dataset.view, '__n')}) "
        f"GROUP BY ALL"
    )
    # The query runs on the distinct groups (a few thousand rows): DuckDB's optimizer would
    # spend longer rewriting the large CASE expressions than evaluating them, so it is off.
    dataset.con.execute("PRAGMA disable_optimizer")
    try:
        rows = run_with_progress(dataset.con, sql, progress)
    finally:
        dataset.con.execute("PRAGMA enable_optimizer")
    groups = [Group(str(r[0]), tuple(int(x) for x in r[1:-1]), int(r[-1])) for r in rows]
    return Simulation(
        dataset.path, dataset.rows, list(versions), plans, groups, time.perf_counter() - start
    )


def decide_rows(dataset: Dataset, version: str) -> list[Template]:
    """Every case's answer under `version`, in file order (for tests and small data sets)."""
    plan = plans_for([version])[0]
    dataset.con.execute("PRAGMA disable_optimizer")
    try:
        keys = dataset.con.execute(
            f"SELECT {plan.expression} FROM {dataset.row_view} ORDER BY __row"
        ).fetchall()
    finally:
        dataset.con.execute("PRAGMA enable_optimizer")
    return [plan.template(int(k)) for (k,) in keys]


def write_differences(sim: Simulation, dataset: Dataset, out: Path) -> int:
    """Write every changed case (one row per case and version) to CSV or Parquet; the count."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ValueError(f"{out}: differences are written as .csv or .parquet")
    con = dataset.con
    con.execute(
        "CREATE OR REPLACE TEMP TABLE __pairs (k0 BIGINT, kj BIGINT, j INTEGER, version VARCHAR, "
        "verdict_before VARCHAR, rules_before VARCHAR, verdict_after VARCHAR, "
        "rules_after VARCHAR)"
    )
    pairs = []
    for g in sim.groups:
        before = sim.template(0, g.keys[0])
        for j in range(1, len(sim.versions)):
            after = sim.template(j, g.keys[j])
            if before.verdict is not after.verdict:
                pairs.append((g.keys[0], g.keys[j], j, sim.versions[j], before.verdict.value,
                              " ".join(before.rules), after.verdict.value, " ".join(after.rules)))
    pairs = sorted(set(pairs))
    if pairs:
        con.executemany("INSERT INTO __pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", pairs)
    ident = f"c.{q('id')}" if dataset.has_id else "CAST(NULL AS VARCHAR)"
    selects = []
    for j in range(1, len(sim.versions)):
        selects.append(
            f"SELECT c.__row AS row, {ident} AS id, c.action, c.{q('on')} AS on_date, "
            f"'{sim.versions[0]}' AS baseline, p.verdict_before, p.rules_before, "
            f"p.version, p.verdict_after, p.rules_after "
            f"FROM keyed c JOIN __pairs p ON p.j = {j} AND c.k0 = p.k0 AND c.k{j} = p.kj"
        )
    carry = ["__row", q("on"), *([q("id")] if dataset.has_id else [])]
    keyed = _keys_sql(sim.plans, dataset.row_view, *carry)
    body = " UNION ALL ".join(selects)
    fmt = "PARQUET" if suffix == ".parquet" else "CSV, HEADER"
    part = out.with_name(out.name + ".part")
    target = "'" + str(part).replace("'", "''") + "'"
    con.execute("PRAGMA disable_optimizer")  # see simulate(): large CASE expressions
    try:
        con.execute(
            f"COPY (WITH keyed AS ({keyed}) SELECT * FROM ({body}) ORDER BY row, version) "
            f"TO {target} (FORMAT {fmt})"
        )
    finally:
        con.execute("PRAGMA enable_optimizer")
    part.replace(out)  # never a half-written file under the real name
    return sum(c.cases for c in sim.changes())
