from __future__ import annotations

from psepa.reports.model import Column, Table
from psepa.reports.privacy import DEFAULT_THRESHOLD, suppress


def table(values: list[int]) -> Table:
    return Table(
        "t",
        "t",
        (Column("name", "text", "", ""), Column("n", "integer", "", "")),
        [{"name": f"row{i}", "n": v} for i, v in enumerate(values)],
    )


def test_one_hidden_count_takes_the_next_smallest_with_it() -> None:
    t = table([120, 3, 40, 0, 9])
    suppress(t, DEFAULT_THRESHOLD)
    # 3 alone would be worked out from a total; 9 is hidden with it. Zero stays.
    assert [r["n"] for r in t.rows] == [120, None, 40, 0, None]
    assert t.suppressed == {(1, "n"), (4, "n")}


def test_two_hidden_counts_need_no_company() -> None:
    t = table([120, 3, 4, 50])
    suppress(t, 5)
    assert [r["n"] for r in t.rows] == [120, None, None, 50]


def test_nothing_small_nothing_hidden() -> None:
    t = table([0, 5, 7])
    suppress(t, 5)
    assert [r["n"] for r in t.rows] == [0, 5, 7] and not t.suppressed
