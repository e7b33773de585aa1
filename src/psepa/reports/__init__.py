"""Transparency reports on immigration requests, computed from psepa's own case records.

The service surface the CLI and the web routes share (`psepa report`, the published report's
HTTP route):

    period = parse_period("2018Q2")             # or "2018", "2018-03", "2018-01-01..2018-03-31"
    report = build_report(Store(url), period)   # public: small counts hidden, no names
    pdf = render(report, "pdf")                  # or "json", "csv" (a zip), "html"

`InvalidPeriod`, `InvalidThreshold`, `UnknownFormat` and `NoCaseRecords` are `PsepaError`s
whose messages say what to write instead. The default threshold, `DEFAULT_THRESHOLD` (5),
hides counts from 1 to 4 in public reports. docs/reports.md describes every table and how each
count is taken.
"""

from __future__ import annotations

from psepa.reports.build import NoCaseRecords, build_report
from psepa.reports.model import Column, Finding, Report, Table
from psepa.reports.period import InvalidPeriod, Period, parse_period
from psepa.reports.privacy import DEFAULT_THRESHOLD, InvalidThreshold
from psepa.reports.render import FORMATS, Format, UnknownFormat, render

__all__ = [
    "DEFAULT_THRESHOLD",
    "FORMATS",
    "Column",
    "Finding",
    "Format",
    "InvalidPeriod",
    "InvalidThreshold",
    "NoCaseRecords",
    "Period",
    "Report",
    "Table",
    "UnknownFormat",
    "build_report",
    "parse_period",
    "render",
]
