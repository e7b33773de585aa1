"""Conditions: small typed expressions over the facts, compiled three ways.

A condition is written once, in law terms ("eligible for release", "a warrant signed by a
federal judge was shown"), and the compiler turns it into Python source for single decisions,
NumPy for batches, SQL for the simulator (DuckDB, and Spark SQL for a cluster; see
`engine/sql.py`), and a list of the values it tests for the enumerator of `psepa check`. There
is no second hand-written copy to drift.

An absent fact is unknown. Each test says how it reads an unknown fact (`unknown=`), so that the
reading is visible in the rule and, where it is an assumption worth telling the user, a
`Condition` names it (`assumes`) and the decision reports it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt

from psepa.domain import BOOL_FACTS, ENUM_FACTS, SET_BITS, SET_FACTS
from psepa.engine.citations import Cite

if TYPE_CHECKING:
    from psepa.engine.sql import Dialect

Columns = Mapping[str, npt.NDArray[np.int64] | npt.NDArray[np.int32] | npt.NDArray[np.int8]]
Mask = npt.NDArray[np.bool_]

# Columnar encoding: an enum fact is an int8 code (its index in the enum; -1 unknown), a bool
# fact an int8 (1 true, 0 false, -1 unknown), a set fact an int32 bitmask.
UNKNOWN = -1
ENUM_CODES: dict[str, dict[str, int]] = {
    name: {member.value: i for i, member in enumerate(enum)} for name, enum in ENUM_FACTS.items()
}


class Expr:
    """An expression over the facts of one situation."""

    def py(self) -> str:
        """Python source evaluating to a bool, over a `Facts` object named `s`."""
        raise NotImplementedError

    def np(self, cols: Columns) -> Mask:
        """The same test over columns of encoded facts."""
        raise NotImplementedError

    def sql(self, d: Dialect) -> str:
        """The same test as a SQL boolean over the contract's columns, never NULL (an unknown
        fact is read exactly as `py()` reads it)."""
        raise NotImplementedError

    def mentions(self) -> dict[str, frozenset[str]]:
        """The facts read and the values tested, for exhaustive enumeration."""
        raise NotImplementedError


def _merge(parts: list[dict[str, frozenset[str]]]) -> dict[str, frozenset[str]]:
    merged: dict[str, frozenset[str]] = {}
    for part in parts:
        for name, values in part.items():
            merged[name] = merged.get(name, frozenset()) | values
    return merged


@dataclass(frozen=True)
class Is(Expr):
    """An enum fact has one of the values."""

    fact: str
    values: tuple[str, ...]
    unknown: bool = False

    def __post_init__(self) -> None:
        enum_values = {m.value for m in ENUM_FACTS[self.fact]}
        wrong = set(self.values) - enum_values
        if wrong:
            raise ValueError(f"{self.fact} has no value {sorted(wrong)}")

    def py(self) -> str:
        test = f"s.{self.fact} in {self.values!r}"
        return f"(s.{self.fact} is None or {test})" if self.unknown else f"({test})"

    def np(self, cols: Columns) -> Mask:
        # A 256-entry lookup table indexed by the int8 code read as uint8 (unknown -1 is 255).
        table = np.zeros(256, dtype=np.bool_)
        table[[ENUM_CODES[self.fact][v] for v in self.values]] = True
        table[255] = self.unknown
        return cast(Mask, np.take(table, cols[self.fact].view(np.uint8)))

    def sql(self, d: Dialect) -> str:
        col = d.column(self.fact)
        test = f"{col} IN ({', '.join(d.text(v) for v in self.values)})"
        if self.unknown:
            return f"({col} IS NULL OR {test})"
        return f"coalesce({test}, false)"

    def mentions(self) -> dict[str, frozenset[str]]:
        return {self.fact: frozenset(self.values)}


@dataclass(frozen=True)
class Yes(Expr):
    """A yes/no fact is true (or, with unknown=True, not known to be false)."""

    fact: str
    unknown: bool = False

    def __post_init__(self) -> None:
        if self.fact not in BOOL_FACTS:
            raise ValueError(f"{self.fact} is not a yes/no fact")

    def py(self) -> str:
        return f"(s.{self.fact} is not False)" if self.unknown else f"(s.{self.fact} is True)"

    def np(self, cols: Columns) -> Mask:
        col = cols[self.fact]
        return cast(Mask, col != 0 if self.unknown else col == 1)

    def sql(self, d: Dialect) -> str:
        return f"({d.column(self.fact)} IS {'NOT FALSE' if self.unknown else 'TRUE'})"

    def mentions(self) -> dict[str, frozenset[str]]:
        return {self.fact: frozenset()}


@dataclass(frozen=True)
class No(Expr):
    """A yes/no fact is known to be false."""

    fact: str

    def __post_init__(self) -> None:
        if self.fact not in BOOL_FACTS:
            raise ValueError(f"{self.fact} is not a yes/no fact")

    def py(self) -> str:
        return f"(s.{self.fact} is False)"

    def np(self, cols: Columns) -> Mask:
        return cast(Mask, cols[self.fact] == 0)

    def sql(self, d: Dialect) -> str:
        return f"({d.column(self.fact)} IS FALSE)"

    def mentions(self) -> dict[str, frozenset[str]]:
        return {self.fact: frozenset()}


@dataclass(frozen=True)
class Has(Expr):
    """A set fact (documents, ICE's attestations) holds at least one of the values."""

    fact: str
    values: tuple[str, ...]

    @property
    def mask(self) -> int:
        bits = SET_BITS[self.fact]
        mask = 0
        for value in self.values:
            mask |= bits[value]
        return mask

    def __post_init__(self) -> None:
        wrong = set(self.values) - set(SET_BITS[self.fact])
        if wrong:
            raise ValueError(f"{self.fact} has no value {sorted(wrong)}")

    def py(self) -> str:
        return f"(s.{self.fact} & {self.mask} != 0)"

    def np(self, cols: Columns) -> Mask:
        return cast(Mask, (cols[self.fact] & self.mask) != 0)

    def sql(self, d: Dialect) -> str:
        # A set fact is a ';'-separated list of its values in one text column. No value of a
        # set fact contains another (domain.py checks), so a substring test is a member test.
        col = d.column(self.fact)
        tests = " OR ".join(d.contains(col, value) for value in self.values)
        return f"coalesce({tests}, false)"

    def mentions(self) -> dict[str, frozenset[str]]:
        return {self.fact: frozenset(self.values)}


@dataclass(frozen=True)
class Known(Expr):
    """An enum fact was given."""

    fact: str

    def py(self) -> str:
        return f"(s.{self.fact} is not None)"

    def np(self, cols: Columns) -> Mask:
        return cast(Mask, cols[self.fact] != UNKNOWN)

    def sql(self, d: Dialect) -> str:
        # As in py(): a set fact is never None (absent is the empty set).
        return "(true)" if self.fact in SET_FACTS else f"({d.column(self.fact)} IS NOT NULL)"

    def mentions(self) -> dict[str, frozenset[str]]:
        return {self.fact: frozenset()}


@dataclass(frozen=True)
class AllOf(Expr):
    parts: tuple[Expr, ...]

    def py(self) -> str:
        return "(" + " and ".join(p.py() for p in self.parts) + ")"

    def np(self, cols: Columns) -> Mask:
        result = self.parts[0].np(cols)
        for part in self.parts[1:]:
            result = result & part.np(cols)
        return result

    def sql(self, d: Dialect) -> str:
        return "(" + " AND ".join(p.sql(d) for p in self.parts) + ")"

    def mentions(self) -> dict[str, frozenset[str]]:
        return _merge([p.mentions() for p in self.parts])


@dataclass(frozen=True)
class AnyOf(Expr):
    parts: tuple[Expr, ...]

    def py(self) -> str:
        return "(" + " or ".join(p.py() for p in self.parts) + ")"

    def np(self, cols: Columns) -> Mask:
        result = self.parts[0].np(cols)
        for part in self.parts[1:]:
            result = result | part.np(cols)
        return result

    def sql(self, d: Dialect) -> str:
        return "(" + " OR ".join(p.sql(d) for p in self.parts) + ")"

    def mentions(self) -> dict[str, frozenset[str]]:
        return _merge([p.mentions() for p in self.parts])


@dataclass(frozen=True)
class Not(Expr):
    part: Expr

    def py(self) -> str:
        return f"(not {self.part.py()})"

    def np(self, cols: Columns) -> Mask:
        return ~self.part.np(cols)

    def sql(self, d: Dialect) -> str:
        return f"(NOT {self.part.sql(d)})"

    def mentions(self) -> dict[str, frozenset[str]]:
        return self.part.mentions()


@dataclass(frozen=True)
class Reading:
    """A reading chosen where the law is unclear; shown as a flag on every answer resting on it."""

    id: str
    text: str
    question: str = ""  # the open question it answers, e.g. "law-rules.md H.4"

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}


