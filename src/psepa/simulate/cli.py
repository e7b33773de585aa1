"""`psepa simulate ...`: what-if runs over data sets, real-history adapters, the generator and
the Travis County check. A thin door over `psepa.simulate`'s functions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from psepa.errors import PsepaError

simulate_app = typer.Typer(
    help="What-if simulation: apply versions of the law to many cases and see what changes.",
    no_args_is_help=True,
)

LONG_RUN = 1_000_000  # cases from which the generator shows a progress bar
LONG_RUN_BYTES = 20_000_000  # a data file this large gets a progress bar (about 2 M cases)


def _console() -> Console:
    # Piped into a file or another program, keep the table's words whole rather than folding
    # them to 80 columns.
    console = Console()
    return console if console.is_terminal else Console(width=160)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"psepa: {message}", err=True)
    return typer.Exit(2)


@simulate_app.command("run")
def run(
    data: Annotated[Path, typer.Argument(help="Situations as CSV or Parquet (contract fields "
                                         "as columns; see docs/simulate.md), or the name of a "
                                         "real history: travis, travis-2017, pennsylvania.")],
    version: Annotated[list[str], typer.Option(
        "--version", "-v",
        help="A version to apply (give two or more; the first is the baseline): a named "
        "version, law-in-force (each case's own date), law-in-force-YYYY-MM-DD, or a policy "
        "pack's version such as tcso-2017-02-01.")],
    diffs: Annotated[Path | None, typer.Option(
        help="Write every case whose verdict changes, with the deciding rules each side "
        "(.csv or .parquet).")] = None,
    chart: Annotated[Path | None, typer.Option(help="Write a chart (.png or .svg).")] = None,
    counts: Annotated[Path | None, typer.Option(help="Write the counts table as CSV.")] = None,
    backend: Annotated[str, typer.Option(help="duckdb (this machine) or spark.")] = "duckdb",
    spark_master: Annotated[str, typer.Option(
        help="Spark master URL for --backend spark.")] = "local[2]",
) -> None:
    """Apply two or more versions of the law to every case and report what changes."""
    from psepa.simulate.dataset import open_dataset
    from psepa.simulate.report import print_report, write_chart, write_counts
    from psepa.simulate.run import plans_for, simulate, write_differences

    console = _console()
    if len(version) < 2:
        raise _fail("give at least two --version options to compare (the first is the baseline)")
    if len(set(version)) != len(version):
        raise _fail("each --version may be given once")
    for path, kinds in ((diffs, (".csv", ".parquet")), (chart, (".png", ".svg")),
                        (counts, (".csv",))):
        if path is not None and path.suffix.lower() not in kinds:
            raise _fail(f"{path}: expected a file ending in {' or '.join(kinds)}")
    try:
        plans_for(version)  # an unknown version fails before the data are read
        named, data = str(data), _named_history(data)
        if backend == "spark":
            from psepa.simulate.spark import simulate_spark

            sim = simulate_spark(data, version, master=spark_master)
        elif backend == "duckdb":
            if data.is_file() and data.stat().st_size >= LONG_RUN_BYTES and sys.stderr.isatty():
                with _bar(console) as (bar, task):
                    # Reading and grouping the file is the long part; deciding the groups is
                    # quick.
                    dataset = open_dataset(
                        data, progress=lambda p: bar.update(task, completed=0.95 * p))
                    sim = simulate(dataset, version,
                                   progress=lambda p: bar.update(task, completed=95 + p / 20))
            else:
                dataset = open_dataset(data)
                sim = simulate(dataset, version)
        else:
            raise _fail(f"unknown backend {backend!r}; expected duckdb or spark")
    except PsepaError as exc:
        raise _fail(str(exc)) from None
    if str(data) != named:
        sim.source = f"{named} (real history, adapted)"
    print_report(sim, console)
    if diffs is not None:
        if backend != "duckdb":
            raise _fail("--diffs is written by the duckdb backend")
        n = write_differences(sim, dataset, diffs)
        console.print(f"{n:,} changed cases written to {diffs}")
    if chart is not None:
        write_chart(sim, chart)
        console.print(f"chart written to {chart}")
    if counts is not None:
        write_counts(sim, counts)
        console.print(f"counts written to {counts}")


def _named_history(data: Path) -> Path:
    """A real history named instead of a file: adapted now into a temporary Parquet file."""
    from psepa.simulate.adapters import ADAPTERS, write_situations

    make = ADAPTERS.get(str(data))
    if data.exists() or make is None:
        return data
    import atexit
    import tempfile

    folder = tempfile.TemporaryDirectory(prefix="psepa-simulate-")
    atexit.register(folder.cleanup)
    path = Path(folder.name) / f"{data}.parquet"
    write_situations(make(), path)
    return path


class _bar:
    def __init__(self, console: Console) -> None:
        self.progress = Progress(TextColumn("deciding"), BarColumn(), TaskProgressColumn(),
                                 TimeElapsedColumn(), console=Console(stderr=True),
                                 transient=True)

    def __enter__(self) -> tuple[Progress, TaskID]:
        self.progress.__enter__()
        return self.progress, self.progress.add_task("deciding", total=100)

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)


@simulate_app.command("adapt")
def adapt(
    source: Annotated[str, typer.Argument(
        help="travis (bookings 2000-2016), travis-2017 (in custody on 1 Feb 2017) or "
        "pennsylvania (ICE detainers 2007-2015).")],
    out: Annotated[Path, typer.Argument(help="Where to write the situations (.csv/.parquet).")],
) -> None:
    """Turn a real history in the shared data folder into situations (docs/simulate.md)."""
    from psepa.simulate.adapters import ADAPTERS, write_situations

    make = ADAPTERS.get(source)
    if make is None:
        raise _fail(f"unknown source {source!r}; expected one of {', '.join(ADAPTERS)}")
    if out.suffix.lower() not in (".csv", ".parquet"):
        raise _fail(f"{out}: expected a file ending in .csv or .parquet")
    try:
        n = write_situations(make(), out)
    except PsepaError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"{n:,} situations written to {out}")


@simulate_app.command("generate")
def generate_command(
    out: Annotated[Path, typer.Argument(help="The Parquet file to write.")],
    cases: Annotated[int, typer.Option(help="How many cases.")] = 1_000_000,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same file).")] = 2017,
    first_year: Annotated[int, typer.Option(help="Earliest year a case is moved to.")] = 2015,
    last_year: Annotated[int, typer.Option(help="Latest year a case is moved to.")] = 2026,
) -> None:
    """Resample the real histories to any size (DERIVED data; the rule is in generate.py)."""
    from psepa.simulate.generate import generate

    if out.suffix.lower() != ".parquet":
        raise _fail(f"{out}: the generator writes .parquet")
    if cases < 0 or first_year > last_year:
        raise _fail("give --cases >= 0 and --first-year <= --last-year")
    try:
        with Progress(TextColumn("writing"), BarColumn(), TaskProgressColumn(),
                      console=Console(stderr=True), transient=True,
                      disable=cases < LONG_RUN or not sys.stderr.isatty()) as bar:
            task = bar.add_task("writing", total=cases)
            n = generate(out, cases, seed=seed, years=(first_year, last_year),
                         progress=lambda done: bar.update(task, completed=done))
    except PsepaError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"{n:,} resampled cases written to {out}")


@simulate_app.command("travis")
def travis(
    warrants: Annotated[bool, typer.Option(
        help="Also count ICE's later warrants (and the jail's reinstatements).")] = False,
) -> None:
    """Travis County's 1 Feb 2017 policy, as encoded, against the jail's real lists."""
    from psepa.simulate.travis import compare

    try:
        result = compare(warrants=warrants)
    except PsepaError as exc:
        raise _fail(str(exc)) from None
    console = _console()
    matrix = Table(title="Travis County, 1 Feb 2017: the jail's lists against the encoded policy")
    for name in ("the jail's list", "policy: honour", "policy: decline"):
        matrix.add_column(name, justify="left" if name.startswith("the") else "right")
    counted = result.matrix()
    for list_name in sorted({o.booking.list_name for o in result.outcomes}):
        matrix.add_row(list_name, str(counted.get((list_name, "accept"), 0)),
                       str(counted.get((list_name, "decline"), 0)))
    console.print(matrix)
    agree = sum(o.agrees for o in result.outcomes)
    console.print(f"agreement: {agree} of {len(result.outcomes)} bookings "
                  f"({result.agreement:.1%})")
    table = Table(title="Every mismatch, explained from the booking's records")
    for name in ("booking", "list", "policy says", "why"):
        table.add_column(name, overflow="fold")
    for o in result.mismatches():
        table.add_row(o.booking.booking_no, o.booking.list_name, o.verdict.value,
                      o.explanation())
    console.print(table)
