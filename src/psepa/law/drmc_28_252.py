"""DRMC 28-252 — Limitations on access to secure areas of city and county jails and related
facilities.

Paraphrase (official text read in full; [S3]):
(a) Federal immigration authorities may not be let into, or use, the secure areas of any city
or county jail or other city-owned law-enforcement facility, to conduct investigative interviews
or for any other purpose related to enforcing federal immigration law, unless they present a
warrant issued by a federal judge or magistrate. A "secure area" is any part of the facility not
generally open to the public, where a city officer or employee admits people case by case.
(b) Neither (a) nor 28-250 stops city law-enforcement officials from arranging phone or video
interviews between federal immigration authorities and people in the jail, to the same extent
the public may phone or video-call them; but no such interview may happen until the person has
been advised in writing, in their language of choice, of at least these rights: (1) federal
immigration authorities are the ones seeking the interview; (2) they may decline it and stay
silent; (3) they may speak to a lawyer before it; (4) anything they say may be used against them
later, including in immigration court.
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.citations import Cite
from psepa.engine.conditions import Condition, Reading
from psepa.engine.rules import Rule, Unless, permitted, prohibited
from psepa.law import obligations, readings
from psepa.law.sources import DRMC_28_252, cite
from psepa.law.vocabulary import (
    ADVISED,
    CITY_ACTOR,
    FEDERAL_JUDICIAL_WARRANT,
    IMMIGRATION_REQUEST,
    NOT_ADVISED_IN_OWN_LANGUAGE,
    NOT_ADVISED_IN_WRITING,
    PERSON_DECLINED,
    SECURE_AREA,
)

TEXT, INFERRED = Confidence.TEXT, Confidence.INFERRED
SEC_A = cite(DRMC_28_252, "(a)")
SEC_B = cite(DRMC_28_252, "(b)")


def secure_area_rule(
    rule_id: str, source_cite: Cite, warrant: Condition, confidence: Confidence
) -> Rule:
    """A-9 as enacted; the July 2017 draft (B-2) reuses the shape with its own warrant."""
    return Rule(
        id=rule_id,
        question="May federal immigration authorities enter or use a secure area of a city jail "
        "or law-enforcement facility?",
        source=source_cite.source,
        actions=(Action.GRANT_SECURE_AREA_ACCESS,),
        applies=(CITY_ACTOR, IMMIGRATION_REQUEST, SECURE_AREA),
        overrides=("E-9",),
        precedence="Denver admits only on a federal judge's or magistrate's warrant, a "
        "stricter limit than Colorado's, and the city may add limits.",
        not_applicable="the section covers only secure areas, and only federal immigration "
        "authorities",
        base=prohibited(
            "Federal immigration authorities may not enter or use the secure areas of a city or "
            "county jail or other city-owned law-enforcement facility, for interviews or for any "
            "other immigration-enforcement purpose.",
            source_cite,
            confidence=confidence,
        ),
        unless=(
            Unless(
                "judicial warrant",
                warrant,
                permitted(
                    "Access is allowed on the warrant, and only to the areas and acts the "
                    "warrant covers.",
                    source_cite,
                    confidence=confidence,
                    readings=(
                        Reading(
                            "warrant-scope",
                            "A warrant is read as opening only the areas and acts it covers.",
                            "law-rules.md A-9",
                        ),
                    ),
                ),
            ),
        ),
    )


SECURE_AREA_ACCESS = secure_area_rule("A-9", SEC_A, FEDERAL_JUDICIAL_WARRANT, TEXT)

REMOTE_INTERVIEW = Rule(
    id="A-11",
    question="May the jail set up a phone or video interview between federal immigration "
    "authorities and a person in custody?",
    source=DRMC_28_252,
    actions=(Action.COORDINATE_REMOTE_INTERVIEW,),
    applies=(CITY_ACTOR, IMMIGRATION_REQUEST),
    overrides=("E-4",),
    precedence="Denver requires the advisement in writing and in the person's language, more "
    "than Colorado does, and the city may add limits.",
    base=permitted(
        "A phone or video interview may be arranged, on the same terms as the public's calls, "
        "but only after the person has been advised of their rights in writing, in their "
        "language of choice.",
        SEC_B,
        confidence=TEXT,
        obligations=(obligations.ADVISE_RIGHTS_IN_WRITING, obligations.SAME_TERMS_AS_PUBLIC),
        readings=(readings.ADVISEMENT_PENDING,),
    ),
    unless=(
        Unless(
            "person declined",
            PERSON_DECLINED,
            prohibited(
                "The person has the right to decline and has declined: no interview is arranged.",
                cite(DRMC_28_252, "(b)(2)"),
                confidence=INFERRED,
            ),
        ),
        Unless(
            "no written advisement",
            NOT_ADVISED_IN_WRITING,
            prohibited(
                "No interview may take place until the person has been advised of their rights "
                "in writing.",
                SEC_B,
                confidence=TEXT,
                obligations=(obligations.ADVISE_RIGHTS_IN_WRITING,),
            ),
        ),
        Unless(
            "advisement not in own language",
            NOT_ADVISED_IN_OWN_LANGUAGE,
            prohibited(
                "No interview may take place until the written advisement has been given in the "
                "person's language of choice.",
                SEC_B,
                confidence=TEXT,
                obligations=(obligations.ADVISE_RIGHTS_IN_WRITING,),
            ),
        ),
        Unless(
            "advised",
            ADVISED,
            permitted(
                "The person has been advised in writing in their language; the interview may be "
                "arranged on the same terms as the public's calls.",
                SEC_B,
                confidence=TEXT,
                obligations=(obligations.SAME_TERMS_AS_PUBLIC,),
            ),
        ),
    ),
)

RULES: tuple[Rule, ...] = (SECURE_AREA_ACCESS, REMOTE_INTERVIEW)
