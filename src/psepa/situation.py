"""The situation: what a city system tells psepa, validated once at the door.

`Situation` (Pydantic) is the contract's shape and is what every door validates against; it
also feeds the OpenAPI schema. `Facts` is the engine's own flat, slotted copy of a valid
situation: enum values as plain strings, sets as bitmasks, the date as an ordinal. The engine
runs on `Facts` so that a decision costs microseconds rather than a validation pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, ValidationError

from psepa.domain import (
    BOOL_FACTS,
    ENUM_FACTS,
    SET_BITS,
    Action,
    Actor,
    Area,
    Attestation,
    CustodyEvent,
    Document,
    Information,
    Offence,
    Purpose,
    ReleaseBasis,
    Requester,
    RequiredBy,
)
from psepa.errors import InvalidSituation


def _iso_date(value: Any) -> Any:
    # Only a real date or an ISO 'YYYY-MM-DD' string: a number or '15/09/2017' must not be
    # guessed at, since the date chooses the law.
    if isinstance(value, dt.datetime):
        raise ValueError("give a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected an ISO date such as 2017-09-15, got {value!r}")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class SituationFacts(BaseModel):
    """The facts of a situation. All optional: absent means unknown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    eligible_for_release: StrictBool | None = None
    release_basis: ReleaseBasis | None = None
    other_lawful_hold: StrictBool | None = None
    documents: list[Document] | None = None
    request_in_writing: StrictBool | None = None
    ice_attests: list[Attestation] | None = None
    purpose: Purpose | None = None
    information: Information | None = None
    already_held: StrictBool | None = None
    required_by: RequiredBy | None = None
    area: Area | None = None
    advised_in_writing: StrictBool | None = None
    advised_in_own_language: StrictBool | None = None
    person_declined: StrictBool | None = None
    at_courthouse: StrictBool | None = None
    custody_event: CustodyEvent | None = None
    offences: list[Offence] | None = None


class Situation(BaseModel):
    """A situation as the contract describes it (shared/spec/decision-contract.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    action: Action
    on: IsoDate | None = Field(default=None, description="The day; selects the law in force.")
    version: str | None = Field(default=None, description="A named policy version (what-if).")
    actor: Actor | None = None
    requester: Requester | None = None
    facts: SituationFacts = SituationFacts()


class Facts:
    """A validated situation, flattened for the engine. Build it with `validate()`."""

    __slots__ = (
        "action",
        "actor",
        "advised_in_own_language",
        "advised_in_writing",
        "already_held",
        "area",
        "at_courthouse",
        "custody_event",
        "documents",
        "eligible_for_release",
        "ice_attests",
        "information",
        "offences",
        "on",
        "on_ordinal",
        "other_lawful_hold",
        "person_declined",
        "purpose",
        "release_basis",
        "request_in_writing",
        "requester",
        "required_by",
        "situation",
        "version",
    )

    action: str
    on: dt.date
    on_ordinal: int
    version: str | None
    actor: str | None
    requester: str | None
    release_basis: str | None
    purpose: str | None
    information: str | None
    required_by: str | None
    area: str | None
    custody_event: str | None
    eligible_for_release: bool | None
    other_lawful_hold: bool | None
    request_in_writing: bool | None
    already_held: bool | None
    advised_in_writing: bool | None
    advised_in_own_language: bool | None
    person_declined: bool | None
    at_courthouse: bool | None
    documents: int
    ice_attests: int
    offences: int
    situation: Situation

    def __init__(self, situation: Situation, today: dt.date | None = None) -> None:
        facts = situation.facts
        self.situation = situation
        self.action = situation.action.value
        self.on = situation.on or today or dt.date.today()
        self.on_ordinal = self.on.toordinal()
        self.version = situation.version
        self.actor = situation.actor.value if situation.actor else None
        self.requester = situation.requester.value if situation.requester else None
        for name in ENUM_FACTS:
            if name in ("actor", "requester"):
                continue
            value = getattr(facts, name)
            setattr(self, name, value.value if value is not None else None)
        for name in BOOL_FACTS:
            setattr(self, name, getattr(facts, name))
        for name, bits in SET_BITS.items():
            members = getattr(facts, name) or ()
            mask = 0
            for member in members:
                mask |= bits[member.value]
            setattr(self, name, mask)

    def __repr__(self) -> str:
        return f"Facts({self.situation.model_dump_json(exclude_none=True)})"


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + part
    return path or "situation"


def _message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        where = "fact" if error["loc"][:1] == ("facts",) else "field"
        known = sorted(SituationFacts.model_fields if where == "fact" else Situation.model_fields)
        return (
            f"unknown {where} {name!r} (a misspelt {where} must not silently change an answer);"
            f" known: {', '.join(known)}"
        )
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{error['input']!r} is not allowed; expected one of {expected}"
    if kind == "missing":
        return "is required"
    if kind == "bool_type":
        return f"expected true or false, got {error['input']!r}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def parse_situation(data: Mapping[str, Any] | Situation, *, index: int | None = None) -> Situation:
    """Validate a mapping against the contract, or raise `InvalidSituation` naming the field."""
    if isinstance(data, Situation):
        # A model built in Python passed the field checks but not the cross-field ones.
        _check_coherent(data, index)
        return data
    if not isinstance(data, Mapping):
        raise InvalidSituation(
            "situation", f"expected a JSON object, got {type(data).__name__}", index=index
        )
    try:
        situation = Situation.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InvalidSituation(_field_path(first["loc"]), _message(first), index=index) from None
    _check_coherent(situation, index)
    return situation


def _check_coherent(situation: Situation, index: int | None) -> None:
    facts = situation.facts
    if facts.release_basis is not None and facts.eligible_for_release is False:
        raise InvalidSituation(
            "facts.eligible_for_release",
            f"is false, but facts.release_basis {facts.release_basis.value!r} is one of the "
            "conditions that make a person eligible for release (DRMC 28-253(b)(1)); "
            "drop one of the two",
            index=index,
        )
    for name in ("documents", "ice_attests", "offences"):
        members = getattr(facts, name)
        if members is not None and len(set(members)) != len(members):
            raise InvalidSituation(f"facts.{name}", "lists the same value twice", index=index)


def validate(data: Mapping[str, Any] | Situation, *, index: int | None = None) -> Facts:
    """Validate a situation and flatten it for the engine."""
    return Facts(parse_situation(data, index=index))
