"""Who may call each route: every route declares its rule, and the app refuses to start without.

A rule is a `Gate` placed in the route's dependencies. It finds the caller (an API token in
`Authorization: Bearer ...`, else the browser's session cookie), answers 401 to nobody and 403
to a role not listed, and, for a browser, checks the form token on every request that changes
something (a page on another site cannot read the token, so it cannot forge the post).
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute

from psepa.errors import PsepaError
from psepa.web.accounts import Principal, Role

SESSION_COOKIE = "psepa_session"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

STAFF = (Role.CLERK, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN)
CASEWORK = (Role.CLERK, Role.SUPERVISOR)  # change case records
CASE_READERS = (Role.CLERK, Role.SUPERVISOR, Role.AUDITOR)
AUDIT = (Role.SUPERVISOR, Role.AUDITOR)
ADMIN = (Role.ADMIN,)


class NotAuthenticated(PsepaError):
    """No valid session or token came with a request that needs one."""


class Forbidden(PsepaError):
    """The caller's role may not use this route."""


class CsrfRejected(PsepaError):
    """A browser's change came without its page's form token."""


class Gate:
    """The rule of one route: public, or the roles that may call it."""

    def __init__(self, *roles: Role, public: bool = False) -> None:
        if public == bool(roles):
            raise ValueError("a gate is either public or lists roles, not both or neither")
        self.public = public
        self.roles = frozenset(roles)

    def allows(self, role: Role | None) -> bool:
        return self.public or (role is not None and role in self.roles)

    def __repr__(self) -> str:
        return "Gate(public)" if self.public else f"Gate({', '.join(sorted(self.roles))})"

    async def __call__(self, request: Request) -> Principal | None:
        if _bearer(request) is None and not hasattr(request.state, "principal"):
            # A session is looked up in the database: off the event loop. A token's check is
            # remembered (Accounts.token), so it stays on the loop, where it costs least.
            await run_in_threadpool(caller, request)
        who = caller(request)
        request.state.principal = who
        if self.public:
            return who
        if who is None:
            raise NotAuthenticated("log in, or send an API token as 'Authorization: Bearer ...'")
        if who.role not in self.roles:
            raise Forbidden(
                f"the {who.role.value} role may not do this; it needs one of: "
                f"{', '.join(sorted(r.value for r in self.roles))}"
            )
        if who.via == "session" and request.method not in _SAFE:
            await _check_csrf(request, who)
        return who


def caller(request: Request) -> Principal | None:
    """The principal of a request, found once and kept on the request."""
    if hasattr(request.state, "principal"):
        found: Principal | None = request.state.principal
        return found
    accounts = request.app.state.psepa.accounts
    bearer = _bearer(request)
    who: Principal | None
    if bearer is not None:
        who = accounts.token(bearer)
    else:
        who = accounts.session(request.cookies.get(SESSION_COOKIE, ""))
    request.state.principal = who
    return who


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


async def _check_csrf(request: Request, who: Principal) -> None:
    sent = request.headers.get(CSRF_HEADER, "")
    is_form = request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    )
    # The JSON API takes the token only as a header; a page's form carries it as a field. The
    # body is read (and kept) first, so that the route can still read it after the form.
    if not sent and is_form and not request.url.path.startswith("/v1/"):
        await request.body()
        form = await request.form()
        value = form.get(CSRF_FIELD, "")
        sent = value if isinstance(value, str) else ""
    if not sent or not hmac.compare_digest(sent, who.csrf):
        raise CsrfRejected(
            "this form is out of date or came from another site; reload the page and try again"
        )


@dataclass(frozen=True)
class Served:
    """One route as the app serves it: its methods and full path, and the route declared."""

    methods: frozenset[str]
    path: str
    route: object


def served_routes(routes: Iterable[object]) -> Iterator[Served]:
    """Every route of an app, with included routers opened up.

    FastAPI keeps an included router as one entry of `app.routes` and builds the routes it
    serves (prefix applied) on demand; a walk that only looked at `app.routes` would find the
    documentation routes and nothing else, and pass without checking a single rule.
    """
    for route in routes:
        candidates = getattr(route, "effective_candidates", None)
        if callable(candidates):
            yield from served_routes(candidates())
            continue
        original = getattr(route, "original_route", route)
        methods = getattr(route, "methods", None) or {"GET"}
        path = str(getattr(route, "path", ""))
        yield Served(frozenset(methods) - {"HEAD"}, path, original)


def gate_of(route: object) -> Gate | None:
    """The rule a route declared, if any."""
    if not isinstance(route, APIRoute):
        return None
    pending = list(route.dependant.dependencies)
    while pending:
        dependency = pending.pop()
        if isinstance(dependency.call, Gate):
            return dependency.call
        pending.extend(dependency.dependencies)
    return None


def undeclared(routes: Iterable[object]) -> list[str]:
    """API routes without a rule: a programming error the app factory refuses."""
    return [
        f"{sorted(served.methods)} {served.path}"
        for served in served_routes(routes)
        if isinstance(served.route, APIRoute) and gate_of(served.route) is None
    ]
