"""Precision and recall of the matcher on a labelled corpus (src/psepa/guard/data/corpus/).

Scored two ways: per category (an item may name several; each expected or found category is
a decision), and per item (is anything there at all), which is what decides whether a form
or export is flagged for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from psepa.guard.categories import Category
from psepa.guard.errors import UnreadableInput
from psepa.guard.matcher import MATCHER

KINDS = ("column", "question", "note", "value")


@dataclass(frozen=True)
class Example:
    kind: str
    lang: str
    labels: frozenset[Category]
    text: str
    hard: bool
    line: int


def load_corpus(path: Path) -> list[Example]:
    examples: list[Example] = []
    hard = False
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if n == 1 or not raw.strip():
            continue
        if raw.startswith("#"):
            hard = raw.strip() == "# hard"
            continue
        parts = raw.split("\t")
        if len(parts) < 4:
            raise UnreadableInput(f"{path}:{n}", "needs kind, lang, labels, text (tabs)")
        kind, lang, labels, text = parts[0], parts[1], parts[2], parts[3].strip()
        if kind not in KINDS or lang not in ("en", "es"):
            raise UnreadableInput(f"{path}:{n}", f"unknown kind {kind!r} or lang {lang!r}")
        try:
            cats = (
                frozenset()
                if labels == "-"
                else frozenset(Category(x.strip()) for x in labels.split(","))
            )
        except ValueError as exc:
            raise UnreadableInput(f"{path}:{n}", str(exc)) from None
        examples.append(Example(kind, lang, cats, text, hard and not cats, n))
    return examples


def predict(example: Example) -> frozenset[Category]:
    """The lexicon's answer alone."""
    hits = MATCHER.find(example.text, identifier=example.kind == "column")
    return frozenset(h.category for h in hits)


Predictor = Callable[[Example], frozenset[Category]]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Score:
    items: int = 0
    categories: dict[Category, Tally] = field(
        default_factory=lambda: {c: Tally() for c in Category}
    )
    overall: Tally = field(default_factory=Tally)  # micro-average over categories
    flagged: Tally = field(default_factory=Tally)  # per item: anything found at all
    hard_negatives: int = 0
    hard_negatives_flagged: int = 0
    errors: list[tuple[Example, frozenset[Category]]] = field(default_factory=list)


def score(examples: Iterable[Example], predictor: Predictor = predict) -> Score:
    s = Score()
    for ex in examples:
        s.items += 1
        found = predictor(ex)
        for c in Category:
            t = s.categories[c]
            if c in found and c in ex.labels:
                t.tp += 1
                s.overall.tp += 1
            elif c in found:
                t.fp += 1
                s.overall.fp += 1
            elif c in ex.labels:
                t.fn += 1
                s.overall.fn += 1
        if found and ex.labels:
            s.flagged.tp += 1
        elif found:
            s.flagged.fp += 1
        elif ex.labels:
            s.flagged.fn += 1
        if ex.hard:
            s.hard_negatives += 1
            s.hard_negatives_flagged += bool(found)
        if found != ex.labels:
            s.errors.append((ex, found))
    return s
