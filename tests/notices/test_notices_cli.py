"""`psepa notice ...` as a person at the release desk would run it."""

from __future__ import annotations

from pathlib import Path

from notice_pages import parse, text_of_pdf
from typer.testing import CliRunner

from psepa.cli import app
from psepa.notices import language_name, languages
from psepa.notices.catalogue import wording

runner = CliRunner()
NOTICE = [
    "notice",
    "render",
    "interview_advisement",
    "--lang",
    "es",
    "--name",
    "Ana Example",
    "--booking",
    "B-101",
    "--issued-at",
    "2025-06-02T13:20-06:00",
]


def test_languages_lists_each_catalogue_with_its_names() -> None:
    result = runner.invoke(app, ["notice", "languages"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split("\t")[0] for line in lines] == languages()
    assert f"es\t{language_name('es', 'es')}\t{language_name('es')}" in lines


def test_render_writes_a_pdf_with_the_text(tmp_path: Path) -> None:
    out = tmp_path / "advisement.pdf"
    result = runner.invoke(app, [*NOTICE, "--format", "pdf", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output
    text = text_of_pdf(out.read_bytes())
    assert "Ana Example" in text
    assert wording("es")("notice.interview.right_lawyer") in text
    assert [p.name for p in tmp_path.iterdir()] == ["advisement.pdf"]


def test_render_prints_html_to_stdout() -> None:
    result = runner.invoke(app, NOTICE)
    assert result.exit_code == 0
    assert parse(result.stdout.encode()).html_lang == "es"


def test_no_translation_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "advisement.html"
    args = [*NOTICE, "--out", str(out)]
    args[args.index("es")] = "vi"
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "interview stays blocked" in result.output
    assert list(tmp_path.iterdir()) == []


def test_bad_time_and_format_are_named(tmp_path: Path) -> None:
    args = [*NOTICE]
    args[-1] = "2 June"
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "--issued-at" in result.output
    result = runner.invoke(app, [*NOTICE, "--format", "docx"])
    assert result.exit_code == 2 and "--format" in result.output
    result = runner.invoke(app, [*NOTICE, "--format", "pdf"])
    assert result.exit_code == 2 and "--out" in result.output
    result = runner.invoke(app, [*NOTICE, "--out", str(tmp_path / "missing" / "a.html")])
    assert result.exit_code == 2 and "no folder" in result.output


def test_explainer_writes_the_page_for_a_date(tmp_path: Path) -> None:
    out = tmp_path / "explainer.html"
    result = runner.invoke(
        app, ["notice", "explainer", "--on", "2019-06-01", "--lang", "es", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = parse(out.read_bytes())
    assert page.html_lang == "es" and "E-1" in page.rules


def test_explainer_refuses_a_bad_date_or_language() -> None:
    result = runner.invoke(app, ["notice", "explainer", "--on", "2025-13-01"])
    assert result.exit_code == 2 and "--on" in result.output
    result = runner.invoke(app, ["notice", "explainer", "--lang", "xx"])
    assert result.exit_code == 2 and "available" in result.output
