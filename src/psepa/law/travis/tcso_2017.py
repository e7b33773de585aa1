"""Travis County Sheriff's Office Policy on Cooperation with U.S. Immigration and Customs
Enforcement, signed by Sheriff Sally Hernandez on 20 January 2017, effective 1 February 2017.

Paraphrase (the policy's two pages were read only as a poor OCR transcript of the copy Judicial
Watch published, "Travis TX Sanctuary Policy 2017", created 31 Jan 2017; the list of offences
was cut off in that transcript and is taken from reporting):
- An "ICE detainer request" is any ICE request that a local agency (a) tell ICE in advance of
  an inmate's release, or (b) keep an inmate past the time they would otherwise be released
  (charges resolved, probable cause not found, bail posted, sentence completed, another
  agency's hold ended, a court-ordered release). It includes DHS forms I-247, I-247D, I-247N
  and I-247X. A judicial warrant or a court order for continued detention is *not* a detainer
  request.
- TCSO complies with an ICE detainer request only (a) when it comes with a judicial warrant or
  a court order for continued detention, to the extent the warrant or order requires, or (b)
  when the person is charged with, or has been convicted of, one of a list of felonies under
  the Texas Penal Code. Reporting gives that list as capital murder and murder, aggravated
  sexual assault, and human trafficking or continuous smuggling of persons (KUT, 20 Mar and
  1 Jun 2017; KXAN, 23 Jan 2017; Opposing Views, Apr 2017).
- TCSO does not spend county time telling ICE of an inmate's release date, custody status or
  court dates unless ICE presents a judicial warrant or a court order (Fox 7 Austin, 20 Jan
  2017, quoting the policy).
- Not encoded: the Sheriff kept a case-by-case discretion, and after meeting the District
  Attorney put particular weight on crimes against children and the elderly (KUT, 1 Jun 2017).
  No rule can say how that discretion was used; the Travis comparison reports it as the likely
  cause of mismatches it cannot otherwise explain.
- Texas SB4 (2017), which later required counties to honour detainers, is not encoded.
"""

from __future__ import annotations

import datetime as dt

from psepa.domain import Action, Confidence
from psepa.engine.citations import Cite, Source, Window
from psepa.engine.conditions import Assumption, Condition, Reading, has, is_
from psepa.engine.rules import Rule, Unless, permitted, prohibited

REPORTED = Confidence.REPORTED

TCSO_POLICY_IN_FORCE = Window(dt.date(2017, 2, 1))

TCSO_ICE_POLICY = Source(
    id="tcso-ice-policy-2017",
    name="TCSO ICE Policy (2017)",
    title="Travis County Sheriff's Office Policy on Cooperation with U.S. Immigration and "
    "Customs Enforcement (effective 1 Feb 2017)",
    kind="county sheriff's policy",
    in_force=TCSO_POLICY_IN_FORCE,
    url="https://www.judicialwatch.org/document-archive/travis-tx-sanctuary-policy-2017/",
    note="Read only as an OCR transcript (Judicial Watch copy); the offence list was cut off "
    "and comes from KUT (20 Mar, 1 Jun 2017), KXAN (23 Jan 2017) and Fox 7 (20 Jan 2017). "
    "The Sheriff's own copy (tcsheriff.org, 'Download the TCSO ICE Policy') was not retrieved.",
)


def _cite(pinpoint: str = "") -> Cite:
    return Cite(f"{TCSO_ICE_POLICY.name}{pinpoint}", TCSO_ICE_POLICY)


OFFENCE_LIST = Reading(
    "tcso-offence-list-from-reporting",
    "The felonies for which TCSO honours a detainer are read as murder (including capital "
    "murder), aggravated sexual assault, trafficking of persons and smuggling of persons, as "
    "reporting summarised the policy; its own list was not read, and the Sheriff's "
    "case-by-case discretion is not encoded.",
    "TCSO ICE Policy (2017), offence list",
)
WARRANT_MUST_BE_JUDICIAL = Reading(
    "tcso-ice-warrant-not-judicial",
    "An ICE warrant of unknown kind is read as an administrative warrant (I-200/I-205), which "
    "the policy does not count as a judicial warrant.",
    "travis data README: the type of an ICE warrant is not recorded",
)

