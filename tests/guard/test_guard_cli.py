"""`psepa guard` as a department's CI runs it: exit codes, reports, psepa's own self-check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from psepa.cases.store import Store
from psepa.cli import app

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def guard(*args: str, cwd: Path | None = None, process: bool = False) -> Run:
    """Run `psepa guard` in this process (fast), or as a real process (as CI does)."""
    if process:
        done = subprocess.run(
            [sys.executable, "-m", "psepa", "guard", *args],
            capture_output=True,
            text=True,
            cwd=cwd or REPO,
            timeout=300,
            check=False,
        )
        return Run(done.returncode, done.stdout, done.stderr)
    old = Path.cwd()
    os.chdir(cwd or REPO)
    try:
        result = CliRunner().invoke(app, ["guard", *args])
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "apply.html").write_text(
        "<form><label>Are you a U.S. citizen?</label><label>Name</label></form>"
    )
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "clients.csv").write_text("id,language,birth_date\n1,es,2000-01-01\n")
    return tmp_path


def test_exit_1_and_a_table_naming_the_field_and_the_law(folder: Path) -> None:
    result = guard("scan", "forms", "exports", "--on", "2025-06-01", cwd=folder, process=True)
    assert result.returncode == 1
    assert "forms/apply.html" in result.stdout
    assert "asks about citizenship" in result.stdout
    assert "  - DRMC 28-250(a)(3): A city service or benefit application" in result.stdout
    assert "1 to change" in result.stdout


def test_exit_0_when_the_law_was_not_yet_in_force(folder: Path) -> None:
    result = guard("scan", "forms", "--on", "2016-06-01", "--format", "json", cwd=folder)
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["summary"]["blocking"] == 0
    assert [f["status"] for f in report["findings"]] == ["not_regulated"]


def test_sarif_for_code_scanning(folder: Path) -> None:
    result = guard("scan", "forms", "--format", "sarif", "--on", "2025-06-01", cwd=folder)
    assert result.returncode == 1
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    (res,) = run["results"]
    assert rules[res["ruleIndex"]] == res["ruleId"] == "psepa-guard/citizenship"
    assert res["level"] == "error"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "forms/apply.html"
    assert loc["region"]["startLine"] == 1
    assert "A-4" in res["properties"]["lawRules"]


def test_an_excused_finding_is_a_suppressed_result_and_exit_0(folder: Path) -> None:
    (folder / "allow.yml").write_text(
        "- path: forms/apply.html\n  required_by: federal_law\n"
        "  citation: '42 U.S.C. 1320b-7 (SAVE verification for a federal benefit)'\n"
        "  reason: The federal program requires it of applicants.\n"
    )
    result = guard("scan", "forms", "--allow", "allow.yml", "--format", "sarif", cwd=folder)
    assert result.returncode == 0, result.stdout
    (res,) = json.loads(result.stdout)["runs"][0]["results"]
    assert res["suppressions"][0]["justification"].startswith("42 U.S.C. 1320b-7")


def test_output_file_is_written_whole(folder: Path) -> None:
    out = folder / "report.json"
    result = guard("scan", "forms", "--format", "json", "--output", str(out), cwd=folder)
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(out.read_text())["summary"]["blocking"] == 1
    assert [p.name for p in folder.iterdir() if p.name.startswith(".report")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan"], "give at least one PATH"),
        (["scan", "forms", "--on", "June"], "--on 'June' is not a date"),
        (["scan", "forms", "--format", "xml"], "--format 'xml'"),
        (["scan", "forms", "--actor", "mayor"], "actor"),
        (["scan", "nowhere"], "no such file"),
        (["scan", "forms", "--allow", "missing.yaml"], "allow-list missing.yaml"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_on_stdout(
    folder: Path, args: list[str], message: str
) -> None:
    result = guard(*args, cwd=folder)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_report_kept_as_docx_can_be_judged_as_a_record(folder: Path) -> None:
    from guard_helpers import write_docx

    write_docx(folder / "psi.docx", ["Presentence report", "Defendant is not a U.S. citizen."])
    as_form = json.loads(guard("scan", "psi.docx", "--format", "json", cwd=folder).stdout)
    as_record = json.loads(
        guard("scan", "psi.docx", "--format", "json", "--context", "record", cwd=folder).stdout
    )
    assert [f["ruling"]["actions"] for f in as_form["findings"]] == [
        ["ask_status", "application_status_question"]
    ]
    assert [f["ruling"]["actions"] for f in as_record["findings"]] == [["record_status"]]
    bad = guard("scan", "psi.docx", "--context", "memo", cwd=folder)
    assert bad.returncode == 2 and "--context 'memo'" in bad.stderr


def test_check_one_phrase() -> None:
    result = guard("check", "¿Cuál es su estatus migratorio?")
    assert result.returncode == 0 and result.stdout.startswith("immigration_status")
    assert guard("check", "--column", "birth_date").stdout.strip() == "nothing found"


def test_psepa_guards_itself_on_a_fresh_sqlite_database(tmp_path: Path) -> None:
    # The same command scripts/test runs: psepa's migrated schema and its own forms.
    url = f"sqlite:///{tmp_path / 'self.db'}"
    result = guard(
        "scan",
        "--db",
        url,
        "--migrate",
        "src/psepa",
        "--exclude",
        "*/demo/*",
        "--exclude",
        "*/guard/data/*",
        "--format",
        "json",
        process=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["blocking"] == 0
    scanned = report["scanned"]
    assert any(s.startswith("sqlite:///") for s in scanned)
    assert any(s.endswith(".html") for s in scanned)


def test_psepa_guards_itself_on_postgresql_and_sees_its_comments(pg_url: str) -> None:
    name = f"guard_self_{os.getpid()}"  # a shared server may host other runs
    admin = Store(pg_url)
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.close()
    url = pg_url.rsplit("/", 1)[0] + f"/{name}"
    clean = guard("scan", "--db", url, "--migrate")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    store = Store(url)
    with store.engine.begin() as c:  # a department adds what the law forbids
        c.execute(text("CREATE TABLE intake_extra (id int, note text)"))
        c.execute(text("COMMENT ON COLUMN intake_extra.note IS 'Lugar de nacimiento'"))
        c.execute(text("CREATE SCHEMA hr"))
        c.execute(text("CREATE TABLE hr.staff (id int, visa_type text)"))
    store.close()
    found = guard("scan", "--db", url, "--format", "json", "--on", "2025-06-01")
    assert found.returncode == 1
    findings = json.loads(found.stdout)["findings"]
    assert {(f["location"]["where"], f["category"]) for f in findings} == {
        ("intake_extra.note comment", "place_of_birth"),
        ("hr.staff.visa_type", "visa"),
    }
    assert "password" not in found.stdout.lower() or ":***@" in found.stdout


def test_sarif_fits_the_sarif_2_1_0_schema(folder: Path, tmp_path: Path) -> None:
    from pydantic_sarif.model import StaticAnalysisResultsFormatSarifVersion210JsonSchema as Sarif

    url = f"sqlite:///{tmp_path / 'x.db'}"
    guard("scan", "--db", url, "--migrate")
    store = Store(url)
    with store.engine.begin() as c:
        c.execute(text("CREATE TABLE extra (id integer, country_of_birth text)"))
    store.close()
    (folder / "allow.yml").write_text(
        "- where: '*Are you*'\n  required_by: federal_law\n  citation: '8 U.S.C. 1324a'\n"
        "  reason: Form I-9 for new hires.\n"
    )
    result = guard(
        "scan",
        "forms",
        "exports",
        "--db",
        url,
        "--allow",
        "allow.yml",
        "--format",
        "sarif",
        "--on",
        "2025-06-01",
        cwd=folder,
    )
    sarif = json.loads(result.stdout)
    Sarif.model_validate(sarif)  # raises on any field the schema does not allow
    results = sarif["runs"][0]["results"]
    db = next(r for r in results if "physicalLocation" not in r["locations"][0])
    assert db["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].endswith(
        "extra.country_of_birth"
    )
    assert sum("suppressions" in r for r in results) == 1


def test_every_scan_option_is_documented() -> None:
    import typer.main

    from psepa.guard.cli import guard_app

    command = typer.main.get_command(guard_app)
    scan_command = command.commands["scan"]  # type: ignore[attr-defined]
    docs = (REPO / "docs" / "guard.md").read_text(encoding="utf-8")
    options = [opt for p in scan_command.params for opt in p.opts if opt.startswith("--")]
    assert "--allow" in options
    missing = [o for o in options if f"`{o}" not in docs]
    assert missing == []
