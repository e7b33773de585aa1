"""DRMC 28-253 — Civil immigration detainers and requests for voluntary notification.

Paraphrase ((a) and (b)(1)-(2) read; (b)(3) cut off; the operative rules after it were not
recovered and are known from reporting [S2, S5, S7, S20, S24, S25, S40, S41, S48]):
(a) The section deals with requests for non-mandatory civil immigration detainers, voluntary
notice of release, transmission of personal information, and other civil immigration documents
based solely on alleged civil violations. It does not touch the authority of city officers to
investigate or enforce any criminal law.
(b)(1) A person is "eligible for release from custody" when any one of these has happened:
charges dropped or dismissed; acquitted; sentence served; bond posted or released on own
recognizance; referred to pre-trial division services; or otherwise releasable under state or
city law.
(b)(2) A "civil immigration detainer" is a non-mandatory request under 8 C.F.R. 287.7 to keep
custody for up to 48 hours, such as ICE's form I-247A.
(b)(3) A "notification request" is a non-mandatory *written* request from federal immigration
authorities asking to be told [of a release] (the text breaks off).
Reported operative rules: no hold on a detainer once a person is eligible for release, absent a
judicial warrant; release notifications allowed (the August 2017 compromise) with an advisement
of rights and tracking for the council; personal information not given for civil enforcement;
ICE administrative subpoenas not answered without a court order.
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.citations import Source
from psepa.engine.conditions import Condition, Reading
from psepa.engine.rules import Outcome, Rule, Unless, permitted, prohibited, steps_aside
from psepa.law import obligations, readings
from psepa.law.sources import DRMC_28_250, DRMC_28_253, cite
from psepa.law.vocabulary import (
    ANNOUNCES_RELEASE,
    CITY_ACTOR,
    COURT_PROCESS,
    CRIMINAL_PURPOSE,
    ELIGIBLE_FOR_RELEASE,
    FEDERAL_WARRANT_OR_WRIT,
    IMMIGRATION_REQUEST,
    LAWFUL_BASIS_TO_KEEP,
    NO_OTHER_HOLD,
    PERSONAL_KINDS,
    REQUIRED_BY_LAW,
    WRITTEN_REQUEST,
    topic,
)

TEXT, REPORTED, INFERRED = Confidence.TEXT, Confidence.REPORTED, Confidence.INFERRED
SEC = cite(DRMC_28_253)
SEC_A = cite(DRMC_28_253, "(a)")

CRIMINAL_LAW_UNTOUCHED = steps_aside(
    "Section 28-253 does not limit the investigation or enforcement of criminal law.",
    SEC_A,
)

DETAINER_HOLD = Rule(
    id="A-15",
    question="May the jail keep a person who is eligible for release because of an "
    "immigration detainer?",
    source=DRMC_28_253,
    actions=(Action.HOLD_ON_DETAINER,),
    applies=(CITY_ACTOR, IMMIGRATION_REQUEST, ELIGIBLE_FOR_RELEASE, NO_OTHER_HOLD),
    not_applicable="the person is not held past release on the detainer",
    base=prohibited(
        "An immigration detainer is a request, not legal authority to hold: the person must be "
        "released on the normal schedule.",
        SEC,
        cite(DRMC_28_250, "(a)(1)"),
        confidence=REPORTED,
        obligations=(obligations.RELEASE_WITHOUT_DELAY,),
    ),
    overrides=("F-2",),
    precedence="A detainer is a voluntary request (8 C.F.R. 287.7), so the city may refuse it.",
    unless=(
        Unless(
            "judicial warrant or writ",
            FEDERAL_WARRANT_OR_WRIT,
            permitted(
                "Custody may continue on the authority of the federal judge's warrant or the "
                "writ, not the detainer.",
                SEC,
                confidence=REPORTED,
            ),
        ),
    ),
)


def notification_rule(
    rule_id: str,
    action: Action,
    source: Source,
    base: Outcome,
    unless: tuple[Unless, ...] = (),
    extra_scope: tuple[Condition, ...] = (),
    rule_readings: tuple[Reading, ...] = (),
) -> Rule:
    """A rule on answering ICE's request to be told of a release.

    Shared by the enacted text (A-16), the July draft (B-1) and the committee bill (C-1): the
    drafts differed in the base outcome and its exceptions, not in what a request is.
    """
    return Rule(
        id=rule_id,
        question="May the jail tell federal immigration authorities when a person will be "
        "released?",
        source=source,
        actions=(action,),
        applies=(CITY_ACTOR, IMMIGRATION_REQUEST, *extra_scope),
        readings=rule_readings,
        base=base,
        unless=(
            Unless("criminal law enforcement", CRIMINAL_PURPOSE, CRIMINAL_LAW_UNTOUCHED),
            Unless(
                "not in writing",
                ~WRITTEN_REQUEST,
                prohibited(
                    "Only a written request is a notification request; an oral or informal "
                    "request is not answered, but it is logged.",
                    cite(DRMC_28_253, "(b)(3)"),
                    cite(DRMC_28_250, "(a)"),
                    confidence=INFERRED,
                    obligations=(obligations.RECORD_REQUEST,),
                ),
            ),
            Unless(
                "not a release",
                ~ANNOUNCES_RELEASE,
                prohibited(
                    "Article VIII allows telling ICE of a release, not of a transfer or a "
                    "hospital stay; giving that notice would use city resources to assist "
                    "immigration enforcement.",
                    cite(DRMC_28_250, "(a)"),
                    confidence=INFERRED,
                    obligations=(obligations.RECORD_REQUEST,),
                    readings=(readings.TRANSFER_NOT_RELEASE,),
                ),
            ),
            *unless,
        ),
    )


ENACTED_NOTIFICATION = permitted(
    "The Sheriff may tell federal immigration authorities when the person will be released, "
    "with the duties the August 2017 compromise attached: advise the person, record the request, "
    "and never delay the release.",
    SEC,
    confidence=REPORTED,
    obligations=(
        obligations.ADVISE_NOTIFIED_PERSON,
        obligations.RECORD_REQUEST,
        obligations.RELEASE_WITHOUT_DELAY,
    ),
    readings=(readings.NOTIFICATION_ADVISEMENT,),
)

RELEASE_DATE = topic("release date", ("release_date",), unknown=False, words="a release date")

NOTIFICATION = notification_rule(
    "A-16", Action.ANSWER_NOTIFICATION_REQUEST, DRMC_28_253, ENACTED_NOTIFICATION
)
NOTIFICATION_AS_PERSONAL = notification_rule(
    "A-16 (release date)",
    Action.SHARE_PERSONAL_INFORMATION,
    DRMC_28_253,
    ENACTED_NOTIFICATION,
    extra_scope=(RELEASE_DATE,),
)

DELAY_RELEASE = Rule(
    id="A-17",
    question="May a release be delayed to accommodate immigration enforcement?",
    source=DRMC_28_253,
    actions=(Action.DELAY_RELEASE,),
    applies=(CITY_ACTOR,),
    base=prohibited(
        "A release may not be delayed for immigration enforcement; any notice to ICE goes out "
        "when it can within the normal release process.",
        SEC,
        confidence=REPORTED,
        obligations=(obligations.RELEASE_WITHOUT_DELAY,),
    ),
    unless=(
        Unless(
            "lawful basis to keep",
            LAWFUL_BASIS_TO_KEEP,
            steps_aside(
                "Custody that continues on a judge's warrant or writ, or on another criminal "
                "hold, is not a delay of release.",
                SEC,
                confidence=REPORTED,
            ),
        ),
    ),
)

PERSONAL_INFORMATION = Rule(
    id="A-19",
    question="May the city give federal immigration authorities a person's personal information?",
    source=DRMC_28_253,
    actions=(Action.SHARE_PERSONAL_INFORMATION,),
    applies=(
        CITY_ACTOR,
        IMMIGRATION_REQUEST,
        topic(
            "personal information",
            PERSONAL_KINDS,
            unknown=True,
            words="personal information (address, contacts or appointment times)",
        ),
    ),
    base=prohibited(
        "Personal information (addresses, contacts, appointment times) is not given to federal "
        "immigration authorities for civil immigration enforcement.",
        SEC_A,
        confidence=INFERRED,
    ),
    unless=(
        Unless(
            "criminal investigation",
            CRIMINAL_PURPOSE,
            permitted(
                "A request tied mainly to a criminal investigation is outside section 28-253.",
                SEC_A,
                confidence=REPORTED,
            ),
        ),
        Unless(
            "court process",
            COURT_PROCESS,
            permitted(
                "A court order, a court-issued subpoena or a judicial warrant compels it.",
                SEC_A,
                confidence=REPORTED,
            ),
        ),
        # Not in the reports; read in as for every other disclosure bar of article VIII.
        Unless(
            "required by law",
            REQUIRED_BY_LAW,
            permitted(
                "A federal or state law requires the disclosure.", SEC_A, confidence=INFERRED
            ),
        ),
    ),
)

SUBPOENA = Rule(
    id="A-20",
    question="Must the city answer a subpoena from federal immigration authorities?",
    source=DRMC_28_253,
    actions=(Action.COMPLY_WITH_SUBPOENA,),
    applies=(CITY_ACTOR, IMMIGRATION_REQUEST),
    base=prohibited(
        "Denver does not comply voluntarily with a subpoena that no court issued, such as an "
        "ICE administrative subpoena.",
        SEC_A,
        confidence=REPORTED,
    ),
    unless=(
        Unless(
            "criminal investigation",
            CRIMINAL_PURPOSE,
            permitted(
                "A subpoena mainly tied to a criminal investigation may be answered.",
                SEC_A,
                confidence=REPORTED,
            ),
        ),
        Unless(
            "court process",
            COURT_PROCESS,
            permitted(
                "A subpoena issued by a court, a court order or a judicial warrant may be "
                "answered within its terms.",
                SEC_A,
                confidence=REPORTED,
            ),
        ),
    ),
)

RULES: tuple[Rule, ...] = (
    DETAINER_HOLD,
    NOTIFICATION,
    NOTIFICATION_AS_PERSONAL,
    DELAY_RELEASE,
    PERSONAL_INFORMATION,
    SUBPOENA,
)
