"""The stretch of time a report covers: a quarter, a year, a month or any run of whole days.

Days are Denver's days. A quarter's figures went to the council by the calendar quarter of the
city (DRMC 28-253 tracking, reported per quarter from Q2 2018), so a period starts at midnight
in Denver on its first day and ends at midnight after its last, whatever the clocks did in
between; the UTC bounds the queries use follow daylight saving.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from psepa.errors import PsepaError

DENVER = ZoneInfo("America/Denver")

PeriodKind = Literal["quarter", "year", "month", "days"]

_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")
_EXAMPLES = "2018Q2 (a quarter), 2018 (a year), 2018-03 (a month) or 2018-01-01..2018-03-31"


class InvalidPeriod(PsepaError, ValueError):
    """The text does not name a period psepa can report on; the message shows the forms."""


@dataclass(frozen=True, order=True)
class Period:
    """Whole days from `first` to `last`, both included, in Denver."""

    first: dt.date
    last: dt.date
    kind: PeriodKind = "days"

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidPeriod(
                f"the period ends ({self.last}) before it starts ({self.first}); "
                "give the earlier day first"
            )

    @property
    def label(self) -> str:
        """The period as the user would write it (it parses back to the same period)."""
        if self.kind == "quarter":
            return f"{self.first.year}Q{(self.first.month - 1) // 3 + 1}"
        if self.kind == "year":
            return f"{self.first.year}"
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def start(self) -> dt.datetime:
        """Midnight in Denver at the start of the first day, in UTC."""
        return _midnight(self.first)

    @property
    def end(self) -> dt.datetime:
        """Midnight in Denver after the last day, in UTC (not included)."""
        return _midnight(self.last + dt.timedelta(days=1))

    def previous(self) -> Period:
        """The period before, to compare against: the previous quarter, year or month, or as
        many days as this one ending the day before it starts."""
        if self.kind == "quarter":
            return quarter(*_shift_quarter(self.first.year, (self.first.month - 1) // 3 + 1))
        if self.kind == "year":
            return year(self.first.year - 1)
        if self.kind == "month":
            before = self.first - dt.timedelta(days=1)
            return month(before.year, before.month)
        months = self._whole_months()
        if months:
            # Whole months (say 2016-01-01..2025-12-31): the same number of months before.
            y, m = divmod(self.first.year * 12 + self.first.month - 1 - months, 12)
            first = dt.date(y, m + 1, 1)
            return Period(first, self.first - dt.timedelta(days=1), "days")
        last = self.first - dt.timedelta(days=1)
        return Period(last - dt.timedelta(days=self.days - 1), last, "days")

    def _whole_months(self) -> int:
        """How many calendar months the period is, if it is whole months; else 0."""
        after = self.last + dt.timedelta(days=1)
        if self.first.day != 1 or after.day != 1:
            return 0
        return (after.year - self.first.year) * 12 + after.month - self.first.month

    def months(self) -> list[tuple[int, int]]:
        """Every calendar month the period touches, in order."""
        out: list[tuple[int, int]] = []
        y, m = self.first.year, self.first.month
        while (y, m) <= (self.last.year, self.last.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), DENVER).astimezone(dt.UTC)


def _shift_quarter(y: int, q: int) -> tuple[int, int]:
    return (y - 1, 4) if q == 1 else (y, q - 1)


def quarter(y: int, q: int) -> Period:
    first = dt.date(y, 3 * q - 2, 1)
    end_month = 3 * q
    return Period(first, dt.date(y, end_month, calendar.monthrange(y, end_month)[1]), "quarter")


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def month(y: int, m: int) -> Period:
    return Period(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month")


def parse_period(text: str) -> Period:
    """Read a period as a person writes it: `2018Q2`, `2018`, `2018-03`, or
    `2018-01-01..2018-03-31` (both days included)."""
    given = text.strip()
    try:
        if found := _QUARTER.match(given):
            return quarter(_year(found.group(1)), int(found.group(2)))
        if found := _YEAR.match(given):
            return year(_year(found.group(1)))
        if found := _MONTH.match(given):
            m = int(found.group(2))
            if not 1 <= m <= 12:
                raise InvalidPeriod(f"period {text!r}: there is no month {m}; use 01 to 12")
            return month(_year(found.group(1)), m)
        if found := _RANGE.match(given):
            first, last = (_day(found.group(k), text) for k in (1, 2))
            _year(str(first.year))
            _year(str(last.year))
            return Period(first, last, "days")
    except InvalidPeriod as exc:
        if str(exc).startswith("period "):
            raise
        raise InvalidPeriod(f"period {text!r}: {exc}") from None
    raise InvalidPeriod(f"period {text!r} is not one psepa knows; write {_EXAMPLES}")


def _year(text: str) -> int:
    value = int(text)
    if not 1900 <= value <= 2200:
        raise InvalidPeriod(f"the year {value} is outside 1900 to 2200")
    return value


def _day(text: str, whole: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidPeriod(
            f"period {whole!r}: {text} is not a calendar day (YYYY-MM-DD)"
        ) from None
