"""`psepa serve`: the whole app (API, staff pages, explainer) on one uvicorn server."""

from __future__ import annotations

import os
import secrets
from typing import Annotated

import typer

from psepa.cases.store import Store, database_url
from psepa.errors import PsepaError


def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL (default: $PSEPA_DATABASE_URL or sqlite:///psepa-data/psepa.db).",
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo", help="Seed the demo accounts, and a day of cases into an empty database."
        ),
    ] = False,
    log_level: Annotated[str, typer.Option(help="uvicorn's log level.")] = "warning",
) -> None:
    """Serve the HTTP API (/v1, documented at /docs), the staff web app and the explainer."""
    import uvicorn

    from psepa.web.accounts import Accounts
    from psepa.web.app import create_app
    from psepa.web.demo import seed_accounts, seed_cases

    # Form tokens are keyed by this secret: set PSEPA_SECRET to keep them valid across restarts.
    secret = os.environ.get("PSEPA_SECRET", "").encode() or secrets.token_bytes(32)
    try:
        store = Store(database_url(db))
        app = create_app(store, secret=secret)
        if demo:
            accounts = seed_accounts(Accounts(store))
            seeded = seed_cases(store)
            typer.echo("Demo accounts (login / password):")
            for login, role, password in accounts:
                typer.echo(f"  {login:<11} {password:<22} ({role})")
            if seeded:
                typer.echo("Seeded today's demo cases.")
    except PsepaError as exc:
        typer.echo(f"psepa: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"psepa serving {store.url} at http://{host}:{port}/  (API docs: /docs)")
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def token(
    name: Annotated[str, typer.Argument(help="Who holds it, e.g. records-system.")],
    role: Annotated[str, typer.Argument(help="clerk, supervisor, auditor or admin.")],
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL (default: $PSEPA_DATABASE_URL or sqlite:///psepa-data/psepa.db).",
        ),
    ] = None,
) -> None:
    """Issue an API token for a system and print it (it is shown once; psepa keeps its hash)."""
    from psepa.web.accounts import Accounts

    try:
        store = Store(database_url(db))
        store.migrate()
        typer.echo(Accounts(store).issue_token(name, role))
    except PsepaError as exc:
        typer.echo(f"psepa: {exc}", err=True)
        raise typer.Exit(2) from None
