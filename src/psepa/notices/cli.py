"""`psepa notice ...`: print a person's advisement, list the languages, write the explainer.

A thin door over `psepa.notices`; errors are one line on stderr with exit 2, and no file is
written unless the whole page rendered.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from psepa.errors import PsepaError
from psepa.notices import (
    Format,
    NoticeKind,
    language_name,
    languages,
    render_explainer,
    render_notice,
)

notice_app = typer.Typer(
    help="Written advisements for a person in the jail, and the public explainer.",
    no_args_is_help=True,
)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"psepa: {message}", err=True)
    return typer.Exit(2)


def _write(data: bytes, out: Path | None) -> None:
    """Write all of `data` or nothing: a half-written notice must never be printed."""
    if out is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    directory = out.parent if str(out.parent) else Path(".")
    if not directory.is_dir():
        raise _fail(f"--out: no folder {directory}")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    typer.echo(f"wrote {out} ({len(data):,} bytes)")


def _format(fmt: str, out: Path | None) -> Format:
    if fmt == "html":
        return "html"
    if fmt == "pdf":
        if out is None:
            raise _fail("--format pdf needs --out FILE (a PDF is not printed to the terminal)")
        return "pdf"
    raise _fail(f"--format: {fmt!r} is not a format; use html or pdf")


@notice_app.command("render")
def render(
    kind: Annotated[
        NoticeKind, typer.Argument(help="interview_advisement or notified_person_advisement.")
    ],
    lang: Annotated[str, typer.Option("--lang", help="The person's language of choice.")],
    name: Annotated[str, typer.Option("--name", help="The person's name as booked.")],
    booking: Annotated[str, typer.Option("--booking", help="The booking number.")],
    issued_at: Annotated[
        str,
        typer.Option("--issued-at", help="When it is given, with offset: 2025-06-02T13:20-06:00."),
    ],
    fmt: Annotated[str, typer.Option("--format", help="html or pdf.")] = "html",
    out: Annotated[Path | None, typer.Option("--out", help="File to write (else stdout).")] = None,
) -> None:
    """Print a written advisement in the person's language, or say there is none."""
    chosen = _format(fmt, out)
    try:
        moment = dt.datetime.fromisoformat(issued_at)
    except ValueError:
        raise _fail(
            f"--issued-at: {issued_at!r} is not a date and time (e.g. 2025-06-02T13:20-06:00)"
        ) from None
    try:
        data = render_notice(
            kind, lang, name=name, booking_number=booking, issued_at=moment, fmt=chosen
        )
    except PsepaError as exc:
        raise _fail(str(exc)) from None
    _write(data, out)


@notice_app.command("languages")
def list_languages() -> None:
    """The languages with a catalogue: a notice or explainer can be printed in each."""
    for code in languages():
        typer.echo(f"{code}\t{language_name(code, code)}\t{language_name(code)}")


@notice_app.command("explainer")
def explainer(
    on: Annotated[str, typer.Option("--on", help="The date of the law, YYYY-MM-DD.")] = "",
    lang: Annotated[str, typer.Option("--lang", help="The page's language.")] = "en",
    fmt: Annotated[str, typer.Option("--format", help="html or pdf.")] = "html",
    out: Annotated[Path | None, typer.Option("--out", help="File to write (else stdout).")] = None,
) -> None:
    """Write the public explainer for the law in force on a date (default today)."""
    chosen = _format(fmt, out)
    try:
        day = dt.date.fromisoformat(on) if on else dt.date.today()
    except ValueError:
        raise _fail(f"--on: {on!r} is not a date (YYYY-MM-DD)") from None
    try:
        data = render_explainer(day, lang, chosen)
    except PsepaError as exc:
        raise _fail(str(exc)) from None
    _write(data, out)
