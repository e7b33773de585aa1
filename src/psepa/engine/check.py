"""`psepa check`: every combination of the finite facts, for every action and version.

The facts are finite, so the rules can be checked exhaustively, as Cedar's analyser does. For
each set of rules in force for an action, the checker builds one representative of every
distinguishable combination of facts (values that every test treats alike are merged), runs the
compiled batch on them, and fails if

- two rules in force disagree (prohibited against permitted or required) and neither is
  declared to govern the other, or
- some combination gets no answer, or
- the single-decision code and the batch code disagree on any combination.

It also lists exceptions that can never be reached, which usually means a rule is mis-ordered.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import numpy as np
import numpy.typing as npt

from psepa.domain import BOOL_FACTS, ENUM_FACTS, SET_BITS, SET_FACTS, Action
from psepa.engine.batch import Column, empty_columns
from psepa.engine.compiler import CompiledAction
from psepa.engine.conditions import (
    ENUM_CODES,
    UNKNOWN,
    AllOf,
    AnyOf,
    Condition,
    Expr,
    Has,
    Not,
)
from psepa.engine.rulebook import Rulebook

LIMIT = 5_000_000


def _atoms(expr: Expr) -> list[Expr]:
    if isinstance(expr, Condition):
        return _atoms(expr.expr)
    if isinstance(expr, AllOf | AnyOf):
        return [atom for part in expr.parts for atom in _atoms(part)]
    if isinstance(expr, Not):
        return _atoms(expr.part)
    return [expr]


def _fact_of(atom: Expr) -> str:
    return str(atom.fact)  # type: ignore[attr-defined]


def _candidates(fact: str, atoms: list[Expr]) -> npt.NDArray[np.int64]:
    """Encoded values of `fact`, one per class of values that the atoms cannot tell apart."""
    if fact in ENUM_FACTS:
        values = np.array([*ENUM_CODES[fact].values(), UNKNOWN], dtype=np.int8)
    elif fact in BOOL_FACTS:
        values = np.array([1, 0, UNKNOWN], dtype=np.int8)
    else:
        masks = sorted({a.mask for a in atoms if isinstance(a, Has)})
        bits = sorted({bit for bit in SET_BITS[fact].values() if any(bit & m for m in masks)})
        subsets = [
            sum(combo) for r in range(len(bits) + 1) for combo in itertools.combinations(bits, r)
        ]
        values = np.array(subsets or [0], dtype=np.int32)
    if not atoms:
        return values[:1].astype(np.int64)
    signature = np.stack([a.np({fact: values}) for a in atoms], axis=1)
    _, first = np.unique(signature, axis=0, return_index=True)
    return values[np.sort(first)].astype(np.int64)


def _decode(cols: dict[str, Column], i: int) -> SimpleNamespace:
    row: dict[str, Any] = {}
    for name in ENUM_FACTS:
        code = int(cols[name][i])
        row[name] = None if code == UNKNOWN else list(ENUM_FACTS[name])[code].value
    for name in BOOL_FACTS:
        code = int(cols[name][i])
        row[name] = None if code == UNKNOWN else bool(code)
    for name in SET_FACTS:
        row[name] = int(cols[name][i])
    return SimpleNamespace(**row)


def _describe(row: SimpleNamespace) -> str:
    parts = []
    for name, value in vars(row).items():
        if name in SET_FACTS:
            members = [m for m, bit in SET_BITS[name].items() if value & bit]
            if members:
                parts.append(f"{name}={members}")
        elif value is not None:
            parts.append(f"{name}={value}")
    return ", ".join(parts) or "(no facts)"


@dataclass
class CheckReport:
    cases: int = 0
    combinations: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        lines = [
            f"psepa check: {self.cases} rule sets (action x version x period), "
            f"{self.combinations} combinations of facts enumerated."
        ]
        lines += [f"ERROR: {e}" for e in self.errors]
        lines += [f"warning: {w}" for w in self.warnings]
        lines.append(
            "OK: no conflict without declared precedence, every combination answered."
            if self.ok
            else f"FAILED with {len(self.errors)} error(s)."
        )
        return "\n".join(lines)


def check_compiled(compiled: CompiledAction, where: str, report: CheckReport) -> None:
    """Enumerate every distinguishable combination of facts for one compiled rule set."""
    atoms_by_fact: dict[str, list[Expr]] = {}
    for rule in compiled.rules:
        for condition in (*rule.applies, *(u.when for u in rule.unless)):
            for atom in _atoms(condition):
                atoms_by_fact.setdefault(_fact_of(atom), []).append(atom)
    facts = sorted(atoms_by_fact)
    candidates = [_candidates(f, atoms_by_fact[f]) for f in facts]
    size = int(np.prod([len(c) for c in candidates], dtype=np.int64)) if candidates else 1
    if size > LIMIT:
        report.errors.append(f"{where}: {size} combinations exceed the limit {LIMIT}")
        return
    cols = empty_columns(size)
    if candidates:
        grid = np.indices([len(c) for c in candidates]).reshape(len(candidates), -1)
        for k, fact in enumerate(facts):
            cols[fact] = candidates[k][grid[k]].astype(cols[fact].dtype)
    report.combinations += size
    slots = compiled.batch(cols)
    if slots.min() < 0 or slots.max() >= len(compiled.slot_combos):
        report.errors.append(f"{where}: some combination of facts got no answer")
        return
    index = compiled.slot_combos[slots]
    for t in np.unique(index):
        template = compiled.answers[int(t)]
        if template.conflict:
            row = _decode(cols, int(np.flatnonzero(index == t)[0]))
            report.errors.append(
                f"{where}: rules {', '.join(template.conflict)} disagree without declared "
                f"precedence, e.g. when {_describe(row)}"
            )
    step = max(1, size // 2000)
    for i in range(0, size, step):
        row = _decode(cols, i)
        if compiled.decide(row) is not compiled.answers[int(index[i])]:
            report.errors.append(
                f"{where}: single and batch decisions differ when {_describe(row)}"
            )
            break
    sizes = [len(leaves) for leaves in compiled.leaves]
    stride = 1
    for k in range(len(sizes) - 1, -1, -1):
        reached = set(((index // stride) % sizes[k]).tolist())
        for leaf in compiled.leaves[k]:
            if leaf.index not in reached:
                report.warnings.append(f"{where}: {leaf.rule.id} can never reach '{leaf.label}'")
        stride *= sizes[k]


def check_rulebook(book: Rulebook) -> CheckReport:
    report = CheckReport()
    seen: dict[int, str] = {}
    for timeline in book.timelines():
        for segment in timeline.segments:
            period = f"{segment.start or 'before'} to {segment.end or 'today'}"
            for action in Action:
                compiled = segment.compiled(action.value)
                report.cases += 1
                if id(compiled) in seen:
                    continue
                where = f"{timeline.version.id} [{period}] {action.value}"
                seen[id(compiled)] = where
                check_compiled(compiled, where, report)
    report.warnings = list(dict.fromkeys(report.warnings))
    return report
