"""`psepa guard`: find questions and fields about status where the law forbids them."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from psepa.errors import PsepaError
from psepa.guard.allowlist import AllowList
from psepa.guard.classifier import KINDS
from psepa.guard.detect import detect
from psepa.guard.output import FORMATS
from psepa.guard.rules import Context
from psepa.guard.scan import scan
from psepa.guard.scanners import SCANNERS

guard_app = typer.Typer(
    help="Find immigration-status questions and data where the law forbids them.",
    no_args_is_help=True,
)

ACTORS = (
    "sheriff",
    "police",
    "probation",
    "pretrial_services",
    "community_corrections",
    "county_court",
    "human_services",
    "city_department",
    "state_agency",
)


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"psepa guard: {message}", err=True)
    raise typer.Exit(code)


def _day(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--on {value!r} is not a date; give it as YYYY-MM-DD")


@guard_app.command("scan")
def scan_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders: CSV, TSV, Excel, Parquet, JSON, JSON Schema/OpenAPI (JSON or "
            "YAML), HTML forms, PDF, DOCX, plain-text notes."
        ),
    ] = None,
    db: Annotated[
        list[str] | None,
        typer.Option(
            "--db", help="A database's SQLAlchemy URL; its schema is scanned. Repeatable."
        ),
    ] = None,
    migrate: Annotated[
        bool,
        typer.Option(
            help="First bring each --db up to psepa's own schema (for psepa's self-check)."
        ),
    ] = False,
    on: Annotated[
        str | None,
        typer.Option(help="Judge under the law in force on this day (YYYY-MM-DD); default today."),
    ] = None,
    actor: Annotated[
        str, typer.Option(help=f"Who keeps the records: {', '.join(ACTORS)}.")
    ] = "city_department",
    allow: Annotated[
        Path | None,
        typer.Option(help="Allow-list (YAML/JSON) of fields a law requires, with citations."),
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="table, json or sarif.")] = "table",
    output: Annotated[
        Path | None,
        typer.Option(
            help="Write the report here (written whole, or not at all) instead of stdout."
        ),
    ] = None,
    as_format: Annotated[
        str | None,
        typer.Option(
            "--as", help=f"Read every file as this format: {', '.join(sorted(SCANNERS))}."
        ),
    ] = None,
    context: Annotated[
        str | None,
        typer.Option(
            help="Judge everything as a 'form' (asks) or as 'record' (keeps); default: by "
            "format (forms for HTML, PDF, DOCX, OpenAPI; records for data and notes)."
        ),
    ] = None,
    show_text: Annotated[
        bool,
        typer.Option(help="Show the words of cell values and notes (withheld by default)."),
    ] = False,
    exclude: Annotated[
        list[str] | None,
        typer.Option(help="Skip files whose path or name matches this glob. Repeatable."),
    ] = None,
    lexicon_only: Annotated[
        bool,
        typer.Option(
            help="Report only the lexicon's exact matches, not the classifier's guesses at "
            "wording it does not know (fewer false alarms, more misses; docs/guard.md)."
        ),
    ] = False,
) -> None:
    """Scan forms, exports, schemas and notes; exit 1 if anything unexcused is found."""
    if not paths and not db:
        _fail("give at least one PATH or --db URL to scan")
    if output_format not in FORMATS:
        _fail(f"--format {output_format!r}: choose one of {', '.join(FORMATS)}")
    day = _day(on)
    if context is not None and context not in {c.value for c in Context}:
        _fail(f"--context {context!r}: choose form or record")
    try:
        allow_list = AllowList.load(allow) if allow is not None else None
        if migrate:
            from psepa.cases.store import Store

            for url in db or []:
                store = Store(url)
                store.migrate()
                store.close()
        report = scan(
            paths or [],
            db or [],
            on=day,
            actor=actor,
            allow=allow_list,
            forced_format=as_format,
            exclude=exclude or [],
            show_text=show_text,
            context=Context(context) if context else None,
            classifier=not lexicon_only,
        )
    except PsepaError as exc:
        _fail(str(exc))
    text = FORMATS[output_format](report)
    if output is None:
        typer.echo(text, nl=False)
    else:
        _write_whole(output, text)
        typer.echo(f"{len(report.blocking)} to change; report written to {output}", err=True)
    if report.blocking:
        raise typer.Exit(1)


@guard_app.command("check")
def check_text(
    text: Annotated[str, typer.Argument(help="A question, label, column name or sentence.")],
    kind: Annotated[
        str,
        typer.Option(help="What TEXT is: question, note, column (a field name) or value."),
    ] = "question",
    identifier: Annotated[
        bool, typer.Option("--column", help="Read TEXT as a column or field name.")
    ] = False,
    lexicon_only: Annotated[bool, typer.Option(help="The lexicon's exact matches only.")] = False,
) -> None:
    """Say which categories one piece of text asks about or records, and what found each."""
    if identifier:
        kind = "column"
    if kind not in KINDS:
        _fail(f"--kind {kind!r}: choose one of {', '.join(KINDS)}")
    hits = detect(text, kind, classifier=not lexicon_only)
    if not hits:
        typer.echo("nothing found")
        return
    for hit in hits:
        if hit.confidence is None:
            typer.echo(f"{hit.category.value}: {hit.phrase!r}")
        else:
            typer.echo(f"{hit.category.value}: classifier, {hit.confidence:.0%} likely")


def _write_whole(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename, so no half report is left."""
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        _fail(f"cannot write {path}: {exc.strerror}")
