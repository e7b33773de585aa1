"""The `psepa` command: a thin door over the same functions the API and web app call."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import orjson
import typer

from psepa.engine.api import rulebook, versions
from psepa.engine.decision import Decision
from psepa.engine.explain import explain as explain_text
from psepa.errors import PsepaError
from psepa.situation import validate

app = typer.Typer(
    help="Denver's Public Safety Enforcement Priorities Act as running software.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"psepa: {message}", err=True)
    raise typer.Exit(code)


def _read_json(file: str) -> Any:
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot read {file}: {exc.strerror}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        _fail(f"{file} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")


def _decide_all(data: Any, version: str | None) -> list[Decision] | Decision:
    book = rulebook()
    try:
        if version is not None:
            book.check_version(version)
        if isinstance(data, list):
            # Validate everything first: a bad item fails the whole call with nothing printed.
            facts = [validate(item, index=i) for i, item in enumerate(data)]
            return [book.decide(f, version) for f in facts]
        return book.decide(validate(data), version)
    except PsepaError as exc:
        _fail(str(exc))


VersionOption = Annotated[
    str | None,
    typer.Option("--version", "-v", help="A named policy version, or law-in-force-YYYY-MM-DD."),
]
FileArgument = Annotated[str, typer.Argument(help="A JSON situation, or a list; - for stdin.")]


@app.command()
def decide(file: FileArgument, version: VersionOption = None) -> None:
    """Decide a situation (or a list of them) and print the decision as JSON."""
    result = _decide_all(_read_json(file), version)
    payload = [d.to_dict() for d in result] if isinstance(result, list) else result.to_dict()
    sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")


@app.command()
def explain(file: FileArgument, version: VersionOption = None) -> None:
    """Explain a decision in plain English: the verdict, why, what follows, the sources."""
    result = _decide_all(_read_json(file), version)
    decisions = result if isinstance(result, list) else [result]
    typer.echo("\n\n".join(explain_text(d) for d in decisions))


@app.command("versions")
def list_versions(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the versions of the law psepa can answer under."""
    found = versions()
    if as_json:
        typer.echo(json.dumps([v.to_dict() for v in found], indent=2))
        return
    for v in found:
        typer.echo(f"{v.id}  ({v.kind}; law: {v.was_law})\n  {v.title}")
        if v.note:
            typer.echo(f"  Note: {v.note}")
        if v.kind == "by date":
            for p in v.periods:
                sources = ", ".join(p["sources"]) if p["sources"] else "none"
                typer.echo(f"    {p['from'] or 'before'} to {p['to'] or 'today'}: {sources}")
        typer.echo("")


@app.command()
def check() -> None:
    """Enumerate every combination of facts for every action and version; fail on a conflict
    between rules without declared precedence, or on a combination with no answer."""
    from psepa.engine.check import check_rulebook

    report = check_rulebook(rulebook())
    typer.echo(report.summary())
    if not report.ok:
        raise typer.Exit(1)


audit_app = typer.Typer(help="The hash-chained audit log of decisions.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


def _case_app() -> typer.Typer:
    from psepa.cases import commands

    try:
        case_app: typer.Typer = importlib.import_module("psepa.cases.cli").case_app
    except ImportError:  # the importer's commands are optional
        case_app = typer.Typer()
    case_app.info.help = "The jail's case workflow: book, intake, release, notice, advise."
    case_app.info.no_args_is_help = True
    commands.register(case_app)
    return case_app


app.add_typer(_case_app(), name="case")

from psepa.simulate.cli import simulate_app  # noqa: E402  (issue 7: what-if simulation)

app.add_typer(simulate_app, name="simulate")
from psepa.guard.cli import guard_app  # noqa: E402  (issue 6: the records guard)

app.add_typer(guard_app, name="guard")

from psepa.web.cli import serve, token  # noqa: E402  (issue 4: the HTTP API and web app)

app.command()(serve)
app.command()(token)

from psepa.notices.cli import notice_app  # noqa: E402  (issue 4: notices and the explainer)

app.add_typer(notice_app, name="notice")

from psepa.reports.cli import report_command  # noqa: E402  (issue 5: transparency reports)

app.command("report")(report_command)


@audit_app.command("verify")
def audit_verify(
    file: Annotated[Path | None, typer.Argument(help="An audit log file.")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Verify a case database's chain.")] = None,
    replay: Annotated[bool, typer.Option(help="Also re-decide every logged decision.")] = False,
) -> None:
    """Check every entry of an audit log; name the first edited, deleted, inserted or moved one."""
    from psepa.audit.log import verify

    if file is None:
        _verify_db(db, replay)
        return
    if not file.exists():
        _fail(f"no audit log at {file}")
    try:
        count = verify(file)
    except PsepaError as exc:
        _fail(str(exc), code=1)
    typer.echo(f"{file}: {count} entries, chain intact.")


def _verify_db(db: str | None, replay: bool) -> None:
    from psepa.cases import audit
    from psepa.cases.store import Store

    store = Store(db)
    try:
        with store.reading() as session:
            count = audit.verify(session)
            typer.echo(f"{store.url}: {count} entries, chain intact.")
            if replay:
                result = audit.replay(session)
                for line in result.differences:
                    typer.echo(f"DIFFERS: {line}")
                typer.echo(
                    f"replayed {result.checked} decisions, {len(result.differences)} differ."
                )
                if result.differences:
                    raise typer.Exit(1)
    except PsepaError as exc:
        _fail(str(exc), code=1)


@app.command()
def demo(
    data: Annotated[Path, typer.Option(help="Where to keep the demo's files.")] = Path(
        "psepa-data"
    ),
) -> None:
    """A day at the jail: questions to the engine, then a day of cases on SQLite, audited."""
    from psepa.demo import run_day

    run_day(data)


def main() -> None:
    app()
