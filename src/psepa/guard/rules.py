"""Which law a finding breaks on a given day, as the engine itself decides it.

The guard never keeps its own table of dates or sections: for each category it asks
`psepa.decide` what a city department may do (ask, record, or put on an application) with
that kind of information on the day given, and carries the engine's rules and citations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from psepa.domain import Verdict
from psepa.engine.api import decide
from psepa.guard.categories import Category


class Context(StrEnum):
    """How the information reaches the city: kept in records, or asked on a form."""

    RECORD = "record"
    FORM = "form"

    @property
    def actions(self) -> tuple[str, ...]:
        # A form both asks (28-250(a)(2)) and, as a city application, conditions a service
        # on the answer ((a)(3)); records and notes only keep what was learnt ((a)(2)).
        if self is Context.FORM:
            return ("ask_status", "application_status_question")
        return ("record_status",)

    @property
    def verb(self) -> str:
        return "asks about" if self is Context.FORM else "records"


@dataclass(frozen=True)
class Ruling:
    """The engine's answer for one category in one context on one day."""

    verdict: Verdict
    actions: tuple[str, ...]
    rules: tuple[str, ...]
    cites: tuple[str, ...]
    citations: tuple[dict[str, str], ...]
    reasons: tuple[str, ...]
    flags: tuple[str, ...]
    version: str

    @property
    def forbidden(self) -> bool:
        return self.verdict is Verdict.PROHIBITED

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "actions": list(self.actions),
            "rules": list(self.rules),
            "cites": list(self.cites),
            "citations": [dict(c) for c in self.citations],
            "reasons": list(self.reasons),
            "flags": list(self.flags),
            "version": self.version,
        }


@lru_cache(maxsize=4096)
def ruling(
    category: Category,
    context: Context,
    on: dt.date,
    actor: str = "city_department",
    required_by: str | None = None,
    purpose: str | None = None,
) -> Ruling:
    """What the law in force on `on` says about this category here; raises InvalidSituation
    (naming the field) when `actor`, `required_by` or `purpose` is not a contract value."""
    facts: dict[str, Any] = {"information": category.information}
    if required_by is not None:
        facts["required_by"] = required_by
    if purpose is not None:
        facts["purpose"] = purpose
    decisions = [
        decide({"action": a, "on": on.isoformat(), "actor": actor, "facts": facts})
        for a in context.actions
    ]
    forbidding = [d for d in decisions if d.verdict is Verdict.PROHIBITED]
    speaking = forbidding or [d for d in decisions if d.verdict is not Verdict.NOT_REGULATED]
    if forbidding:
        verdict = Verdict.PROHIBITED
    elif speaking:
        verdict = speaking[0].verdict
    else:
        verdict = Verdict.NOT_REGULATED
    citations: dict[str, dict[str, str]] = {}
    for d in speaking:
        for c in d.template.citations:
            citations.setdefault(c.text, c.as_dict())
    return Ruling(
        verdict=verdict,
        actions=tuple(d.action for d in speaking) or context.actions,
        rules=_union(d.rules for d in speaking),
        cites=_union(d.cites for d in speaking),
        citations=tuple(citations.values()),
        reasons=tuple(d.reasons[0] for d in speaking if d.reasons),
        flags=_union(d.flags for d in speaking),
        version=decisions[0].version,
    )


def _union(groups: Any) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item, None)
    return tuple(seen)
