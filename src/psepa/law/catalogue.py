"""Which rules make up the law in force, and each named version of it.

The law in force on a date is every rule below whose window covers that date. A named version
is a fixed set of rules, answered as if it were the law on any date, for what-if questions.
Rules are listed most specific first (city, then state, then federal): that order is the order
of citations in an answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from psepa.engine.citations import Window
from psepa.engine.conditions import Reading
from psepa.engine.rules import Rule
from psepa.engine.versions import Version
from psepa.law import (
    committee_2017_08_02,
    crs_13_1_403,
    crs_24_74,
    crs_24_76_6,
    crs_24_76_7,
    draft_2017_07,
    drmc_28_250,
    drmc_28_252,
    drmc_28_253,
    eo_142,
    eo_152,
    federal,
    readings,
)
from psepa.law.sources import ARTICLE_VIII_IN_FORCE

ARTICLE_VIII: tuple[Rule, ...] = drmc_28_252.RULES + drmc_28_253.RULES + drmc_28_250.RULES


def _split(rule: Rule, day: dt.date, reading: Reading) -> tuple[Rule, Rule]:
    """The same rule before and from `day`, from when an answer also rests on `reading`."""
    window = rule.window
    return (
        dataclasses.replace(rule, in_force=Window(window.start, day)),
        dataclasses.replace(
            rule, in_force=Window(day, window.end), readings=(*rule.readings, reading)
        ),
    )


# From SB25-276, release notices to ICE stay lawful only on the reading that a release date is
# not "personal identifying information" under C.R.S. 24-74; say so on those answers.
_NOTICES = {drmc_28_253.NOTIFICATION.id, drmc_28_253.NOTIFICATION_AS_PERSONAL.id}
ARTICLE_VIII_IN_TIME: tuple[Rule, ...] = tuple(
    part
    for rule in ARTICLE_VIII
    for part in (
        _split(rule, crs_24_74.CITIES_FROM.start or dt.date.min, readings.RELEASE_DATE_NOT_PII)
        if rule.id in _NOTICES
        else (rule,)
    )
)
EXECUTIVE_ORDERS: tuple[Rule, ...] = eo_142.RULES + eo_152.RULES
COLORADO: tuple[Rule, ...] = (
    crs_24_76_6.RULES_2019
    + crs_24_76_6.RULES_2025
    + crs_13_1_403.RULES
    + crs_24_74.RULES
    + crs_24_76_7.RULES
)
FEDERAL: tuple[Rule, ...] = federal.RULES

IN_FORCE: tuple[Rule, ...] = ARTICLE_VIII_IN_TIME + EXECUTIVE_ORDERS + COLORADO + FEDERAL


def _inherited(rules: tuple[Rule, ...], replaced: frozenset[str]) -> tuple[Rule, ...]:
    """Enacted rules a draft is assumed to share, each flagged as an assumption."""
    return tuple(
        dataclasses.replace(rule, readings=(*rule.readings, readings.DRAFT_AS_ENACTED))
        for rule in rules
        if rule.id not in replaced
    )


LAW_IN_FORCE = Version(
    id="law-in-force",
    title="The law in force on the situation's date: article VIII and the executive orders, "
    "with Colorado and federal law",
    rules=IN_FORCE,
    dated=True,
    note="Article VIII is read as in force from its signature on 31 Aug 2017 (its effective "
    "date was not found); SB25-276 from its signature on 23 May 2025 (provision dates not "
    "verified); SB26-005 and HB26-1276 are not applied until confirmed as law.",
)

NAMED: tuple[Version, ...] = (
    Version(
        id="enacted-2017",
        title="Article VIII as passed on 28 Aug 2017 (Ord. 940-17), with federal law, without "
        "the executive orders or later Colorado law",
        rules=ARTICLE_VIII + FEDERAL,
        was_law=ARTICLE_VIII_IN_FORCE,
    ),
    Version(
        id="draft-2017-07",
        title="The López-Kniech draft introduced in July 2017 (never law)",
        rules=draft_2017_07.RULES + _inherited(ARTICLE_VIII, draft_2017_07.REPLACES) + FEDERAL,
        note="Known from its summary and news reports only; elsewhere assumed as enacted.",
    ),
    Version(
        id="committee-2017-08-02",
        title="The bill forwarded by committee on 2 Aug 2017, as 9News reported it: no release "
        "notice without a federal judicial warrant (never law)",
        rules=committee_2017_08_02.WARRANT_ONLY
        + _inherited(ARTICLE_VIII, committee_2017_08_02.REPLACES)
        + FEDERAL,
    ),
    Version(
        id="committee-2017-08-02-categories",
        title="The committee bill as Westword and Speroforum reported it: notices also for "
        "attested serious categories (never law)",
        rules=committee_2017_08_02.WITH_CATEGORIES
        + _inherited(ARTICLE_VIII, committee_2017_08_02.REPLACES)
        + FEDERAL,
    ),
)
