"""`psepa simulate run`: the tables, the differences file, the chart, and clear refusals of
bad input (exit 2, a message naming the column and row, nothing half-written)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from helpers import scalar
from typer.testing import CliRunner

from psepa.cli import app
from psepa.engine.api import rulebook

runner = CliRunner()

HEADER = "id,action,on,actor,requester,documents,request_in_writing,release_basis\n"
ROWS = [
    "n1,answer_notification_request,2018-03-01,sheriff,federal_immigration,i_247a,true,",
    "n2,answer_notification_request,2018-03-02,sheriff,federal_immigration,i_247n,true,",
    "h1,hold_on_detainer,2018-03-01,sheriff,federal_immigration,i_247a;i_200,,bond_posted",
    "h2,hold_on_detainer,2018-03-01,sheriff,federal_immigration,"
    "i_247a;federal_judicial_warrant,,bond_posted",
    "s1,coordinate_remote_interview,2016-01-05,sheriff,federal_immigration,,,",
]


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    return path


def test_run_prints_counts_per_action_and_the_changes_with_their_rules(cases: Path) -> None:
    result = runner.invoke(app, ["simulate", "run", str(cases), "-v", "enacted-2017",
                                 "-v", "draft-2017-07"])
    assert result.exit_code == 0, result.output
    assert "answer_notification_request" in result.output
    assert "hold_on_detainer" in result.output
    assert "A-16" in result.output and "B-1" in result.output  # the deciding rule each side
    assert "2 of 5 cases change verdict" in result.output


def test_differences_file_lists_each_changed_case_as_decide_answers_it(
    cases: Path, tmp_path: Path
) -> None:
    out = tmp_path / "diffs.csv"
    result = runner.invoke(app, ["simulate", "run", str(cases), "-v", "enacted-2017",
                                 "-v", "draft-2017-07", "--diffs", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["n1", "n2"]
    book = rulebook()
    for r in rows:
        situation = {"action": r["action"], "on": r["on_date"], "actor": "sheriff",
                     "requester": "federal_immigration",
                     "facts": {"documents": ["i_247a" if r["id"] == "n1" else "i_247n"],
                               "request_in_writing": True}}
        assert (r["verdict_before"], tuple(r["rules_before"].split())) == scalar(
            book, situation, "enacted-2017")
        assert (r["verdict_after"], tuple(r["rules_after"].split())) == scalar(
            book, situation, "draft-2017-07")


def test_parquet_differences_chart_and_counts_are_written(cases: Path, tmp_path: Path) -> None:
    diffs, chart, counts = tmp_path / "d.parquet", tmp_path / "c.png", tmp_path / "n.csv"
    result = runner.invoke(app, ["simulate", "run", str(cases), "-v", "law-in-force",
                                 "-v", "draft-2017-07", "-v", "enacted-2017",
                                 "--diffs", str(diffs), "--chart", str(chart),
                                 "--counts", str(counts)])
    assert result.exit_code == 0, result.output
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    changed = duckdb.sql(f"SELECT version, count(*) FROM '{diffs}' GROUP BY ALL").fetchall()
    # The two notices, and the 2016 interview: no rule spoke before article VIII, the draft
    # (a fixed version, whatever the date) does.
    assert dict(changed)["draft-2017-07"] == 3
    with counts.open(encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["action", "verdict", "law-in-force", "draft-2017-07", "enacted-2017"]
    totals = [sum(int(r[i]) for r in table[1:]) for i in (2, 3, 4)]
    assert totals == [5, 5, 5]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        ("action,on,actor", "hold_on_detainer,2018-01-01,sherif",
         "column 'actor', row 1: 'sherif': not a value of actor"),
        ("action,on,actr", "hold_on_detainer,2018-01-01,sheriff",
         "column 'actr': is not a field of the decision contract"),
        ("on,actor", "2018-01-01,sheriff", "column 'action': missing"),
        ("action,on", "hold_on_detainr,2018-01-01", "column 'action', row 1"),
        ("action,on,documents", "hold_on_detainer,2018-01-01,i_247a;i_999",
         "column 'documents', row 1: 'i_999' is not a value of documents"),
        ("action,on,documents", "hold_on_detainer,2018-01-01,i_247a;i_247a",
         "column 'documents', row 1: lists the same value twice"),
        ("action,on,eligible_for_release", "hold_on_detainer,2018-01-01,yes",
         "column 'eligible_for_release', row 1: 'yes': expected true or false"),
        ("action,on", "hold_on_detainer,01/02/2018", "column 'on', row 1: '01/02/2018'"),
        ("action,on,release_basis,eligible_for_release",
         "hold_on_detainer,2018-01-01,bond_posted,false",
         "column 'eligible_for_release', row 1: "),
    ],
)
def test_bad_input_names_column_and_row_and_exits_2(
    tmp_path: Path, header: str, row: str, expected: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    out = tmp_path / "diffs.csv"
    result = runner.invoke(app, ["simulate", "run", str(path), "-v", "enacted-2017",
                                 "-v", "draft-2017-07", "--diffs", str(out)])
    assert result.exit_code == 2
    assert expected in result.output
    assert not out.exists()


def test_the_row_named_is_the_first_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    lines = ["action,on,requester"] + ["hold_on_detainer,2018-01-01,public"] * 40
    lines[31] = "hold_on_detainer,2018-01-01,ICE"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["simulate", "run", str(path), "-v", "enacted-2017",
                                 "-v", "draft-2017-07"])
    assert result.exit_code == 2
    assert "column 'requester', row 31: 'ICE'" in result.output


def test_unknown_version_and_a_single_version_are_refused(cases: Path) -> None:
    result = runner.invoke(app, ["simulate", "run", str(cases), "-v", "enacted-2017",
                                 "-v", "draft-2017-7"])
    assert result.exit_code == 2
    assert "no policy version 'draft-2017-7'" in result.output
    result = runner.invoke(app, ["simulate", "run", str(cases), "-v", "enacted-2017"])
    assert result.exit_code == 2
    assert "at least two" in result.output
    result = runner.invoke(app, ["simulate", "run", str(cases), "-v", "enacted-2017",
                                 "-v", "enacted-2017"])
    assert result.exit_code == 2
    assert "given once" in result.output


def test_missing_file_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["simulate", "run", str(tmp_path / "none.csv"),
                                 "-v", "enacted-2017", "-v", "draft-2017-07"])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_a_real_history_can_be_named_instead_of_a_file(tmp_path: Path) -> None:
    chart = tmp_path / "july.svg"
    result = runner.invoke(app, ["simulate", "run", "travis", "-v", "enacted-2017",
                                 "-v", "draft-2017-07", "--chart", str(chart)])
    assert result.exit_code == 0, result.output
    assert "travis (real history, adapted)" in result.output
    assert "9,533 of 19,066 cases change verdict" in result.output
    assert chart.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_travis_command_prints_the_agreement_and_every_mismatch() -> None:
    result = runner.invoke(app, ["simulate", "travis"])
    assert result.exit_code == 0, result.output
    assert "agreement: 203 of 230 bookings (88.3%)" in result.output
    assert result.output.count("accepted_01feb2017 ") >= 27
