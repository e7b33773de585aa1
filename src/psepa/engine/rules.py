"""The shape of an encoded rule: a base outcome and the law's own "unless" exceptions.

A rule reads like its section (Catala's default logic): *when* it applies (its scope), what
the law says by default (`base`), and the exceptions (`unless`), tried in order, each with its
own outcome. A rule that does not apply, or an exception whose outcome is `steps_aside`, says
nothing; the engine then looks to the other rules in force, and if none speaks the answer is
`not_regulated`.

Where two rules in force speak and disagree, one must declare that it `overrides` the other;
`psepa check` fails otherwise (at run time prohibition wins, as Cedar's forbid beats permit).
"""

from __future__ import annotations

from dataclasses import dataclass

from psepa.domain import Action, Confidence, Due, Verdict
from psepa.engine.citations import Cite, Source, Window
from psepa.engine.conditions import Condition, Reading

__all__ = [
    "Cite",
    "Obligation",
    "Outcome",
    "Reading",
    "Rule",
    "Source",
    "Unless",
    "Window",
    "permitted",
    "prohibited",
    "required",
    "steps_aside",
]


@dataclass(frozen=True)
class Obligation:
    """A duty that follows from an answer: what, by when, on what authority."""

    id: str
    text: str
    due: Due
    cites: tuple[Cite, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "text": self.text,
            "due": self.due.value,
            "cites": [c.text for c in self.cites],
        }


@dataclass(frozen=True)
class Outcome:
    """What a rule (or one of its exceptions) says. `verdict` None means it steps aside."""

    verdict: Verdict | None
    says: str
    cites: tuple[Cite, ...]
    confidence: Confidence
    obligations: tuple[Obligation, ...] = ()
    readings: tuple[Reading, ...] = ()


def prohibited(
    says: str,
    *cites: Cite,
    confidence: Confidence,
    obligations: tuple[Obligation, ...] = (),
    readings: tuple[Reading, ...] = (),
) -> Outcome:
    return Outcome(Verdict.PROHIBITED, says, cites, confidence, obligations, readings)


def permitted(
    says: str,
    *cites: Cite,
    confidence: Confidence,
    obligations: tuple[Obligation, ...] = (),
    readings: tuple[Reading, ...] = (),
) -> Outcome:
    return Outcome(Verdict.PERMITTED, says, cites, confidence, obligations, readings)


def required(
    says: str,
    *cites: Cite,
    confidence: Confidence,
    obligations: tuple[Obligation, ...] = (),
    readings: tuple[Reading, ...] = (),
) -> Outcome:
    return Outcome(Verdict.REQUIRED, says, cites, confidence, obligations, readings)


def steps_aside(
    says: str,
    *cites: Cite,
    confidence: Confidence = Confidence.TEXT,
    readings: tuple[Reading, ...] = (),
) -> Outcome:
    return Outcome(None, says, cites, confidence, (), readings)


@dataclass(frozen=True)
class Unless:
    """An exception to a rule's base outcome: when `when` holds, `then` is the answer."""

    label: str
    when: Condition
    then: Outcome


@dataclass(frozen=True)
class Rule:
    """One rule of one legal source, about one or more actions."""

    id: str
    question: str
    source: Source
    actions: tuple[Action, ...]
    applies: tuple[Condition, ...]
    base: Outcome
    unless: tuple[Unless, ...] = ()
    overrides: tuple[str, ...] = ()  # rule ids, or "*" for every other rule it meets
    precedence: str = ""  # why this rule governs the rules it overrides, in plain words
    in_force: Window | None = None  # defaults to the source's window
    not_applicable: str = "the rule does not reach this situation"
    readings: tuple[Reading, ...] = ()

    @property
    def window(self) -> Window:
        return self.in_force or self.source.in_force
