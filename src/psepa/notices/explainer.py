"""The public explainer, generated from the rules in force on a date.

Nothing here is written beside the law: each point is one rule of the engine's segment for the
date, read through its verdict, its "unless" exceptions, its duties and its citations. What a
resident reads for a rule comes from the message catalogue, keyed by the rule's id (and by the
exception's label), so a rule added to the law without resident wording fails the suite rather
than vanishing from the page.

Grouping is by who acts (the jail, the police, city departments), taken from the rule's first
action, with federal law apart: a resident asks "what will the jail do", not "what does 28-253
say".
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from psepa.domain import Action, Confidence, Verdict
from psepa.engine.api import rulebook
from psepa.engine.citations import Cite, Source
from psepa.engine.rules import Rule
from psepa.engine.versions import Segment

FEDERAL_KIND = "federal law"
CITY_KIND = "city ordinance"


class Group(StrEnum):
    """Who acts, as a resident would look for it."""

    JAIL = "jail"
    POLICE = "police"
    CITY = "city"
    FEDERAL = "federal"


ACTION_GROUP: dict[Action, Group] = {
    Action.HOLD_ON_DETAINER: Group.JAIL,
    Action.ANSWER_NOTIFICATION_REQUEST: Group.JAIL,
    Action.GRANT_SECURE_AREA_ACCESS: Group.JAIL,
    Action.COORDINATE_REMOTE_INTERVIEW: Group.JAIL,
    Action.DELAY_RELEASE: Group.JAIL,
    Action.RELAY_DETAINER: Group.JAIL,
    Action.APPLY_FOR_SCAAP: Group.JAIL,
    Action.STOP_TO_DETERMINE_STATUS: Group.POLICE,
    Action.ARREST_ON_IMMIGRATION_GROUND: Group.POLICE,
    Action.ASSIST_COURTHOUSE_CIVIL_ARREST: Group.POLICE,
    Action.ASSIST_CIVIL_ENFORCEMENT: Group.CITY,
    Action.ASK_STATUS: Group.CITY,
    Action.RECORD_STATUS: Group.CITY,
    Action.APPLICATION_STATUS_QUESTION: Group.CITY,
    Action.SHARE_STATUS: Group.CITY,
    Action.SHARE_PERSONAL_INFORMATION: Group.CITY,
    Action.COMPLY_WITH_SUBPOENA: Group.CITY,
    Action.ENTER_DETENTION_AGREEMENT: Group.CITY,
    Action.ALLOW_CITY_PROPERTY_USE: Group.CITY,
}


def rule_key(rule_id: str) -> str:
    return f"rule.{rule_id}"


def unless_key(rule_id: str, label: str) -> str:
    return f"rule.{rule_id}.unless.{label}"


def duty_key(obligation_id: str) -> str:
    return f"duty.{obligation_id}"


@dataclass(frozen=True)
class ExceptionPoint:
    """One "unless" of a rule: its wording key, what follows, and on what authority."""

    key: str
    verdict: Verdict | None  # None: the rule steps aside and other rules decide
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Point:
    """One rule as a resident reads it."""

    rule_id: str
    key: str
    group: Group
    verdict: Verdict
    source: Source
    since: dt.date | None
    cites: tuple[Cite, ...]
    unless: tuple[ExceptionPoint, ...]
    duties: tuple[str, ...]  # wording keys of the duties that come with the base answer
    confidence: Confidence
    rests_on_reading: bool

    def wording_keys(self) -> list[str]:
        return [self.key, *(u.key for u in self.unless), *self.duties]


@dataclass(frozen=True)
class Change:
    """A day the law in force changed, and the sources that began or ended that day."""

    start: dt.date
    began: tuple[str, ...]


@dataclass(frozen=True)
class LawOn:
    """The law in force on `on`, as the explainer shows it."""

    on: dt.date
    start: dt.date | None  # the segment's first day (None: before any dated rule)
    end: dt.date | None  # the day the next segment starts
    points: tuple[Point, ...]
    changes: tuple[Change, ...]
    revision: str

    @property
    def has_article_viii(self) -> bool:
        return any(p.source.kind == CITY_KIND for p in self.points)

    def grouped(self) -> list[tuple[Group, list[Point]]]:
        return [
            (group, found)
            for group in Group
            if (found := [p for p in self.points if p.group == group])
        ]


def group_of(rule: Rule) -> Group:
    if rule.source.kind == FEDERAL_KIND:
        return Group.FEDERAL
    return ACTION_GROUP[rule.actions[0]]


def _unique(cites: Iterable[Cite]) -> tuple[Cite, ...]:
    return tuple({c.text: c for c in cites}.values())


def point_of(rule: Rule) -> Point:
    if rule.base.verdict is None:
        # Every rule in psepa's rulebook answers by default; a base that steps aside would say
        # nothing a resident could read.
        raise ValueError(f"rule {rule.id} has no base verdict")
    readings = rule.readings or rule.base.readings or any(u.then.readings for u in rule.unless)
    return Point(
        rule_id=rule.id,
        key=rule_key(rule.id),
        group=group_of(rule),
        verdict=rule.base.verdict,
        source=rule.source,
        since=rule.window.start,
        cites=_unique([*rule.base.cites, *(c for u in rule.unless for c in u.then.cites)]),
        unless=tuple(
            ExceptionPoint(unless_key(rule.id, u.label), u.then.verdict, u.then.cites)
            for u in rule.unless
        ),
        duties=tuple(duty_key(o.id) for o in rule.base.obligations),
        confidence=rule.base.confidence,
        rests_on_reading=bool(readings),
    )


def segments() -> list[Segment]:
    """The dated periods of the law in force, as the engine has them."""
    return list(rulebook().in_force.segments)


def _changes(all_segments: list[Segment]) -> tuple[Change, ...]:
    found = []
    for before, after in itertools.pairwise(all_segments):
        if after.start is None:
            continue
        old = {r.source.name for r in before.rules}
        began = tuple(sorted({r.source.name for r in after.rules} - old))
        found.append(Change(after.start, began))
    return tuple(found)


def law_on(on: dt.date) -> LawOn:
    """The explainer's content for the law in force on `on`."""
    book = rulebook()
    segment = book.in_force.at(on.toordinal())
    return LawOn(
        on=on,
        start=segment.start,
        end=segment.end,
        points=tuple(point_of(rule) for rule in segment.rules),
        changes=_changes(segments()),
        revision=book.revision,
    )


def wording_keys(segment: Segment) -> set[str]:
    """Every catalogue entry the explainer needs for the rules of `segment`."""
    return {key for rule in segment.rules for key in point_of(rule).wording_keys()}
