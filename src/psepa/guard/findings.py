"""A finding: where a question or field about status was found, what it is, and the law."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from psepa.guard.categories import Category
from psepa.guard.rules import Context, Ruling

MAX_TEXT = 200


@dataclass(frozen=True)
class Location:
    """Where something was found: a file (relative path) or database, and the spot in it."""

    source: str
    format: str
    where: str = ""  # column, key path, form field, table.column, sheet!cell
    line: int | None = None  # 1-based line, row or page-line, when the format has lines
    page: int | None = None

    def label(self) -> str:
        parts = [self.source]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.where:
            parts.append(self.where)
        return ":".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "where": self.where,
            "line": self.line,
            "page": self.page,
        }


@dataclass(frozen=True)
class Excuse:
    """A documented exception from the allow-list, accepted because the engine agrees."""

    entry: int
    citation: str
    reason: str
    required_by: str | None
    purpose: str | None
    ruling: Ruling
    dismissed: bool = False  # not about status at all: a look-alike, not an exception

    def as_dict(self) -> dict[str, Any]:
        return {
            "entry": self.entry,
            "citation": self.citation,
            "reason": self.reason,
            "required_by": self.required_by,
            "purpose": self.purpose,
            "dismissed": self.dismissed,
            "engine": self.ruling.as_dict(),
        }


@dataclass
class Finding:
    location: Location
    text: str
    category: Category
    phrase: str
    context: Context
    ruling: Ruling
    count: int = 1
    excuse: Excuse | None = None
    refused: list[str] = field(default_factory=list)  # allow-list entries the law rejects
    # None when the lexicon found it (and `phrase` says why); else the classifier's
    # probability: a finding a person should read before acting on, as it names no phrase.
    confidence: float | None = None

    @property
    def found_by(self) -> str:
        return "lexicon" if self.confidence is None else "classifier"

    @property
    def blocking(self) -> bool:
        """Unexcused and forbidden on the day scanned: this is what fails a CI run."""
        return self.ruling.forbidden and self.excuse is None

    @property
    def status(self) -> str:
        if self.excuse is not None:
            return "dismissed" if self.excuse.dismissed else "excused"
        return "violation" if self.ruling.forbidden else self.ruling.verdict.value

    @property
    def fingerprint(self) -> str:
        loc = self.location
        key = f"{loc.source}|{loc.page}|{loc.line}|{loc.where}|{self.category}|{self.text}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def message(self) -> str:
        what = f"{self.context.verb} {self.category.words}"
        law = ", ".join(self.ruling.cites) or "no rule in force"
        if self.confidence is not None:
            said = f" (classifier, {self.confidence:.0%} likely)"
        else:
            said = f" ({self.phrase!r})" if self.phrase else ""
        return f"{what}{said}: {self.ruling.verdict.value} under {law}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "location": self.location.as_dict(),
            "text": self.text,
            "category": self.category.value,
            "information": self.category.information,
            "phrase": self.phrase,
            "found_by": self.found_by,
            "confidence": self.confidence,
            "context": self.context.value,
            "count": self.count,
            "status": self.status,
            "blocking": self.blocking,
            "message": self.message(),
            "ruling": self.ruling.as_dict(),
            "excuse": self.excuse.as_dict() if self.excuse else None,
            "refused_excuses": list(self.refused),
            "fingerprint": self.fingerprint,
        }


def clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"