@dataclass(frozen=True)
class Assumption:
    """How a condition reads facts that were not given, told to the user when it happens.

    It is reported when every fact in `facts` is absent and the condition was consulted.
    """

    facts: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Condition(Expr):
    """A named, cited test, with the words an explanation uses whichever way it goes."""

    id: str
    holds: str
    fails: str
    expr: Expr
    cites: tuple[Cite, ...] = ()
    assumes: Assumption | None = None
    readings: tuple[Reading, ...] = field(default=())

    def py(self) -> str:
        return self.expr.py()

    def np(self, cols: Columns) -> Mask:
        return self.expr.np(cols)

    def sql(self, d: Dialect) -> str:
        return self.expr.sql(d)

    def mentions(self) -> dict[str, frozenset[str]]:
        found = self.expr.mentions()
        if self.assumes:
            found = _merge([found, {f: frozenset() for f in self.assumes.facts}])
        return found

    def __invert__(self) -> Condition:
        """The opposite condition, with its words swapped."""
        return Condition(
            id=f"not {self.id}",
            holds=self.fails,
            fails=self.holds,
            expr=Not(self.expr),
            cites=self.cites,
            assumes=self.assumes,
            readings=self.readings,
        )


# Short constructors, so rules read as sentences.
def is_(fact: str, *values: str, unknown: bool = False) -> Is:
    return Is(fact, tuple(values), unknown)


def yes(fact: str, *, unknown: bool = False) -> Yes:
    return Yes(fact, unknown)


def no(fact: str) -> No:
    return No(fact)


def has(fact: str, *values: str) -> Has:
    return Has(fact, tuple(values))


def known(fact: str) -> Known:
    return Known(fact)


def all_of(*parts: Expr) -> AllOf:
    return AllOf(tuple(parts))


def any_of(*parts: Expr) -> AnyOf:
    return AnyOf(tuple(parts))


def not_(part: Expr) -> Not:
    return Not(part)


FACT_KINDS: dict[str, str] = {
    **{name: "enum" for name in ENUM_FACTS},
    **{name: "bool" for name in BOOL_FACTS},
    **{name: "set" for name in SET_FACTS},
}
