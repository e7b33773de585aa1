"""Find the categories a piece of text asks about or records.

A lexicon of regular expressions over normalised text, rather than a statistical model: column
names like `CTZN_STS_CD` have no grammar a tagger could use, every hit can be explained by the
phrase that caused it, and the same matcher must keep up with a gigabyte of CSV values.
docs/guard.md says why spaCy's matchers were not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from psepa.guard import lexicon
from psepa.guard.categories import Category
from psepa.guard.normalise import normalise

# A full stop ends a sentence unless it follows a lone letter, as in "U.S." or "A.", or
# closes "EE.UU." or "EE. UU." (Estados Unidos, as the RAE spells it), in any case.
_SENTENCE = re.compile(
    r"(?<!\b[A-Za-z])(?<!(?i:\bee))(?<!(?i:ee\.uu))(?<!(?i:ee\. uu))"
    # abbreviations in labels and codes: "exp. 2027", and "Núm. A" or "Num. USCIS 0123" (with or
    # without its accent), but not "account num. Passport ..."; "cat." ends a sentence
    r"(?<!(?i:\bexp))(?:(?<!(?i:\bnum))(?<!(?i:\bnúm))[.!?;]+|(?<=(?i:\bnum|\bnúm))\."
    r"(?!\s+(?:A\b|USCIS\b|de\b|del\b|\d)))(?=\s|$)|[¿¡\n\r]+"
)
# A comma ends a clause, and a negation before a term reads only its own clause ("No
# discriminamos por raza, indique su país de nacimiento" asks); a thousands separator does not,
# nor a comma before an item of a list ("por raza, color, origen nacional o edad"): a piece of
# at most three words, or one with "or", "and", "o", "y" among its first four words.
_CLAUSE = re.compile(r"(?<!\d),|,(?!\d)|;")
_LIST_ITEM = re.compile(r"^ (?:\w+ ){0,3}$|^ (?:\w+ ){0,3}(?:or|and|nor|o|y|e|u|ni) ")
# The most words a negation in `lexicon.NEGATIONS` spans: a negation ending at a word is
# looked for only this far back, so a long line costs time in proportion to its length.
_NEGATION_WORDS = 40
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Hit:
    """One category found, with the words (normalised) that showed it.

    `confidence` is None for the lexicon, which names the phrase it matched; a hit from the
    classifier (`psepa.guard.detect`) has no phrase, only its probability.
    """

    category: Category
    phrase: str
    confidence: float | None = None

    @property
    def by(self) -> str:
        return "lexicon" if self.confidence is None else "classifier"


@dataclass(frozen=True)
class _Span:
    category: Category
    start: int
    end: int
    phrase: str


def _alternation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?<= )(?:" + "|".join(f"(?:{p})" for p in patterns) + ")(?= )")


class Matcher:
    """The compiled lexicon; one instance serves every scanner (`MATCHER`)."""

    # The patterns are compiled on first use, not at import: compiling the lexicon takes a
    # fifth of a second, and every `psepa` command imports the guard's command line.
    @cached_property
    def _text(self) -> dict[Category, re.Pattern[str]]:
        return {c: _alternation(ps) for c, ps in lexicon.TERMS.items()}

    @cached_property
    def _identifier(self) -> dict[Category, re.Pattern[str]]:
        return {
            c: _alternation(lexicon.TERMS[c] + lexicon.IDENTIFIER_TERMS.get(c, ()))
            for c in Category
        }

    @cached_property
    def _raw(self) -> dict[Category, re.Pattern[str]]:
        return {c: re.compile("|".join(ps)) for c, ps in lexicon.RAW_TERMS.items()}

    @cached_property
    def _look_alikes(self) -> re.Pattern[str]:
        return _alternation(lexicon.LOOK_ALIKES)

    @cached_property
    def _stems(self) -> re.Pattern[str]:
        return re.compile(lexicon.PREFILTER, re.IGNORECASE)

    @cached_property
    def _negations(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in lexicon.NEGATIONS]

    @cached_property
    def _after(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in lexicon.AFTER_NEGATIONS]

    @cached_property
    def _around(self) -> re.Pattern[str]:
        return _alternation(lexicon.AROUND_NEGATIONS)

    def find(self, text: str, *, identifier: bool = False) -> tuple[Hit, ...]:
        """The categories `text` names; `identifier` for column, key and field names."""
        return _cached(self, text, identifier)

    def explains_away(self, text: str, *, identifier: bool = False) -> bool:
        """Whether the lexicon knows `text` is not about anyone's status whatever it seems
        to name: a look-alike ("permanent residence", "unlawful detainer") anywhere in it, or
        a promise not to ask ("we will never ask ...") before any of its words."""
        if identifier:
            return bool(self._look_alikes.search(normalise(text, identifier=True)))
        # Of several sentences, every one that could be about anyone's status (it holds a
        # word stem of the lexicon's, `lexicon.PREFILTER`) must be explained away: "Datos del
        # ciudadano actualizados. Su mamá la trajo cruzando el río..." still records a status,
        # but "... on July 4; 60 chairs needed." is explained by its first sentence alone.
        sentences = [s for s in _SENTENCE.split(text) if _WORD.search(s)]
        if len(sentences) > 1:
            sentences = [s for s in sentences if self._stems.search(s)] or sentences[:1]
        return bool(sentences) and all(self._explained(s) for s in sentences)

    def _explained(self, sentence: str) -> bool:
        norm = normalise(sentence)
        if self._look_alikes.search(norm):
            return True
        # A negation reads the words before a term, so try it before every word.
        clauses = _clauses(sentence, norm)
        ends = [i + 1 for i, ch in enumerate(norm) if ch == " " and i > 0]
        starts = [0, *ends]
        for k, end in enumerate(ends):
            start = max(starts[max(0, k + 1 - _NEGATION_WORDS)], _clause_start(clauses, end))
            if any(n.search(norm, start, end) for n in self._negations):
                return True
        return False

    def _find(self, text: str, identifier: bool) -> tuple[Hit, ...]:
        if identifier:
            return _distinct(self._spans(normalise(text, identifier=True), True))
        hits: list[_Span] = []
        for sentence in _SENTENCE.split(text):
            if not sentence.strip():
                continue
            norm = normalise(sentence)
            clauses = _clauses(sentence, norm)
            hits.extend(s for s in self._spans(norm, False) if not self._negated(norm, s, clauses))
            for category, pattern in self._raw.items():
                found = pattern.search(sentence)
                if found and not self._negated(norm, _raw_span(category, sentence, found), clauses):
                    hits.append(_Span(category, -1, -1, found.group().strip()))
        return _distinct(hits)

    def _spans(self, norm: str, identifier: bool) -> list[_Span]:
        patterns = self._identifier if identifier else self._text
        spans = [
            _Span(category, m.start(), m.end(), m.group())
            for category, pattern in patterns.items()
            for m in pattern.finditer(norm)
        ]
        if not spans:
            return spans
        covers = [(m.start(), m.end()) for m in self._look_alikes.finditer(norm)]
        spans = [s for s in spans if not any(s.start < b and a < s.end for a, b in covers)]
        # The more specific name wins: "alien registration card" is a green card, not also
        # an A-number; "alien registration number" is an A-number, not also a status.
        return [
            s
            for s in spans
            if not any(
                o.category != s.category
                and o.start <= s.start
                and s.end <= o.end
                and o.end - o.start > s.end - s.start
                for o in spans
            )
        ]

    def _negated(self, norm: str, span: _Span, clauses: tuple[int, ...]) -> bool:
        end = span.start if span.start > 0 else len(norm)
        start = _clause_start(clauses, end)
        if any(n.search(norm, start, end) for n in self._negations):
            return True
        after = norm[span.end :] if span.start > 0 else ""
        if any(n.search(after) for n in self._after):
            return True
        return span.start > 0 and any(
            m.start() < span.start and span.end <= m.end()
            for m in self._around.finditer(norm, start)
        )


def _raw_span(category: Category, sentence: str, found: re.Match[str]) -> _Span:
    """Where a raw term's match lies in the sentence's normalised form, so that a negation is
    read before it and after it as for any term: "Tiene su número A pero no recuerda dónde lo
    guardó" records an A-number; the "no" is about something else. The normaliser keeps the
    order of words, so the normalised text before the match is a prefix of the whole."""
    before = sentence[: found.start()]
    start = len(normalise(before)) if before.strip() else 1
    end = max(start, len(normalise(sentence[: found.end()])) - 1)
    return _Span(category, start, end, "")


def _clauses(sentence: str, norm: str) -> tuple[int, ...]:
    """Where each clause after a comma starts in `norm`: the space before its first word."""
    starts = []
    commas = list(_CLAUSE.finditer(sentence))
    for k, comma in enumerate(commas):
        upto = commas[k + 1].start() if k + 1 < len(commas) else len(sentence)
        if _LIST_ITEM.search(normalise(sentence[comma.end() : upto])):
            continue
        head = normalise(sentence[: comma.start()])
        if len(head) > 2 and norm.startswith(head):
            starts.append(len(head) - 1)
    return tuple(starts)


def _clause_start(clauses: tuple[int, ...], end: int) -> int:
    """The start of the clause a negation ending at `end` must lie in."""
    return max((c for c in clauses if c < end), default=0)


def _distinct(spans: list[_Span]) -> tuple[Hit, ...]:
    seen: dict[Category, Hit] = {}
    for s in spans:
        seen.setdefault(s.category, Hit(s.category, s.phrase.strip()))
    return tuple(seen[c] for c in Category if c in seen)


@lru_cache(maxsize=65536)
def _cached(matcher: Matcher, text: str, identifier: bool) -> tuple[Hit, ...]:
    return matcher._find(text, identifier)


MATCHER = Matcher()
