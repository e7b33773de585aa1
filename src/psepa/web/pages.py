"""The staff pages and the public explainer: server-rendered, each a thin view of one service.

Forms post back here (never to /v1, so that an error can be shown on the page); every post
carries the page's form token, which the route's `Gate` checks. Times typed into a form are
Denver's wall-clock time.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError
from starlette.datastructures import FormData

import psepa
from psepa.cases.intake import CHANNELS, DENVER, CaseError
from psepa.domain import Document, ReleaseBasis
from psepa.errors import PsepaError
from psepa.web import notices_door, queries, services
from psepa.web.accounts import SESSION_LIFETIME, Principal, Role, TooManyAttempts
from psepa.web.rules import ADMIN, AUDIT, CASE_READERS, CASEWORK, SESSION_COOKIE, STAFF, Gate
from psepa.web.schemas import (
    AdvisementIn,
    BookingIn,
    IntakeIn,
    NoticeIn,
    ReleaseIn,
    TokenIn,
    UserIn,
)
from psepa.web.state import state_of

templates = Jinja2Templates(directory=str(resources.files("psepa.web") / "templates"))

KIND_LABELS = [
    ("detainer", "Detainer (I-247A and the like)"),
    ("notification", "Request to be told of the release"),
    ("interview", "Phone or video interview"),
    ("access", "Access to a secure area"),
    ("subpoena", "Subpoena"),
    ("information", "Request for personal information"),
]
DOCUMENT_LABELS = {
    "i_247a": "I-247A detainer",
    "i_247n": "I-247N request for notification",
    "i_247d": "I-247D",
    "i_200": "I-200 administrative warrant",
    "i_203": "I-203 order to detain",
    "i_205": "I-205 warrant of removal",
    "immigration_judge_order": "Immigration judge's order",
    "federal_judicial_warrant": "Warrant signed by a federal judge",
    "state_judicial_warrant": "Warrant signed by a state judge",
    "judicial_writ": "Judicial writ",
    "court_order": "Court order",
    "judicial_subpoena": "Subpoena signed by a judge",
    "administrative_subpoena": "Administrative subpoena",
}
ADVISEMENT_NOTICE = {  # the duty, and the written advisement that discharges it
    "advise_notified_person": "notified_person_advisement",
    "advise_rights_in_writing": "interview_advisement",
}


def _local(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(DENVER).strftime("%Y-%m-%d %H:%M %Z")


def _language_name(code: str) -> str:
    return notices_door.language_name(code)


templates.env.filters["local"] = _local
templates.env.globals["language_name"] = _language_name


def _form_now() -> str:
    return services.denver_now().strftime("%Y-%m-%dT%H:%M")


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with what every page shows (who is logged in, the rulebook)."""
    context.setdefault("who", getattr(request.state, "principal", None))
    context.setdefault("rulebook", psepa.rulebook().revision)
    context.setdefault("reports_available", True)
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, heading: str, message: str) -> HTMLResponse:
    back = request.headers.get("referer") or "/"
    return page(request, "error.html", status, heading=heading, message=message, back=back)


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


class FormError(PsepaError, ValueError):
    """A form field could not be read; the message names the field as the form labels it."""


def _text(form: FormData, name: str) -> str:
    value = form.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _moment(form: FormData, name: str, label: str) -> dt.datetime:
    value = _text(form, name)
    try:
        return services.local_moment(value)
    except ValueError:
        raise FormError(
            f"{label}: expected a date and time such as 2025-06-02T14:05, got {value!r}"
        ) from None


def _first_error(exc: ValidationError, labels: dict[str, str]) -> str:
    first = exc.errors()[0]
    name = str(first["loc"][0]) if first["loc"] else "form"
    return f"{labels.get(name, name)}: {str(first['msg']).removeprefix('Value error, ')}"


Public = Annotated[Principal | None, Depends(Gate(public=True))]
Staff = Annotated[Principal, Depends(Gate(*STAFF))]
Casework = Annotated[Principal, Depends(Gate(*CASEWORK))]
CaseReader = Annotated[Principal, Depends(Gate(*CASE_READERS))]
Auditor = Annotated[Principal, Depends(Gate(*AUDIT))]

