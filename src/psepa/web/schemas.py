"""The HTTP API's bodies: one Pydantic model per thing sent or answered, which is also the
OpenAPI document. Limits match the database columns, so a body that validates can be stored on
SQLite and PostgreSQL alike, and every time must carry its offset (the day in Denver chooses
the law)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

from psepa.domain import Confidence, Document, Due, Requester, Verdict
from psepa.situation import IsoDate, SituationFacts

Day = IsoDate  # a day written YYYY-MM-DD, never a number


def _plausible(moment: dt.datetime) -> dt.datetime:
    # Outside these years a time is a typo, and converting it to Denver's zone could overflow.
    if not 1970 <= moment.year <= 2200:
        raise ValueError("expected a time between the years 1970 and 2200")
    return moment


def _iso_text(value: object) -> object:
    # A number is not read as seconds since 1970: a time must be written out, with its offset.
    if isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}[T ]", value):
        raise ValueError("expected an ISO date and time such as 2025-06-02T14:00:00-06:00")
    return value


Moment = Annotated[
    AwareDatetime,
    BeforeValidator(_iso_text),
    AfterValidator(_plausible),
    Field(description="A time with its offset, e.g. 2025-06-02T14:00:00-06:00."),
]
BookingNumber = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$",
        description="The jail's booking number (letters, digits, . _ -; up to 40).",
        examples=["B-101"],
    ),
]
RequestKey = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$",
        description="The sender's own id of the request; the same id twice is one request.",
        examples=["ICE-7001"],
    ),
]
Language = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$",
        description="A language of choice as a BCP 47 tag, e.g. es, en, ti, zh-Hant.",
        examples=["es"],
    ),
]
PlainText = Annotated[str, Field(pattern=r"^[^\x00-\x1f\x7f]*$")]
Kind = Literal["detainer", "notification", "interview", "access", "subpoena", "information"]
Channel = Literal["fax", "email", "phone", "in_person", "mail", "electronic"]
AdvisementKind = Literal["advise_notified_person", "advise_rights_in_writing"]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorItem(BaseModel):
    field: str = Field(description="The dotted path of the bad field, e.g. facts.documents[1].")
    loc: list[str | int]
    msg: str
    type: str


class ErrorBody(BaseModel):
    """Every error answer has this one shape: a list of what is wrong, field by field."""

    detail: list[ErrorItem]


# --- decisions ----------------------------------------------------------------------------------
class ObligationOut(BaseModel):
    id: str
    text: str
    due: Due
    cites: list[str]


class FlagOut(BaseModel):
    id: str
    text: str


class CitationOut(BaseModel):
    cite: str
    source: str
    title: str
    kind: str
    url: str


class DecisionOut(BaseModel):
    """The decision contract's answer (shared/spec/decision-contract.md) and psepa's additions."""

    action: str
    on: dt.date
    version: str
    rulebook: str
    verdict: Verdict
    obligations: list[ObligationOut]
    cites: list[str]
    reasons: list[str]
    confidence: Confidence
    flags: list[FlagOut]
    rules: list[str]
    citations: list[CitationOut]
    assumed: list[str]


class VersionOut(BaseModel):
    id: str
    title: str
    kind: str
    was_law: str
    note: str
    rules: list[str]
    periods: list[dict[str, Any]]  # for a version by date: each period's start, end, sources


# --- cases --------------------------------------------------------------------------------------
class BookingIn(_In):
    booking_number: BookingNumber
    name: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")]
    language: Language
    booked_at: Moment


class IntakeIn(_In):
    """A request as the jail's system sends it; psepa decides it and opens the duties."""

    request_key: RequestKey
    booking_number: BookingNumber
    kind: Kind
    received_at: Moment
    channel: Channel
    in_writing: bool
    documents: Annotated[list[Document], Field(max_length=13)] = []
    requester: Requester = Requester.FEDERAL_IMMIGRATION
    facts: SituationFacts | None = Field(
        default=None, description="Further facts of the situation, as the decision contract."
    )


class DutyOut(BaseModel):
    id: int
    kind: str
    text: str
    due: str
    due_at: dt.datetime | None
    done_at: dt.datetime | None


class IntakeOut(BaseModel):
    request_key: str
    verdict: Verdict
    rules: list[str]
    reasons: list[str]
    duties: list[DutyOut]
    duplicate: bool


class PreviewOut(BaseModel):
    """What intake would answer, without writing anything: the live verdict of the form."""

    decision: DecisionOut
    situation: dict[str, object]


class ReleaseIn(_In):
    released_at: Moment
    basis: Literal[
        "charges_dismissed",
        "acquitted",
        "sentence_served",
        "bond_posted",
        "own_recognizance",
        "pretrial_services_referral",
        "other_law",
    ]


class ReleaseOut(BaseModel):
    booking_number: str
    released_at: dt.datetime
    must: list[str]
    duties: list[DutyOut]
    decisions: list[tuple[str, str]]


class AdvisementIn(_In):
    kind: AdvisementKind
    language: Language
    given_at: Moment


class AdvisementOut(BaseModel):
    discharged: list[int]
    in_own_language: bool


class NoticeIn(_In):
    sent_at: Moment
    channel: Channel


class NoticeOut(BaseModel):
    lead_minutes: float | None = Field(description="Minutes before the release; None if not yet.")


class CompleteIn(_In):
    at: Moment


class DecisionRecordOut(BaseModel):
    stage: str
    verdict: str
    version: str
    rules: list[str]
    cites: list[str]
    decided_at: dt.datetime
    action: str


class RequestOut(BaseModel):
    request_key: str
    booking_number: str
    kind: str
    requester: str
    documents: list[str]
    received_at: dt.datetime
    channel: str
    in_writing: bool
    decisions: list[DecisionRecordOut]
    notices: list[dt.datetime]


class AdvisementRecordOut(BaseModel):
    kind: str
    language: str
    given_at: dt.datetime
    given_by: str


class CaseOut(BaseModel):
    booking_number: str
    name: str
    language: str
    booked_at: dt.datetime
    released_at: dt.datetime | None
    release_basis: str | None
    requests: list[RequestOut]
    duties: list[DutyOut]
    advisements: list[AdvisementRecordOut]


class ReleaseRowOut(BaseModel):
    """One line of the release desk: a release of the day and what is still owed for it."""

    booking_number: str
    name: str
    language: str
    released_at: dt.datetime | None
    pending_advisements: list[DutyOut]
    pending_notices: list[str] = Field(description="Request ids whose notice to ICE is not sent.")


class AuditOut(BaseModel):
    entries: int
    intact: bool
    problem: str | None
    replayed: int | None
    differences: list[str]


class AuditEntryOut(BaseModel):
    seq: int
    kind: str
    at: str
    hash: str
    body: dict[str, object]


# --- accounts -----------------------------------------------------------------------------------
RoleName = Literal["clerk", "supervisor", "auditor", "admin"]


class UserIn(_In):
    login: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")]
    display_name: Annotated[str, Field(max_length=120, pattern=r"^[^\x00-\x1f\x7f]*$")] = ""
    role: RoleName
    password: Annotated[str, Field(min_length=10, max_length=200)]


class UserOut(BaseModel):
    login: str
    display_name: str
    role: str
    active: bool


class TokenIn(_In):
    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,49}$")]
    role: RoleName


class TokenOut(BaseModel):
    name: str
    role: str
    token: str = Field(description="Shown once; psepa keeps only its hash.")


class MeOut(BaseModel):
    name: str
    role: str
    via: str


class HealthOut(BaseModel):
    status: Literal["ok"]
    rulebook: str
