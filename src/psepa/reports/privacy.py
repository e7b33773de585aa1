"""Small-count suppression for public reports.

A count of one or two people in a quarter, split by language or by month, can point at a
person others know about. A public report therefore hides every count from 1 to
`threshold - 1` (zero identifies no one, and a zero is what several counts must show). The
default threshold is 5, so counts of 1 to 4 are hidden: the figure many public-health and
education agencies use for tables about people, and one a council can raise.

Hiding one cell is not enough when the others and their total are shown: the hidden one can be
worked out by subtraction. So in each column where exactly one count is hidden, the next
smallest count above zero is hidden too (complementary suppression). Sums across different
tables (for example the months against the period) can still narrow a hidden count down; that
limit is stated in docs/reports.md.
"""

from __future__ import annotations

from psepa.errors import PsepaError
from psepa.reports.model import Table

DEFAULT_THRESHOLD = 5


class InvalidThreshold(PsepaError, ValueError):
    """The suppression threshold is not a whole number of at least 1."""


def check_threshold(threshold: int) -> int:
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise InvalidThreshold(
            f"suppression threshold {threshold!r}: give a whole number of at least 1 "
            f"(counts below it are hidden; 1 hides nothing; the default is {DEFAULT_THRESHOLD})"
        )
    return threshold


def suppress(table: Table, threshold: int) -> None:
    """Hide the small counts of `table` in place (`None` in the row, listed in `suppressed`)."""
    for column in table.columns:
        if not column.is_count:
            continue
        hidden: list[int] = []
        for i, row in enumerate(table.rows):
            value = row[column.name]
            if isinstance(value, int) and 0 < value < threshold:
                hidden.append(i)
        if len(hidden) == 1:
            others = [
                (value, i)
                for i, row in enumerate(table.rows)
                if i not in hidden and isinstance(value := row[column.name], int) and value > 0
            ]
            if others:
                hidden.append(min(others)[1])
        for i in hidden:
            table.rows[i][column.name] = None
            table.suppressed.add((i, column.name))
