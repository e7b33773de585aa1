"""Invariants that hold for every valid situation, on every date, under every version."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import psepa
from psepa.domain import Due, Verdict
from psepa.engine.batch import decide_many
from strategies import situations

ENACTED = dt.date(2017, 8, 31)
VERSIONS = [
    None,
    "enacted-2017",
    "draft-2017-07",
    "committee-2017-08-02",
    "committee-2017-08-02-categories",
]


@given(situations(), st.sampled_from(VERSIONS))
def test_every_valid_situation_gets_exactly_one_verdict_and_reasons(
    situation: dict[str, Any], version: str | None
) -> None:
    decision = psepa.decide(situation, version=version)
    assert decision.verdict in set(Verdict)
    assert decision.reasons, "every answer explains itself"
    assert decision.confidence in set(psepa.Confidence)
    if decision.verdict is not Verdict.NOT_REGULATED:
        assert decision.cites, "every regulated answer cites the law it rests on"
        assert decision.rules
    for obligation in decision.obligations:
        assert obligation.id and obligation.text and obligation.cites
        assert obligation.due in set(Due)


@given(st.lists(situations(), min_size=1, max_size=40), st.sampled_from(VERSIONS))
def test_the_batch_path_gives_the_single_decision_answer(
    batch: list[dict[str, Any]], version: str | None
) -> None:
    book = psepa.rulebook()
    facts = [psepa.validate(s) for s in batch]
    result = decide_many(book, facts, version)
    for i, f in enumerate(facts):
        assert result.templates[int(result.answer[i])] is book.decide(f, version).template


@given(
    situations(action="hold_on_detainer"),
    st.sampled_from(["federal_judicial_warrant", "state_judicial_warrant", "judicial_writ"]),
    st.sampled_from(VERSIONS),
)
def test_a_judicial_warrant_never_turns_a_permitted_hold_into_a_prohibited_one(
    situation: dict[str, Any], warrant: str, version: str | None
) -> None:
    before = psepa.decide(situation, version=version)
    facts = dict(situation["facts"])
    facts["documents"] = sorted({*facts.get("documents", []), warrant})
    after = psepa.decide({**situation, "facts": facts}, version=version)
    if before.verdict is not Verdict.PROHIBITED:
        assert after.verdict is not Verdict.PROHIBITED


@given(situations())
def test_nothing_dated_before_31_august_2017_cites_article_viii_or_eo_142(
    situation: dict[str, Any],
) -> None:
    decision = psepa.decide(situation)
    cited = " ".join([*decision.cites, *(c.text for o in decision.obligations for c in o.cites)])
    if decision.on < ENACTED:
        assert "DRMC" not in cited and "EO 142" not in cited
        assert not any(rule.startswith(("A-", "D-")) for rule in decision.rules)


@given(situations(), st.sampled_from(VERSIONS[1:]), st.dates(), st.dates())
def test_a_named_version_answers_the_same_on_every_date(
    situation: dict[str, Any], version: str, day1: dt.date, day2: dt.date
) -> None:
    first = psepa.decide({**situation, "on": day1.isoformat()}, version=version)
    second = psepa.decide({**situation, "on": day2.isoformat()}, version=version)
    assert first.template is second.template


@given(situations())
def test_an_absent_fact_the_answer_relied_on_is_reported(situation: dict[str, Any]) -> None:
    decision = psepa.decide(situation)
    for assumption in decision.template.assumptions:
        missing = all(
            situation.get(name, situation["facts"].get(name)) is None for name in assumption.facts
        )
        assert (assumption.note in decision.reasons) == missing


@given(situations())
def test_the_decision_json_has_the_contract_fields(situation: dict[str, Any]) -> None:
    body = psepa.decide(situation).to_dict()
    for key in (
        "action",
        "on",
        "version",
        "rulebook",
        "verdict",
        "obligations",
        "cites",
        "reasons",
        "confidence",
        "flags",
    ):
        assert key in body
    assert body["version"] == f"law-in-force-{body['on']}"
    for flag in body["flags"]:
        assert set(flag) == {"id", "text"}
