"""Every route of the app, for every role: allowed roles get past the gate, others are refused.

The expected rules are written out here, apart from the code: a route added without a line in
ACCESS fails `test_every_route_has_an_expected_rule`, and a gate that differs from this table
fails the walk.
"""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi.routing import APIRoute
from starlette.routing import Mount, Route
from webserver import Live

from psepa.web.accounts import Role
from psepa.web.rules import gate_of, served_routes, undeclared

C, S, A, D = Role.CLERK, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN
STAFF = {C, S, A, D}
CASEWORK = {C, S}
READERS = {C, S, A}
AUDIT = {S, A}
PUBLIC = "public"

ACCESS: dict[str, object] = {
    # API
    "GET /v1/health": PUBLIC,
    "GET /v1/me": STAFF,
    "POST /v1/decisions": STAFF,
    "GET /v1/versions": STAFF,
    "POST /v1/bookings": CASEWORK,
    "GET /v1/bookings/{booking_number}": READERS,
    "POST /v1/requests": CASEWORK,
    "POST /v1/requests/batch": CASEWORK,
    "POST /v1/requests/preview": CASEWORK,
    "GET /v1/requests/{request_key}": READERS,
    "POST /v1/bookings/{booking_number}/release": CASEWORK,
    "GET /v1/releases": READERS,
    "POST /v1/bookings/{booking_number}/advisements": CASEWORK,
    "POST /v1/requests/{request_key}/notices": CASEWORK,
    "GET /v1/bookings/{booking_number}/notices/{kind}": READERS,
    "GET /v1/obligations": READERS,
    "POST /v1/obligations/{duty_id}/complete": CASEWORK,
    "GET /v1/audit/verify": AUDIT,
    "GET /v1/audit/entries": AUDIT,
    "GET /v1/users": {D},
    "POST /v1/users": {D},
    "POST /v1/tokens": {D},
    "DELETE /v1/tokens/{name}": {D},
    "GET /v1/reports/{period}": PUBLIC,
    # pages
    "GET /": PUBLIC,
    "GET /login": PUBLIC,
    "POST /login": PUBLIC,
    "POST /logout": STAFF,
    "GET /cases": READERS,
    "GET /cases/find": READERS,
    "POST /cases": CASEWORK,
    "GET /cases/{booking_number}": READERS,
    "POST /cases/{booking_number}/release": CASEWORK,
    "POST /cases/{booking_number}/advisements": CASEWORK,
    "POST /requests/{request_key}/notices": CASEWORK,
    "POST /duties/{duty_id}/complete": CASEWORK,
    "GET /cases/{booking_number}/notices/{kind}": READERS,
    "GET /intake": CASEWORK,
    "POST /intake/preview": CASEWORK,
    "POST /intake": CASEWORK,
    "GET /releases": READERS,
    "GET /audit": AUDIT,
    "GET /overdue": READERS,
    "GET /explainer": PUBLIC,
    "GET /reports": PUBLIC,
    "GET /admin": {D},
    "POST /admin/users": {D},
    "POST /admin/tokens": {D},
    "POST /admin/tokens/revoke": {D},
    # documentation and files: public by nature
    "GET /openapi.json": PUBLIC,
    "GET /docs": PUBLIC,
    "GET /docs/oauth2-redirect": PUBLIC,
    "GET /static": PUBLIC,
}
SAMPLE = {
    "booking_number": "B-WALK",
    "request_key": "WALK-1",
    "duty_id": "999999",
    "kind": "interview_advisement",
    "name": "nobody",
    "period": "2025",
}


def _routes(live: Live) -> list[tuple[str, str, object]]:
    found = []
    for served in served_routes(live.app.routes):
        route = served.route
        if isinstance(route, Mount):
            found.append(("GET", served.path, route))
        elif isinstance(route, APIRoute | Route):
            found.extend((method, served.path, route) for method in sorted(served.methods))
        else:
            raise AssertionError(f"a route of an unexpected kind: {route!r}")
    return found


