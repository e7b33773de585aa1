"""What the guard reports for a piece of text: the lexicon's hits, and the classifier's.

The lexicon is exact and explains itself (it names the phrase); the classifier catches
paraphrases the lexicon never saw. A category is reported when the lexicon finds it, or when
the classifier gives it at least `THRESHOLD`, unless the lexicon knows the text is a
look-alike or a promise not to ask (`Matcher.explains_away`), which it learnt one case at a
time and the classifier would only guess at, or has read it as a category the labelling
guide gives alone (`NOT_ALSO`).

Column names, form questions, note sentences and cell values all get both; but a column of
unique values (ids, free-text notes) in a large export has millions of cells, so there only
the cells that pass the lexicon's pre-filter reach the classifier (`scanners.values`).

Whether the classifier is used at all is the caller's choice (`classifier=`), or, for the
scanners deep inside a scan, the scan's (`USE_CLASSIFIER`, set by `psepa.guard.scan`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass

from psepa.guard import classifier as model
from psepa.guard.categories import Category
from psepa.guard.classifier import KINDS
from psepa.guard.matcher import MATCHER, Hit
from psepa.guard.rules import Context

# The lowest that keeps precision at 0.95 on parts the classifier did not train on
# (docs/guard.md). First 0.7, chosen on heldout-10, train-1..8 and ordinary-1, -2 before
# heldout-11 and -12 were scored; 0.75 since train-9 and -10 joined the training data (the
# same rule, on every training part, session 6), before heldout-21 to -24 were scored.
# Session 7 tuned the lexicon on the training parts' joint errors, which flatters them (the
# rule there gave 0.6), so it was applied to eight fresh parts instead, calib-1 to -8, with
# a classifier trained without them: 0.75 again (precision 0.953 there; 0.949 at 0.7).
# Session 8 tuned the lexicon on more training parts, adding a reading that costs precision
# (a passport of a named country is also citizenship), and applied the rule to the parts
# whose errors nobody had read, train-73 to -104 (6,451 novel items), each scored by a
# classifier trained without them: 0.8 (precision 0.952, recall 0.948; at 0.75, 0.948 and
# 0.951). Session 9 labelled by the guide (docs/guard-labels.md), on which precision rose
# well above its target while recall stayed just below its own, so the rule became: the
# threshold that clears both of the targets (precision 0.95, recall 0.98) by the
# widest margin, on parts the classifier never trained on and the lexicon was never tuned on.
# On heldout-73 to -80, once their first score (at 0.8) was recorded and before anything was
# tuned on them: 0.65 (precision 0.958, recall 0.983; 0.6 gave 0.951 and 0.984, 0.7 gave
# 0.965 and 0.982, 0.8 gave 0.973 and 0.978).
THRESHOLD = 0.65
Opinions = tuple[tuple[Category, float], ...]
_WORD = re.compile(r"[^\W\d_]{3}")  # three letters in a row: a word, not a code or a slot
# A form's words are questions; a record's words are notes (the corpus's kinds).
KIND_OF_TEXT = {Context.FORM: "question", Context.RECORD: "note"}


# Where the labelling guide (docs/guard-labels.md) gives a category alone, the classifier's
# guess at a second one is not taken once the lexicon has read the text as the first: a named
# nationality (citizenship) or a birthplace is not also a national origin, a green card (a
# permanent resident, an I-485) or a work permit (an EAD and its category) not also a
# status, and a visa (a border crossing card) not also a passport. The training labels split
# on these (about one item in twenty). On the training parts in ten folds the first two rules
# took 58 false findings away for 42 missed (session 9); on the guide's parts they cost next
# to no recall, and they make findings say what the guide says.
NOT_ALSO: Mapping[Category, frozenset[Category]] = {
    Category.NATIONAL_ORIGIN: frozenset({Category.CITIZENSHIP, Category.PLACE_OF_BIRTH}),
    Category.STATUS: frozenset({Category.GREEN_CARD, Category.WORK_PERMIT}),
    Category.PASSPORT: frozenset({Category.VISA}),  # a border crossing card is a visa alone
}

_NONE: frozenset[Category] = frozenset()

USE_CLASSIFIER: ContextVar[bool] = ContextVar("USE_CLASSIFIER", default=True)


def detect(text: str, kind: str, *, classifier: bool | None = None) -> tuple[Hit, ...]:
    """The categories `text` asks about or records; `kind` as in the corpus.

    `classifier=False` gives the lexicon's exact matches alone; None, the scan's choice.
    """
    return detect_many([text], kind, classifier=classifier)[0]


def detect_many(
    texts: Sequence[str], kind: str, *, classifier: bool | None = None
) -> list[tuple[Hit, ...]]:
    """`detect` for many texts of one kind, classified in one batch (much faster)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    lexical = [MATCHER.find(t, identifier=kind == "column") for t in texts]
    if not (USE_CLASSIFIER.get() if classifier is None else classifier):
        return lexical
    unknown = sorted({t for t in texts if _cached(t, kind) is None})
    if unknown:
        for text, opinions in zip(unknown, model.shared().opinions(unknown, kind), strict=True):
            _remember(text, kind, tuple((o.category, o.probability) for o in opinions))
    return [
        combine(t, kind, hits, _cached(t, kind) or ())
        for t, hits in zip(texts, lexical, strict=True)
    ]


def combine(
    text: str,
    kind: str,
    hits: tuple[Hit, ...],
    opinions: Opinions,
    threshold: float = THRESHOLD,
) -> tuple[Hit, ...]:
    """The rule that joins the lexicon's hits and the classifier's opinions (module docstring);
    public, with its threshold, so that a benchmark can apply it with a classifier trained on
    other data and choose the threshold by its rule."""
    if not _WORD.search(text):
        return hits  # "{{ b[1] }}", "x", "12": nothing a person could be asked
    found = {h.category for h in hits}
    extra = [
        Hit(category, "", round(p, 3))
        for category, p in opinions
        if p >= threshold and category not in found and not found & NOT_ALSO.get(category, _NONE)
    ]
    if not extra or MATCHER.explains_away(text, identifier=kind == "column"):
        return hits
    return hits + tuple(extra)


@dataclass
class Tally:
    """One category over a column's values: the first value showing it, its hit, the cells."""

    first: str
    hit: Hit
    count: int


def tally_values(counts: Mapping[str, int]) -> dict[Category, Tally]:
    """Per category, over a column's distinct values (counted, in the order first seen), each
    judged once: what Excel and JSON scanners report for a column's cells."""
    values = list(counts)
    found: dict[Category, Tally] = {}
    for value, hits in zip(values, detect_many(values, "value"), strict=True):
        for hit in hits:
            tally = found.get(hit.category)
            if tally is None:
                found[hit.category] = Tally(value, hit, counts[value])
            else:
                tally.count += counts[value]
    return found


# The classifier's answers by (text, kind): a form repeats its labels, a schema its columns.
_memo: dict[tuple[str, str], Opinions] = {}


def _remember(text: str, kind: str, opinions: Opinions) -> None:
    if len(_memo) > 100_000:
        _memo.clear()
    _memo[(text, kind)] = opinions


def _cached(text: str, kind: str) -> Opinions | None:
    return _memo.get((text, kind))
