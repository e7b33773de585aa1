"""`psepa case ...`: the jail's workflow from the command line, one command per step."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, NoReturn

import typer

from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.errors import PsepaError

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (default: $PSEPA_DATABASE_URL or sqlite:///psepa-data/psepa.db)."
    ),
]
By = Annotated[str, typer.Option("--by", help="Who did it (staff id).")]


def _fail(message: str) -> NoReturn:
    typer.echo(f"psepa: {message}", err=True)
    raise typer.Exit(2)


def _time(value: str, name: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        _fail(f"{name}: expected a date and time such as 2025-06-02T14:05-06:00, got {value!r}")
    if moment.tzinfo is None:
        _fail(f"{name}: give a time zone offset, e.g. {value}-06:00")
    return moment


def _cases(db: str | None) -> Cases:
    store = Store(db)
    store.migrate()
    return Cases(store)


def register(app: typer.Typer) -> None:
    """Add the workflow commands to `psepa case`."""

    @app.command()
    def book(number: str, name: str, language: str, booked_at: str, db: DbOption = None) -> None:
        """Record a booking: number, name, language of choice (e.g. es), time booked."""
        try:
            _cases(db).book(number, name, language, _time(booked_at, "booked_at"))
        except PsepaError as exc:
            _fail(str(exc))
        typer.echo(f"booked {number}")

    @app.command()
    def intake(
        request_id: str,
        booking: str,
        kind: Annotated[
            str,
            typer.Argument(
                help="detainer, notification, interview, access, subpoena or information"
            ),
        ],
        received_at: str,
        channel: Annotated[
            str, typer.Option(help="fax, email, phone, in_person, mail, electronic")
        ] = "fax",
        written: Annotated[bool, typer.Option("--written/--oral")] = True,
        document: Annotated[list[str] | None, typer.Option(help="i_247a, i_200, ...")] = None,
        db: DbOption = None,
    ) -> None:
        """Take in a request against a booking; print the decision and the duties."""
        try:
            result = _cases(db).intake(
                request_id,
                booking,
                kind,
                _time(received_at, "received_at"),
                channel,
                written,
                list(document or []),
            )
        except PsepaError as exc:
            _fail(str(exc))
        typer.echo(
            f"{request_id}: {result.verdict.upper()} ({', '.join(result.rules)})"
            + (" [already taken in]" if result.duplicate else "")
        )
        for reason in result.reasons:
            typer.echo(f"  - {reason}")
        for duty in result.duties:
            state = f"done {duty.done_at.isoformat()}" if duty.done_at else f"due {duty.due}"
            typer.echo(f"  duty {duty.id} {duty.kind}: {state}")

    @app.command()
    def release(
        booking: str,
        released_at: str,
        basis: Annotated[str, typer.Option(help="bond_posted, sentence_served, ...")],
        by: By,
        db: DbOption = None,
    ) -> None:
        """Release a person: print what must happen now."""
        try:
            result = _cases(db).release(booking, _time(released_at, "released_at"), basis, by)
        except PsepaError as exc:
            _fail(str(exc))
        typer.echo(f"{booking} released at {result.released_at.isoformat()}. Now:")
        for item in result.must:
            typer.echo(f"  - {item}")

    @app.command()
    def notice(
        request_id: str,
        sent_at: str,
        by: By,
        channel: Annotated[str, typer.Option()] = "fax",
        db: DbOption = None,
    ) -> None:
        """Log a notice of release sent to ICE; print its lead time."""
        try:
            lead = _cases(db).record_notice(request_id, _time(sent_at, "sent_at"), channel, by)
        except PsepaError as exc:
            _fail(str(exc))
        typer.echo(
            f"notice logged; lead time {lead} minutes before release"
            if lead is not None
            else "notice logged; release not yet recorded"
        )

    @app.command()
    def advise(
        booking: str,
        language: str,
        given_at: str,
        by: By,
        kind: Annotated[str, typer.Option()] = "advise_notified_person",
        db: DbOption = None,
    ) -> None:
        """Log a written advisement given to a person in a language."""
        try:
            done = _cases(db).record_advisement(
                booking, kind, language, _time(given_at, "given_at"), by
            )
        except PsepaError as exc:
            _fail(str(exc))
        typer.echo(f"advisement logged; duties discharged: {done or 'none (not their language?)'}")

    @app.command()
    def overdue(now: Annotated[str | None, typer.Option()] = None, db: DbOption = None) -> None:
        """List duties past their time and not done."""
        moment = _time(now, "now") if now else dt.datetime.now(dt.UTC)
        rows = _cases(db).overdue(moment)
        typer.echo(
            json.dumps(
                [
                    {
                        "id": d.id,
                        "kind": d.kind,
                        "due_at": d.due_at.isoformat() if d.due_at else None,
                    }
                    for d in rows
                ],
                indent=2,
            )
        )

    @app.command("lead-times")
    def lead_times(db: DbOption = None) -> None:
        """Minutes between each notice to ICE and the release it announced."""
        for key, minutes in _cases(db).lead_times():
            typer.echo(f"{key}: {minutes if minutes is not None else 'not yet released'}")
