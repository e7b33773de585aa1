"""The conditions the rules are made of, named as the law names them.

Each condition says in plain words what it means when it holds and when it fails; those words
are the explanation a clerk reads. How each reads an absent fact is part of the definition.
"""

from __future__ import annotations

from psepa.engine.citations import Cite
from psepa.engine.conditions import (
    Assumption,
    Condition,
    all_of,
    any_of,
    has,
    is_,
    known,
    no,
    not_,
    yes,
)
from psepa.law import readings
from psepa.law.sources import CFR_287_7, CRS_24_76_6, DRMC_28_253, cite, cite_as

CITY_ACTORS = (
    "sheriff",
    "police",
    "probation",
    "pretrial_services",
    "community_corrections",
    "county_court",
    "human_services",
    "city_department",
)

CITY_ACTOR = Condition(
    "city actor",
    holds="the actor is part of the City and County of Denver",
    fails="the actor is a state agency, which the city ordinance does not bind",
    expr=is_("actor", *CITY_ACTORS, unknown=True),
    assumes=Assumption(
        ("actor",),
        "The actor was not given; the answer assumes a Denver department or officer.",
    ),
    readings=(readings.STATE_ACTOR_NOT_CITY,),
)

# C.R.S. 24-76.6-101: "law enforcement officer" is a peace officer of the State Patrol, a
# municipal police force, a town marshal or a county sheriff. A state agency acting in this
# way is taken to be such a body.
PEACE_OFFICER = Condition(
    "peace officer",
    holds="the actor is a peace officer (sheriff, police or a state law-enforcement agency)",
    fails="the actor is not a peace officer",
    expr=is_("actor", "sheriff", "police", "state_agency", unknown=True),
    assumes=CITY_ACTOR.assumes,
)

JAIL_CUSTODIAN = Condition(
    "jail custodian",
    holds="the actor keeps people in custody (sheriff, police or a state agency)",
    fails="the actor does not keep people in custody",
    expr=is_("actor", "sheriff", "police", "state_agency", unknown=True),
    assumes=CITY_ACTOR.assumes,
)

IMMIGRATION_REQUEST = Condition(
    "immigration request",
    holds="the request comes from federal immigration authorities",
    fails="the request does not come from federal immigration authorities",
    expr=is_("requester", "federal_immigration", unknown=True),
    assumes=Assumption(
        ("requester",),
        "The requester was not given; the answer assumes federal immigration authorities, whom "
        "this action concerns.",
    ),
)

CONSULATE_REQUEST = Condition(
    "consular request",
    holds="a foreign consulate asks, for consular notification",
    fails="this is not a consular notification",
    expr=all_of(is_("requester", "consulate"), is_("purpose", "consular", unknown=True)),
    readings=(readings.CONSULAR_TREATY,),
)


CONSULAR_PURPOSE = Condition(
    "consular purpose",
    holds="it is for consular notification under the Vienna Convention",
    fails="it is not for consular notification",
    expr=is_("purpose", "consular"),
    readings=(readings.CONSULAR_TREATY,),
)

SECTION_1373_REQUEST = Condition(
    "1373 request for held status",
    holds="federal immigration authorities ask for citizenship or immigration status the city "
    "already lawfully holds",
    fails="this is not a federal immigration request for citizenship or immigration status the "
    "city already holds",
    expr=all_of(
        is_("requester", "federal_immigration"),
        yes("already_held"),
        is_("information", "immigration_status", "citizenship"),
    ),
    readings=(readings.SECTION_1373,),
)


def _eligible(cites: tuple[Cite, ...], key: str) -> Condition:
    return Condition(
        f"eligible for release ({key})",
        holds="the person is eligible for release from custody",
        fails="the person is not yet eligible for release, so nothing is held past release",
        expr=any_of(yes("eligible_for_release", unknown=True), known("release_basis")),
        cites=cites,
        assumes=Assumption(
            ("eligible_for_release", "release_basis"),
            "Whether the person is eligible for release was not given; the answer assumes "
            "they are, the reading that guards against an unlawful hold.",
        ),
    )


def _no_other_hold(key: str) -> Condition:
    return Condition(
        f"no independent hold ({key})",
        holds="no independent criminal hold (a criminal warrant, or a sentence in another case) "
        "keeps the person in custody",
        fails="an independent criminal hold keeps the person in custody, so custody rests on it "
        "and not on the immigration request",
        expr=not_(any_of(yes("other_lawful_hold"), has("documents", "state_judicial_warrant"))),
        readings=(readings.OTHER_HOLD_NOT_ELIGIBLE, readings.JUDICIAL_WARRANT_ANY_JUDGE),
    )


ELIGIBLE_FOR_RELEASE = _eligible((cite(DRMC_28_253, "(b)(1)"),), "city")
NO_OTHER_HOLD = _no_other_hold("city")
ELIGIBLE_FOR_RELEASE_CO = _eligible((cite_as(CRS_24_76_6, "C.R.S. 24-76.6-101(2)"),), "Colorado")
NO_OTHER_HOLD_CO = _no_other_hold("Colorado")
ELIGIBLE_FOR_RELEASE_FEDERAL = _eligible((cite(CFR_287_7, "(d)"),), "federal")
NO_OTHER_HOLD_FEDERAL = _no_other_hold("federal")

