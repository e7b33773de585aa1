"""C.R.S. 24-76.6 — HB19-1124 (from 28 May 2019), as amended by SB25-276 (from 23 May 2025).

Paraphrase ([S30]-[S32] for 2019, text of the definitions read; [S78]-[S84] for 2025, reported):
- 101: a "civil immigration detainer" is any written request under 8 C.F.R. 287.7 to keep
  custody past eligibility for release, *and* any ICE arrest warrant, detain-or-release order or
  removal warrant on any federal form (the I-200, I-203 and I-205 included).
- 102: no peace officer may arrest or detain anyone on the basis of a civil immigration
  detainer; officers may help execute a warrant signed by a federal judge or magistrate, or
  honor a judge's writ transferring a prisoner to or from federal custody.
- 103: probation officers and employees may not give personal information to federal
  immigration authorities (pretrial officers added in 2025); before a phone or video interview
  that law enforcement arranges, the person must be told the same four things as DRMC 28-252(b).
- SB25-276: no delaying a release for an immigration operation (a delay is a new warrantless
  arrest); no access for immigration authorities to non-public areas of a jail without a
  federal judge's warrant or writ.
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.conditions import Condition
from psepa.engine.rules import Rule, Unless, permitted, prohibited, steps_aside
from psepa.law import obligations
from psepa.law.sources import CRS_24_76_6, CRS_24_76_6_SB25_276, cite_as
from psepa.law.vocabulary import (
    COURT_PROCESS,
    ELIGIBLE_FOR_RELEASE_CO,
    FEDERAL_WARRANT_OR_WRIT,
    IMMIGRATION_REQUEST,
    JAIL_CUSTODIAN,
    JUDICIAL_ARREST_WARRANT,
    LAWFUL_BASIS_TO_KEEP,
    NO_OTHER_HOLD_CO,
    PEACE_OFFICER,
    PERSONAL_KINDS,
    PRETRIAL,
    PROBATION,
    REQUIRED_BY_LAW,
    SECURE_AREA,
    topic,
)

TEXT, REPORTED, INFERRED = Confidence.TEXT, Confidence.REPORTED, Confidence.INFERRED
S102 = cite_as(CRS_24_76_6, "C.R.S. 24-76.6-102")
S103 = cite_as(CRS_24_76_6, "C.R.S. 24-76.6-103")
S101 = cite_as(CRS_24_76_6, "C.R.S. 24-76.6-101(1)")
SB25 = cite_as(CRS_24_76_6_SB25_276, "C.R.S. 24-76.6 (SB25-276)")

COOPERATE_ON_WARRANT = permitted(
    "Officers may help execute a warrant signed by a federal judge or magistrate, or honor a "
    "judge's writ transferring a prisoner to or from federal custody.",
    S102,
    confidence=REPORTED,
)
NO_DETAINER_HOLD_TEXT = (
    "No peace officer may arrest or detain anyone on the basis of a civil immigration detainer, "
    "which in Colorado law includes ICE's own arrest warrants, detain orders and removal "
    "warrants (I-200, I-203, I-205)."
)

DETAINER_HOLD = Rule(
    id="E-1",
    question="May a peace officer keep a person on a civil immigration detainer?",
    source=CRS_24_76_6,
    actions=(Action.HOLD_ON_DETAINER,),
    applies=(PEACE_OFFICER, IMMIGRATION_REQUEST, ELIGIBLE_FOR_RELEASE_CO, NO_OTHER_HOLD_CO),
    base=prohibited(NO_DETAINER_HOLD_TEXT, S102, S101, confidence=TEXT),
    unless=(Unless("federal warrant or writ", FEDERAL_WARRANT_OR_WRIT, COOPERATE_ON_WARRANT),),
    overrides=("F-2",),
    precedence="A detainer is a voluntary request (8 C.F.R. 287.7), so Colorado may forbid "
    "honoring it.",
)

DETAINER_ARREST = Rule(
    id="E-1 (arrest)",
    question="May a peace officer arrest someone on a civil immigration detainer or ICE warrant?",
    source=CRS_24_76_6,
    actions=(Action.ARREST_ON_IMMIGRATION_GROUND,),
    applies=(PEACE_OFFICER,),
    base=prohibited(NO_DETAINER_HOLD_TEXT, S102, S101, confidence=TEXT),
    unless=(
        Unless("federal warrant or writ", FEDERAL_WARRANT_OR_WRIT, COOPERATE_ON_WARRANT),
        Unless(
            "state judge's warrant",
            JUDICIAL_ARREST_WARRANT,
            steps_aside(
                "An arrest on a state judge's criminal warrant is not made on the basis of a "
                "civil immigration detainer.",
                S102,
                confidence=REPORTED,
            ),
        ),
    ),
)


def _personal_information(rule_id: str, who: Condition, in_force_note: str) -> Rule:
    return Rule(
        id=rule_id,
        question="May probation or pretrial staff give federal immigration authorities a "
        "person's personal information?",
        source=CRS_24_76_6 if rule_id == "E-3" else CRS_24_76_6_SB25_276,
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
        base=prohibited(
            f"{in_force_note} may not give personal information (home or work contact details, "
            "family and emergency contacts, meeting and appointment times) to federal "
            "immigration authorities.",
            S103 if rule_id == "E-3" else SB25,
            confidence=REPORTED,
        ),
        unless=(
            # Not in the reports; read in so that a court's order or a statute is obeyed, as
            # the statute's general savings clauses would require.
            Unless(
                "court process or law",
                COURT_PROCESS,
                permitted(
                    "A court order, court-issued subpoena or judicial warrant compels it.",
                    S103,
                    confidence=INFERRED,
                ),
            ),
            Unless(
                "required by law",
                REQUIRED_BY_LAW,
                permitted(
                    "A federal or state law requires the disclosure.",
                    S103,
                    confidence=INFERRED,
                ),
            ),
        ),
        overrides=("A-19",),
        precedence="Colorado's bar on probation and pretrial staff has no criminal-purpose "
        "exception, and state law binds the city.",
    )


PROBATION_PERSONAL_INFORMATION = _personal_information("E-3", PROBATION, "Probation staff")
PRETRIAL_PERSONAL_INFORMATION = _personal_information(
    "E-3 (pretrial)", PRETRIAL, "Pretrial services staff"
)

REMOTE_INTERVIEW = Rule(
    id="E-4",
    question="What must happen before law enforcement arranges a phone or video ICE interview?",
    source=CRS_24_76_6,
    actions=(Action.COORDINATE_REMOTE_INTERVIEW,),
    applies=(PEACE_OFFICER, IMMIGRATION_REQUEST),
    base=permitted(
        "Before a phone or video interview that law enforcement arranges, the person must be "
        "told who seeks it and of their rights to decline, to a lawyer, and that what they say "
        "may be used against them.",
        S103,
        confidence=REPORTED,
        obligations=(obligations.ADVISE_RIGHTS_BEFORE_INTERVIEW,),
    ),
)

DELAY_RELEASE = Rule(
    id="E-7",
    question="May a jail delay a release for an immigration enforcement operation?",
    source=CRS_24_76_6_SB25_276,
    actions=(Action.DELAY_RELEASE,),
    applies=(JAIL_CUSTODIAN,),
    base=prohibited(
        "A jail may not delay anyone's release for an immigration enforcement operation; "
        "holding a person who has bonded out on a detainer is a new warrantless arrest.",
        SB25,
        confidence=REPORTED,
        obligations=(obligations.RELEASE_WITHOUT_DELAY,),
    ),
    unless=(
        Unless(
            "lawful basis to keep",
            LAWFUL_BASIS_TO_KEEP,
            steps_aside(
                "Custody on a judge's warrant or writ, or another criminal hold, is not a delay.",
                SB25,
                confidence=REPORTED,
            ),
        ),
    ),
)

NONPUBLIC_AREAS = Rule(
    id="E-9",
    question="May federal immigration authorities enter non-public areas of a jail?",
    source=CRS_24_76_6_SB25_276,
    actions=(Action.GRANT_SECURE_AREA_ACCESS,),
    applies=(IMMIGRATION_REQUEST, SECURE_AREA),
    base=prohibited(
        "Federal immigration authorities may not enter non-public areas of a jail or "
        "correctional facility, and no one is handed over to them at release, without a federal "
        "judge's warrant or writ.",
        SB25,
        confidence=REPORTED,
    ),
    unless=(
        Unless(
            "federal warrant or writ",
            FEDERAL_WARRANT_OR_WRIT,
            permitted(
                "Access on a federal judge's warrant or writ is allowed.", SB25, confidence=REPORTED
            ),
        ),
    ),
)

RULES_2019: tuple[Rule, ...] = (
    DETAINER_HOLD,
    DETAINER_ARREST,
    PROBATION_PERSONAL_INFORMATION,
    REMOTE_INTERVIEW,
)
RULES_2025: tuple[Rule, ...] = (PRETRIAL_PERSONAL_INFORMATION, DELAY_RELEASE, NONPUBLIC_AREAS)
