"""`psepa case import-csv`: load a jail system's CSV export of bookings with ICE requests.

psepa.cli mounts `case_app` under `psepa case` and adds the workflow commands to it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from psepa.cases.importer import FORMATS, import_bookings_csv, shared_data_dir
from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.errors import PsepaError

case_app = typer.Typer(
    help="The jail's case workflow: book, intake, release, notice, advise, import-csv.",
    no_args_is_help=True,
)


@case_app.command("import-csv")
def import_csv(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="The CSV file. Default: the format's data set under $PSEPA_SHARED_DATA "
            "(or ../shared/data beside the repository).",
            show_default=False,
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL (default: $PSEPA_DATABASE_URL or sqlite:///psepa-data/psepa.db).",
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help=f"The file's layout: {', '.join(FORMATS)}.")
    ] = "travis",
    keep_good_rows: Annotated[
        bool,
        typer.Option(
            "--keep-good-rows",
            help="Write the good rows even if some are bad (default: any bad row, nothing "
            "is written).",
        ),
    ] = False,
) -> None:
    """Import bookings with ICE requests from a CSV file; print what was written.

    Exit 2, naming each bad row by its line and column, when rows are bad."""
    mapping = FORMATS.get(fmt)
    if mapping is None:
        typer.echo(f"psepa: unknown --format {fmt!r}; known: {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    if path is None:
        path = mapping.default_path()
        if path is None:
            typer.echo(f"psepa: --format {fmt} has no default file; give PATH", err=True)
            raise typer.Exit(2)
    if not path.is_file():
        hint = (
            f" (shared data folder: {shared_data_dir()}; set PSEPA_SHARED_DATA)"
            if not path.exists()
            else ""
        )
        typer.echo(f"psepa: no file {path}{hint}", err=True)
        raise typer.Exit(2)
    try:
        store = Store(db)
        store.migrate()
        report = import_bookings_csv(Cases(store), path, mapping, all_or_nothing=not keep_good_rows)
    except PsepaError as exc:
        typer.echo(f"psepa: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(report.summary())
    if report.errors:
        for error in report.errors:
            typer.echo(f"psepa: {error}", err=True)
        raise typer.Exit(2)
