"""The law a finding breaks is the engine's answer for that day, never a second table."""

from __future__ import annotations

import datetime as dt

import pytest
from guard_helpers import BEFORE_ARTICLE_VIII, LAW_2025

import psepa
from psepa.guard import Category, Context, ruling


@pytest.mark.parametrize("category", list(Category))
@pytest.mark.parametrize("context", list(Context))
@pytest.mark.parametrize(
    "day", [BEFORE_ARTICLE_VIII, dt.date(2017, 8, 31), dt.date(2022, 1, 1), LAW_2025]
)
def test_each_ruling_is_what_the_engine_decides(
    category: Category, context: Context, day: dt.date
) -> None:
    answer = ruling(category, context, day)
    decisions = [
        psepa.decide(
            {
                "action": a,
                "on": day.isoformat(),
                "actor": "city_department",
                "facts": {"information": category.information},
            }
        )
        for a in context.actions
    ]
    forbidding = [d for d in decisions if d.verdict is psepa.Verdict.PROHIBITED]
    assert answer.forbidden == bool(forbidding)
    for d in forbidding:
        assert set(d.rules) <= set(answer.rules)
        assert set(d.cites) <= set(answer.cites)


def test_the_ordinance_binds_from_article_viii_and_colorado_adds_its_statute_in_2025() -> None:
    before = ruling(Category.CITIZENSHIP, Context.FORM, BEFORE_ARTICLE_VIII)
    assert before.verdict is psepa.Verdict.NOT_REGULATED and not before.cites
    first = ruling(Category.CITIZENSHIP, Context.FORM, dt.date(2018, 1, 1))
    assert {"DRMC 28-250(a)(2)", "DRMC 28-250(a)(3)"} <= set(first.cites)
    assert not any(c.startswith("C.R.S.") for c in first.cites)
    later = ruling(Category.CITIZENSHIP, Context.FORM, LAW_2025)
    assert any(c.startswith("C.R.S. 24-74") for c in later.cites)
    assert all(c["url"] for c in later.citations)


def test_a_state_agency_is_judged_as_one() -> None:
    city = ruling(Category.STATUS, Context.RECORD, LAW_2025, "city_department")
    state = ruling(Category.STATUS, Context.RECORD, LAW_2025, "state_agency")
    assert not any(r.startswith("A-") for r in state.rules)
    assert city.rules != state.rules


def test_place_of_birth_rests_on_a_flagged_reading() -> None:
    answer = ruling(Category.PLACE_OF_BIRTH, Context.RECORD, dt.date(2018, 1, 1))
    assert answer.forbidden and answer.flags  # the engine's reading, shown on the finding


def test_a_law_that_requires_it_lifts_the_prohibition_but_a_treaty_not_on_applications() -> None:
    assert not ruling(
        Category.CITIZENSHIP, Context.RECORD, LAW_2025, required_by="federal_law"
    ).forbidden
    assert not ruling(
        Category.CITIZENSHIP, Context.RECORD, LAW_2025, required_by="treaty"
    ).forbidden
    refused = ruling(Category.CITIZENSHIP, Context.FORM, LAW_2025, required_by="treaty")
    assert refused.forbidden and refused.rules == ("A-4",)  # (a)(3) has no treaty exception
