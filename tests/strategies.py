"""Hypothesis strategies for situations, shared by the property tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from psepa.domain import BOOL_FACTS, ENUM_FACTS, SET_FACTS, Action

FIRST_DAY = dt.date(2016, 1, 1)
LAST_DAY = dt.date(2026, 11, 25)

dates = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def situations(draw: st.DrawFn, action: str | None = None) -> dict[str, Any]:
    """A valid situation: every fact may be absent, and values come from the contract."""
    facts: dict[str, Any] = {}
    for name, enum in ENUM_FACTS.items():
        if name in ("actor", "requester"):
            continue
        value = draw(_maybe(st.sampled_from([m.value for m in enum])))
        if value is not None:
            facts[name] = value
    for name in BOOL_FACTS:
        value = draw(_maybe(st.booleans()))
        if value is not None:
            facts[name] = value
    for name, enum in SET_FACTS.items():
        members = draw(_maybe(st.lists(st.sampled_from([m.value for m in enum]), unique=True)))
        if members is not None:
            facts[name] = members
    if "release_basis" in facts and facts.get("eligible_for_release") is False:
        del facts["eligible_for_release"]  # the contract rejects this contradiction
    situation: dict[str, Any] = {
        "action": action or draw(st.sampled_from([a.value for a in Action])),
        "on": draw(dates).isoformat(),
        "facts": facts,
    }
    for name in ("actor", "requester"):
        value = draw(_maybe(st.sampled_from([m.value for m in ENUM_FACTS[name]])))
        if value is not None:
            situation[name] = value
    return situation
