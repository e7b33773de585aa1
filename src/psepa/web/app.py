"""The app factory: the API under /v1, the staff pages, the explainer, one store.

Every error becomes an answer a person can act on: 422 naming the field, 404 naming what was
not found, 409 saying why the records' state forbids it, 401 and 403 for who may do what. The
JSON API answers in one error shape (`ErrorBody`); pages answer with a page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import psepa
from psepa.cases.desk import IntakeDesk
from psepa.cases.intake import CaseError, NotFound, RequestConflict
from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.errors import InvalidSituation, PsepaError, UnknownVersion
from psepa.reports import NoCaseRecords
from psepa.situation import Situation
from psepa.web import api, pages
from psepa.web.accounts import AccountError, Accounts
from psepa.web.notices_door import NoticesUnavailable, NoWrittenAdvisement
from psepa.web.rules import CsrfRejected, Forbidden, NotAuthenticated, undeclared
from psepa.web.schemas import DecisionOut
from psepa.web.state import AppState

_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
_POLICY = (
    b"content-security-policy",
    b"default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    b"frame-ancestors 'none'",
)
# FastAPI's API browser at /docs loads Swagger UI from its CDN and starts it inline.
_DOCS_POLICY = (
    b"content-security-policy",
    b"default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"img-src 'self' data: https://fastapi.tiangolo.com; frame-ancestors 'none'",
)


class SecurityHeaders:
    """Headers that keep pages from being framed, sniffed or mixed with other sites' scripts
    (plain ASGI, so that it costs the decisions API next to nothing)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        policy = _DOCS_POLICY if scope["path"].startswith("/docs") else _POLICY

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_SECURITY_HEADERS, policy]
            await send(message)

        await self.app(scope, receive, with_headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/v1", "/openapi", "/docs"))


def _errors(items: Sequence[tuple[str, list[str | int], str, str]], status: int) -> JSONResponse:
    return JSONResponse(
        {
            "detail": [
                {"field": field, "loc": loc, "msg": msg, "type": kind}
                for field, loc, msg, kind in items
            ]
        },
        status_code=status,
    )


def _path(loc: Sequence[str | int]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else ("." if path else "") + str(part)
    return path or "body"


def _validation_items(errors: Sequence[Any]) -> list[tuple[str, list[str | int], str, str]]:
    items = []
    for e in errors:
        loc = [p if isinstance(p, int) else str(p) for p in e.get("loc", ())]
        where = loc[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc
        items.append(
            (
                _path(where) or "body",
                loc,
                str(e.get("msg", "")).removeprefix("Value error, "),
                str(e.get("type", "invalid")),
            )
        )
    return items


_STATUS: list[tuple[type[Exception], int, str]] = [
    (NotAuthenticated, 401, "Please log in"),
    (CsrfRejected, 403, "Form out of date"),
    (Forbidden, 403, "Not allowed"),
    (NotFound, 404, "Not found"),
    (NoCaseRecords, 404, "No case records"),
    (NoWrittenAdvisement, 404, "No written advisement"),
    (RequestConflict, 409, "Conflicting request"),
    (CaseError, 409, "Cannot be done"),
    (InvalidSituation, 422, "Invalid input"),
    (UnknownVersion, 422, "Unknown version"),
    (AccountError, 409, "Account not changed"),
    (NoticesUnavailable, 503, "Notices unavailable"),
    (PsepaError, 422, "Cannot be done"),
]


def _status_of(exc: Exception) -> tuple[int, str]:
    for kind, status, heading in _STATUS:
        if isinstance(exc, kind):
            return status, heading
    return 500, "Error"


async def _psepa_error(request: Request, exc: Exception) -> Response:
    status, heading = _status_of(exc)
    if isinstance(exc, NotAuthenticated) and not _is_api(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    if not _is_api(request):
        return pages.error_page(request, status, heading, str(exc))
    if isinstance(exc, InvalidSituation):
        loc: list[str | int] = ["body", *([exc.index] if exc.index is not None else [])]
        field = exc.field if exc.index is None else f"[{exc.index}].{exc.field}"
        return _errors([(field, [*loc, exc.field], exc.message, "invalid_situation")], status)
    kind = type(exc).__name__
    return _errors([("", [], str(exc), kind)], status)


async def _request_invalid(request: Request, exc: Exception) -> Response:
    errors = exc.errors() if isinstance(exc, RequestValidationError | ValidationError) else []
    items = _validation_items(errors)
    if not _is_api(request):
        message = "; ".join(f"{field}: {msg}" for field, _, msg, _ in items)
        return pages.error_page(request, 422, "Invalid input", message)
    return _errors(items, 422)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if not _is_api(request):
        return pages.error_page(request, exc.status_code, "Not here", str(exc.detail))
    if exc.status_code == 400:  # a body that is not JSON at all: name it as the contract does
        return _errors([("body", ["body"], f"cannot be read: {exc.detail}", "body")], 422)
    return _errors([("", [], str(exc.detail), "http")], exc.status_code)


def _openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        # The decisions route reads its body itself (for speed and the contract's own messages),
        # so its models are added here for the document to name them.
        for model, mode in ((Situation, "validation"), (DecisionOut, "serialization")):
            found = model.model_json_schema(
                ref_template="#/components/schemas/{model}",
                mode=mode,  # type: ignore[arg-type]
            )
            components.update(found.pop("$defs", {}))
            components.setdefault(model.__name__, found)
        app.openapi_schema = schema
        return schema

    return build


def create_app(store: Store | str | None = None, *, secret: bytes | None = None) -> FastAPI:
    """The whole app over one store (migrated here). `secret` keys the form tokens; a new one
    each start is fine, since sessions then simply need their pages reloaded."""
    opened = store if isinstance(store, Store) else Store(store)
    opened.migrate()
    cases = Cases(opened)
    state = AppState(opened, cases, Accounts(opened, secret), IntakeDesk(cases))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        psepa.rulebook().warm()
        yield
        state.desk.close()

    app = FastAPI(
        title="psepa",
        version="1",
        description="Denver's Public Safety Enforcement Priorities Act (DRMC ch. 28 art. VIII) "
        "and Executive Order 142 as running software: decisions, the jail's case workflow, "
        "and its audit. See docs/web.md.",
        lifespan=lifespan,
        redoc_url=None,
    )
    app.state.psepa = state
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount(
        "/static",
        StaticFiles(directory=str(resources.files("psepa.web") / "static")),
        name="static",
    )
    for kind in (PsepaError,):
        app.add_exception_handler(kind, _psepa_error)
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(ValidationError, _request_invalid)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_middleware(SecurityHeaders)
    app.openapi = _openapi(app)  # type: ignore[method-assign]
    missing = undeclared(app.routes)
    if missing:
        raise RuntimeError(f"routes without a rule of who may call them: {', '.join(missing)}")
    return app
