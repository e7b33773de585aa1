"""A statistical second opinion for wording the lexicon has never seen.

Five rounds of outside annotators showed the lexicon missing about one category in eight on
new wording ("Llegó en 2018", "How many years have you been in this country?"), and tuning
on each round's misses barely moved the next round's figure: paraphrases do not repeat. A
classifier trained on the whole labelled corpus generalises from thousands of phrasings
instead of the one a pattern names. It is a linear model over character and word n-grams of
the normalised text (scikit-learn), one per category, so it is small, fast, deterministic
and trains in seconds from the TSV files shipped with the package: no weights are stored,
downloaded or pickled, and the model always matches the corpus it is shipped with.

Parts never trained on (`HELD_OUT`): they were written by outside annotators and
committed before they were scored, and they are what `bench/guard.py` scores it on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psepa.guard.categories import Category
from psepa.guard.evaluate import Example, load_corpus
from psepa.guard.normalise import normalise

CORPUS_DIR = Path(__file__).parent / "data" / "corpus"
# Written by outside annotators and committed before any classifier was trained (heldout-11
# and -12, at 12dcdd5) or before the system was scored on them (heldout-13 to -20).
HELD_OUT = frozenset({f"heldout-{n}" for n in range(11, 21)})
# The kind of text decides how it is read: a column name is split as an identifier.
KINDS = ("column", "question", "note", "value")

_C = 10.0  # inverse regularisation; 3 and 30 scored the same leaving each part out in turn


def training_parts(corpus: Path = CORPUS_DIR) -> list[Path]:
    """Every corpus part but the held-out ones, in a fixed order (training is reproducible)."""
    return sorted(p for p in corpus.glob("*.tsv") if p.stem not in HELD_OUT)


def _document(text: str, kind: str) -> str:
    # The kind is a word of the document: a column named "origin" and a note saying
    # "origin" are weighed differently.
    return f"{kind} {normalise(text, identifier=kind == 'column')}"


@dataclass(frozen=True)
class Opinion:
    category: Category
    probability: float


class Classifier:
    """One logistic regression per category over TF-IDF character and word n-grams."""

    def __init__(self, examples: Sequence[Example]) -> None:
        # scikit-learn is imported here, not at module import: it costs half a second and
        # only a scan or an evaluation needs it.
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion

        if not examples:
            raise ValueError("the classifier needs labelled examples to train on")
        self._features: Any = FeatureUnion(
            [
                (
                    "chars",
                    TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
                ),
                (
                    "words",
                    TfidfVectorizer(
                        analyzer="word",
                        ngram_range=(1, 2),
                        sublinear_tf=True,
                        token_pattern=r"(?u)\b\w+\b",  # one letter too: "a number"
                    ),
                ),
            ]
        )
        x = self._features.fit_transform([_document(e.text, e.kind) for e in examples])
        self._models: dict[Category, Any] = {}
        for category in Category:
            y = [category in e.labels for e in examples]
            if not any(y) or all(y):
                raise ValueError(f"the corpus needs examples with and without {category.value}")
            model = LogisticRegression(C=_C, max_iter=5000, class_weight="balanced")
            self._models[category] = model.fit(x, y)
        self.trained_on = len(examples)

    def opinions(self, texts: Sequence[str], kind: str) -> list[tuple[Opinion, ...]]:
        """For each text, every category with its probability, most likely first."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
        if not texts:
            return []
        x = self._features.transform([_document(t, kind) for t in texts])
        columns = {c: m.predict_proba(x)[:, 1] for c, m in self._models.items()}
        return [
            tuple(
                sorted(
                    (Opinion(c, float(p[i])) for c, p in columns.items()),
                    key=lambda o: -o.probability,
                )
            )
            for i in range(len(texts))
        ]


def train(parts: Iterable[Path]) -> Classifier:
    return Classifier([e for part in parts for e in load_corpus(part)])


_lock = threading.Lock()
_shared: Classifier | None = None


def shared() -> Classifier:
    """The classifier trained on the shipped corpus, trained once per process on first use."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = train(training_parts())
        return _shared
