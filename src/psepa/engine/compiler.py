"""Compile the rules in force for one action into answers, once.

Each rule has a handful of *leaves*: the ways it can come out (does not apply because ...;
excepted because ...; base outcome). Every combination of the leaves of the rules in force is
combined once, here, into a finished answer (a `Template`: verdict, duties, citations, reasons,
confidence, readings). What is left for run time is to find which leaf each rule reaches, which
the compiler writes as plain Python (one decision) and as NumPy (a batch). The explanation is
the template's reasons, so it cannot drift from the code that chose it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from psepa.domain import Confidence, Verdict
from psepa.engine.conditions import Assumption, Columns, Condition, Reading
from psepa.engine.rules import Cite, Obligation, Outcome, Rule

_VERDICT_RANK = {Verdict.PROHIBITED: 3, Verdict.REQUIRED: 2, Verdict.PERMITTED: 1}


@dataclass(frozen=True)
class Leaf:
    """One way a rule can come out, with the conditions that lead there."""

    rule: Rule
    index: int
    label: str
    outcome: Outcome
    held: tuple[Condition, ...]
    failed: tuple[Condition, ...]
    deciding: Condition | None  # the scope condition that failed, or the exception that held

    @property
    def consulted(self) -> tuple[Condition, ...]:
        return self.held + self.failed

    @property
    def readings(self) -> tuple[Reading, ...]:
        # A condition's reading matters only where that condition decided the leaf: a scope
        # that failed, or an exception that held.
        found = list(self.rule.readings) + list(self.outcome.readings)
        if self.deciding is not None:
            found.extend(self.deciding.readings)
        return tuple(dict.fromkeys(found))

    def reasons(self) -> list[str]:
        lead = self.outcome.cites[0].text if self.outcome.cites else self.rule.source.name
        if self.outcome.verdict is None and self.label.startswith("scope"):
            assert self.deciding is not None
            return [f"{self.rule.source.name} does not reach this: {self.deciding.fails}."]
        reasons = [f"{lead}: {self.outcome.says}"]
        scope = [c.holds for c in self.rule.applies]
        if scope:
            reasons.append("It applies because " + "; ".join(scope) + ".")
        if self.deciding is not None:
            reasons.append(f"Exception that applies: {self.deciding.holds}.")
        failed_exceptions = [c.fails for c in self.failed if c not in self.rule.applies]
        if failed_exceptions:
            reasons.append("Exceptions that did not apply: " + "; ".join(failed_exceptions) + ".")
        return reasons


def leaves_of(rule: Rule) -> list[Leaf]:
    """Every way `rule` can come out, in the order the compiled code tests them."""
    leaves: list[Leaf] = []
    for i, condition in enumerate(rule.applies):
        outcome = Outcome(
            None, rule.not_applicable, (), rule.base.confidence, (), condition.readings
        )
        leaves.append(
            Leaf(
                rule,
                len(leaves),
                f"scope: {condition.id}",
                outcome,
                rule.applies[:i],
                (condition,),
                condition,
            )
        )
    exceptions = [u.when for u in rule.unless]
    for j, unless in enumerate(rule.unless):
        leaves.append(
            Leaf(
                rule,
                len(leaves),
                f"unless: {unless.label}",
                unless.then,
                (*rule.applies, unless.when),
                tuple(exceptions[:j]),
                unless.when,
            )
        )
    leaves.append(Leaf(rule, len(leaves), "base", rule.base, rule.applies, tuple(exceptions), None))
    return leaves


@dataclass(frozen=True, eq=False)
class Template:
    """A finished answer for one combination of leaves; the run time only picks one."""

    verdict: Verdict
    obligations: tuple[Obligation, ...]
    citations: tuple[Cite, ...]
    reasons: tuple[str, ...]
    confidence: Confidence
    readings: tuple[Reading, ...]
    rules: tuple[str, ...]
    leaves: tuple[Leaf, ...]
    conflict: tuple[str, ...]
    assumptions: tuple[Assumption, ...]

    @cached_property
    def cites(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.citations)

    @cached_property
    def _assumption_index(self) -> Callable[[object], int]:
        return _assumption_index(self.assumptions)

    @cached_property
    def _notes(self) -> tuple[tuple[str, ...], ...]:
        """The notes for each pattern of absent facts (bit i: assumption i was made)."""
        return tuple(
            tuple(a.note for i, a in enumerate(self.assumptions) if pattern >> i & 1)
            for pattern in range(1 << len(self.assumptions))
        )

    @cached_property
    def _reasons(self) -> tuple[tuple[str, ...], ...]:
        return tuple(self.reasons + notes for notes in self._notes)

    def assumed(self, facts: object) -> tuple[str, ...]:
        """How absent facts that this answer relied on were read, for one situation."""
        return self._notes[self._assumption_index(facts)]

    def reasons_for(self, facts: object) -> tuple[str, ...]:
        """The reasons, with the assumptions made for one situation appended."""
        return self._reasons[self._assumption_index(facts)]


_INDEXERS: dict[tuple[Assumption, ...], Callable[[object], int]] = {}


def _assumption_index(assumptions: tuple[Assumption, ...]) -> Callable[[object], int]:
    """One expression giving the pattern of assumptions made: each is made when all its facts
    are absent. Shared by every answer with the same assumptions."""
    found = _INDEXERS.get(assumptions)
    if found is None:
        terms = [
            "((" + " and ".join(f"s.{name} is None" for name in a.facts) + f") << {i})"
            for i, a in enumerate(assumptions)
        ]
        source = "def index(s):\n    return " + (" | ".join(terms) or "0")
        namespace: dict[str, object] = {}
        exec(source, namespace)
        found = cast(Callable[[object], int], namespace["index"])
        _INDEXERS[assumptions] = found
    return found


def _compatible(a: Verdict, b: Verdict) -> bool:
    return (a is Verdict.PROHIBITED) == (b is Verdict.PROHIBITED)


def combine(leaves: Sequence[Leaf]) -> Template:
    """Combine what each rule in force says into one answer, by declared precedence."""
    speaking = [leaf for leaf in leaves if leaf.outcome.verdict is not None]
    speaking_ids = {leaf.rule.id for leaf in speaking}
    overridden = {
        target
        for leaf in speaking
        for target in (
            speaking_ids - {leaf.rule.id} if "*" in leaf.rule.overrides else leaf.rule.overrides
        )
        if target in speaking_ids
    }
    winners = [leaf for leaf in speaking if leaf.rule.id not in overridden]
    verdicts = {leaf.outcome.verdict for leaf in winners if leaf.outcome.verdict is not None}
    conflict: tuple[str, ...] = ()
    if Verdict.PROHIBITED in verdicts and len(verdicts) > 1:
        conflict = tuple(sorted(leaf.rule.id for leaf in winners))
    if not winners:
        return _not_regulated(leaves)
    verdict = max(verdicts, key=_VERDICT_RANK.__getitem__)
    deciding = [
        leaf
        for leaf in winners
        if leaf.outcome.verdict is not None and _compatible(leaf.outcome.verdict, verdict)
    ]
    also = [
        leaf
        for leaf in speaking
        if leaf not in winners
        and leaf.outcome.verdict is not None
        and _compatible(leaf.outcome.verdict, verdict)
    ]
    set_aside = [leaf for leaf in speaking if leaf not in winners and leaf not in also]

    reasons: list[str] = []
    for leaf in deciding:
        reasons.extend(leaf.reasons())
    for leaf in set_aside:
        over = [
            w.rule for w in speaking if leaf.rule.id in w.rule.overrides or "*" in w.rule.overrides
        ]
        assert leaf.outcome.verdict is not None
        reasons.append(
            f"{leaf.rule.source.name} on its own would answer {leaf.outcome.verdict.value}, but "
            f"{', '.join(r.source.name for r in over)} governs here: "
            f"{' '.join(r.precedence for r in over)}"
        )
    for leaf in also:
        reasons.append(f"{leaf.rule.source.name} gives the same answer ({leaf.outcome.says})")
    if conflict:
        reasons.append(
            "Rules in force disagree and none is declared to govern; the prohibition wins "
            f"(rules {', '.join(conflict)})."
        )

    citations: list[Cite] = []
    for leaf in deciding:
        citations.extend(leaf.outcome.cites)
    for leaf in deciding:
        for condition in leaf.consulted:
            citations.extend(condition.cites)
    for leaf in also:
        citations.extend(leaf.outcome.cites)
    obligations: list[Obligation] = []
    for leaf in deciding:
        obligations.extend(leaf.outcome.obligations)
    readings: list[Reading] = []
    for leaf in deciding:
        readings.extend(leaf.readings)
    confidence = max((leaf.outcome.confidence for leaf in deciding), key=_weakness)
    return Template(
        verdict=verdict,
        obligations=tuple({o.id: o for o in obligations}.values()),
        citations=_unique(citations),
        reasons=tuple(reasons),
        confidence=confidence,
        readings=tuple(dict.fromkeys(readings)),
        rules=tuple(leaf.rule.id for leaf in deciding),
        leaves=tuple(leaves),
        conflict=conflict,
        assumptions=_assumptions(deciding),
    )


def _weakness(confidence: Confidence) -> int:
    return confidence.weakness


def _unique(citations: list[Cite]) -> tuple[Cite, ...]:
    seen: dict[str, Cite] = {}
    for cite in citations:
        seen.setdefault(cite.text, cite)
    return tuple(seen.values())


def _assumptions(leaves: Sequence[Leaf]) -> tuple[Assumption, ...]:
    found: list[Assumption] = []
    for leaf in leaves:
        found.extend(c.assumes for c in leaf.consulted if c.assumes is not None)
    return tuple(dict.fromkeys(found))


def _not_regulated(leaves: Sequence[Leaf]) -> Template:
    if not leaves:
        reasons: tuple[str, ...] = (
            "No rule in force speaks to this action: nothing here is prohibited or required by "
            "the city ordinance, the executive orders, Colorado law or federal law as encoded.",
        )
        confidence = Confidence.TEXT
    else:
        collected: list[str] = []
        for leaf in leaves:
            collected.extend(leaf.reasons())
        collected.append("No other rule in force speaks to this, so it is not regulated.")
        reasons = tuple(collected)
        confidence = max((leaf.outcome.confidence for leaf in leaves), key=_weakness)
    readings: list[Reading] = []
    for leaf in leaves:
        readings.extend(leaf.readings)
    return Template(
        verdict=Verdict.NOT_REGULATED,
        obligations=(),
        citations=_unique([c for leaf in leaves for c in leaf.outcome.cites]),
        reasons=reasons,
        confidence=confidence,
        readings=tuple(dict.fromkeys(readings)),
        rules=(),
        leaves=tuple(leaves),
        conflict=(),
        assumptions=_assumptions(leaves),
    )


ScalarFn = Callable[[object], Template]
BatchFn = Callable[[Columns], npt.NDArray[np.int32]]


class Answers(dict[int, Template]):
    """Finished answers by combination of leaves, combined the first time each is needed.

    The rules for one action can have millions of leaf combinations, most of them impossible;
    only those a situation reaches are ever combined, once, and then shared.
    """

    def __init__(self, rule_leaves: list[list[Leaf]], strides: list[int]) -> None:
        super().__init__()
        self.rule_leaves = rule_leaves
        self.strides = strides

    def leaves_of(self, combo: int) -> tuple[Leaf, ...]:
        return tuple(
            leaves[(combo // stride) % len(leaves)]
            for leaves, stride in zip(self.rule_leaves, self.strides, strict=True)
        )

    def __missing__(self, combo: int) -> Template:
        template = self[combo] = combine(self.leaves_of(combo))
        return template


@dataclass(frozen=True)
class CompiledAction:
    """The rules in force for one action, compiled: one decision, a batch, and every answer.

    `batch` returns, per row, a *slot*: an index into `slot_combos`, the leaf combinations the
    batch table can produce; `slot_templates` are their answers.
    """

    rules: tuple[Rule, ...]
    leaves: tuple[tuple[Leaf, ...], ...]
    answers: Answers
    decide: ScalarFn
    source: str
    batch: BatchFn
    slot_combos: npt.NDArray[np.int64]
    reads: frozenset[str]  # the facts the rules read: all a batch needs of the columns

    @cached_property
    def slot_templates(self) -> list[Template]:
        return [self.answers[int(combo)] for combo in self.slot_combos]


def _branches(rule: Rule, leaves: list[Leaf]) -> list[tuple[Condition, bool, Leaf]]:
    """(condition, taken-when-true?, leaf) in test order; the last leaf is the default."""
    branches: list[tuple[Condition, bool, Leaf]] = []
    for leaf in leaves[:-1]:
        assert leaf.deciding is not None
        branches.append((leaf.deciding, not leaf.label.startswith("scope"), leaf))
    return branches


def _scalar_source(rules: Sequence[Rule], rule_leaves: list[list[Leaf]], strides: list[int]) -> str:
    lines = ["def decide(s):"]
    for k, (rule, leaves) in enumerate(zip(rules, rule_leaves, strict=True)):
        lines.append(f"    # {rule.id}: {rule.question}")
        keyword = "if"
        for condition, when_true, leaf in _branches(rule, leaves):
            test = condition.py() if when_true else f"not {condition.py()}"
            lines.append(f"    {keyword} {test}:")
            lines.append(f"        x{k} = {leaf.index * strides[k]}")
            keyword = "elif"
        base = leaves[-1].index * strides[k]
        if keyword == "if":
            lines.append(f"    x{k} = {base}")
        else:
            lines.append("    else:")
            lines.append(f"        x{k} = {base}")
    total = " + ".join(f"x{k}" for k in range(len(rules))) or "0"
    lines.append(f"    return T[{total}]")
    return "\n".join(lines)


def compile_action(rules: Sequence[Rule]) -> CompiledAction:
    """Compile the rules in force for one action (most specific first)."""
    rule_leaves = [leaves_of(rule) for rule in rules]
    sizes = [len(leaves) for leaves in rule_leaves]
    strides = [int(np.prod(sizes[k + 1 :], dtype=np.int64)) for k in range(len(sizes))]
    answers = Answers(rule_leaves, strides)

    source = _scalar_source(rules, rule_leaves, strides)
    namespace: dict[str, object] = {"T": answers}
    exec(compile(source, f"<rules {' '.join(r.id for r in rules)}>", "exec"), namespace)

    # The batch path: evaluate each distinct condition once as a column, pack the results
    # into a small integer per row, and look the answer up in a table built by running the
    # same branch logic over every combination of condition values.
    # Keyed by the test itself, so that conditions worded differently but testing the same
    # thing are evaluated once and take one bit.
    conditions: dict[str, Condition] = {}
    for rule, leaves in zip(rules, rule_leaves, strict=True):
        for condition, _, _ in _branches(rule, leaves):
            conditions.setdefault(condition.py(), condition)
    order = list(conditions)
    if len(order) > 20:
        raise ValueError(f"too many distinct conditions ({len(order)}) for one action")

    def select(truth: dict[str, npt.NDArray[np.bool_]], n: int) -> npt.NDArray[np.int64]:
        index = np.zeros(n, dtype=np.int64)
        for k, (rule, leaves) in enumerate(zip(rules, rule_leaves, strict=True)):
            masks = []
            choices = []
            for condition, when_true, leaf in _branches(rule, leaves):
                mask = truth[condition.py()]
                masks.append(mask if when_true else ~mask)
                choices.append(leaf.index * strides[k])
            base = leaves[-1].index * strides[k]
            index += np.select(masks, choices, default=base) if masks else base
        return index

    codes = np.arange(1 << len(order), dtype=np.int64)
    combos = select(
        {cid: ((codes >> j) & 1).astype(bool) for j, cid in enumerate(order)}, len(codes)
    )
    slot_combos, slot_of_code = np.unique(combos, return_inverse=True)
    table = slot_of_code.astype(np.int32)
    code_type = np.uint16 if len(order) <= 16 else np.uint32

    def batch(cols: Columns) -> npt.NDArray[np.int32]:
        n = len(next(iter(cols.values())))
        code: npt.NDArray[np.unsignedinteger[Any]] = np.zeros(n, dtype=code_type)
        for j, cid in enumerate(order):
            bit = conditions[cid].np(cols).view(np.uint8).astype(code_type)
            np.bitwise_or(code, np.left_shift(bit, j, dtype=code_type), out=code)
        return cast(npt.NDArray[np.int32], table[code])

    return CompiledAction(
        rules=tuple(rules),
        leaves=tuple(tuple(leaves) for leaves in rule_leaves),
        answers=answers,
        decide=namespace["decide"],  # type: ignore[arg-type]
        source=source,
        batch=batch,
        slot_combos=slot_combos,
        reads=frozenset(f for c in conditions.values() for f in c.mentions()),
    )
