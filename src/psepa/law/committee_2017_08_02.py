"""The council bill as forwarded by committee on 2 August 2017. Never law.

Paraphrase: 9News reported that it would stop jail staff contacting ICE about a release without
a warrant signed by a federal judge or magistrate [S18]; Westword and Speroforum reported that
notices would still go out for certain serious categories (violent offenders, gang members)
[S22], [S53]. The reports cannot both be right, so both readings are kept as versions.
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.conditions import Reading
from psepa.engine.rules import Rule, Unless, permitted, prohibited
from psepa.law import obligations, readings
from psepa.law.drmc_28_253 import RELEASE_DATE, notification_rule
from psepa.law.sources import COMMITTEE_2017_08_02, cite
from psepa.law.vocabulary import ATTESTED_CATEGORY, FEDERAL_JUDICIAL_WARRANT

SEC = cite(COMMITTEE_2017_08_02)
DUTIES = (obligations.RECORD_REQUEST, obligations.RELEASE_WITHOUT_DELAY)

WARRANT = Unless(
    "federal judicial warrant",
    FEDERAL_JUDICIAL_WARRANT,
    permitted(
        "A federal judge's or magistrate's warrant comes with the request.",
        SEC,
        confidence=Confidence.REPORTED,
        obligations=DUTIES,
    ),
)
CATEGORY = Unless(
    "attested category",
    ATTESTED_CATEGORY,
    permitted(
        "ICE attests a listed serious category.",
        SEC,
        confidence=Confidence.REPORTED,
        obligations=DUTIES,
    ),
)


def _rules(suffix: str, reading: Reading, unless: tuple[Unless, ...]) -> tuple[Rule, ...]:
    base = prohibited(
        "Jail staff do not tell ICE of a release without a warrant signed by a federal judge "
        "or magistrate.",
        SEC,
        confidence=Confidence.REPORTED,
        obligations=DUTIES,
    )
    return (
        notification_rule(
            f"C-1{suffix}",
            Action.ANSWER_NOTIFICATION_REQUEST,
            COMMITTEE_2017_08_02,
            base,
            unless,
            rule_readings=(reading,),
        ),
        notification_rule(
            f"C-1{suffix} (release date)",
            Action.SHARE_PERSONAL_INFORMATION,
            COMMITTEE_2017_08_02,
            base,
            unless,
            extra_scope=(RELEASE_DATE,),
            rule_readings=(reading,),
        ),
    )


WARRANT_ONLY = _rules("", readings.COMMITTEE_WARRANT_ONLY, (WARRANT,))
WITH_CATEGORIES = _rules(" (categories)", readings.COMMITTEE_WITH_CATEGORIES, (WARRANT, CATEGORY))
REPLACES: frozenset[str] = frozenset({"A-16", "A-16 (release date)"})
