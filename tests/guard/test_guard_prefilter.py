"""The value pre-filter lets through every cell the matcher could flag.

Arrow's RE2 filter runs before the matcher on every cell of a table (scanners/values.py), so a
term with no stem in `PREFILTER` would be silently blind in data files while it works in forms
and notes. Corpus items cover only the wordings someone wrote down; here each term's own
pattern generates the text, so a new term without a stem fails at once.
"""

from __future__ import annotations

import re

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psepa.guard import lexicon
from psepa.guard.lexicon import PREFILTER, RAW_TERMS, TERMS
from psepa.guard.normalise import ABBREVIATIONS

PATTERNS = sorted(
    {term for terms in TERMS.values() for term in terms}
    | {term for terms in RAW_TERMS.values() for term in terms}
)


def _generatable(pattern: str) -> str | None:
    """The pattern with its lookbehinds and lookaheads of words read as plain groups, so that
    the words they require are generated too ("(?<= vino de )"), or None where that cannot
    be done: a negative lookbehind, an anchor ("citizens? of(?= $)"), or a pattern that opens
    with a lookahead (a cheap test of the next words, which read as a group would have to be
    written twice). Their words appear in other terms, and the corpus test in
    test_guard_matcher.py covers them."""
    if pattern.startswith("(?=") or any(x in pattern for x in ("(?<!", "(?<=^", "$)")):
        return None
    return pattern.replace("(?<=", "(?:").replace("(?= ", "(?: ")


GENERATABLE = sorted({g for p in PATTERNS if (g := _generatable(p)) is not None})


def _kept(texts: list[str]) -> list[bool]:
    mask = pc.match_substring_regex(pa.array(texts), PREFILTER, ignore_case=True)
    return [bool(k) for k in mask.to_pylist()]


def test_nearly_every_term_can_be_generated_from() -> None:
    assert len(GENERATABLE) >= 0.95 * len(PATTERNS)


@pytest.mark.parametrize("term", GENERATABLE)
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_text_written_by_a_term_passes_the_prefilter(term: str, data: st.DataObject) -> None:
    text = data.draw(st.from_regex(re.compile(term), fullmatch=True))
    assert _kept([text]) == [True], f"{text!r} (from {term!r}) is dropped before the matcher"


@pytest.mark.parametrize(("short", "full"), sorted(ABBREVIATIONS.items()))
def test_a_cell_with_only_an_abbreviation_reaches_the_matcher(short: str, full: str) -> None:
    # "POB: San Pedro Sula" names place of birth only once `pob` is expanded, after the filter.
    if _kept([full]) == [True]:
        assert _kept([f"{short.upper()}: X"]) == [True]


def test_every_demonym_reaches_the_matcher() -> None:
    # Generated text picks a few demonyms per term; each one must pass, accents or not.
    demonyms = [*lexicon._DEMONYMS_EN, *lexicon._DEMONYMS_ES, "hondureño", "Ecuatoriana"]
    assert len(demonyms) > 150
    dropped = [d for d, k in zip(demonyms, _kept(demonyms), strict=True) if not k]
    assert dropped == []