SHERIFF = Condition(
    "the sheriff's jail",
    holds="the Travis County Sheriff's Office holds the person",
    fails="the actor is not the sheriff's office, which the policy binds",
    expr=is_("actor", "sheriff", unknown=True),
    assumes=Assumption(("actor",), "The actor was not given; the answer assumes the sheriff."),
)
ICE_REQUEST = Condition(
    "request from ICE",
    holds="the request comes from federal immigration authorities",
    fails="the request does not come from federal immigration authorities",
    expr=is_("requester", "federal_immigration", unknown=True),
    assumes=Assumption(
        ("requester",), "The requester was not given; the answer assumes ICE."
    ),
)
DETAINER_REQUEST = Condition(
    "ICE detainer request",
    holds="an ICE detainer request (I-247, I-247A, I-247D or I-247N) was lodged",
    fails="no ICE detainer request was lodged",
    expr=has("documents", "i_247a", "i_247d", "i_247n"),
)
JUDICIAL_WARRANT_OR_ORDER = Condition(
    "judicial warrant or court order",
    holds="a judicial warrant or a court order for continued detention came with the request",
    fails="no judicial warrant and no court order for continued detention came with the "
    "request (an ICE administrative warrant is not one)",
    expr=has("documents", "federal_judicial_warrant", "state_judicial_warrant", "court_order"),
    cites=(_cite("(a)"),),
)
LISTED_FELONY = Condition(
    "listed felony",
    holds="the person is charged with or was convicted of murder, aggravated sexual assault, "
    "trafficking or smuggling of persons",
    fails="the person is not charged with and was not convicted of any felony on the policy's "
    "list (murder, aggravated sexual assault, trafficking or smuggling of persons)",
    expr=has(
        "offences",
        "murder",
        "aggravated_sexual_assault",
        "trafficking_of_persons",
        "smuggling_of_persons",
    ),
    cites=(_cite("(b)"),),
    readings=(OFFENCE_LIST,),
)

DETAINERS = Rule(
    id="TX-1",
    question="Does the Travis County jail honour an ICE detainer request?",
    source=TCSO_ICE_POLICY,
    actions=(Action.HOLD_ON_DETAINER,),
    applies=(SHERIFF, ICE_REQUEST, DETAINER_REQUEST),
    base=prohibited(
        "TCSO declines ICE detainer requests: the person is released as anyone else would be.",
        _cite(),
        confidence=REPORTED,
        readings=(WARRANT_MUST_BE_JUDICIAL,),
    ),
    unless=(
        Unless(
            "judicial warrant or court order",
            JUDICIAL_WARRANT_OR_ORDER,
            permitted(
                "TCSO complies to the extent the judicial warrant or court order requires.",
                _cite("(a)"),
                confidence=REPORTED,
            ),
        ),
        Unless(
            "listed felony",
            LISTED_FELONY,
            permitted(
                "TCSO honours the detainer: the person is charged with or was convicted of a "
                "felony on the policy's list.",
                _cite("(b)"),
                confidence=REPORTED,
            ),
        ),
    ),
    overrides=("F-2",),
    precedence="A detainer is a voluntary request (8 C.F.R. 287.7), so the sheriff may decline "
    "it.",
)

NOTIFICATION = Rule(
    id="TX-2",
    question="Does the Travis County jail tell ICE when a person will be released?",
    source=TCSO_ICE_POLICY,
    actions=(Action.ANSWER_NOTIFICATION_REQUEST,),
    applies=(SHERIFF, ICE_REQUEST),
    base=prohibited(
        "TCSO does not spend county time telling ICE of a release date, custody status or "
        "court dates.",
        _cite(),
        confidence=REPORTED,
    ),
    unless=(
        Unless(
            "judicial warrant or court order",
            JUDICIAL_WARRANT_OR_ORDER,
            permitted(
                "With a judicial warrant or a court order, TCSO may tell ICE.",
                _cite("(a)"),
                confidence=REPORTED,
            ),
        ),
    ),
)

RULES: tuple[Rule, ...] = (DETAINERS, NOTIFICATION)
