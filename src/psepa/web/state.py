"""What one running app holds: the store, the workflow over it, the accounts and the desk."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from psepa.cases.desk import IntakeDesk
from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.web.accounts import Accounts


@dataclass
class AppState:
    store: Store
    cases: Cases
    accounts: Accounts
    desk: IntakeDesk

    def close(self) -> None:
        self.desk.close()
        self.store.close()


def state_of(request: Request) -> AppState:
    found: AppState = request.app.state.psepa
    return found