router = APIRouter(include_in_schema=False)


async def _form_data(request: Request) -> FormData:
    return await request.form()


# Handlers that touch the database or hash passwords are plain functions, run in the server's
# thread pool (a password hash takes tens of milliseconds); the form is read before, here.
Form = Annotated[FormData, Depends(_form_data)]


# --- logging in and out -------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def home(request: Request, _: Public) -> HTMLResponse:
    return page(request, "home.html")


def _safe_next(target: str) -> str:
    # Only a path on this site: a link that logs in and then leaves for another site is a trap.
    # Browsers read "/\\host" like "//host", so a backslash anywhere is refused too.
    safe = target.startswith("/") and not target.startswith("//") and "\\" not in target
    return target if safe else "/"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, _: Public, next: str = "/") -> HTMLResponse:
    return page(request, "login.html", next=_safe_next(next), error=None, login="")


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, _: Public, form: Form) -> Response:
    login_name, target = _text(form, "login"), _safe_next(_text(form, "next") or "/")
    password = form.get("password", "")
    try:
        token = state_of(request).accounts.log_in(
            login_name, password if isinstance(password, str) else ""
        )
    except TooManyAttempts as paused:
        return page(request, "login.html", 429, next=target, login=login_name, error=str(paused))
    if token is None:
        # The form again with the reason (200: a page, not a challenge for HTTP authentication).
        return page(
            request,
            "login.html",
            next=target,
            login=login_name,
            error="That login name and password do not match an active account.",
        )
    response = _see(target)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/logout")
