"""The web app's door to the transparency reports (psepa.reports): only the published version.

The public may read a report, never the internal one: `public=True` and the default threshold
are fixed here, so no query parameter can ask for small counts or names.
"""

from __future__ import annotations

from psepa.cases.store import Store
from psepa.reports import build_report, parse_period, render
from psepa.reports.render import Format


def published(store: Store, period: str, fmt: Format) -> bytes:
    """The public report of a period in one format; `InvalidPeriod` names what to write."""
    return render(build_report(store, parse_period(period), public=True), fmt)
