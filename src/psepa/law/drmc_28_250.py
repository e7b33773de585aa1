"""DRMC 28-250 — Use of city funds and resources limited; exceptions.

Paraphrase (official text read up to (a)(5), then cut off; [S1]):
(a) Unless article VIII itself authorises it, no part of the city, expressly including county
court staff, probation, pre-trial services and community corrections, may use city money or
resources to help enforce federal immigration law. That includes:
  (1) helping, in an official capacity, with any investigation, detention or arrest about an
      alleged *civil* immigration violation;
  (2) asking about national origin, immigration or citizenship status, or doing anything meant
      to find it out, except as far as a federal, state or city law or regulation, or a treaty
      of the United States, requires;
  (3) asking about any of these on an application for city services or benefits, or making a
      service depend on them, except as far as a law or regulation requires (no treaty here);
  (4) passing on information about any of these, except as far as a law or regulation (the code
      names 8 U.S.C. 1373 and 1644 as examples) or a treaty requires;
  (5) starting a law-enforcement contact solely to find out status, or arresting or detaining
      anyone solely on t[...] (the text breaks off here).
The exceptions promised by the title were not recovered (law-rules.md H.1).
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.conditions import Reading
from psepa.engine.rules import Rule, Unless, permitted, prohibited
from psepa.law import obligations, readings
from psepa.law.sources import DRMC_28_250, DRMC_28_253, VCCR_36, cite
from psepa.law.vocabulary import (
    CITY_ACTOR,
    CONSULAR_PURPOSE,
    CONSULATE_REQUEST,
    CRIMINAL_PURPOSE,
    JUDGE_SIGNED,
    JUDICIAL_WARRANT_OR_WRIT,
    REQUIRED_BY_LAW,
    REQUIRED_BY_LAW_OR_TREATY,
    SECTION_1373_REQUEST,
    STATUS_KINDS,
    topic,
)

TEXT, REPORTED, INFERRED = Confidence.TEXT, Confidence.REPORTED, Confidence.INFERRED

A_LEAD = cite(DRMC_28_250, "(a)")
A_1 = cite(DRMC_28_250, "(a)(1)")
A_2 = cite(DRMC_28_250, "(a)(2)")
A_3 = cite(DRMC_28_250, "(a)(3)")
A_4 = cite(DRMC_28_250, "(a)(4)")
A_5 = cite(DRMC_28_250, "(a)(5)")

DENVER_STRICTER = (
    "Denver's ordinance is stricter here, and Colorado law leaves the city free to add limits."
)

GENERAL_RESOURCES = Rule(
    id="A-1",
    question="May city resources be used for this part of immigration enforcement?",
    source=DRMC_28_250,
    actions=(Action.ENTER_DETENTION_AGREEMENT, Action.ALLOW_CITY_PROPERTY_USE),
    applies=(CITY_ACTOR,),
    base=prohibited(
        "No city money, staff time, equipment, data or property may be used to help enforce "
        "federal immigration law unless article VIII itself allows it.",
        A_LEAD,
        confidence=INFERRED,
        readings=(readings.GENERAL_RESOURCES_BAR,),
    ),
    unless=(
        Unless(
            "judge-signed authority",
            JUDGE_SIGNED,
            permitted(
                "Acting on a warrant, writ or order signed by a judge is read as one of the "
                "section's unrecovered exceptions.",
                A_LEAD,
                confidence=INFERRED,
            ),
        ),
    ),
)

RELAY_DETAINER = Rule(
    id="A-1 (relay)",
    question="May the jail pass an immigration detainer on to another agency?",
    source=DRMC_28_250,
    actions=(Action.RELAY_DETAINER,),
    applies=(CITY_ACTOR,),
    # No judge-signed exception: a criminal warrant authorises custody on the charge, not
    # passing ICE's civil request along (law-rules.md G-3, H.8).
    base=prohibited(
        "Passing ICE's detainer on to another agency would use city resources to assist "
        "immigration enforcement; the person is held, if at all, on the criminal warrant.",
        A_LEAD,
        confidence=INFERRED,
        readings=(readings.NO_RELAYING_DETAINERS, readings.GENERAL_RESOURCES_BAR),
    ),
)

CIVIL_ENFORCEMENT = Rule(
    id="A-2",
    question="May a city actor assist a civil immigration investigation, detention or arrest?",
    source=DRMC_28_250,
    actions=(Action.ASSIST_CIVIL_ENFORCEMENT, Action.ASSIST_COURTHOUSE_CIVIL_ARREST),
    applies=(CITY_ACTOR,),
    base=prohibited(
        "City staff may not assist or cooperate, in their official capacity, with an "
        "investigation, detention or arrest about an alleged civil immigration violation.",
        A_1,
        confidence=TEXT,
    ),
    unless=(
        Unless(
            "criminal law enforcement",
            CRIMINAL_PURPOSE,
            permitted(
                "Investigating or enforcing a criminal law is not restricted, but no city "
                "resource may support a civil immigration arrest made alongside it.",
                cite(DRMC_28_253, "(a)"),
                A_1,
                confidence=REPORTED,
                obligations=(obligations.NO_CIVIL_ARREST_SUPPORT,),
            ),
        ),
        Unless(
            "judge-signed authority",
            JUDGE_SIGNED,
            permitted(
                "Honoring a warrant, writ or order signed by a judge is read as one of the "
                "section's unrecovered exceptions.",
                A_LEAD,
                confidence=INFERRED,
            ),
        ),
    ),
)


def _ask_status(rule_id: str, kinds: tuple[str, ...], extra: tuple[Reading, ...]) -> Rule:
    return Rule(
        id=rule_id,
        question="May a city actor ask about or record national origin, immigration or "
        "citizenship status?",
        overrides=("E-8",),
        precedence=DENVER_STRICTER,
        source=DRMC_28_250,
        actions=(Action.ASK_STATUS, Action.RECORD_STATUS),
        applies=(
            CITY_ACTOR,
            topic(
                f"status ({rule_id})",
                kinds,
                unknown=rule_id == "A-3",
                words="national origin, immigration or citizenship status",
            ),
        ),
        base=prohibited(
            "City staff may not ask about national origin, immigration or citizenship status, "
            "or do anything meant to find it out.",
            A_2,
            confidence=TEXT,
            readings=extra,
        ),
        unless=(
            Unless(
                "required by law or treaty",
                REQUIRED_BY_LAW_OR_TREATY,
                permitted(
                    "Asking is allowed to the extent a federal, state or city law or "
                    "regulation, or a treaty of the United States, requires it.",
                    A_2,
                    confidence=TEXT,
                    obligations=(obligations.LIMIT_TO_REQUIRED_EXTENT,),
                    readings=extra,
                ),
            ),
            Unless(
                "consular notification",
                CONSULAR_PURPOSE,
                permitted(
                    "Asking nationality for consular notification is what the treaty "
                    "requires, and the treaty exception allows it.",
                    A_2,
                    cite(VCCR_36, "(1)(b)"),
                    confidence=INFERRED,
                    obligations=(obligations.LIMIT_TO_REQUIRED_EXTENT,),
                    readings=extra,
                ),
            ),
        ),
    )


ASK_STATUS = _ask_status("A-3", STATUS_KINDS, ())
ASK_PLACE_OF_BIRTH = _ask_status(
    "A-3 (place of birth)", ("place_of_birth",), (readings.PLACE_OF_BIRTH_IS_ORIGIN,)
)


def _application(rule_id: str, kinds: tuple[str, ...], extra: tuple[Reading, ...]) -> Rule:
    return Rule(
        id=rule_id,
        question="May a city application ask about status, or a service depend on it?",
        overrides=("E-8",),
        precedence=DENVER_STRICTER,
        source=DRMC_28_250,
        actions=(Action.APPLICATION_STATUS_QUESTION,),
        applies=(
            CITY_ACTOR,
            topic(
                f"application ({rule_id})",
                kinds,
                unknown=rule_id == "A-4",
                words="national origin, immigration or citizenship status",
            ),
        ),
        base=prohibited(
            "A city service or benefit application may not ask about national origin, "
            "immigration or citizenship status, and no service may depend on it.",
            A_3,
            confidence=TEXT,
            readings=extra,
        ),
        unless=(
            # No treaty exception in (a)(3), unlike (a)(2) and (a)(4).
            Unless(
                "required by law",
                REQUIRED_BY_LAW,
                permitted(
                    "The question is allowed to the extent a federal, state or city law or "
                    "regulation requires it (a treaty does not excuse it here).",
                    A_3,
                    confidence=TEXT,
                    obligations=(obligations.LIMIT_TO_REQUIRED_EXTENT,),
                    readings=extra,
                ),
            ),
        ),
    )


APPLICATION_QUESTION = _application("A-4", STATUS_KINDS, ())
APPLICATION_PLACE_OF_BIRTH = _application(
    "A-4 (place of birth)", ("place_of_birth",), (readings.PLACE_OF_BIRTH_IS_ORIGIN,)
)


def _share_status(
    rule_id: str,
    action: Action,
    kinds: tuple[str, ...],
    *,
    unknown: bool,
    extra: tuple[Reading, ...] = (),
) -> Rule:
    section_1373 = Unless(
        "8 U.S.C. 1373",
        SECTION_1373_REQUEST,
        permitted(
            "The city may answer a federal immigration request for citizenship or "
            "immigration status it already holds (the code names 8 U.S.C. 1373); it "
            "need not, and should not, collect any.",
            A_4,
            confidence=INFERRED,
            readings=extra,
        ),
    )
    # 1373 reaches citizenship and immigration status, not national origin or birthplace.
    status_kinds = {"immigration_status", "citizenship"}
    return Rule(
        id=rule_id,
        question="May a city actor pass on a person's national origin, immigration or "
        "citizenship status?",
        source=DRMC_28_250,
        actions=(action,),
        applies=(
            CITY_ACTOR,
            topic(
                f"shared status ({rule_id})",
                kinds,
                unknown=unknown,
                words="national origin, immigration or citizenship status",
            ),
        ),
        base=prohibited(
            "City staff may not pass on information about a person's national origin, "
            "immigration or citizenship status.",
            A_4,
            confidence=TEXT,
            readings=(readings.LITERAL_28_250, *extra),
        ),
        unless=(
            Unless(
                "required by law or treaty",
                REQUIRED_BY_LAW_OR_TREATY,
                permitted(
                    "Passing it on is allowed to the extent a law, regulation or treaty requires.",
                    A_4,
                    confidence=TEXT,
                    obligations=(obligations.LIMIT_TO_REQUIRED_EXTENT,),
                    readings=extra,
                ),
            ),
            Unless(
                "consular notification",
                CONSULATE_REQUEST,
                permitted(
                    "Consular notification is the treaty duty that (a)(4) excepts.",
                    A_4,
                    cite(VCCR_36, "(1)(b)"),
                    confidence=INFERRED,
                    obligations=(obligations.LIMIT_TO_REQUIRED_EXTENT,),
                    readings=extra,
                ),
            ),
            *((section_1373,) if status_kinds & set(kinds) else ()),
        ),
    )


SHARE_STATUS = _share_status("A-5", Action.SHARE_STATUS, STATUS_KINDS, unknown=True)
SHARE_PLACE_OF_BIRTH = _share_status(
    "A-5 (place of birth)",
    Action.SHARE_STATUS,
    ("place_of_birth",),
    unknown=False,
    extra=(readings.PLACE_OF_BIRTH_IS_ORIGIN,),
)
# The same duty when the disclosure was filed as "personal information" but is about status.
SHARE_STATUS_AS_PERSONAL = _share_status(
    "A-5 (as personal information)",
    Action.SHARE_PERSONAL_INFORMATION,
    (*STATUS_KINDS, "place_of_birth"),
    unknown=False,
)

STOP_FOR_STATUS = Rule(
    id="A-6",
    question="May an officer start a contact solely to find out someone's status?",
    source=DRMC_28_250,
    actions=(Action.STOP_TO_DETERMINE_STATUS,),
    applies=(CITY_ACTOR,),
    base=prohibited(
        "No law-enforcement stop, contact or inquiry may be started solely to find out a "
        "person's national origin, immigration or citizenship status.",
        A_5,
        confidence=TEXT,
    ),
)

ARREST_ON_IMMIGRATION_GROUND = Rule(
    id="A-7",
    question="May a city actor arrest or detain someone solely on an immigration ground?",
    source=DRMC_28_250,
    actions=(Action.ARREST_ON_IMMIGRATION_GROUND,),
    applies=(CITY_ACTOR,),
    base=prohibited(
        "No one may be arrested or detained solely on an immigration ground: status, a "
        "suspected civil violation, a civil detainer or an ICE administrative warrant.",
        A_5,
        confidence=INFERRED,
        readings=(readings.GROUND_SET_28_250_A5,),
    ),
    unless=(
        Unless(
            "judicial warrant or writ",
            JUDICIAL_WARRANT_OR_WRIT,
            permitted(
                "An arrest on a warrant or writ signed by a judge rests on that, not on an "
                "immigration ground.",
                A_LEAD,
                confidence=REPORTED,
            ),
        ),
    ),
)

RULES: tuple[Rule, ...] = (
    SHARE_STATUS_AS_PERSONAL,
    ASK_STATUS,
    ASK_PLACE_OF_BIRTH,
    APPLICATION_QUESTION,
    APPLICATION_PLACE_OF_BIRTH,
    SHARE_STATUS,
    SHARE_PLACE_OF_BIRTH,
    STOP_FOR_STATUS,
    ARREST_ON_IMMIGRATION_GROUND,
    CIVIL_ENFORCEMENT,
    GENERAL_RESOURCES,
    RELAY_DETAINER,
)
