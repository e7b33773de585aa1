"""psepa: Denver's Public Safety Enforcement Priorities Act as running software.

The public surface is what this module exports; everything else may change.
"""

from psepa.domain import Action, Confidence, Due, Verdict
from psepa.engine.api import decide, rulebook, versions
from psepa.engine.decision import Decision
from psepa.errors import AuditBroken, InvalidSituation, PsepaError, RulebookError, UnknownVersion
from psepa.situation import Situation, validate

__all__ = [
    "Action",
    "AuditBroken",
    "Confidence",
    "Decision",
    "Due",
    "InvalidSituation",
    "PsepaError",
    "RulebookError",
    "Situation",
    "UnknownVersion",
    "Verdict",
    "decide",
    "rulebook",
    "validate",
    "versions",
]
