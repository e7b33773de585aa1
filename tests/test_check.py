"""`psepa check` finds conflicts the rules do not resolve, and passes when they are declared."""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.api import rulebook
from psepa.engine.check import CheckReport, check_compiled, check_rulebook
from psepa.engine.citations import Source, Window
from psepa.engine.compiler import compile_action
from psepa.engine.conditions import Condition, has, is_
from psepa.engine.rules import Rule, Unless, permitted, prohibited
from psepa.law.sources import cite

TOY = Source("toy", "Toy 1", "A toy source", "city ordinance", Window())
CITY = Condition("toy city", "city", "not city", is_("actor", "sheriff", unknown=True))
WARRANT = Condition("toy warrant", "a warrant", "no warrant", has("documents", "court_order"))


def _rule(rule_id: str, base_prohibits: bool, overrides: tuple[str, ...] = ()) -> Rule:
    make = prohibited if base_prohibits else permitted
    return Rule(
        id=rule_id,
        question="?",
        source=TOY,
        actions=(Action.DELAY_RELEASE,),
        applies=(CITY,),
        base=make("base", cite(TOY), confidence=Confidence.TEXT),
        unless=(
            Unless("warrant", WARRANT, permitted("ok", cite(TOY), confidence=Confidence.TEXT)),
        ),
        overrides=overrides,
    )


def test_the_encoded_law_passes_the_check() -> None:
    report = check_rulebook(rulebook())
    assert report.ok, report.summary()
    assert report.combinations > 10_000


def test_two_rules_that_disagree_without_precedence_fail_the_check() -> None:
    report = CheckReport()
    check_compiled(compile_action([_rule("X", True), _rule("Y", False)]), "toy", report)
    assert not report.ok
    assert "X, Y disagree without declared precedence" in report.errors[0]


def test_declared_precedence_resolves_the_disagreement() -> None:
    report = CheckReport()
    check_compiled(
        compile_action([_rule("X", True, overrides=("Y",)), _rule("Y", False)]), "toy", report
    )
    assert report.ok, report.summary()


def test_an_exception_that_can_never_apply_is_reported() -> None:
    shadowed = Rule(
        id="Z",
        question="?",
        source=TOY,
        actions=(Action.DELAY_RELEASE,),
        applies=(CITY,),
        base=prohibited("base", cite(TOY), confidence=Confidence.TEXT),
        unless=(
            Unless("any warrant", WARRANT, permitted("ok", cite(TOY), confidence=Confidence.TEXT)),
            Unless("same warrant", WARRANT, permitted("ok", cite(TOY), confidence=Confidence.TEXT)),
        ),
    )
    report = CheckReport()
    check_compiled(compile_action([shadowed]), "toy", report)
    assert any("can never reach 'unless: same warrant'" in w for w in report.warnings)
