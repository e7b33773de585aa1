from __future__ import annotations

import statistics

from hypothesis import given
from hypothesis import strategies as st

from psepa.reports.build import _median_lead
from psepa.reports.period import parse_period
from psepa.reports.queries import Facts


@given(st.lists(st.integers(-2000, 5000), min_size=1, max_size=60))
def test_the_median_from_counts_by_minute_is_the_median(leads: list[int]) -> None:
    facts = Facts(parse_period("2025Q2"), parse_period("2025Q1"))
    for minutes in leads:
        facts.lead_minutes[(True, minutes)] = facts.lead_minutes.get((True, minutes), 0) + 1
    facts.lead_minutes[(True, None)] = 3  # releases not yet recorded have no lead time
    assert _median_lead(facts, True) == statistics.median(leads)
    assert _median_lead(facts, False) is None
