"""The rules compiled to SQL: the simulator's columnar form, for DuckDB and for Spark.

The same branches the compiler writes as Python (`compiler._scalar_source`) are written here as
SQL `CASE` expressions, from the same conditions (`Expr.sql`). For one version of the law the
result is one integer expression per row, the *answer key*: which compiled rule set answered
(the action, and the dated period for the law in force) and which combination of rule leaves it
reached. The key decodes to the compiler's own finished answer (`Template`), so the verdict,
deciding rules, reasons and citations of a simulated case are those `psepa decide` gives.

Columns are the decision contract's, one per field: `action`, `on` (a date), `actor`,
`requester`, every fact by its name (enum facts as text, yes/no facts as booleans, NULL for
unknown), and set facts (`documents`, `ice_attests`, ...) as text listing their values separated
by ';' (empty or NULL: none).

Two dialects differ only in quoting and in the substring test; everything else is plain SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from psepa.domain import SET_FACTS, Action
from psepa.engine.compiler import CompiledAction, Template, _branches
from psepa.engine.rulebook import Rulebook
from psepa.engine.versions import Segment

ACTIONS: tuple[str, ...] = tuple(a.value for a in Action)


def _substring_safe() -> None:
    # `Has.sql` tests membership of a ';'-separated list with a substring test; that is exact
    # only while no value of a set fact occurs inside another value of the same fact.
    for name, enum in SET_FACTS.items():
        values = [m.value for m in enum]
        for a in values:
            for b in values:
                if a != b and a in b:
                    raise ValueError(f"set fact {name}: value {a!r} occurs inside {b!r}")


_substring_safe()


@dataclass(frozen=True)
class Dialect:
    """How one SQL engine spells the few things that differ."""

    name: str
    quote: str
    substring: str  # a format with {col} and {value}

    def column(self, name: str) -> str:
        return f"{self.quote}{name}{self.quote}"

    def text(self, value: str) -> str:
        if "'" in value or "\\" in value:
            raise ValueError(f"value {value!r} cannot be written as a SQL literal safely")
        return f"'{value}'"

    def contains(self, column: str, value: str) -> str:
        return self.substring.format(col=column, value=self.text(value))

    def date(self, day: dt.date) -> str:
        return f"DATE '{day.isoformat()}'"


DUCKDB = Dialect("duckdb", '"', "contains({col}, {value})")
SPARK = Dialect("spark", "`", "(instr({col}, {value}) > 0)")


def action_sql(compiled: CompiledAction, d: Dialect) -> str:
    """The leaf combination the rules of one action reach, as a SQL integer expression."""
    sizes = [len(leaves) for leaves in compiled.leaves]
    terms: list[str] = []
    for k, (rule, leaves) in enumerate(zip(compiled.rules, compiled.leaves, strict=True)):
        stride = 1
        for size in sizes[k + 1 :]:
            stride *= size
        base = leaves[-1].index * stride
        branches = _branches(rule, list(leaves))
        if not branches:
            terms.append(str(base))
            continue
        whens = []
        for condition, when_true, leaf in branches:
            test = condition.sql(d) if when_true else f"NOT {condition.sql(d)}"
            whens.append(f"WHEN {test} THEN {leaf.index * stride}")
        terms.append(f"(CASE {' '.join(whens)} ELSE {base} END)")
    return " + ".join(terms) or "0"


@dataclass
class VersionPlan:
    """One version of the law as one SQL expression giving each row's answer key."""

    version: str
    book: Rulebook
    dialect: Dialect
    expression: str
    parts: list[CompiledAction] = field(default_factory=list)

    def template(self, key: int) -> Template:
        """The finished answer an answer key stands for."""
        combo, part = divmod(int(key), len(self.parts))
        return self.parts[part].answers[combo]


def plan_version(book: Rulebook, version: str, d: Dialect = DUCKDB) -> VersionPlan:
    """Compile `version` (a named version, `law-in-force` by each row's date, or
    `law-in-force-YYYY-MM-DD`) to one SQL expression. Raises `UnknownVersion`."""
    if version == book.in_force.version.id:
        segments: list[Segment] = list(book.in_force.segments)
        ends: list[dt.date | None] = [s.end for s in segments]
    else:
        # A named version is one segment; law-in-force-YYYY-MM-DD is the segment of that day,
        # whatever the row's own date.
        segments = [book.segment(version, 0)[0]]
        ends = [None]
    plan = VersionPlan(version, book, d, "")
    index: dict[int, int] = {}
    for segment in segments:
        for action in ACTIONS:
            compiled = segment.compiled(action)
            if id(compiled) not in index:
                index[id(compiled)] = len(plan.parts)
                plan.parts.append(compiled)
    count = len(plan.parts)
    on = d.column("on")
    by_action: list[str] = []
    for action in ACTIONS:
        # Consecutive periods answered by the same compiled rules share one branch.
        runs: list[tuple[dt.date | None, CompiledAction]] = []
        for segment, end in zip(segments, ends, strict=True):
            compiled = segment.compiled(action)
            if runs and runs[-1][1] is compiled:
                runs[-1] = (end, compiled)
            else:
                runs.append((end, compiled))
        keyed = [
            (end, f"({action_sql(compiled, d)}) * {count} + {index[id(compiled)]}")
            for end, compiled in runs
        ]
        if len(keyed) == 1:
            body = keyed[0][1]
        else:
            whens = " ".join(
                f"WHEN {on} < {d.date(end)} THEN {expr}" for end, expr in keyed if end is not None
            )
            body = f"CASE {whens} ELSE {keyed[-1][1]} END"
        by_action.append(f"WHEN {d.text(action)} THEN {body}")
    plan.expression = (
        f"CAST(CASE {d.column('action')} {' '.join(by_action)} ELSE NULL END AS BIGINT)"
    )
    return plan
