"""A decision in plain English: the verdict, why, what follows, and the sources."""

from __future__ import annotations

import textwrap

from psepa.domain import ACTION_QUESTIONS, Action, Confidence, Verdict
from psepa.engine.decision import Decision

_VERDICT_WORDS = {
    Verdict.PROHIBITED: "PROHIBITED: this must not be done.",
    Verdict.PERMITTED: "PERMITTED: this may be done.",
    Verdict.REQUIRED: "REQUIRED: this must be done.",
    Verdict.NOT_REGULATED: "NOT REGULATED: no rule in force speaks to this.",
}
_CONFIDENCE_WORDS = {
    Confidence.TEXT: "rests on official wording that was read",
    Confidence.REPORTED: "rests on official summaries and reporting of text not seen",
    Confidence.INFERRED: "rests on psepa's reading of the law; see the flags",
}
_DUE_WORDS = {"before": "before it happens", "now": "now", "at_release": "at release"}


def _wrap(text: str, bullet: str = "  - ") -> str:
    return textwrap.fill(text, width=92, initial_indent=bullet, subsequent_indent=" " * len(bullet))


def explain(decision: Decision) -> str:
    """Render a decision for a clerk, a supervisor or a resident."""
    t = decision.template
    question = ACTION_QUESTIONS[Action(decision.action)]
    if decision.verdict is Verdict.PERMITTED and t.obligations:
        verdict = "PERMITTED, WITH DUTIES: this may be done only as set out below."
    else:
        verdict = _VERDICT_WORDS[decision.verdict]
    lines = [
        f"May the city {question}?",
        f"On {decision.on.isoformat()}, under {decision.version} (rulebook {decision.rulebook}).",
        "",
        verdict,
        "",
        "Why:",
        *(_wrap(reason) for reason in decision.reasons),
    ]
    if t.obligations:
        lines += ["", "What follows:"]
        for o in t.obligations:
            lines.append(
                _wrap(
                    f"[{_DUE_WORDS[o.due.value]}] {o.text} ({', '.join(c.text for c in o.cites)})"
                )
            )
    lines += ["", "Sources:"]
    for c in t.citations:
        lines.append(
            _wrap(f"{c.text}: {c.source.title}" + (f" <{c.source.url}>" if c.source.url else ""))
        )
    if t.readings:
        lines += ["", "Readings chosen where the law is unclear:"]
        lines += [_wrap(f"{r.id}: {r.text}") for r in t.readings]
    lines += [
        "",
        f"Confidence: {decision.confidence.value}; the answer "
        f"{_CONFIDENCE_WORDS[decision.confidence]}.",
    ]
    return "\n".join(lines)
