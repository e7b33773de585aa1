"""The finite, typed vocabulary of the decision contract.

Every value a situation may carry is listed here, so that a typo is an error rather than a
silently different answer, and so that `psepa check` can enumerate every case. The names are
the contract's (shared/spec/decision-contract.md); values may be added, never renamed.
"""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    """What a city actor is asking whether it may do."""

    HOLD_ON_DETAINER = "hold_on_detainer"
    ANSWER_NOTIFICATION_REQUEST = "answer_notification_request"
    GRANT_SECURE_AREA_ACCESS = "grant_secure_area_access"
    COORDINATE_REMOTE_INTERVIEW = "coordinate_remote_interview"
    ASK_STATUS = "ask_status"
    RECORD_STATUS = "record_status"
    APPLICATION_STATUS_QUESTION = "application_status_question"
    SHARE_STATUS = "share_status"
    SHARE_PERSONAL_INFORMATION = "share_personal_information"
    STOP_TO_DETERMINE_STATUS = "stop_to_determine_status"
    ARREST_ON_IMMIGRATION_GROUND = "arrest_on_immigration_ground"
    ASSIST_CIVIL_ENFORCEMENT = "assist_civil_enforcement"
    COMPLY_WITH_SUBPOENA = "comply_with_subpoena"
    APPLY_FOR_SCAAP = "apply_for_scaap"
    ASSIST_COURTHOUSE_CIVIL_ARREST = "assist_courthouse_civil_arrest"
    ENTER_DETENTION_AGREEMENT = "enter_detention_agreement"
    ALLOW_CITY_PROPERTY_USE = "allow_city_property_use"
    DELAY_RELEASE = "delay_release"
    RELAY_DETAINER = "relay_detainer"


ACTION_QUESTIONS: dict[Action, str] = {
    Action.HOLD_ON_DETAINER: "keep a person in custody past the moment they are eligible for "
    "release because of an immigration detainer or document",
    Action.ANSWER_NOTIFICATION_REQUEST: "tell federal immigration authorities when a person "
    "will be released",
    Action.GRANT_SECURE_AREA_ACCESS: "let federal immigration authorities into a secure area of a "
    "jail or city law-enforcement facility",
    Action.COORDINATE_REMOTE_INTERVIEW: "set up a phone or video interview between federal "
    "immigration authorities and a person in custody",
    Action.ASK_STATUS: "ask about, or act to find out, a person's national origin, immigration "
    "or citizenship status",
    Action.RECORD_STATUS: "write a person's national origin, immigration or citizenship status "
    "into a city record",
    Action.APPLICATION_STATUS_QUESTION: "ask about status on a city service or benefit "
    "application, or make the service depend on it",
    Action.SHARE_STATUS: "disclose a person's national origin, immigration or citizenship status",
    Action.SHARE_PERSONAL_INFORMATION: "disclose personal information (address, contacts, "
    "appointment times, release date)",
    Action.STOP_TO_DETERMINE_STATUS: "start a law-enforcement contact solely to find out status",
    Action.ARREST_ON_IMMIGRATION_GROUND: "arrest or detain someone solely on an immigration ground",
    Action.ASSIST_CIVIL_ENFORCEMENT: "assist or cooperate with a civil immigration "
    "investigation, detention or arrest",
    Action.COMPLY_WITH_SUBPOENA: "answer a subpoena for records or information",
    Action.APPLY_FOR_SCAAP: "apply for State Criminal Alien Assistance Program funds",
    Action.ASSIST_COURTHOUSE_CIVIL_ARREST: "help or allow a civil arrest at a courthouse or on "
    "the way to or from court",
    Action.ENTER_DETENTION_AGREEMENT: "make an agreement to detain people for civil immigration "
    "purposes",
    Action.ALLOW_CITY_PROPERTY_USE: "let federal immigration authorities use city property as a "
    "staging, processing or operations base",
    Action.DELAY_RELEASE: "delay a release to accommodate an immigration enforcement operation",
    Action.RELAY_DETAINER: "pass an immigration detainer on to another agency when the person "
    "is transferred",
}


class Actor(StrEnum):
    SHERIFF = "sheriff"
    POLICE = "police"
    PROBATION = "probation"
    PRETRIAL_SERVICES = "pretrial_services"
    COMMUNITY_CORRECTIONS = "community_corrections"
    COUNTY_COURT = "county_court"
    HUMAN_SERVICES = "human_services"
    CITY_DEPARTMENT = "city_department"
    STATE_AGENCY = "state_agency"


class Requester(StrEnum):
    FEDERAL_IMMIGRATION = "federal_immigration"
    FEDERAL_CRIMINAL = "federal_criminal"
    OTHER_LAW_ENFORCEMENT = "other_law_enforcement"
    CONSULATE = "consulate"
    PUBLIC = "public"
    NONE = "none"


class ReleaseBasis(StrEnum):
    """The six triggers of DRMC 28-253(b)(1), a. to f."""

    CHARGES_DISMISSED = "charges_dismissed"
    ACQUITTED = "acquitted"
    SENTENCE_SERVED = "sentence_served"
    BOND_POSTED = "bond_posted"
    OWN_RECOGNIZANCE = "own_recognizance"
    PRETRIAL_SERVICES_REFERRAL = "pretrial_services_referral"
    OTHER_LAW = "other_law"


