"""The report's charts, drawn from its own (already suppressed) tables with matplotlib's Agg
backend, as SVG that the HTML embeds inline and WeasyPrint draws into the PDF.

A chart never shows more than its table: a hidden count is drawn as zero, and the caption
says so. The SVG carries no date and a fixed id salt, so the same report draws the same bytes.
"""

from __future__ import annotations

import io
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from psepa.cases.intake import KINDS
from psepa.reports.model import Report, Table

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@cache
def _pyplot() -> ModuleType:
    """matplotlib, set up once and only when a chart is drawn: importing it costs about half a
    second, which every `psepa` command would otherwise pay at start."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "psepa-report"
    plt.rcParams["svg.fonttype"] = "none"  # text stays text: searchable, and small
    return plt


def _integer_ticks() -> object:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


CAPTIONS = {
    "monthly": "Requests received each month, by kind",
    "lead_times": "Notices of release sent to ICE, by lead time",
    "verdicts": "Decisions made in the period, by verdict",
}


def _svg(fig: Figure) -> bytes:
    out = io.BytesIO()
    # Fixed margins, not bbox_inches="tight": a tight box draws the figure twice.
    fig.savefig(out, format="svg", metadata={"Date": None})
    _pyplot().close(fig)
    return out.getvalue()


def _number(value: object) -> int:
    return value if isinstance(value, int) else 0


def monthly_chart(table: Table) -> bytes:
    months = [str(r["month"]) for r in table.rows]
    fig, ax = _pyplot().subplots(figsize=(8, 3.2))
    fig.subplots_adjust(left=0.08, right=0.99, top=0.97, bottom=0.25)
    bottom = [0] * len(months)
    x = list(range(len(months)))
    for kind in KINDS:
        values = [_number(r[kind]) for r in table.rows]
        if any(values):
            ax.bar(x, values, bottom=bottom, label=kind, width=0.8)
            bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    step = max(1, len(months) // 12)
    ax.set_xticks(x[::step], months[::step], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("requests")
    ax.yaxis.set_major_locator(_integer_ticks())
    if any(bottom):
        ax.legend(fontsize=8, ncols=3)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def lead_chart(table: Table) -> bytes:
    labels = [str(r["lead_time"]) for r in table.rows]
    fig, ax = _pyplot().subplots(figsize=(8, 2.8))
    fig.subplots_adjust(left=0.25, right=0.99, top=0.97, bottom=0.17)
    y = list(range(len(labels)))
    ax.barh(
        [v - 0.2 for v in y],
        [_number(r["this_period"]) for r in table.rows],
        height=0.4,
        label="this period",
    )
    ax.barh(
        [v + 0.2 for v in y],
        [_number(r["previous_period"]) for r in table.rows],
        height=0.4,
        label="previous period",
        color="#bbbbbb",
    )
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("notices")
    ax.xaxis.set_major_locator(_integer_ticks())
    ax.legend(fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def verdict_chart(table: Table) -> bytes:
    totals: dict[str, int] = {}
    for r in table.rows:
        totals[str(r["verdict"])] = totals.get(str(r["verdict"]), 0) + _number(r["decisions"])
    fig, ax = _pyplot().subplots(figsize=(8, 2.4))
    fig.subplots_adjust(left=0.16, right=0.99, top=0.95, bottom=0.2)
    names = sorted(totals)
    ax.barh(names, [totals[n] for n in names], color="#4c72b0")
    ax.set_xlabel("decisions")
    ax.xaxis.set_major_locator(_integer_ticks())
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def draw_all(report: Report) -> dict[str, bytes]:
    return {
        "monthly": monthly_chart(report.tables["monthly"]),
        "lead_times": lead_chart(report.tables["notice_lead_times"]),
        "verdicts": verdict_chart(report.tables["decisions"]),
    }
