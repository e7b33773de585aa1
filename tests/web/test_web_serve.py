"""The main job as a user runs it: `psepa serve --demo` in its own process, then a clerk's login
with the documented demo account, today's release desk, and `psepa token` for a system."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import text
from webserver import TIMEOUT, free_port

from psepa.cases.intake import DENVER
from psepa.cases.store import Store
from psepa.web.accounts import Accounts
from psepa.web.demo import DEMO_ACCOUNTS, seed_accounts, seed_cases
from psepa.web.queries import overdue, releases

PSEPA = [sys.executable, "-m", "psepa"]


def test_serve_demo_is_a_clerks_day_ready_to_use(tmp_path: Path) -> None:
    db, port = f"sqlite:///{tmp_path / 'serve.db'}", free_port()
    server = subprocess.Popen(
        [*PSEPA, "serve", "--db", db, "--port", str(port), "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(timeout=TIMEOUT, url=f"{base}/v1/health").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
            assert time.monotonic() < deadline and server.poll() is None, "serve did not start"
        login, _name, _role, password = DEMO_ACCOUNTS[0]
        with httpx.Client(timeout=TIMEOUT, base_url=base, follow_redirects=True) as clerk:
            answer = clerk.post("/login", data={"login": login, "password": password})
            assert answer.status_code == 200 and "Good day" in answer.text
            desk = clerk.get("/releases")
            assert desk.status_code == 200
            assert "B-24004" in desk.text and "ICE-9004" in desk.text  # still owed today
            assert clerk.get("/cases/B-24001").status_code == 200
            overdue = clerk.get("/overdue")  # B-24004 left an hour ago, not yet advised
            assert overdue.status_code == 200 and "B-24004" in overdue.text
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in out
    assert f"{login}" in out and password in out


def test_demo_seeding_is_idempotent(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'seed.db'}")
    store.migrate()
    accounts = Accounts(store)
    at = dt.datetime(2025, 6, 2, 14, 0, tzinfo=DENVER)
    assert seed_cases(store, at) is True
    missed = [(n, d.kind) for n, d in overdue(store, at)]
    assert ("B-24004", "advise_notified_person") in missed
    assert not [n for n, _ in missed if n == "B-24001"]  # everything done for this one
    desk = {c.booking_number: c for c in releases(store, at.date())}
    assert desk["B-24004"].pending_notices == ["ICE-9004"]
    assert desk["B-24001"].released_at == at - dt.timedelta(minutes=20)
    assert not desk["B-24001"].pending_notices and not desk["B-24001"].pending_advisements
    seed_accounts(accounts)
    assert seed_cases(store) is False
    seed_accounts(accounts)
    with store.reading() as s:
        assert s.execute(text("SELECT count(*) FROM users")).scalar() == len(DEMO_ACCOUNTS)
        assert s.execute(text("SELECT count(*) FROM bookings")).scalar() == 8
    assert accounts.log_in("clerk", "wrong-password") is None
    assert accounts.log_in("clerk", DEMO_ACCOUNTS[0][3]) is not None
    store.close()


def test_token_command_prints_a_working_token_once(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'token.db'}"
    made = subprocess.run(
        [*PSEPA, "token", "records-system", "clerk", "--db", db], capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    store = Store(db)
    who = Accounts(store).token(token)
    assert who is not None and who.role.value == "clerk" and who.name == "records-system"
    again = subprocess.run(
        [*PSEPA, "token", "records-system", "clerk", "--db", db], capture_output=True, text=True
    )
    assert again.returncode == 2 and "exists already" in again.stderr and not again.stdout
    bad_role = subprocess.run(
        [*PSEPA, "token", "x", "janitor", "--db", db], capture_output=True, text=True
    )
    assert bad_role.returncode == 2 and "unknown role 'janitor'" in bad_role.stderr
    store.close()
