"""Executive Order No. 152 (Mayor Johnston, 26 February 2026).

Paraphrase (known from news reports [S55], [S56], [S112]; text not read): federal immigration
agents may not use city property as a staging area, processing location or operations base, or
use city vehicles or equipment, without a judicial warrant or court order; city databases and
technology are not shared with the Department of Homeland Security without a subpoena, judicial
warrant or court order; sensitive spaces stay off limits.
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.rules import Rule, Unless, permitted, prohibited
from psepa.law import readings
from psepa.law.sources import EO_152, cite
from psepa.law.vocabulary import (
    CITY_ACTOR,
    COURT_PROCESS,
    IMMIGRATION_REQUEST,
    JUDGE_SIGNED,
    PERSONAL_KINDS,
    REQUIRED_BY_LAW,
    topic,
)

REPORTED, INFERRED = Confidence.REPORTED, Confidence.INFERRED
SEC = cite(EO_152)

CITY_PROPERTY = Rule(
    id="EO152-1",
    question="May federal immigration authorities use city property as a base?",
    source=EO_152,
    actions=(Action.ALLOW_CITY_PROPERTY_USE,),
    applies=(CITY_ACTOR, IMMIGRATION_REQUEST),
    base=prohibited(
        "Federal immigration agents may not use city property as a staging area, processing "
        "location or operations base, nor city vehicles or equipment.",
        SEC,
        confidence=REPORTED,
    ),
    unless=(
        Unless(
            "judicial warrant or court order",
            JUDGE_SIGNED,
            permitted("A judicial warrant or court order allows it.", SEC, confidence=REPORTED),
        ),
    ),
)

DATA_SHARING = Rule(
    id="EO152-2",
    question="May city data about a person be shared with the Department of Homeland Security?",
    source=EO_152,
    actions=(Action.SHARE_PERSONAL_INFORMATION,),
    applies=(
        CITY_ACTOR,
        IMMIGRATION_REQUEST,
        topic(
            "personal information (EO 152)",
            PERSONAL_KINDS,
            unknown=True,
            words="personal information (address, contacts or appointment times)",
        ),
    ),
    base=prohibited(
        "City databases and technology are not shared with the Department of Homeland "
        "Security without court process.",
        SEC,
        confidence=REPORTED,
        readings=(readings.EO_152_SUBPOENA,),
    ),
    unless=(
        Unless(
            "court process",
            COURT_PROCESS,
            permitted(
                "Court process allows the disclosure.",
                SEC,
                confidence=REPORTED,
                readings=(readings.EO_152_SUBPOENA,),
            ),
        ),
        # An executive order cannot forbid what a statute requires.
        Unless(
            "required by law",
            REQUIRED_BY_LAW,
            permitted("A federal or state law requires the disclosure.", SEC, confidence=INFERRED),
        ),
    ),
    overrides=("A-19",),
    precedence="EO 152 (2026) has no criminal-purpose exception for sharing with Homeland "
    "Security, and the stricter limit governs.",
)

RULES: tuple[Rule, ...] = (CITY_PROPERTY, DATA_SHARING)
