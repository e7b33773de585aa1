"""`psepa report`: the command a council staffer runs; a thin door over `build_report`."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, cast

import typer

from psepa.cases.store import Store
from psepa.errors import PsepaError
from psepa.reports.build import build_report
from psepa.reports.period import parse_period
from psepa.reports.privacy import DEFAULT_THRESHOLD
from psepa.reports.render import FORMATS, Format, UnknownFormat, render

SUFFIXES = {".json": "json", ".zip": "csv", ".csv": "csv", ".html": "html", ".pdf": "pdf"}


def _fail(message: str) -> typer.Exit:
    typer.echo(f"psepa: {message}", err=True)
    return typer.Exit(2)


def choose_format(fmt: str | None, out: Path | None) -> Format:
    if fmt is None:
        if out is not None and out.suffix.lower() in SUFFIXES:
            return cast(Format, SUFFIXES[out.suffix.lower()])
        return "pdf"
    if fmt not in FORMATS:
        raise UnknownFormat(f"no report format {fmt!r}; use one of {', '.join(FORMATS)}")
    return cast(Format, fmt)


def write_atomically(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def report_command(
    period: Annotated[
        str,
        typer.Option(
            "--period", "-p", help="2018Q2, 2018, 2018-03, or 2018-01-01..2018-03-31 (Denver days)"
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="pdf, html, json or csv (a zip); default: from --out, else pdf"
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="database URL (default $PSEPA_DATABASE_URL or psepa-data/psepa.db)"
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="file to write (default report-<period>.<format>)"),
    ] = None,
    public: Annotated[
        bool,
        typer.Option(
            "--public/--internal",
            help="public (default): small counts hidden, no names or booking numbers; "
            "internal: every count, and the bookings behind any hold beyond release",
        ),
    ] = True,
    threshold: Annotated[
        int,
        typer.Option(help="public reports hide counts from 1 to this minus one"),
    ] = DEFAULT_THRESHOLD,
) -> None:
    """Write the transparency report for a period, from the case records."""
    try:
        chosen = choose_format(fmt, out)
        p = parse_period(period)
        store = Store(db)
        try:
            report = build_report(store, p, public=public, threshold=threshold)
        finally:
            store.close()
        data = render(report, chosen)
    except PsepaError as exc:
        raise _fail(str(exc)) from None
    suffix = ".zip" if chosen == "csv" else f".{chosen}"
    target = out or Path(f"report-{p.label}{'' if public else '-internal'}{suffix}")
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise _fail(f"cannot write {target}: {exc.strerror}") from None
    flagged = [f.text for f in report.findings if not f.ok]
    typer.echo(f"{report.title}: {target} ({len(data):,} bytes)")
    for text in flagged:
        typer.echo(f"  ! {text}")
