"""Accounts, sessions and tokens on both backends (a real SQLite file, a real PostgreSQL), and
the API's intake and release on each, served on loopback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from webserver import TIMEOUT, serving

from psepa.cases.store import Store
from psepa.web import create_app
from psepa.web.accounts import (
    MAX_FAILURES,
    AccountError,
    Accounts,
    BrowserSession,
    Role,
    TooManyAttempts,
)


def test_passwords_sessions_and_logout(store: Store) -> None:
    accounts = Accounts(store, secret=b"s" * 32)
    accounts.create_user("deputy-12", "Dana Deputy", "clerk", "correct horse battery")
    with pytest.raises(AccountError, match="already taken"):
        accounts.create_user("deputy-12", "Other", "clerk", "another long password")
    with pytest.raises(AccountError, match="unknown role 'janitor'"):
        accounts.create_user("x", "X", "janitor", "a long enough password")
    with pytest.raises(AccountError, match="at least 10"):
        accounts.create_user("y", "Y", "clerk", "short")
    assert accounts.log_in("deputy-12", "wrong password!") is None
    assert accounts.log_in("nobody", "correct horse battery") is None
    token = accounts.log_in("deputy-12", "correct horse battery")
    assert token is not None
    who = accounts.session(token)
    assert who is not None and (who.name, who.role, who.via) == ("deputy-12", Role.CLERK, "session")
    assert who.csrf == accounts.csrf_token(token) and who.csrf != token
    assert Accounts(store, secret=b"o" * 32).csrf_token(token) != who.csrf
    with store.transaction() as s:  # a session past its end is no session
        s.execute(
            text("UPDATE browser_sessions SET expires_at = :at"),
            {"at": dt.datetime(2020, 1, 1)},
        )
    assert accounts.session(token) is None
    fresh = accounts.log_in("deputy-12", "correct horse battery")
    assert fresh is not None and accounts.session(fresh) is not None
    accounts.log_out(fresh)
    assert accounts.session(fresh) is None
    with store.reading() as s:
        assert s.query(BrowserSession).count() == 1  # only the expired one is left


def test_tokens_on_each_backend(store: Store) -> None:
    accounts = Accounts(store)
    token = accounts.issue_token("records-system", "clerk")
    who = accounts.token(token)
    assert who is not None and who.role is Role.CLERK and who.via == "token"
    assert accounts.token(token + "x") is None
    assert accounts.revoke_token("records-system") is True
    assert accounts.token(token) is None
    assert accounts.revoke_token("records-system") is False
    again = accounts.issue_token("records-system", "auditor")  # the name is free again
    assert accounts.token(again) is not None


def test_intake_and_release_over_http_on_each_backend(store: Store) -> None:
    app = create_app(store)
    token = Accounts(store).issue_token("clerk-system", "clerk")
    with (
        serving(app) as url,
        httpx.Client(
            timeout=TIMEOUT, base_url=url, headers={"authorization": f"Bearer {token}"}
        ) as clerk,
    ):
        assert (
            clerk.post(
                "/v1/bookings",
                json={
                    "booking_number": "B-PG-1",
                    "name": "Ana Example",
                    "language": "es",
                    "booked_at": "2025-06-02T00:30:00-06:00",
                },
            ).status_code
            == 201
        )
        request = {
            "request_key": "ICE-PG-1",
            "booking_number": "B-PG-1",
            "kind": "detainer",
            "received_at": "2025-06-02T08:00:00-06:00",
            "channel": "fax",
            "in_writing": True,
            "documents": ["i_247a", "i_200"],
        }
        taken = clerk.post("/v1/requests", json=request)
        assert taken.status_code == 200 and taken.json()["verdict"] == "permitted"
        released = clerk.post(
            "/v1/bookings/B-PG-1/release",
            json={"released_at": "2025-06-02T14:00:00-06:00", "basis": "bond_posted"},
        )
        assert released.status_code == 200
        assert released.json()["decisions"] == [["ICE-PG-1", "prohibited"]]
    with store.reading() as s:
        kinds = s.execute(text("SELECT body FROM audit_log ORDER BY seq")).scalars().all()
    assert any('"kind":"released"' in body for body in kinds)


def test_guessing_a_password_is_paused_after_a_few_tries(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'guess.db'}")
    store.migrate()
    accounts = Accounts(store)
    accounts.create_user("deputy-12", "Dana Deputy", "clerk", "correct horse battery")
    accounts.create_user("deputy-13", "Dev Deputy", "clerk", "another horse battery")
    for _ in range(MAX_FAILURES):
        assert accounts.log_in("deputy-12", "a wrong guess") is None
    with pytest.raises(TooManyAttempts, match="try again in 15 minutes"):
        accounts.log_in("deputy-12", "correct horse battery")
    assert accounts.log_in("deputy-13", "another horse battery") is not None  # others unaffected
    store.close()