DETAINER_FORM = Condition(
    "detainer form",
    holds="an ICE detainer form (I-247A or I-247D) was lodged",
    fails="no ICE detainer form asking for a hold was lodged",
    expr=has("documents", "i_247a", "i_247d"),
)

FEDERAL_WARRANT_OR_WRIT = Condition(
    "federal warrant or writ",
    holds="a warrant signed by a federal judge or magistrate, or a judge's writ, was shown",
    fails="no warrant signed by a federal judge or magistrate and no judge's writ was shown "
    "(an ICE form such as the I-200 or I-205, or an immigration judge's order, is not one)",
    expr=has("documents", "federal_judicial_warrant", "judicial_writ"),
)

FEDERAL_JUDICIAL_WARRANT = Condition(
    "federal judicial warrant",
    holds="federal immigration authorities presented a warrant signed by a federal judge or "
    "magistrate",
    fails="no warrant signed by a federal judge or magistrate was presented (an ICE "
    "administrative warrant such as the I-200 is not one)",
    expr=has("documents", "federal_judicial_warrant"),
)

JUDGE_SIGNED = Condition(
    "judge-signed authority",
    holds="a warrant, writ or order signed by a judge was shown",
    fails="no warrant, writ or order signed by a judge was shown (ICE's own forms are not one)",
    expr=has(
        "documents",
        "federal_judicial_warrant",
        "state_judicial_warrant",
        "judicial_writ",
        "court_order",
    ),
    readings=(readings.JUDGE_SIGNED_EXCEPTION,),
)

JUDICIAL_WARRANT_OR_WRIT = Condition(
    "judicial warrant or writ",
    holds="a criminal warrant signed by a judge or magistrate, or a judge's writ, was shown",
    fails="no warrant signed by a judge or magistrate and no judge's writ was shown (an ICE "
    "administrative warrant or an NCIC administrative hit is not one)",
    expr=has("documents", "federal_judicial_warrant", "state_judicial_warrant", "judicial_writ"),
    readings=(readings.JUDGE_SIGNED_EXCEPTION,),
)

JUDICIAL_ARREST_WARRANT = Condition(
    "judicial arrest warrant",
    holds="a criminal arrest warrant signed by a judge or magistrate was shown",
    fails="no arrest warrant signed by a judge or magistrate was shown (an ICE administrative "
    "warrant or an NCIC administrative hit is not one)",
    expr=has("documents", "federal_judicial_warrant", "state_judicial_warrant"),
    readings=(readings.JUDGE_SIGNED_EXCEPTION,),
)

COURT_PROCESS = Condition(
    "court process",
    holds="a court order, a subpoena issued by a court, or a judicial warrant was shown",
    fails="no court order, court-issued subpoena or judicial warrant was shown (an ICE "
    "administrative subpoena is not one)",
    expr=has(
        "documents",
        "court_order",
        "judicial_subpoena",
        "federal_judicial_warrant",
        "state_judicial_warrant",
    ),
)

COURT_ORDER = Condition(
    "court order",
    holds="a court has ordered it",
    fails="no court has ordered it",
    expr=has("documents", "court_order"),
    readings=(readings.COURT_ORDER_COVERS_ACTION,),
)

JUDICIAL_SUBPOENA = Condition(
    "judicial subpoena",
    holds="the subpoena was issued by a court",
    fails="the subpoena was not issued by a court (an ICE administrative subpoena is not)",
    expr=has("documents", "judicial_subpoena"),
)

CRIMINAL_PURPOSE = Condition(
    "criminal purpose",
    holds="the request concerns investigating or enforcing a criminal law",
    fails="the request was not shown to concern a criminal investigation",
    expr=is_("purpose", "criminal"),
    cites=(cite(DRMC_28_253, "(a)"),),
)

REQUIRED_BY_LAW = Condition(
    "required by law",
    holds="a federal, state or city law or regulation requires it",
    fails="no federal, state or city law or regulation was shown to require it",
    expr=is_("required_by", "federal_law", "state_law", "city_law"),
)

REQUIRED_BY_LAW_OR_TREATY = Condition(
    "required by law or treaty",
    holds="a federal, state or city law or regulation, or a treaty of the United States, "
    "requires it",
    fails="no law, regulation or treaty was shown to require it",
    expr=is_("required_by", "federal_law", "state_law", "city_law", "treaty"),
)

WRITTEN_REQUEST = Condition(
    "written request",
    holds="the request is in writing",
    fails="the request is not in writing (a phone call or informal message is not a "
    "notification request)",
    expr=any_of(yes("request_in_writing"), has("documents", "i_247a", "i_247n", "i_247d")),
    cites=(cite(DRMC_28_253, "(b)(3)"),),
    assumes=Assumption(
        ("request_in_writing",),
        "Whether the request was in writing was not given; unless an ICE form was listed, it "
        "is read as not written.",
    ),
    readings=(readings.ORAL_REQUEST_NOT_NOTIFICATION,),
)

