from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from report_history import history
from typer.testing import CliRunner

from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.cli import app


def test_one_command_writes_the_published_report(sqlite_store: Store, tmp_path: Path) -> None:
    history(Cases(sqlite_store))
    out = tmp_path / "site" / "2025Q2.pdf"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "psepa",
            "report",
            "--period",
            "2025Q2",
            "--db",
            sqlite_store.url,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "Public report" in run.stdout and str(out) in run.stdout
    assert [p.name for p in out.parent.iterdir()] == ["2025Q2.pdf"]  # no temporary left


def test_format_from_the_file_name_and_internal_version(
    sqlite_store: Store, tmp_path: Path
) -> None:
    history(Cases(sqlite_store))
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        app, ["report", "-p", "2025-04", "--db", sqlite_store.url, "-o", str(out), "--internal"]
    )
    assert result.exit_code == 0, result.output
    body = json.loads(out.read_text())
    assert body["public"] is False and body["period"]["label"] == "2025-04"


def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    sqlite_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "r.pdf"
    for args, says in (
        (["-p", "2025Q9"], "period '2025Q9'"),
        (["-p", "2025Q2", "-f", "docx"], "no report format 'docx'"),
        (["-p", "2025Q2", "--threshold", "0"], "at least 1"),
        (["-p", "2025Q2", "--db", f"sqlite:///{tmp_path / 'none.db'}"], "no database at"),
    ):
        db = [] if "--db" in args else ["--db", sqlite_store.url]
        result = CliRunner().invoke(app, ["report", *args, *db, "-o", str(out)])
        assert result.exit_code == 2, (args, result.output)
        assert says in result.output and result.output.count("\n") == 1
        assert not out.exists()
