"""The decision: the contract's answer, built cheaply from a compiled template."""

from __future__ import annotations

import datetime as dt
from typing import Any

from psepa.domain import Confidence, Verdict
from psepa.engine.compiler import Template
from psepa.engine.rules import Obligation


class Decision:
    """What the law says about one situation, and why.

    Everything but the date, the version label and the facts assumed is shared with every other
    situation that reached the same rules the same way, so building one costs a few attribute
    stores; `to_dict()` renders the contract's JSON.
    """

    __slots__ = ("action", "facts", "label", "on", "rulebook", "template")

    def __init__(
        self,
        action: str,
        on: dt.date,
        label: str | None,
        rulebook: str,
        template: Template,
        facts: object,
    ) -> None:
        self.action = action
        self.on = on
        self.label = label
        self.rulebook = rulebook
        self.template = template
        self.facts = facts

    @property
    def assumed(self) -> tuple[str, ...]:
        """How absent facts that this answer relied on were read (worked out when asked)."""
        return self.template.assumed(self.facts)

    @property
    def version(self) -> str:
        """The named version that answered, or the law in force on the situation's date."""
        return self.label or f"law-in-force-{self.on.isoformat()}"

    @property
    def verdict(self) -> Verdict:
        return self.template.verdict

    @property
    def obligations(self) -> tuple[Obligation, ...]:
        return self.template.obligations

    @property
    def cites(self) -> tuple[str, ...]:
        return self.template.cites

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.template.reasons_for(self.facts)

    @property
    def confidence(self) -> Confidence:
        return self.template.confidence

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(reading.id for reading in self.template.readings)

    @property
    def rules(self) -> tuple[str, ...]:
        return self.template.rules

    def to_dict(self) -> dict[str, Any]:
        """The decision as the contract's JSON object (plus psepa's additions)."""
        t = self.template
        return {
            "action": self.action,
            "on": self.on.isoformat(),
            "version": self.version,
            "rulebook": self.rulebook,
            "verdict": t.verdict.value,
            "obligations": [o.as_dict() for o in t.obligations],
            "cites": list(t.cites),
            "reasons": list(self.reasons),
            "confidence": t.confidence.value,
            "flags": [r.as_dict() for r in t.readings],
            "rules": list(t.rules),
            "citations": [c.as_dict() for c in t.citations],
            "assumed": list(self.assumed),
        }

    def __repr__(self) -> str:
        return (
            f"Decision({self.action} on {self.on.isoformat()} under {self.version}: "
            f"{self.verdict.value}, rules {', '.join(self.rules) or 'none'})"
        )
