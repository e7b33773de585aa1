"""A real uvicorn server on a free loopback port, in a thread, and a running app with an
account and an API token for every role: what the web tests share."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

from psepa.cases.store import Store
from psepa.web import create_app
from psepa.web.accounts import Accounts, Role

TIMEOUT = 60.0  # seconds: a shared 2-core machine under load can be slow, never this slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve `app` until the block ends; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, name="psepa-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


PASSWORDS = {role: f"{role.value}-test-password" for role in Role}


@dataclass
class Live:
    """One running app on loopback, with an account and an API token for every role."""

    url: str
    app: FastAPI
    store: Store
    tokens: dict[Role, str]

    def client(self, role: Role | None = None) -> httpx.Client:
        headers = {} if role is None else {"authorization": f"Bearer {self.tokens[role]}"}
        return httpx.Client(
            timeout=TIMEOUT, base_url=self.url, headers=headers, follow_redirects=False
        )

    def browser_login(self, role: Role) -> tuple[httpx.Client, str]:
        """A client logged in through the login form, and its page's form token."""
        client = httpx.Client(timeout=TIMEOUT, base_url=self.url, follow_redirects=False)
        answer = client.post("/login", data={"login": role.value, "password": PASSWORDS[role]})
        assert answer.status_code == 303, answer.text
        page = client.get("/cases" if role is not Role.ADMIN else "/")
        marker = 'name="csrf" value="'
        start = page.text.index(marker) + len(marker)
        return client, page.text[start : page.text.index('"', start)]


@contextmanager
def start_live(folder: Path) -> Iterator[Live]:
    """A migrated SQLite store in `folder`, an account and a token per role, served."""
    db = folder / "web.db"
    store = Store(f"sqlite:///{db}")
    app = create_app(store, secret=b"t" * 32)
    accounts = Accounts(store)
    tokens = {}
    for role in Role:
        accounts.create_user(role.value, f"Test {role.value}", role.value, PASSWORDS[role])
        tokens[role] = accounts.issue_token(f"test-{role.value}", role.value)
    with serving(app) as url:
        yield Live(url, app, store, tokens)
    store.close()
