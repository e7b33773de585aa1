"""Three ways to read a report: a table for a person, JSON for scripts, SARIF for CI.

SARIF 2.1.0 is what code-scanning services read: each finding is a result with its location
and the rule it breaks; an excused finding is kept as a suppressed result with the
department's citation as justification, so the reason stays visible in review.
"""

from __future__ import annotations

import io
from typing import Any

import orjson
from rich.console import Console
from rich.table import Table

from psepa.guard.categories import Category
from psepa.guard.findings import Finding
from psepa.guard.scan import WITHHELD, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_DOC = "psepa docs/guard.md"


def summary(report: Report) -> dict[str, Any]:
    blocking = report.blocking
    return {
        "on": report.on.isoformat(),
        "actor": report.actor,
        "scanned": len(report.scanned),
        "skipped": len(report.skipped),
        "findings": len(report.findings),
        "blocking": len(blocking),
        "excused": sum(1 for f in report.findings if f.excuse and not f.excuse.dismissed),
        "dismissed": sum(1 for f in report.findings if f.excuse and f.excuse.dismissed),
    }


def to_json(report: Report) -> str:
    payload = {
        "summary": summary(report),
        "findings": [f.as_dict() for f in report.findings],
        "scanned": report.scanned,
        "skipped": report.skipped,
        "warnings": report.warnings,
    }
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n"


def to_table(report: Report, *, width: int = 140) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, highlight=False)
    if report.findings:
        table = Table(show_lines=True)
        for name in ("status", "where", "text", "asks or records", "law"):
            table.add_column(name, overflow="fold")
        for f in report.findings:
            law = ", ".join(f.ruling.cites) or "no rule in force on this day"
            if f.ruling.rules:
                law += f" (rule {', '.join(f.ruling.rules)})"
            if f.excuse and f.excuse.dismissed:
                law += f"\ndismissed, not about status: {f.excuse.reason}"
            elif f.excuse:
                law += f"\nexcused: {f.excuse.citation}; {f.excuse.reason}"
            for refusal in f.refused:
                law += f"\n{refusal}"
            count = f" ×{f.count}" if f.count > 1 else ""
            what = f"{f.context.verb} {f.category.words}"
            if f.confidence is not None:
                what += f"\n(classifier, {f.confidence:.0%}: check)"
            table.add_row(
                f.status,
                f.location.label(),
                f.text + count,
                what,
                law,
            )
        console.print(table)
    s = summary(report)
    console.print(
        f"{s['blocking']} to change, {s['excused']} excused, {s['dismissed']} dismissed, "
        f"{s['findings']} found in "
        f"{s['scanned']} sources ({s['skipped']} files of other formats skipped); "
        f"law in force on {s['on']}, actor {s['actor']}."
    )
    if any(f.text == WITHHELD for f in report.findings):
        console.print(
            "Words of cell values and notes are withheld (a person's data); --show-text shows them."
        )
    for warning in report.warnings:
        console.print(f"warning: {warning}")
    reasons = dict.fromkeys(r for f in report.blocking for r in f.ruling.reasons)
    if reasons:
        console.print("Why (the engine's reasons, for the law in force that day):")
        for reason in reasons:
            console.print(f"  - {reason}")
    if report.blocking:
        first = report.blocking[0]
        console.print(
            "To fix: remove the question or field, or, if a law requires it, add an allow-list "
            f"entry with its citation (docs/guard.md). First: {first.location.label()}"
        )
    return buffer.getvalue()


def _rule(category: Category) -> dict[str, Any]:
    return {
        "id": f"psepa-guard/{category.value}",
        "name": category.name.title().replace("_", ""),
        "shortDescription": {"text": f"Asks about or records {category.words}"},
        "fullDescription": {
            "text": f"A question, field or note about {category.words}. DRMC 28-250(a)(2) and "
            "(a)(3), and from 2025 C.R.S. 24-74 as extended by SB25-276, forbid city staff "
            "and applications to ask about or record it unless a law requires it."
        },
        "help": {
            "text": "Remove the question or field; if a law requires it, add an allow-list "
            f"entry with that law's citation ({TOOL_DOC})."
        },
        "defaultConfiguration": {"level": "error"},
    }


def _result(f: Finding, rule_index: dict[Category, int]) -> dict[str, Any]:
    loc = f.location
    location: dict[str, Any] = {}
    if loc.format != "database":  # a database has no file to point at, only its names
        physical: dict[str, Any] = {"artifactLocation": {"uri": loc.source, "uriBaseId": "SRCROOT"}}
        if loc.line is not None:
            physical["region"] = {"startLine": loc.line}
        location["physicalLocation"] = physical
    names = " ".join(x for x in (loc.source if loc.format == "database" else "", loc.where) if x)
    if names:
        location["logicalLocations"] = [{"fullyQualifiedName": names}]
    result: dict[str, Any] = {
        "ruleId": f"psepa-guard/{f.category.value}",
        "ruleIndex": rule_index[f.category],
        "level": "error" if f.ruling.forbidden else "note",
        "message": {"text": f"{f.text!r} {f.message()}"},
        "locations": [location],
        "partialFingerprints": {"psepaGuard/v1": f.fingerprint},
        "properties": {
            "category": f.category.value,
            "information": f.category.information,
            "context": f.context.value,
            "count": f.count,
            "verdict": f.ruling.verdict.value,
            "lawRules": list(f.ruling.rules),
            "cites": list(f.ruling.cites),
            "citations": [dict(c) for c in f.ruling.citations],
            "version": f.ruling.version,
            "refusedExcuses": list(f.refused),
            "foundBy": f.found_by,
            "confidence": f.confidence,
        },
    }
    if f.excuse is not None:
        result["suppressions"] = [
            {
                "kind": "external",
                "justification": (
                    f"not about status: {f.excuse.reason}"
                    if f.excuse.dismissed
                    else f"{f.excuse.citation}: {f.excuse.reason}"
                ),
            }
        ]
    return result


def to_sarif(report: Report) -> str:
    categories = list(Category)
    rule_index = {c: i for i, c in enumerate(categories)}
    run = {
        "tool": {
            "driver": {
                "name": "psepa guard",
                "version": "1",
                "rules": [_rule(c) for c in categories],
            }
        },
        "originalUriBaseIds": {"SRCROOT": {"description": {"text": "the scanned repository"}}},
        "results": [_result(f, rule_index) for f in report.findings],
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {"level": "warning", "message": {"text": w}} for w in report.warnings
                ],
            }
        ],
        "properties": summary(report),
    }
    payload = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n"


FORMATS = {"table": to_table, "json": to_json, "sarif": to_sarif}
