"""A report as data: tables of named, typed, documented columns, rendered by `render`.

Every door (the CLI, the web routes, the open-data files) shows the same `Report`; nothing is
computed while rendering. A suppressed count is kept as `None` in its row and listed in
`Table.suppressed`, so the HTML can write "fewer than N" while the open data stay typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from psepa.reports.period import Period

ColumnType = Literal["text", "integer", "number", "month"]
Value = str | int | float | None


@dataclass(frozen=True)
class Column:
    """One column of the open data, as the data dictionary describes it."""

    name: str
    type: ColumnType
    meaning: str
    source: str  # the rule or section of law the figure answers to, or how it is derived
    suppressible: bool = True  # False: derived from other cells (a change), hidden with them

    @property
    def is_count(self) -> bool:
        return self.type == "integer" and self.suppressible


@dataclass
class Table:
    id: str  # the open-data file name, without .csv
    title: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Value]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    suppressed: set[tuple[int, str]] = field(default_factory=set)  # (row index, column name)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"table {self.id} has no column {name!r}")

    def value(self, row: int, name: str) -> Value:
        return self.rows[row][name]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "columns": [c.name for c in self.columns],
            "rows": self.rows,
            "suppressed": sorted([r, c] for r, c in self.suppressed),
            "notes": self.notes,
        }


@dataclass(frozen=True)
class Finding:
    """A statement the report must make, checked against the records (for example that no one
    was held beyond release), with the figure it rests on."""

    id: str
    text: str
    count: int | None  # None when suppressed
    ok: bool  # False: the law was not followed, or a duty is still open


@dataclass
class Report:
    period: Period
    previous: Period
    public: bool
    threshold: int
    generated_at: dt.datetime
    database: str  # the kind of store read (sqlite, postgresql), never its address
    tables: dict[str, Table]
    findings: list[Finding]
    _charts: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def charts(self) -> dict[str, bytes]:
        """The charts as SVG, by name: drawn from the tables the first time they are asked for
        (only the HTML and PDF show them), then kept."""
        if not self._charts:
            from psepa.reports.charts import draw_all  # matplotlib loads only when drawing

            self._charts = draw_all(self)
        return self._charts

    @property
    def title(self) -> str:
        who = "Public" if self.public else "Internal"
        return f"{who} report on immigration requests, {self.period.label}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "period": _period(self.period),
            "previous_period": _period(self.previous),
            "public": self.public,
            "suppression_threshold": self.threshold if self.public else None,
            "generated_at": self.generated_at.isoformat(),
            "database": self.database,
            "findings": [
                {"id": f.id, "text": f.text, "count": f.count, "ok": f.ok} for f in self.findings
            ],
            "tables": {k: t.to_dict() for k, t in self.tables.items()},
        }


def _period(p: Period) -> dict[str, str]:
    return {
        "label": p.label,
        "kind": p.kind,
        "first_day": p.first.isoformat(),
        "last_day": p.last.isoformat(),
        "time_zone": "America/Denver",
    }