ANNOUNCES_RELEASE = Condition(
    "announces release",
    holds="the notice would announce a release from custody",
    fails="the notice would announce a transfer or a hospital stay, not a release",
    expr=is_("custody_event", "release", unknown=True),
)

SECURE_AREA = Condition(
    "secure area",
    holds="the area is a secure area (not open to the public; entry by case-by-case permission)",
    fails="the area is open to the general public, which DRMC 28-252 does not cover",
    expr=is_("area", "secure", unknown=True),
    assumes=Assumption(
        ("area",), "The area was not given; it is treated as a secure area of the facility."
    ),
)

PERSON_DECLINED = Condition(
    "person declined",
    holds="the person declined the interview",
    fails="the person has not declined the interview",
    expr=yes("person_declined"),
)

NOT_ADVISED_IN_WRITING = Condition(
    "not advised in writing",
    holds="the person has not been advised of their rights in writing",
    fails="it is not recorded that the written advisement was missed",
    expr=no("advised_in_writing"),
)

NOT_ADVISED_IN_OWN_LANGUAGE = Condition(
    "not advised in own language",
    holds="the written advisement was not in the person's language of choice",
    fails="it is not recorded that the advisement was in a language other than theirs",
    expr=no("advised_in_own_language"),
)

ADVISED = Condition(
    "advised",
    holds="the person has been advised of their rights in writing, in their language of choice",
    fails="the written advisement in the person's language has not yet been recorded as given",
    expr=all_of(yes("advised_in_writing"), yes("advised_in_own_language")),
)

AT_COURTHOUSE = Condition(
    "at courthouse",
    holds="the arrest would be at a courthouse, or on the way to or from court",
    fails="the arrest would not be at a courthouse or on the way to or from court",
    expr=yes("at_courthouse", unknown=True),
    assumes=Assumption(
        ("at_courthouse",),
        "Whether this is at a courthouse was not given; this action is about courthouse arrests, "
        "so it is assumed.",
    ),
)

PROGRAM_ELIGIBILITY = Condition(
    "program eligibility",
    holds="it is needed to verify eligibility for a government-funded program",
    fails="it is not for verifying eligibility for a government-funded program",
    expr=is_("purpose", "program_eligibility"),
)

PROBATION = Condition(
    "probation",
    holds="the actor is a probation officer or employee",
    fails="the actor is not probation",
    expr=is_("actor", "probation"),
)

PRETRIAL = Condition(
    "pretrial services",
    holds="the actor is a pretrial services officer",
    fails="the actor is not pretrial services",
    expr=is_("actor", "pretrial_services"),
)

STATE_AGENCY = Condition(
    "state agency",
    holds="the actor is a Colorado state agency",
    fails="the actor is not a state agency",
    expr=is_("actor", "state_agency"),
)

SHERIFF = Condition(
    "sheriff",
    holds="the actor is the Sheriff",
    fails="the actor is not the Sheriff",
    expr=is_("actor", "sheriff", unknown=True),
    assumes=CITY_ACTOR.assumes,
)

ATTESTED_CATEGORY = Condition(
    "attested category",
    holds="ICE attests the person is a convicted gang member, a convicted violent felon or a "
    "certified terrorism risk",
    fails="ICE attests none of the listed categories (gang conviction, violent felony "
    "conviction, terrorism risk)",
    expr=has("ice_attests", "gang_conviction", "violent_felony_conviction", "terrorism_risk"),
)

JUDICIAL_ARREST_WARRANT_DRAFT = Condition(
    "judicially issued arrest warrant",
    holds="a judicially issued arrest warrant accompanies the request",
    fails="no judicially issued arrest warrant accompanies the request",
    expr=has("documents", "federal_judicial_warrant", "state_judicial_warrant"),
)

LAWFUL_BASIS_TO_KEEP = Condition(
    "lawful basis to keep",
    holds="a judge's warrant or writ, or an independent criminal hold, keeps the person in "
    "custody, so it is not a delay of release",
    fails="no judge's warrant or writ and no independent criminal hold keeps the person",
    expr=any_of(
        yes("other_lawful_hold"),
        has("documents", "federal_judicial_warrant", "state_judicial_warrant", "judicial_writ"),
    ),
)

# Kinds of information. `information` absent is read as the kind the action is about.
STATUS_KINDS = ("immigration_status", "citizenship", "national_origin")
PERSONAL_KINDS = ("address", "contacts", "appointments")


def topic(key: str, kinds: tuple[str, ...], *, unknown: bool, words: str) -> Condition:
    """The information concerned is one of `kinds` (an absent kind reads as `unknown`)."""
    return Condition(
        f"topic: {key}",
        holds=f"the information is {words}",
        fails=f"the information is not {words}",
        expr=is_("information", *kinds, unknown=unknown),
        assumes=Assumption(
            ("information",),
            f"The kind of information was not given; it is read as {words}.",
        )
        if unknown
        else None,
    )
