"""The Travis County policy pack is a rulebook like Denver's: checked exhaustively, decided by
the same engine, and dated (before 1 Feb 2017 only federal law speaks)."""

from __future__ import annotations

from psepa.engine.check import check_rulebook
from psepa.law.travis import rulebook
from psepa.situation import validate


def test_the_pack_passes_the_exhaustive_check() -> None:
    report = check_rulebook(rulebook())
    assert report.ok, report.summary()
    assert report.combinations > 0


def _hold(on: str, **facts: object) -> dict[str, object]:
    return {"action": "hold_on_detainer", "on": on, "actor": "sheriff",
            "requester": "federal_immigration",
            "facts": {"eligible_for_release": True, **facts}}


def test_policy_declines_unless_a_listed_felony_or_a_judicial_warrant() -> None:
    book = rulebook()
    cases = [
        (_hold("2017-02-01", documents=["i_247a"], offences=["other_felony"]), "prohibited"),
        (_hold("2017-02-01", documents=["i_247a"], offences=["murder"]), "permitted"),
        (_hold("2017-02-01", documents=["i_247a", "i_200"]), "prohibited"),
        (_hold("2017-02-01", documents=["i_247a", "federal_judicial_warrant"]), "permitted"),
        (_hold("2017-01-31", documents=["i_247a"], offences=["misdemeanor"]), "permitted"),
    ]
    for situation, verdict in cases:
        assert book.decide(validate(situation)).verdict.value == verdict, situation


def test_answers_carry_the_policy_cite_and_the_offence_list_reading() -> None:
    decision = rulebook().decide(
        validate(_hold("2017-02-02", documents=["i_247a"], offences=["murder"])))
    body = decision.to_dict()
    assert "TCSO ICE Policy (2017)(b)" in body["cites"]
    assert "tcso-offence-list-from-reporting" in {f["id"] for f in body["flags"]}
    assert body["confidence"] == "reported"
