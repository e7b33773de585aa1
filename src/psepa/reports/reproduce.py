"""Published tables, reproduced from psepa's own records: the check that the reports count right.

**Travis County.** The Austin American-Statesman's `statesman_summary_table_monthly.csv` counts
bookings with an ICE detainer by month of booking (112 months, 2006-09 to 2016-10; months with
none are left out). After `psepa.cases.importer` has imported `travis_bookings_2000_2016.csv`,
the `monthly` table of a report over those months gives the same `total` in every month.
The file's other two columns (bookings with at least one felony, with at least one violent
crime) count criminal charges, which psepa does not keep: a charge is not part of an ICE
request's record, and keeping only what the job needs is the rule (docs/import-mapping.md).
They are compared as "not held by psepa", never guessed.

**Denver, 2007-2015 (NPR's FOIA extract).** What is published for Denver's jails is aggregate:
detainers by facility and lift reason, and declined detainers by year. psepa records requests
one by one and cannot hold a count of requests it never saw, so those tables are not
reproduced. The record-level rows in the folder are two national lists, detainers lifted
because ICE found it had asked about a United States citizen and because the person was not
subject to deportation; three of them are Denver Justice Center detainers. `import_npr_denver`
takes those in as requests with an outcome, and the report's `outcomes` table then gives the
facility table's two rows. Both reasons are stored under one outcome kind,
`detainer_lifted_by_ice`, without the reason: either reason states a person's citizenship or
immigration status, which psepa never stores (DRMC 28-250(a)(2)-(4); EO 142). So the report
reproduces the sum of the two rows (3), and the split (2 and 1) is left out by design.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.errors import PsepaError
from psepa.reports.build import build_report
from psepa.reports.model import Report
from psepa.reports.period import Period

TRAVIS_FOLDER = "travis-county-ice-detainers"
STATESMAN_FILE = "statesman_summary_table_monthly.csv"
NPR_FOLDER = "ice-detainers-2007-2015-npr"
NPR_LISTS = ("lift_reason_us_citizen_interviewed.csv", "lift_reason_not_subject_to_deportation.csv")
NPR_FACILITIES = "denver_facilities_detainers_by_lift_reason_2007_2015.csv"
LIFTED_BY_ICE = "detainer_lifted_by_ice"
_STATUS_REASONS = ("United States Citizen Interviewed", "Alien Not Subject to Deportation")
NOT_HELD = ("has_at_least_one_felony", "has_at_least_one_violent_crime")


class ReproductionError(PsepaError):
    """A published table is missing or not in the shape psepa knows."""


@dataclass(frozen=True)
class MonthCompared:
    month: str
    published: int
    psepa: int

    @property
    def same(self) -> bool:
        return self.published == self.psepa


def _read(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise ReproductionError(f"no published table at {path}")
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def statesman_period(rows: list[dict[str, str]]) -> Period:
    months = sorted(r["month"] for r in rows)
    first = dt.date.fromisoformat(months[0] + "-01")
    y, m = (int(x) for x in months[-1].split("-"))
    after = dt.date(y + (m == 12), m % 12 + 1, 1)
    return Period(first, after - dt.timedelta(days=1), "days")


def compare_statesman(store: Store, folder: Path) -> tuple[list[MonthCompared], Report]:
    """Each month of the Statesman's table against the detainers psepa's report counts in it.

    Months psepa counts that the table leaves out are compared too, with a published 0."""
    path = folder / TRAVIS_FOLDER / STATESMAN_FILE
    rows = _read(path)
    missing = {"month", "total", *NOT_HELD} - set(rows[0]) if rows else {"month", "total"}
    if missing:
        raise ReproductionError(f"{path}: expected columns {sorted(missing)}")
    report = build_report(store, statesman_period(rows), public=False)
    ours = {str(r["month"]): int(r["detainer"] or 0) for r in report.tables["monthly"].rows}
    published = {r["month"]: int(r["total"]) for r in rows}
    months = sorted(set(published) | {m for m, n in ours.items() if n})
    return [MonthCompared(m, published.get(m, 0), ours.get(m, 0)) for m in months], report


def import_npr_denver(cases: Cases, folder: Path, facility: str = "DENVER JUSTICE CENTER") -> int:
    """Take in one facility's detainers from the two record-level lists; return how many.

    Each row becomes a booking (`npr-<n>`, in date order: the lists have no booking number), a
    detainer received at noon in Denver on ICE's prepare date, and the outcome
    `detainer_lifted_by_ice` known the same day (the lift date is not in the lists). The
    reason is not stored (see the module docstring). Importing again adds nothing."""
    noon = dt.time(12, tzinfo=ZoneInfo("America/Denver"))
    found: list[dt.date] = []
    for name in NPR_LISTS:
        path = folder / NPR_FOLDER / name
        for line, row in enumerate(_read(path), start=2):
            if row["det_facility"] != facility:
                continue
            if row["lift_reason"] not in _STATUS_REASONS:
                raise ReproductionError(f"{path} line {line}: lift reason {row['lift_reason']!r}")
            found.append(dt.date.fromisoformat(row["date"][:10]))
    # Numbered in date order across both lists, so that no booking number tells which list
    # (which reason, which status) it came from.
    for k, day in enumerate(sorted(found), start=1):
        at = dt.datetime.combine(day, noon)
        number = f"npr-{k}"
        cases.book(number, "(not imported)", "und", at)
        result = cases.intake(
            f"{number}-detainer", number, "detainer", at, "electronic", True, ["i_247a"]
        )
        if not result.duplicate:
            cases.record_outcome(number, LIFTED_BY_ICE, at, "npr: lifted by ICE")
    return len(found)


def npr_denver_published(folder: Path, facility: str = "DENVER JUSTICE CENTER") -> Counter[str]:
    """The facility table's counts, by lift reason."""
    rows = _read(folder / NPR_FOLDER / NPR_FACILITIES)
    return Counter(
        {r["lift_reason"]: int(r["count"]) for r in rows if r["det_facility"] == facility}
    )


def npr_period() -> Period:
    """The span of NPR's extract: 1 Oct 2007 to 19 July 2015."""
    return Period(dt.date(2007, 10, 1), dt.date(2015, 7, 19), "days")