class Document(StrEnum):
    I_247A = "i_247a"
    I_247N = "i_247n"
    I_247D = "i_247d"
    I_200 = "i_200"
    I_203 = "i_203"
    I_205 = "i_205"
    IMMIGRATION_JUDGE_ORDER = "immigration_judge_order"
    FEDERAL_JUDICIAL_WARRANT = "federal_judicial_warrant"
    STATE_JUDICIAL_WARRANT = "state_judicial_warrant"
    JUDICIAL_WRIT = "judicial_writ"
    COURT_ORDER = "court_order"
    JUDICIAL_SUBPOENA = "judicial_subpoena"
    ADMINISTRATIVE_SUBPOENA = "administrative_subpoena"


class Attestation(StrEnum):
    GANG_CONVICTION = "gang_conviction"
    VIOLENT_FELONY_CONVICTION = "violent_felony_conviction"
    TERRORISM_RISK = "terrorism_risk"


class Offence(StrEnum):
    """Offences a person in custody is charged with or was convicted of, as categories a
    detainer policy may name. Added to the contract for policy packs of other jurisdictions
    (Travis County's 2017 policy names murder, aggravated sexual assault and trafficking);
    Denver's law does not read it. No value may occur inside another (the SQL member test)."""

    MURDER = "murder"  # murder or capital murder (Tex. Penal Code 19.02, 19.03)
    AGGRAVATED_SEXUAL_ASSAULT = "aggravated_sexual_assault"  # Tex. Penal Code 22.021
    CONTINUOUS_SEXUAL_ABUSE_OF_CHILD = "continuous_sexual_abuse_of_child"  # 21.02
    TRAFFICKING_OF_PERSONS = "trafficking_of_persons"  # Tex. Penal Code 20A.02, 20A.03
    SMUGGLING_OF_PERSONS = "smuggling_of_persons"  # Tex. Penal Code 20.05, 20.06
    OTHER_FELONY = "other_felony"
    MISDEMEANOR = "misdemeanor"


class Purpose(StrEnum):
    CIVIL_IMMIGRATION = "civil_immigration"
    CRIMINAL = "criminal"
    CONSULAR = "consular"
    PROGRAM_ELIGIBILITY = "program_eligibility"
    EMPLOYMENT_ELIGIBILITY = "employment_eligibility"
    OTHER = "other"


class Information(StrEnum):
    IMMIGRATION_STATUS = "immigration_status"
    CITIZENSHIP = "citizenship"
    NATIONAL_ORIGIN = "national_origin"
    PLACE_OF_BIRTH = "place_of_birth"
    RELEASE_DATE = "release_date"
    ADDRESS = "address"
    CONTACTS = "contacts"
    APPOINTMENTS = "appointments"
    CHARGES = "charges"


class RequiredBy(StrEnum):
    FEDERAL_LAW = "federal_law"
    STATE_LAW = "state_law"
    CITY_LAW = "city_law"
    TREATY = "treaty"
    # Added to the contract: the July 2017 draft excused a "contractual" obligation (B-3);
    # the enacted text does not, so the value exists to show the difference.
    CONTRACT = "contract"


class Area(StrEnum):
    SECURE = "secure"
    PUBLIC = "public"


class CustodyEvent(StrEnum):
    """What a notification would announce. Added to the contract for edge case G-11."""

    RELEASE = "release"
    TRANSFER = "transfer"
    HOSPITALIZATION = "hospitalization"


class Verdict(StrEnum):
    PROHIBITED = "prohibited"
    PERMITTED = "permitted"
    REQUIRED = "required"
    NOT_REGULATED = "not_regulated"


class Confidence(StrEnum):
    """How firmly a verdict rests on the law; ordered from strongest to weakest."""

    TEXT = "text"
    REPORTED = "reported"
    INFERRED = "inferred"

    @property
    def weakness(self) -> int:
        return _WEAKNESS[self]


_WEAKNESS = {Confidence.TEXT: 0, Confidence.REPORTED: 1, Confidence.INFERRED: 2}


class Due(StrEnum):
    BEFORE = "before"
    NOW = "now"
    AT_RELEASE = "at_release"


# Which facts take which kind of value. The engine, the validator and the enumerator all read
# this one table.
ENUM_FACTS: dict[str, type[StrEnum]] = {
    "actor": Actor,
    "requester": Requester,
    "release_basis": ReleaseBasis,
    "purpose": Purpose,
    "information": Information,
    "required_by": RequiredBy,
    "area": Area,
    "custody_event": CustodyEvent,
}
BOOL_FACTS: tuple[str, ...] = (
    "eligible_for_release",
    "other_lawful_hold",
    "request_in_writing",
    "already_held",
    "advised_in_writing",
    "advised_in_own_language",
    "person_declined",
    "at_courthouse",
)
SET_FACTS: dict[str, type[StrEnum]] = {
    "documents": Document,
    "ice_attests": Attestation,
    "offences": Offence,
}

# A set fact is held as a bitmask: bit i stands for the i-th member of its enum.
SET_BITS: dict[str, dict[str, int]] = {
    name: {member.value: 1 << i for i, member in enumerate(enum)}
    for name, enum in SET_FACTS.items()
}
