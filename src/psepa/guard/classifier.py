"""A statistical second opinion for wording the lexicon has never seen.

Five rounds of outside annotators showed the lexicon missing about one category in eight on
new wording ("Llegó en 2018", "How many years have you been in this country?"), and tuning
on each round's misses barely moved the next round's figure: paraphrases do not repeat. A
classifier trained on the whole labelled corpus generalises from thousands of phrasings
instead of the one a pattern names. It is a linear model over character and word n-grams of
the normalised text (scikit-learn), one per category, so it is small, fast, deterministic
and trains in seconds from the TSV files shipped with the package: no weights are shipped,
downloaded or pickled, and the model always matches the corpus it is shipped with. The
trained model is cached as plain arrays under a key of the corpus's bytes (`load_or_train`),
so only the first process after an install or a corpus change pays for training.

Parts never trained on (`HELD_OUT`): they were written by outside annotators and
committed before they were scored, and they are what `bench/guard.py` scores it on.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psepa.guard.categories import Category
from psepa.guard.evaluate import Example, load_corpus
from psepa.guard.normalise import normalise

CORPUS_DIR = Path(__file__).parent / "data" / "corpus"
# Written by outside annotators and committed before any classifier was trained (heldout-11
# and -12, at 12dcdd5) or before the system was scored on them (heldout-13 to -24).
HELD_OUT = frozenset({f"heldout-{n}" for n in range(11, 25)})
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
    """One logistic regression per category over TF-IDF character and word n-grams.

    Held as what prediction needs and nothing else: the two vectorisers (their vocabulary and
    idf weights) and one column of weights per category, so that a trained model can be kept
    in a cache as plain arrays (`ModelCache`) and read back without unpickling anything.
    """

    def __init__(
        self, vectorisers: Sequence[Any], weights: Any, bias: Any, trained_on: int
    ) -> None:
        self._vectorisers = tuple(vectorisers)
        self._weights = weights  # features x categories, in Category order
        self._bias = bias
        self.trained_on = trained_on

    @classmethod
    def fit(cls, examples: Sequence[Example]) -> Classifier:
        # scikit-learn is imported here, not at module import: it costs half a second and
        # only a scan or an evaluation needs it.
        import numpy as np
        import scipy.sparse as sparse
        from sklearn.linear_model import LogisticRegression

        if not examples:
            raise ValueError("the classifier needs labelled examples to train on")
        vectorisers = _vectorisers()
        documents = [_document(e.text, e.kind) for e in examples]
        x = sparse.hstack([v.fit_transform(documents) for v in vectorisers]).tocsr()
        weights, bias = [], []
        for category in Category:
            y = [category in e.labels for e in examples]
            if not any(y) or all(y):
                raise ValueError(f"the corpus needs examples with and without {category.value}")
            model = LogisticRegression(C=_C, max_iter=5000, class_weight="balanced").fit(x, y)
            weights.append(model.coef_[0])
            bias.append(model.intercept_[0])
        return cls(vectorisers, np.column_stack(weights), np.array(bias), len(examples))

    def opinions(self, texts: Sequence[str], kind: str) -> list[tuple[Opinion, ...]]:
        """For each text, every category with its probability, most likely first."""
        import numpy as np
        import scipy.sparse as sparse

        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
        if not texts:
            return []
        documents = [_document(t, kind) for t in texts]
        x = sparse.hstack([v.transform(documents) for v in self._vectorisers]).tocsr()
        # a binary logistic regression's probability: the logistic of its decision function
        probabilities = 1.0 / (1.0 + np.exp(-(x @ self._weights + self._bias)))
        categories = list(Category)
        return [
            tuple(
                sorted(
                    (Opinion(c, float(row[j])) for j, c in enumerate(categories)),
                    key=lambda o: -o.probability,
                )
            )
            for row in probabilities
        ]

    def to_arrays(self) -> dict[str, Any]:
        """The model as named numpy arrays of numbers and fixed-width strings (no objects)."""
        import numpy as np

        arrays: dict[str, Any] = {
            "weights": self._weights,
            "bias": self._bias,
            "trained_on": np.array(self.trained_on),
        }
        for name, v in zip(_VECTORISER_NAMES, self._vectorisers, strict=True):
            arrays[f"{name}_vocabulary"] = np.array(sorted(v.vocabulary_, key=v.vocabulary_.get))
            arrays[f"{name}_idf"] = v.idf_
        return arrays

    @classmethod
    def from_arrays(cls, arrays: Any) -> Classifier:
        """The model `to_arrays` gave; ValueError if the arrays do not make one."""
        vocabularies = {
            name: {t: i for i, t in enumerate(arrays[f"{name}_vocabulary"].tolist())}
            for name in _VECTORISER_NAMES
        }
        vectorisers = _vectorisers(vocabularies)
        for name, vectoriser in zip(_VECTORISER_NAMES, vectorisers, strict=True):
            vectoriser.idf_ = arrays[f"{name}_idf"]
            if vectoriser.idf_.shape != (len(vocabularies[name]),):
                raise ValueError(f"the {name} idf weights do not fit their vocabulary")
        weights, bias = arrays["weights"], arrays["bias"]
        features = sum(len(v) for v in vocabularies.values())
        if weights.shape != (features, len(Category)) or bias.shape != (len(Category),):
            raise ValueError("the weights do not fit the vocabulary and the categories")
        return cls(vectorisers, weights, bias, int(arrays["trained_on"]))


_VECTORISER_NAMES = ("chars", "words")


def _vectorisers(vocabularies: dict[str, dict[str, int]] | None = None) -> tuple[Any, Any]:
    """The two vectorisers, unfitted, or fixed to the vocabularies of a trained model."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    known = vocabularies or {}
    return (
        TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 5),
            sublinear_tf=True,
            vocabulary=known.get("chars"),
        ),
        TfidfVectorizer(
            analyzer="word",
            ngram_range=(1, 2),
            sublinear_tf=True,
            token_pattern=r"(?u)\b\w+\b",  # one letter too: "a number"
            vocabulary=known.get("words"),
        ),
    )


