from __future__ import annotations

import datetime as dt

import pytest

from psepa.errors import PsepaError
from psepa.reports import InvalidPeriod, Period, parse_period


@pytest.mark.parametrize(
    ("text", "first", "last", "kind"),
    [
        ("2018Q2", "2018-04-01", "2018-06-30", "quarter"),
        ("2018q4", "2018-10-01", "2018-12-31", "quarter"),
        ("2018", "2018-01-01", "2018-12-31", "year"),
        ("2018-02", "2018-02-01", "2018-02-28", "month"),
        ("2020-02", "2020-02-01", "2020-02-29", "month"),
        ("2018-01-01..2018-03-31", "2018-01-01", "2018-03-31", "days"),
        (" 2017-08-31..2017-08-31 ", "2017-08-31", "2017-08-31", "days"),
    ],
)
def test_each_form_reads_as_its_days(text: str, first: str, last: str, kind: str) -> None:
    p = parse_period(text)
    assert (p.first.isoformat(), p.last.isoformat(), p.kind) == (first, last, kind)
    assert parse_period(p.label) == p


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2018Q5", "2018Q2 (a quarter)"),
        ("2018-13", "no month 13"),
        ("2018-02-30..2018-03-01", "2018-02-30 is not a calendar day"),
        ("2018-03-31..2018-01-01", "ends (2018-01-01) before it starts"),
        ("last quarter", "is not one psepa knows"),
        ("", "is not one psepa knows"),
        ("0999", "outside 1900 to 2200"),
    ],
)
def test_a_bad_period_is_refused_saying_why(text: str, says: str) -> None:
    with pytest.raises(InvalidPeriod) as caught:
        parse_period(text)
    assert says in str(caught.value)
    assert isinstance(caught.value, PsepaError)


def test_the_previous_period_is_the_one_just_before() -> None:
    assert parse_period("2018Q1").previous() == parse_period("2017Q4")
    assert parse_period("2018Q3").previous() == parse_period("2018Q2")
    assert parse_period("2018").previous() == parse_period("2017")
    assert parse_period("2018-01").previous() == parse_period("2017-12")
    custom = parse_period("2018-03-01..2018-03-10").previous()
    assert (custom.first, custom.last) == (dt.date(2018, 2, 19), dt.date(2018, 2, 28))
    decade = parse_period("2016-01-01..2025-12-31").previous()
    assert (decade.first, decade.last) == (dt.date(2006, 1, 1), dt.date(2015, 12, 31))
    months = parse_period("2018-02-01..2018-03-31").previous()
    assert (months.first, months.last) == (dt.date(2017, 12, 1), dt.date(2018, 1, 31))


def test_bounds_are_denver_midnights_across_daylight_saving() -> None:
    q = parse_period("2018Q2")
    assert q.start == dt.datetime(2018, 4, 1, 6, tzinfo=dt.UTC)  # MDT, UTC-6
    winter = parse_period("2018Q1")
    assert winter.start == dt.datetime(2018, 1, 1, 7, tzinfo=dt.UTC)  # MST, UTC-7
    assert winter.end == q.start
    assert Period(dt.date(2018, 1, 1), dt.date(2018, 3, 31)).months() == [
        (2018, 1),
        (2018, 2),
        (2018, 3),
    ]