def logout(request: Request, _: Staff) -> Response:
    state_of(request).accounts.log_out(request.cookies.get(SESSION_COOKIE, ""))
    response = _see("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# --- cases --------------------------------------------------------------------------------------
@router.get("/cases", response_class=HTMLResponse)
def cases(request: Request, _: CaseReader) -> HTMLResponse:
    return page(
        request,
        "cases.html",
        bookings=queries.in_custody(state_of(request).store),
        languages=_languages(),
        now=_form_now(),
    )


def _languages() -> list[str]:
    try:
        return notices_door.languages()
    except notices_door.NoticesUnavailable:
        return []


@router.get("/cases/find")
def find_case(_: CaseReader, number: str = "") -> Response:
    return _see(f"/cases/{quote(number.strip(), safe='')}")


@router.post("/cases")
def book(request: Request, _: Casework, form: Form) -> Response:
    labels = {"booking_number": "Booking number", "name": "Name", "language": "Language"}
    try:
        body = BookingIn.model_validate(
            {
                "booking_number": _text(form, "booking_number"),
                "name": _text(form, "name"),
                "language": _text(form, "language"),
                "booked_at": _moment(form, "booked_at", "Booked"),
            }
        )
    except ValidationError as exc:
        return error_page(request, 422, "The booking was not recorded", _first_error(exc, labels))
    state_of(request).cases.book(body.booking_number, body.name, body.language, body.booked_at)
    return _see(f"/cases/{body.booking_number}")


def _case_page(
    request: Request, who: Principal, number: str, status: int = 200, **extra: Any
) -> HTMLResponse:
    found = queries.case(state_of(request).store, number)
    return page(
        request,
        "case.html",
        status,
        case=found,
        can_write=who.role.value in {r.value for r in CASEWORK},
        channels=CHANNELS,
        bases=[b.value for b in ReleaseBasis],
        now=_form_now(),
        **extra,
    )


@router.get("/cases/{booking_number}", response_class=HTMLResponse)
def case(request: Request, booking_number: str, who: CaseReader) -> HTMLResponse:
    message = request.query_params.get("done")
    return _case_page(request, who, booking_number, message=message)


@router.post("/cases/{booking_number}/release", response_class=HTMLResponse)
def release(request: Request, booking_number: str, who: Casework, form: Form) -> HTMLResponse:
    try:
        body = ReleaseIn.model_validate(
            {
                "released_at": _moment(form, "released_at", "Eligible for release at"),
                "basis": _text(form, "basis"),
            }
        )
    except ValidationError as exc:
        return error_page(request, 422, "Not released", _first_error(exc, {"basis": "because"}))
    result = state_of(request).cases.release(booking_number, body.released_at, body.basis, who.name)
    return _case_page(request, who, booking_number, must=list(result.must))


@router.post("/cases/{booking_number}/advisements")
def advise(request: Request, booking_number: str, who: Casework, form: Form) -> Response:
    try:
        body = AdvisementIn.model_validate(
            {
                "kind": _text(form, "kind"),
                "language": _text(form, "language"),
                "given_at": _moment(form, "given_at", "Advisement given at"),
            }
        )
    except ValidationError as exc:
        labels = {"kind": "Advisement given", "language": "in language"}
        return error_page(request, 422, "Advisement not logged", _first_error(exc, labels))
    done = state_of(request).cases.record_advisement(
        booking_number, body.kind, body.language, body.given_at, who.name
    )
    note = (
        f"Advisement logged; {len(done)} duty done."
        if done
        else "Advisement logged, but it was not in the person's language of choice: the duty "
        "stays open."
    )
    return _see(_back(form, f"/cases/{booking_number}", note))


def _back(form: FormData, default: str, note: str) -> str:
    """Where a form returns to (the page it was on, if on this site), with what was done."""
    target = _safe_next(_text(form, "back")) if _text(form, "back") else default
    return f"{target}{'&' if '?' in target else '?'}done={quote(note)}"


@router.post("/requests/{request_key}/notices")
def notice(request: Request, request_key: str, who: Casework, form: Form) -> Response:
    try:
        body = NoticeIn.model_validate(
            {
                "sent_at": _moment(form, "sent_at", "Notice to ICE sent at"),
                "channel": _text(form, "channel"),
            }
        )
    except ValidationError as exc:
        return error_page(request, 422, "Notice not logged", _first_error(exc, {"channel": "by"}))
    state = state_of(request)
    lead = state.cases.record_notice(request_key, body.sent_at, body.channel, who.name)
    number = queries.request(state.store, request_key).booking_number
    note = "Notice logged" + (
        f"; lead time {lead} minutes before release." if lead is not None else "."
    )
    return _see(_back(form, f"/cases/{number}", note))


@router.post("/duties/{duty_id}/complete")
def complete(request: Request, duty_id: int, who: Casework, form: Form) -> Response:
    state_of(request).cases.complete(duty_id, services.denver_now(), who.name)
    number = _text(form, "booking")
    return _see(f"/cases/{quote(number, safe='')}?done=Duty+{duty_id}+done." if number else "/")


@router.get("/cases/{booking_number}/notices/{kind}")
def print_notice(
    request: Request,
    booking_number: str,
    kind: str,
    _: CaseReader,
    lang: str | None = None,
    format: str = "html",
) -> Response:
    """The printable advisement; when its language has no translation, a page saying so."""
    if kind not in ADVISEMENT_NOTICE.values() or format not in ("html", "pdf"):
        return error_page(
            request,
            404,
            "No such notice",
            f"notices are {', '.join(ADVISEMENT_NOTICE.values())}, as html or pdf",
        )
    found = queries.case(state_of(request).store, booking_number)
    language = lang or found.language
    try:
        body = notices_door.render_notice(
            kind,
            language,
            name=found.name,
            booking_number=found.booking_number,
            issued_at=services.denver_now(),
            fmt=format,
        )
    except notices_door.NoWrittenAdvisement as missing:
        return page(
            request,
            "no_translation.html",
            404,
            language=language,
            kind=kind,
            detail=str(missing),
            back=f"/cases/{booking_number}",
        )
    media = "application/pdf" if format == "pdf" else "text/html; charset=utf-8"
    return Response(body, media_type=media)


# --- intake -------------------------------------------------------------------------------------
_INTAKE_LABELS = {
    "request_key": "Sender's request id",
    "booking_number": "Booking number",
    "kind": "Kind of request",
    "received_at": "Received",
    "channel": "Received by",
    "documents": "Documents",
}


def _intake_form(form: FormData | None, booking: str = "") -> dict[str, Any]:
    if form is None:
        return {
            "request_key": "",
            "booking_number": booking,
            "kind": "detainer",
            "received_at": _form_now(),
            "channel": "fax",
            "in_writing": True,
            "documents": ["i_247a"],
        }
    return {
        "request_key": _text(form, "request_key"),
        "booking_number": _text(form, "booking_number"),
        "kind": _text(form, "kind"),
        "received_at": _text(form, "received_at"),
        "channel": _text(form, "channel"),
        "in_writing": _text(form, "in_writing") == "true",
        "documents": [d for d in form.getlist("documents") if isinstance(d, str)],
    }


def _intake_body(values: dict[str, Any], *, preview: bool) -> IntakeIn:
    moment = services.local_moment(values["received_at"]) if values["received_at"] else None
    return IntakeIn.model_validate(
        {
            # A preview needs no real id or booking: the decision does not depend on them.
            "request_key": values["request_key"] or ("preview" if preview else ""),
            "booking_number": values["booking_number"] or ("preview" if preview else ""),
            "kind": values["kind"],
            "received_at": moment,
            "channel": values["channel"],
            "in_writing": values["in_writing"],
            "documents": values["documents"],
        }
    )


def _intake_page(
    request: Request, values: dict[str, Any], status: int = 200, **extra: Any
) -> HTMLResponse:
    return page(
        request,
        "intake.html",
        status,
        form=values,
        kinds=KIND_LABELS,
        channels=CHANNELS,
        documents=[(d.value, DOCUMENT_LABELS.get(d.value, d.value)) for d in Document],
        bookings=queries.in_custody(state_of(request).store),
        **extra,
    )


@router.get("/intake", response_class=HTMLResponse)
def intake_form(request: Request, _: Casework, booking: str = "") -> HTMLResponse:
    return _intake_page(request, _intake_form(None, booking), decision=None, error=None)


@router.post("/intake/preview", response_class=HTMLResponse)
def intake_preview(request: Request, _: Casework, form: Form) -> HTMLResponse:
    """The verdict fragment for the form as it stands (the live decision)."""
    values = _intake_form(form)
    try:
        decision, _situation = services.preview(_intake_body(values, preview=True))
    except ValidationError as exc:
        return page(request, "_verdict.html", preview_error=_first_error(exc, _INTAKE_LABELS))
    except (PsepaError, ValueError) as exc:
        return page(request, "_verdict.html", preview_error=str(exc))
    return page(request, "_verdict.html", decision=decision, preview_error=None)


@router.post("/intake", response_class=HTMLResponse)
def intake(request: Request, _: Casework, form: Form) -> Response:
    values = _intake_form(form)
    try:
        body = _intake_body(values, preview=False)
        result = state_of(request).desk.submit(services.intake_item(body))
    except ValidationError as exc:
        return _intake_page(request, values, 422, error=_first_error(exc, _INTAKE_LABELS))
    except (CaseError, PsepaError, ValueError) as exc:
        return _intake_page(request, values, 422, error=str(exc))
    note = f"{result.request_key}: {result.verdict}" + (
        " (already taken in; the stored answer)" if result.duplicate else ""
    )
    return _see(f"/cases/{body.booking_number}?done={quote(note)}#request-{body.request_key}")


# --- release desk and audit ---------------------------------------------------------------------
@router.get("/releases", response_class=HTMLResponse)
def releases(request: Request, who: CaseReader, day: dt.date | None = None) -> HTMLResponse:
    chosen = day or services.denver_now().date()
    return page(
        request,
        "releases.html",
        day=chosen,
        rows=queries.releases(state_of(request).store, chosen),
        notice_kind=ADVISEMENT_NOTICE,
        can_write=who.role.value in {r.value for r in CASEWORK},
        channels=CHANNELS,
        now=_form_now(),
        message=request.query_params.get("done"),
    )


@router.get("/overdue", response_class=HTMLResponse)
def overdue(request: Request, _: CaseReader) -> HTMLResponse:
    now = services.denver_now()
    return page(
        request, "overdue.html", now=now, duties=queries.overdue(state_of(request).store, now)
    )


@router.get("/audit", response_class=HTMLResponse)
def audit(
    request: Request, _: Auditor, replay: bool = False, before: int | None = None
) -> HTMLResponse:
    store = state_of(request).store
    return page(
        request,
        "audit.html",
        check=queries.check_audit(store, replay=replay),
        entries=queries.audit_entries(store, before=before),
    )


# --- public -------------------------------------------------------------------------------------
@router.get("/explainer")
def explainer(
    request: Request,
    _: Public,
    on: dt.date | None = None,
    lang: str = "en",
    format: str = "html",
) -> Response:
    """The resident's explainer, generated by the notices library from the rules in force."""
    if format not in ("html", "pdf"):
        return error_page(request, 404, "No such format", "the explainer is html or pdf")
    try:
        body = notices_door.render_explainer(on or services.denver_now().date(), lang, fmt=format)
    except notices_door.NoWrittenAdvisement as missing:
        return error_page(request, 404, "No explainer in that language", str(missing))
    media = "application/pdf" if format == "pdf" else "text/html; charset=utf-8"
    return Response(body, media_type=media)


@router.get("/reports", response_model=None)
def reports(request: Request, _: Public, period: str = "", format: str = "html") -> Response:
    """Where to read the published reports: a period in, the report's address out."""
    if period.strip():
        target = f"/v1/reports/{quote(period.strip(), safe='')}?format={quote(format)}"
        return _see(target)
    year = services.denver_now().year
    return page(request, "reports.html", years=[year - 1, year])


# --- accounts (admin) -----------------------------------------------------------------------
Admin = Annotated[Principal, Depends(Gate(*ADMIN))]


def _admin_page(request: Request, status: int = 200, **extra: Any) -> HTMLResponse:
    return page(
        request,
        "admin.html",
        status,
        users=state_of(request).accounts.users(),
        roles=[r.value for r in Role],
        **extra,
    )


@router.get("/admin", response_class=HTMLResponse)
def admin(request: Request, _: Admin) -> HTMLResponse:
    return _admin_page(request, message=request.query_params.get("done"))


@router.post("/admin/users", response_class=HTMLResponse)
def admin_add_user(request: Request, _: Admin, form: Form) -> Response:
    labels = {"login": "Login name", "display_name": "Display name", "password": "Password"}
    try:
        body = UserIn.model_validate(
            {
                "login": _text(form, "login"),
                "display_name": _text(form, "display_name"),
                "role": _text(form, "role"),
                "password": form.get("password", "")
                if isinstance(form.get("password"), str)
                else "",
            }
        )
    except ValidationError as exc:
        return _admin_page(request, 422, message=_first_error(exc, labels))
    state_of(request).accounts.create_user(body.login, body.display_name, body.role, body.password)
    return _see(f"/admin?done={quote(f'Account {body.login} added.')}")


@router.post("/admin/tokens", response_class=HTMLResponse)
def admin_issue_token(request: Request, _: Admin, form: Form) -> HTMLResponse:
    try:
        body = TokenIn.model_validate({"name": _text(form, "name"), "role": _text(form, "role")})
    except ValidationError as exc:
        return _admin_page(request, 422, message=_first_error(exc, {"name": "Who holds it"}))
    token = state_of(request).accounts.issue_token(body.name, body.role)
    # Shown in the answer to this post only, never on a page that can be fetched again.
    return _admin_page(request, token=token, token_name=body.name)


@router.post("/admin/tokens/revoke")
def admin_revoke_token(request: Request, _: Admin, form: Form) -> Response:
    name = _text(form, "name")
    done = state_of(request).accounts.revoke_token(name)
    note = f"Token {name} revoked." if done else f"No active token named {name!r}."
    return _see(f"/admin?done={quote(note)}")