def train(parts: Iterable[Path]) -> Classifier:
    return Classifier.fit([e for part in parts for e in load_corpus(part)])


# Part of every cache key: change it when the features, the document or the model change in a
# way the corpus and scikit-learn's version do not show.
MODEL_VERSION = "2"
_CACHE_PREFIX = "guard-classifier-"


def cache_key(parts: Sequence[Path]) -> str:
    """What a trained model depends on: its training parts' names and bytes, the model's
    version and scikit-learn's."""
    import sklearn

    digest = hashlib.sha256(f"{MODEL_VERSION} {sklearn.__version__} {_C}".encode())
    for part in parts:
        digest.update(part.name.encode() + b"\0" + part.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cache_dir() -> Path | None:
    """`PSEPA_CACHE_DIR` (`off` for none), else `$XDG_CACHE_HOME/psepa` or ~/.cache/psepa."""
    configured = os.environ.get("PSEPA_CACHE_DIR", "")
    if configured.strip().lower() == "off":
        return None
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "psepa"


def load_or_train(parts: Sequence[Path], directory: Path) -> Classifier:
    """The model for `parts` from the cache in `directory`, or trained and cached there.

    Training takes seconds in every process; reading the cache a fraction of one. The cache
    is arrays only (`np.load(allow_pickle=False)`), so a file in it cannot run code. One that
    cannot be read is treated as missing and replaced; one that cannot be written is skipped.
    """
    import numpy as np

    path = directory / f"{_CACHE_PREFIX}{cache_key(parts)}.npz"
    try:
        # opened here, not by numpy, which leaves a file it cannot read open
        with path.open("rb") as stored, np.load(stored, allow_pickle=False) as arrays:
            return Classifier.from_arrays(arrays)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        pass  # damaged or from another version: train again and replace it
    model = train(parts)
    written: Path | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # written whole under another name, then renamed: a reader never sees half a file
        with tempfile.NamedTemporaryFile(
            dir=directory, prefix=f".{_CACHE_PREFIX}", suffix=".npz", delete=False
        ) as handle:
            written = Path(handle.name)
            np.savez(handle, **model.to_arrays())
        os.replace(written, path)
        for stale in directory.glob(f"{_CACHE_PREFIX}*.npz"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        # a read-only home or a full disk costs the next process a retraining, nothing else
        if written is not None:
            with contextlib.suppress(OSError):
                written.unlink(missing_ok=True)
    return model


_lock = threading.Lock()
_shared: Classifier | None = None


def shared() -> Classifier:
    """The classifier of the shipped corpus, loaded from the cache or trained, once per
    process on first use."""
    global _shared
    with _lock:
        if _shared is None:
            directory = cache_dir()
            parts = training_parts()
            _shared = train(parts) if directory is None else load_or_train(parts, directory)
        return _shared
