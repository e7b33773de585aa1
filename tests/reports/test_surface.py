"""The service surface the CLI and the web routes rely on is pinned here."""

from __future__ import annotations

import inspect
from typing import get_args

import psepa.reports as reports
from psepa.errors import PsepaError


def test_the_public_names_are_these() -> None:
    assert sorted(reports.__all__) == sorted(
        [
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
    )
    for name in ("InvalidPeriod", "InvalidThreshold", "NoCaseRecords", "UnknownFormat"):
        assert issubclass(getattr(reports, name), PsepaError)


def test_the_three_functions_have_the_agreed_signatures() -> None:
    build = inspect.signature(reports.build_report)
    assert list(build.parameters)[:2] == ["store", "period"]
    assert build.parameters["public"].default is True
    assert build.parameters["public"].kind is inspect.Parameter.KEYWORD_ONLY
    assert build.parameters["threshold"].default == reports.DEFAULT_THRESHOLD == 5
    assert list(inspect.signature(reports.parse_period).parameters) == ["text"]
    assert list(inspect.signature(reports.render).parameters) == ["report", "fmt"]
    assert get_args(reports.Format) == ("json", "csv", "html", "pdf") == reports.FORMATS
