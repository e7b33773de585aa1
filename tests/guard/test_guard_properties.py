"""Properties of the matcher over generated text (Hypothesis)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from guard_helpers import CORPUS
from hypothesis import given
from hypothesis import strategies as st

from psepa.guard import MATCHER, Category
from psepa.guard.evaluate import load_corpus
from psepa.guard.lexicon import PREFILTER
from psepa.guard.normalise import normalise

POSITIVES = sorted(
    {
        ex.text
        for path in CORPUS.glob("*.tsv")
        for ex in load_corpus(path)
        if ex.labels and ex.kind != "column"
    }
)
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@given(WORDS)
def test_any_text_gives_categories_without_error(text: str) -> None:
    hits = MATCHER.find(text)
    assert all(isinstance(h.category, Category) for h in hits)
    assert MATCHER.find(text) == hits


@given(WORDS, st.sampled_from(POSITIVES), WORDS)
def test_the_prefilter_passes_any_cell_the_matcher_flags(
    before: str, phrase: str, after: str
) -> None:
    cell = f"{before} {phrase} {after}"
    if MATCHER.find(cell):
        kept = pc.match_substring_regex(pa.array([cell]), PREFILTER, ignore_case=True)
        assert kept[0].as_py()


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9),
        min_size=1,
        max_size=5,
    )
)
def test_snake_kebab_and_camel_case_read_alike(words: list[str]) -> None:
    snake = "_".join(words)
    camel = "".join(w.capitalize() for w in words)
    kebab = "-".join(w.upper() for w in words)
    assert normalise(snake, identifier=True) == normalise(camel, identifier=True)
    assert normalise(snake, identifier=True) == normalise(kebab, identifier=True)
