"""C.R.S. 24-74 — SB21-131 (state agencies), extended to cities and counties by SB25-276.

Paraphrase ([S73]-[S75] for 2021; [S78]-[S84] for 2025; reported, text not read):
- State agency staff may not disclose non-public personal identifying information to
  investigate for, take part in, cooperate with or assist federal immigration enforcement,
  except as federal or state law requires or to comply with a court-issued subpoena, warrant or
  order; may not ask about status to check compliance with immigration law; and, from
  1 January 2022, may not collect place of birth, immigration or citizenship status, or
  passport, green card, alien registration or work-permit data, except as required by law,
  necessary for the employee's duties, or to verify eligibility for certain government-funded
  programs. Civil penalty up to $50,000 per violation.
- SB25-276 (signed 23 May 2025) extends the same limits to political subdivisions, Denver
  included, and their employees.
"""

from __future__ import annotations

import datetime as dt

from psepa.domain import Action, Confidence
from psepa.engine.citations import Cite, Window
from psepa.engine.conditions import Condition
from psepa.engine.rules import Rule, Unless, permitted, prohibited, steps_aside
from psepa.law.sources import CRS_24_74, cite_as
from psepa.law.vocabulary import (
    CITY_ACTOR,
    CONSULAR_PURPOSE,
    COURT_PROCESS,
    CRIMINAL_PURPOSE,
    IMMIGRATION_REQUEST,
    PERSONAL_KINDS,
    PROGRAM_ELIGIBILITY,
    REQUIRED_BY_LAW,
    REQUIRED_BY_LAW_OR_TREATY,
    STATE_AGENCY,
    topic,
)

REPORTED, INFERRED = Confidence.REPORTED, Confidence.INFERRED
STATE_AGENCIES = cite_as(CRS_24_74, "C.R.S. 24-74-104")
CITIES_2025 = cite_as(CRS_24_74, "C.R.S. 24-74 (SB25-276)")
CITIES_FROM = Window(dt.date(2025, 5, 23))
COLLECTION_FROM = Window(dt.date(2022, 1, 1))

STATUS_DATA = ("immigration_status", "citizenship", "place_of_birth")


def _collection(rule_id: str, who: Condition, where: Cite, window: Window) -> Rule:
    return Rule(
        id=rule_id,
        question="May staff ask about or collect place of birth, immigration or citizenship "
        "status?",
        source=CRS_24_74,
        actions=(Action.ASK_STATUS, Action.RECORD_STATUS, Action.APPLICATION_STATUS_QUESTION),
        applies=(
            who,
            topic(
                f"status data ({rule_id})",
                STATUS_DATA,
                unknown=True,
                words="place of birth, immigration or citizenship status",
            ),
        ),
        in_force=window,
        base=prohibited(
            "Staff may not ask about or collect place of birth, immigration or citizenship "
            "status, or passport, green card or work-permit data.",
            where,
            confidence=REPORTED,
        ),
        unless=(
            Unless(
                "required by law",
                REQUIRED_BY_LAW_OR_TREATY,
                permitted("It is allowed where a law requires it.", where, confidence=REPORTED),
            ),
            Unless(
                "program eligibility",
                PROGRAM_ELIGIBILITY,
                permitted(
                    "It is allowed where needed to verify eligibility for certain "
                    "government-funded programs.",
                    where,
                    confidence=REPORTED,
                ),
            ),
            Unless(
                "consular notification",
                CONSULAR_PURPOSE,
                permitted(
                    "A treaty duty such as consular notification is a requirement of law.",
                    where,
                    confidence=INFERRED,
                ),
            ),
        ),
    )


STATE_AGENCY_COLLECTION = _collection(
    "E-8 (state agencies)", STATE_AGENCY, STATE_AGENCIES, COLLECTION_FROM
)
CITY_COLLECTION = _collection("E-8", CITY_ACTOR, CITIES_2025, CITIES_FROM)


def _disclosure(rule_id: str, who: Condition, where: Cite, window: Window) -> Rule:
    return Rule(
        id=rule_id,
        question="May staff disclose non-public personal information for immigration enforcement?",
        source=CRS_24_74,
        actions=(Action.SHARE_PERSONAL_INFORMATION,),
        applies=(
            who,
            IMMIGRATION_REQUEST,
            topic(
                f"personal information ({rule_id})",
                PERSONAL_KINDS,
                unknown=True,
                words="personal information (address, contacts or appointment times)",
            ),
        ),
        in_force=window,
        base=prohibited(
            "Staff may not disclose non-public personal identifying information to "
            "investigate for, cooperate with or assist federal immigration enforcement.",
            where,
            confidence=REPORTED,
        ),
        unless=(
            Unless(
                "criminal investigation",
                CRIMINAL_PURPOSE,
                steps_aside(
                    "A criminal investigation is not immigration enforcement.",
                    where,
                    confidence=INFERRED,
                ),
            ),
            Unless(
                "court process",
                COURT_PROCESS,
                permitted(
                    "A court-issued subpoena, warrant or order allows it.",
                    where,
                    confidence=REPORTED,
                ),
            ),
            Unless(
                "required by law",
                REQUIRED_BY_LAW,
                permitted("Federal or state law requires it.", where, confidence=REPORTED),
            ),
        ),
    )


CITY_DISCLOSURE = _disclosure("E-8 (disclosure)", CITY_ACTOR, CITIES_2025, CITIES_FROM)
STATE_AGENCY_DISCLOSURE = _disclosure(
    "E-8 (state agencies, disclosure)", STATE_AGENCY, STATE_AGENCIES, Window(dt.date(2021, 6, 25))
)

RULES: tuple[Rule, ...] = (
    STATE_AGENCY_COLLECTION,
    CITY_COLLECTION,
    STATE_AGENCY_DISCLOSURE,
    CITY_DISCLOSURE,
)
