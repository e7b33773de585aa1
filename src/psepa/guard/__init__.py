"""The records guard (issue 6): finds questions and data about immigration or citizenship
status, national origin and place of birth in forms, exports, schemas and notes, and says
which law forbids them on a given day, as the engine decides it.

    from psepa.guard import scan
    report = scan([Path("forms")], ["sqlite:///records.db"], on=dt.date(2025, 6, 1))
    [f.message() for f in report.blocking]
"""

from psepa.guard.allowlist import AllowList
from psepa.guard.categories import Category
from psepa.guard.errors import AllowListError, GuardError, UnknownFormat, UnreadableInput
from psepa.guard.findings import Finding, Location
from psepa.guard.matcher import MATCHER, Hit, Matcher
from psepa.guard.rules import Context, Ruling, ruling
from psepa.guard.scan import Report, scan

__all__ = [
    "MATCHER",
    "AllowList",
    "AllowListError",
    "Category",
    "Context",
    "Finding",
    "GuardError",
    "Hit",
    "Location",
    "Matcher",
    "Report",
    "Ruling",
    "UnknownFormat",
    "UnreadableInput",
    "ruling",
    "scan",
]
