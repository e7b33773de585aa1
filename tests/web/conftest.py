from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from webserver import serving

from psepa.cases.store import Store
from psepa.web import create_app
from psepa.web.accounts import Accounts, Role

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
        return httpx.Client(base_url=self.url, headers=headers, follow_redirects=False)

    def browser_login(self, role: Role) -> tuple[httpx.Client, str]:
        """A client logged in through the login form, and its page's form token."""
        client = httpx.Client(base_url=self.url, follow_redirects=False)
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


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("web")) as running:
        yield running