def test_every_route_has_an_expected_rule(live: Live) -> None:
    assert len(_routes(live)) >= 40  # the walk sees the included routers' routes
    missing = [f"{m} {p}" for m, p, _ in _routes(live) if f"{m} {p}" not in ACCESS]
    assert not missing, f"routes without an expected rule in ACCESS: {missing}"


def test_every_expected_rule_has_its_route(live: Live) -> None:
    served = {f"{m} {p}" for m, p, _ in _routes(live)}
    assert not set(ACCESS) - served, f"rules for routes that do not exist: {set(ACCESS) - served}"


def test_every_api_route_declares_the_rule_expected(live: Live) -> None:
    for method, path, route in _routes(live):
        if not isinstance(route, APIRoute):
            continue
        gate = gate_of(route)
        assert gate is not None, f"{method} {path} has no gate"
        expected = ACCESS[f"{method} {path}"]
        if expected == PUBLIC:
            assert gate.public, f"{method} {path} should be public"
        else:
            assert not gate.public and gate.roles == expected, f"{method} {path}: {gate}"


@pytest.mark.parametrize("who", [None, *Role], ids=lambda r: r.value if r else "anonymous")
def test_walk_every_route(live: Live, who: Role | None) -> None:
    with live.client(who) as client:
        for method, path, _route in _routes(live):
            expected = ACCESS[f"{method} {path}"]
            url = re.sub(r"{(\w+)}", lambda m: SAMPLE[m.group(1)], path)
            if path == "/static":
                url = "/static/app.css"
            body = {} if method in ("POST", "DELETE") and path.startswith("/v1") else None
            answer = client.request(method, url, json=body)
            allowed = expected == PUBLIC or (who is not None and who in expected)  # type: ignore[operator]
            where = f"{method} {url} as {who}"
            assert answer.status_code < 500, f"{where}: {answer.status_code} {answer.text[:300]}"
            if allowed:
                assert answer.status_code not in (401, 403), f"{where}: {answer.text[:300]}"
            elif who is None and path.startswith("/v1"):
                assert answer.status_code == 401, where
            elif who is None:
                assert answer.status_code == 303, where
                assert answer.headers["location"].startswith("/login?next="), where
            else:
                assert answer.status_code == 403, f"{where}: {answer.status_code}"


def test_a_route_without_a_rule_is_found() -> None:
    from fastapi import FastAPI
    from fastapi.routing import APIRouter

    router = APIRouter(prefix="/v1")

    @router.get("/forgotten")
    def forgotten() -> dict[str, str]:
        return {}

    app = FastAPI()
    app.include_router(router)
    assert undeclared(app.routes) == ["['GET'] /v1/forgotten"]


def test_every_browser_post_needs_its_form_token(live: Live) -> None:
    client, csrf = live.browser_login(Role.CLERK)
    try:
        for method, path, _route in _routes(live):
            if method == "GET" or path == "/login":
                continue
            url = re.sub(r"{(\w+)}", lambda m: SAMPLE[m.group(1)], path)
            api = path.startswith("/v1")

            def send(
                token: str, method: str = method, url: str = url, api: bool = api
            ) -> httpx.Response:
                if api:  # the JSON API takes the form token as a header only
                    return client.request(method, url, json={}, headers={"x-csrf-token": token})
                return client.request(method, url, data={"csrf": token})

            forged = send("not-the-token")
            assert forged.status_code == 403, f"{method} {url}: {forged.status_code}"
            if api:
                in_form = client.request(method, url, data={"csrf": csrf})
                assert in_form.status_code == 403, f"{method} {url}: form token in a form"
            if ACCESS[f"{method} {path}"] in (CASEWORK, STAFF) and path != "/logout":
                sent = send(csrf)
                assert sent.status_code not in (403, 500), f"{method} {url}: {sent.text[:300]}"
    finally:
        client.close()
