"""The Python door: the public names, versions, errors and the shape of a decision."""

from __future__ import annotations

import datetime as dt

import pytest

import psepa

NOTICE = {
    "action": "answer_notification_request",
    "on": "2018-03-01",
    "actor": "sheriff",
    "requester": "federal_immigration",
    "facts": {"documents": ["i_247a"]},
}


def test_the_public_names_are_pinned() -> None:
    assert sorted(psepa.__all__) == sorted(
        [
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
    )


def test_a_permitted_answer_with_duties_lists_them_with_citations() -> None:
    decision = psepa.decide(NOTICE)
    assert decision.verdict is psepa.Verdict.PERMITTED
    duties = {o.id: o for o in decision.obligations}
    assert set(duties) == {"advise_notified_person", "record_request", "release_without_delay"}
    assert duties["advise_notified_person"].due is psepa.Due.BEFORE
    assert "notification-advisement-modelled-on-28-252b" in decision.flags


def test_the_version_field_names_what_answered() -> None:
    assert psepa.decide(NOTICE).version == "law-in-force-2018-03-01"
    assert psepa.decide(NOTICE, version="draft-2017-07").version == "draft-2017-07"
    situation_version = psepa.decide({**NOTICE, "version": "committee-2017-08-02"})
    assert situation_version.version == "committee-2017-08-02"


def test_the_law_of_one_day_can_be_applied_to_a_situation_of_another() -> None:
    early = {**NOTICE, "on": "2016-06-01"}
    assert psepa.decide(early).verdict is psepa.Verdict.NOT_REGULATED
    later_law = psepa.decide(early, version="law-in-force-2018-03-01")
    assert later_law.verdict is psepa.Verdict.PERMITTED


def test_an_unknown_version_is_a_named_error() -> None:
    with pytest.raises(psepa.UnknownVersion, match="enacted-2017"):
        psepa.decide(NOTICE, version="enacted-2018")


def test_an_invalid_situation_names_its_field() -> None:
    with pytest.raises(psepa.InvalidSituation) as error:
        psepa.decide({**NOTICE, "facts": {"documents": ["i_247a", "i_247a"]}})
    assert error.value.field == "facts.documents"


def test_a_contradiction_between_facts_is_refused() -> None:
    with pytest.raises(psepa.InvalidSituation, match="eligible_for_release"):
        psepa.decide(
            {
                "action": "hold_on_detainer",
                "facts": {"eligible_for_release": False, "release_basis": "bond_posted"},
            }
        )


def test_a_contradiction_in_a_situation_built_in_python_is_refused_too() -> None:
    situation = psepa.Situation.model_validate(
        {"action": "hold_on_detainer", "facts": {"documents": ["i_247a", "i_247a"]}}
    )
    with pytest.raises(psepa.InvalidSituation, match=r"facts\.documents"):
        psepa.decide(situation)


def test_an_absent_date_means_today() -> None:
    decision = psepa.decide({"action": "apply_for_scaap"})
    assert decision.on == dt.date.today()
    assert decision.verdict is psepa.Verdict.PROHIBITED


def test_every_contract_version_exists() -> None:
    ids = {v.id for v in psepa.versions()}
    assert {"draft-2017-07", "committee-2017-08-02", "enacted-2017"} <= ids


def test_an_assumption_is_told_to_the_user() -> None:
    decision = psepa.decide(
        {
            "action": "hold_on_detainer",
            "on": "2019-01-01",
            "actor": "sheriff",
            "requester": "federal_immigration",
        }
    )
    assert decision.verdict is psepa.Verdict.PROHIBITED
    assert any("eligible for release was not given" in r for r in decision.reasons)
    assert decision.to_dict()["assumed"]
