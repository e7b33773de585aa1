"""The HTTP API under /v1: each route is one call of the engine, the workflow or a query.

Routes only translate: JSON in, a service call, JSON out. The rule of each route (who may call
it) is its `Gate`; `psepa.web.rules` explains them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request, Response

import psepa
from psepa.cases.intake import Duty, IntakeResult, NotFound
from psepa.web import notices_door, queries, reports_door, services
from psepa.web.accounts import Principal
from psepa.web.rules import ADMIN, AUDIT, CASE_READERS, CASEWORK, STAFF, Gate
from psepa.web.schemas import (
    AdvisementIn,
    AdvisementOut,
    AuditEntryOut,
    AuditOut,
    BookingIn,
    CaseOut,
    CompleteIn,
    Day,
    DutyOut,
    ErrorBody,
    HealthOut,
    IntakeIn,
    IntakeOut,
    MeOut,
    Moment,
    NoticeIn,
    NoticeOut,
    PreviewOut,
    ReleaseIn,
    ReleaseOut,
    ReleaseRowOut,
    RequestOut,
    TokenIn,
    TokenOut,
    UserIn,
    UserOut,
    VersionOut,
)
from psepa.web.state import state_of

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No valid session or API token."},
    403: {"model": ErrorBody, "description": "The caller's role may not do this."},
    422: {"model": ErrorBody, "description": "A field is wrong; `field` names it."},
}
_CASE_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    404: {"model": ErrorBody, "description": "No such booking, request or duty."},
    409: {"model": ErrorBody, "description": "The records' state does not allow it (says why)."},
}

router = APIRouter(prefix="/v1")

BookingNumber = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")]
RequestKey = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$")]
MAX_INTAKE_BATCH = 5000

Staff = Annotated[Principal, Depends(Gate(*STAFF))]
Casework = Annotated[Principal, Depends(Gate(*CASEWORK))]
CaseReader = Annotated[Principal, Depends(Gate(*CASE_READERS))]
Auditor = Annotated[Principal, Depends(Gate(*AUDIT))]
Admin = Annotated[Principal, Depends(Gate(*ADMIN))]
Public = Annotated[Principal | None, Depends(Gate(public=True))]


def _json(payload: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(payload), status_code=status, media_type="application/json")


def _duty(d: Duty) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kind,
        "text": d.text,
        "due": d.due,
        "due_at": d.due_at,
        "done_at": d.done_at,
    }


def _intake(r: IntakeResult) -> dict[str, Any]:
    return {
        "request_key": r.request_key,
        "verdict": r.verdict,
        "rules": list(r.rules),
        "reasons": list(r.reasons),
        "duties": [_duty(d) for d in r.duties],
        "duplicate": r.duplicate,
    }


def _situation_schema() -> dict[str, Any]:
    one = {"$ref": "#/components/schemas/Situation"}
    return {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"anyOf": [one, {"type": "array", "items": one, "maxItems": 10_000}]}
            }
        },
    }


def _decision_schema() -> dict[str, Any]:
    one = {"$ref": "#/components/schemas/DecisionOut"}
    return {
        "description": "The decision, or a list of decisions for a list of situations.",
        "content": {
            "application/json": {"schema": {"anyOf": [one, {"type": "array", "items": one}]}}
        },
    }


# --- health and identity ------------------------------------------------------------------------
@router.get("/health", response_model=HealthOut, tags=["meta"])
async def health(_: Public) -> dict[str, str]:
    """Up, and with which encoded law (the rulebook revision)."""
    return {"status": "ok", "rulebook": psepa.rulebook().revision}


@router.get("/me", response_model=MeOut, responses=_ERRORS, tags=["meta"])
async def me(who: Staff) -> dict[str, str]:
    """Who the server takes the caller to be, and in which role."""
    return {"name": who.name, "role": who.role.value, "via": who.via}


# --- decisions ----------------------------------------------------------------------------------
@router.post(
    "/decisions",
    tags=["decisions"],
    response_model=None,
    responses={**_ERRORS, 200: _decision_schema()},
    openapi_extra={"requestBody": _situation_schema()},
)
async def decisions(request: Request, _: Staff) -> Response:
    """Decide one situation, or a list of them (the decision contract).

    A list is validated as a whole first: one bad situation answers 422 naming its index and
    field, and nothing is decided.
    """
    result = services.decide_body(services.decode_json(await request.body()))
    if isinstance(result, list):
        return _json([d.to_dict() for d in result])
    return _json(result.to_dict())


@router.get("/versions", response_model=list[VersionOut], responses=_ERRORS, tags=["decisions"])
async def versions(_: Staff) -> list[dict[str, Any]]:
    """Every version of the law psepa answers under."""
    return [v.to_dict() for v in psepa.versions()]


# --- cases --------------------------------------------------------------------------------------
@router.post(
    "/bookings", status_code=201, response_model=CaseOut, responses=_CASE_ERRORS, tags=["cases"]
)
def book(body: BookingIn, request: Request, _: Casework) -> queries.CaseView:
    """Record a booking (the same booking number twice is one booking)."""
    state = state_of(request)
    state.cases.book(body.booking_number, body.name, body.language, body.booked_at)
    return queries.case(state.store, body.booking_number)


@router.get(
    "/bookings/{booking_number}", response_model=CaseOut, responses=_CASE_ERRORS, tags=["cases"]
)
def case(booking_number: BookingNumber, request: Request, _: CaseReader) -> queries.CaseView:
    """A case: the booking, its requests with their decisions and notices, its duties."""
    return queries.case(state_of(request).store, booking_number)


@router.post("/requests", response_model=IntakeOut, responses=_CASE_ERRORS, tags=["cases"])
def intake(body: IntakeIn, request: Request, _: Casework) -> Response:
    """Take in a request from ICE (or another agency): decide it and open its duties.

    Idempotent on `request_key`: the same request again gets the stored answer with
    `duplicate: true`; the same key with other contents is refused (409) naming what changed.
    Concurrent requests are committed together (the intake desk's group commit).
    """
    result = state_of(request).desk.submit(services.intake_item(body))
    return _json(_intake(result))


@router.post(
    "/requests/batch",
    response_model=list[IntakeOut],
    responses=_CASE_ERRORS,
    tags=["cases"],
)
def intake_batch(body: list[IntakeIn], request: Request, _: Casework) -> Response:
    """Take in several requests in one transaction: all are written, or none (the error names
    the request)."""
    services.check_batch_size(len(body), MAX_INTAKE_BATCH)
    items = [services.intake_item(b) for b in body]
    return _json([_intake(r) for r in state_of(request).cases.intake_many(items)])


@router.post("/requests/preview", response_model=PreviewOut, responses=_ERRORS, tags=["cases"])
async def preview(body: IntakeIn, _: Casework) -> Response:
    """What intake would decide for this request, without writing anything (the live verdict
    the intake form shows as it is filled)."""
    decision, situation = services.preview(body)
    return _json({"decision": decision.to_dict(), "situation": situation})


@router.get(
    "/requests/{request_key}", response_model=RequestOut, responses=_CASE_ERRORS, tags=["cases"]
)
def request_view(request_key: RequestKey, request: Request, _: CaseReader) -> queries.RequestView:
    """A request with its decisions (intake and release) and the notices sent on it."""
    return queries.request(state_of(request).store, request_key)


@router.post(
    "/bookings/{booking_number}/release",
    response_model=ReleaseOut,
    responses=_CASE_ERRORS,
    tags=["releases"],
)
def release(
    booking_number: BookingNumber, body: ReleaseIn, request: Request, who: Casework
) -> Response:
    """The person is eligible for release: what must happen now, and the duties, dated."""
    result = state_of(request).cases.release(booking_number, body.released_at, body.basis, who.name)
    return _json(
        {
            "booking_number": result.booking_number,
            "released_at": result.released_at,
            "must": list(result.must),
            "duties": [_duty(d) for d in result.duties],
            "decisions": [list(d) for d in result.decisions],
        }
    )


@router.get("/releases", response_model=list[ReleaseRowOut], responses=_ERRORS, tags=["releases"])
def releases(
    request: Request,
    _: CaseReader,
    day: Annotated[Day | None, Query(description="A day in Denver; default today.")] = None,
) -> list[dict[str, Any]]:
    """The release desk: the day's releases, and people in custody with ICE requests, with the
    advisements and notices still owed."""
    rows = queries.releases(state_of(request).store, day or services.denver_now().date())
    return [
        {
            "booking_number": c.booking_number,
            "name": c.name,
            "language": c.language,
            "released_at": c.released_at,
            "pending_advisements": [_duty(d) for d in c.pending_advisements],
            "pending_notices": c.pending_notices,
        }
        for c in rows
    ]


@router.post(
    "/bookings/{booking_number}/advisements",
    response_model=AdvisementOut,
    responses=_CASE_ERRORS,
    tags=["releases"],
)
def advise(
    booking_number: BookingNumber, body: AdvisementIn, request: Request, who: Casework
) -> dict[str, Any]:
    """Log a written advisement given; it discharges the open duties of its kind only if it was
    in the person's language of choice."""
    state = state_of(request)
    done, own = services.advise(state.cases, booking_number, body, who.name)
    return {"discharged": done, "in_own_language": own}


@router.post(
    "/requests/{request_key}/notices",
    response_model=NoticeOut,
    responses=_CASE_ERRORS,
    tags=["releases"],
)
def notice(request_key: RequestKey, body: NoticeIn, request: Request, who: Casework) -> Response:
    """Log a notice of release sent to ICE; answers its lead time before the release."""
    lead = state_of(request).cases.record_notice(request_key, body.sent_at, body.channel, who.name)
    return _json({"lead_minutes": lead})


@router.get(
    "/bookings/{booking_number}/notices/{kind}",
    responses={
        **_CASE_ERRORS,
        200: {
            "content": {"text/html": {}, "application/pdf": {}},
            "description": "The printable advisement in the person's language.",
        },
        503: {"model": ErrorBody, "description": "The notices library is not installed."},
    },
    response_class=Response,
    tags=["releases"],
)
def print_notice(
    booking_number: BookingNumber,
    kind: Literal["interview_advisement", "notified_person_advisement"],
    request: Request,
    _: CaseReader,
    lang: Annotated[str | None, Query(max_length=35)] = None,
    format: Literal["html", "pdf"] = "html",
) -> Response:
    """The written advisement for this person, in their language of choice (or `lang`).

    When no translation exists in that language the answer is 404 saying so: nothing is printed
    in another language, and an interview stays blocked (DRMC 28-252(b)).
    """
    found = queries.case(state_of(request).store, booking_number)
    body = notices_door.render_notice(
        kind,
        lang or found.language,
        name=found.name,
        booking_number=found.booking_number,
        issued_at=services.denver_now(),
        fmt=format,
    )
    media = "application/pdf" if format == "pdf" else "text/html; charset=utf-8"
    return Response(body, media_type=media)


@router.get("/obligations", response_model=list[DutyOut], responses=_ERRORS, tags=["obligations"])
def obligations(
    request: Request,
    _: CaseReader,
    overdue_at: Annotated[
        Moment | None, Query(description="Only duties past their time at this moment.")
    ] = None,
) -> Response:
    """Open duties, oldest first; with `overdue_at`, the missed ones."""
    found = queries.duties(state_of(request).store, overdue_at=overdue_at)
    return _json([_duty(d) for d in found])


@router.post(
    "/obligations/{duty_id}/complete",
    status_code=204,
    response_class=Response,
    responses=_CASE_ERRORS,
    tags=["obligations"],
)
def complete(
    duty_id: Annotated[int, Path(ge=1, le=2**62)], body: CompleteIn, request: Request, who: Casework
) -> Response:
    """Mark a duty done by hand (for example a notice sent outside psepa)."""
    state_of(request).cases.complete(duty_id, body.at, who.name)
    return Response(status_code=204)


# --- audit --------------------------------------------------------------------------------------
@router.get("/audit/verify", response_model=AuditOut, responses=_ERRORS, tags=["audit"])
def audit_verify(request: Request, _: Auditor, replay: bool = False) -> queries.AuditCheck:
    """Verify the hash chain in one snapshot; with `replay`, re-decide every logged decision
    under its stored version and list any that differ."""
    return queries.check_audit(state_of(request).store, replay=replay)


@router.get("/audit/entries", response_model=list[AuditEntryOut], responses=_ERRORS, tags=["audit"])
def audit_entries(
    request: Request,
    _: Auditor,
    before: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[queries.AuditLine]:
    """The latest audit entries, newest first; `before` pages back."""
    return queries.audit_entries(state_of(request).store, before=before, limit=limit)


# --- accounts -----------------------------------------------------------------------------------
@router.get("/users", response_model=list[UserOut], responses=_ERRORS, tags=["accounts"])
def users(request: Request, _: Admin) -> list[dict[str, Any]]:
    return [
        {"login": a, "display_name": b, "role": c, "active": d}
        for a, b, c, d in state_of(request).accounts.users()
    ]


@router.post(
    "/users",
    status_code=201,
    response_model=UserOut,
    responses={**_ERRORS, 409: {"model": ErrorBody}},
    tags=["accounts"],
)
def create_user(body: UserIn, request: Request, _: Admin) -> dict[str, Any]:
    """Add a staff member (the password is stored as an Argon2 hash)."""
    state_of(request).accounts.create_user(body.login, body.display_name, body.role, body.password)
    return {
        "login": body.login,
        "display_name": body.display_name or body.login,
        "role": body.role,
        "active": True,
    }


@router.post(
    "/tokens",
    status_code=201,
    response_model=TokenOut,
    responses={**_ERRORS, 409: {"model": ErrorBody}},
    tags=["accounts"],
)
def issue_token(body: TokenIn, request: Request, _: Admin) -> dict[str, str]:
    """An API token for a system; it is shown once, and psepa keeps only its hash."""
    token = state_of(request).accounts.issue_token(body.name, body.role)
    return {"name": body.name, "role": body.role, "token": token}


@router.delete(
    "/tokens/{name}",
    status_code=204,
    response_class=Response,
    responses=_CASE_ERRORS,
    tags=["accounts"],
)
def revoke_token(name: Annotated[str, Path(max_length=80)], request: Request, _: Admin) -> Response:
    """Revoke a token by name; it stops working at once in this server."""
    if not state_of(request).accounts.revoke_token(name):
        raise NotFound(f"no active token named {name!r}")
    return Response(status_code=204)


# --- published reports ----------------------------------------------------------------------
_REPORT_MEDIA = {
    "json": "application/json",
    "csv": "application/zip",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}


@router.get(
    "/reports/{period}",
    response_class=Response,
    responses={
        200: {
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "application/zip": {},
                "text/html": {},
                "application/pdf": {},
            },
            "description": "The published report (small counts hidden, no names).",
        },
        404: {"model": ErrorBody, "description": "No case records to report on."},
        422: {"model": ErrorBody, "description": "The period is not one psepa reads."},
    },
    tags=["reports"],
)
def report(
    period: Annotated[
        str,
        Path(
            pattern=r"^[0-9A-Za-z.\-]{4,25}$",
            description="2018, 2018Q2, 2018-03 or 2018-01-01..2018-03-31",
        ),
    ],
    request: Request,
    _: Public,
    format: Literal["json", "csv", "html", "pdf"] = "json",
) -> Response:
    """The published transparency report for a period: only the public version, in which counts
    too small to publish without identifying someone are hidden."""
    body = reports_door.published(state_of(request).store, period, format)
    return Response(body, media_type=_REPORT_MEDIA[format])
