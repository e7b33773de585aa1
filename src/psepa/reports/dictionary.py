"""The data dictionary of the open data: every column of every table, with its type, meaning
and the rule or section it answers to. It is built from the tables themselves, so a column
cannot be published without its entry."""

from __future__ import annotations

from psepa.reports.model import Report, Value

DICTIONARY_COLUMNS = ("table", "column", "type", "meaning", "source")

GENERAL = (
    "Counts are whole numbers. In a public report a count from 1 to the suppression threshold "
    "minus one is hidden: empty in CSV, null in JSON (and listed in the table's `suppressed`), "
    "and so is a second count in the same column where only one would be hidden. A change is "
    "empty when either count it compares is hidden. A median is empty when there is nothing "
    "to take it of. Months and days are Denver's (America/Denver)."
)


def dictionary_rows(report: Report) -> list[dict[str, Value]]:
    rows: list[dict[str, Value]] = []
    for table in report.tables.values():
        for c in table.columns:
            rows.append(
                {
                    "table": table.id,
                    "column": c.name,
                    "type": c.type,
                    "meaning": c.meaning,
                    "source": c.source,
                }
            )
    return rows
