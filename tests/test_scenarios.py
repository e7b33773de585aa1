"""The scenario suite: situations and the answers the law gives, as readable YAML.

Each file in tests/scenarios/ holds the scenarios of one legal source (or the edge cases of
law-rules.md section G, or the version boundaries). A failure says what differed and shows the
engine's reasons, so a reader can tell a wrong rule from a wrong expectation.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

import psepa

SCENARIOS = Path(__file__).parent / "scenarios"


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: `on` is the contract's date key, not true (as YAML 1.1 reads it)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false|True|False|TRUE|FALSE)$"), list("tTfF")
)


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verdict: psepa.Verdict
    obligations: list[str] = []
    no_obligations: list[str] = []
    cites: list[str] = []
    not_cites: list[str] = []
    flags: list[str] = []
    confidence: psepa.Confidence | None = None


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    law: str = ""
    situation: dict[str, Any]
    version: str | None = None
    expect: Expect


def _load() -> list[Any]:
    found = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        items = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or []
        for i, item in enumerate(items):
            if isinstance(item.get("situation", {}).get("on"), dt.date):
                item["situation"]["on"] = item["situation"]["on"].isoformat()
            try:
                scenario = Scenario.model_validate(item)
            except ValidationError as exc:
                raise AssertionError(f"{path.name} item {i}: {exc}") from None
            found.append(pytest.param(scenario, id=f"{path.stem}: {scenario.name}"))
    return found


ALL = _load()


def test_the_suite_is_not_empty() -> None:
    assert len(ALL) >= 100, "the scenario files went missing or were emptied"


@pytest.mark.parametrize("scenario", ALL)
def test_scenario(scenario: Scenario) -> None:
    decision = psepa.decide(scenario.situation, version=scenario.version)
    expect = scenario.expect
    got_obligations = {o.id for o in decision.obligations}
    problems = []
    if decision.verdict is not expect.verdict:
        problems.append(f"verdict: expected {expect.verdict.value}, got {decision.verdict.value}")
    for missing in sorted(set(expect.obligations) - got_obligations):
        problems.append(f"obligation {missing!r} missing (got {sorted(got_obligations)})")
    for extra in sorted(set(expect.no_obligations) & got_obligations):
        problems.append(f"obligation {extra!r} present but should not be")
    for cite in expect.cites:
        if cite not in decision.cites:
            problems.append(f"cite {cite!r} missing (got {list(decision.cites)})")
    for cite in expect.not_cites:
        if cite in decision.cites:
            problems.append(f"cite {cite!r} present but should not be")
    for flag in expect.flags:
        if flag not in decision.flags:
            problems.append(f"flag {flag!r} missing (got {list(decision.flags)})")
    if expect.confidence and decision.confidence is not expect.confidence:
        problems.append(
            f"confidence: expected {expect.confidence.value}, got {decision.confidence.value}"
        )
    if problems:
        reasons = "\n  ".join(decision.reasons)
        pytest.fail(
            f"{scenario.name} [{scenario.law}] under {decision.version}, rules "
            f"{list(decision.rules)}:\n- " + "\n- ".join(problems) + f"\nreasons:\n  {reasons}",
            pytrace=False,
        )
