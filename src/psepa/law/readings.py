"""The readings psepa chose where the law is unclear.

Every answer that rests on one of these carries it as a flag, so a person can see that the
answer depends on a choice, and which. The questions are those of law-rules.md section H and
the edge cases of section G; none of these is settled law.
"""

from __future__ import annotations

from psepa.engine.conditions import Reading

JUDICIAL_WARRANT_ANY_JUDGE = Reading(
    "state-warrant-is-independent-hold",
    "A warrant signed by a state judge, shown with a detainer, is read as an independent "
    "criminal basis for custody, so the person is held on it and not on the detainer; for "
    "access to secure areas only a federal judge's warrant counts, as DRMC 28-252(a) says.",
    "law-rules.md H.4, G-3",
)
OTHER_HOLD_NOT_ELIGIBLE = Reading(
    "other-hold-not-eligible",
    "Another lawful hold (a criminal warrant, a sentence in another case) is read as keeping the "
    "person not eligible for release, under DRMC 28-253(b)(1)f.",
    "law-rules.md 0.3",
)
ORAL_REQUEST_NOT_NOTIFICATION = Reading(
    "oral-request-not-notification",
    "A request made by phone or informally is read as not a notification request, which DRMC "
    "28-253(b)(3) defines as written; it is not answered, and it is logged.",
    "law-rules.md H.3, A-18",
)
NOTIFICATION_ADVISEMENT = Reading(
    "notification-advisement-modelled-on-28-252b",
    "The advisement owed to a person about whom ICE is notified is known only from reporting; "
    "psepa asks for it in writing, in the person's language, before the notice or at the latest "
    "before release, modelled on DRMC 28-252(b).",
    "law-rules.md H.2, A-16",
)
TRANSFER_NOT_RELEASE = Reading(
    "transfer-notice-not-release",
    "A transfer or a hospital stay is read as not a release from custody, so article VIII does "
    "not authorise telling ICE of it, and the general bar of DRMC 28-250(a) applies.",
    "law-rules.md H.8, G-11",
)
NO_RELAYING_DETAINERS = Reading(
    "no-relaying-detainers",
    "Passing a detainer on to another agency is read as using city resources to assist "
    "immigration enforcement, which DRMC 28-250(a) forbids.",
    "law-rules.md H.8, G-3",
)
LITERAL_28_250 = Reading(
    "literal-28-250-a",
    "DRMC 28-250(a)(2) to (a)(4) are read literally, not limited to immigration-enforcement "
    "purposes: sharing status with, say, another police department is also barred unless a law "
    "or treaty requires it.",
    "law-rules.md H.5, G-25",
)
SECTION_1373 = Reading(
    "section-1373-answers-held-status",
    "Following the city's own 2017 gloss, 8 U.S.C. 1373 is read as letting the city answer a "
    "federal immigration request for citizenship or immigration status it already lawfully "
    "holds; it creates no duty to collect any.",
    "law-rules.md H.6, A-5",
)
PLACE_OF_BIRTH_IS_ORIGIN = Reading(
    "place-of-birth-is-national-origin",
    "Asking where a person was born is read as asking about national origin.",
    "law-rules.md G-18",
)
GROUND_SET_28_250_A5 = Reading(
    "28-250-a5-ground-set",
    "DRMC 28-250(a)(5) breaks off at 'solely on t...'; psepa reads the grounds as immigration "
    "status, a suspected civil violation, a civil detainer, an administrative immigration "
    "warrant (including an NCIC administrative-warrant hit) or a prior removal order.",
    "law-rules.md H.1, A-7",
)
JUDGE_SIGNED_EXCEPTION = Reading(
    "judge-signed-exception",
    "The exceptions of DRMC 28-250 were not recovered; psepa reads honoring a warrant, writ or "
    "order signed by a judge as one of them, as the sponsors described ('show us a warrant').",
    "law-rules.md A-8",
)
GENERAL_RESOURCES_BAR = Reading(
    "general-resources-bar",
    "This act is read as using city funds or resources to assist the enforcement of federal "
    "immigration law, which the lead-in of DRMC 28-250(a) forbids even where no listed item "
    "names it.",
    "law-rules.md A-1, A-8",
)
RELEASE_DATE_NOT_PII = Reading(
    "release-date-not-pii",
    "A release date and time is read as not 'personal identifying information' under "
    "C.R.S. 24-74 as extended by SB25-276, so release notifications stay lawful after 2025, as "
    "other Colorado sheriffs reported continuing them.",
    "law-rules.md H.7, A-17, S89",
)
DRAFT_AS_ENACTED = Reading(
    "draft-assumed-as-enacted",
    "The July 2017 draft and the committee bill are known only from summaries; where those are "
    "silent, this version is assumed to say what the enacted article VIII says.",
    "law-rules.md B, C",
)
COMMITTEE_WARRANT_ONLY = Reading(
    "committee-warrant-only",
    "Reports differ on the committee bill of 2 Aug 2017; this version follows 9News: no release "
    "notice without a federal judge's or magistrate's warrant. Version "
    "committee-2017-08-02-categories keeps the other reading.",
    "law-rules.md C-1",
)
COMMITTEE_WITH_CATEGORIES = Reading(
    "committee-with-categories",
    "Reports differ on the committee bill of 2 Aug 2017; this version follows Westword and "
    "Speroforum: release notices also allowed where ICE attests a listed serious category.",
    "law-rules.md C-1",
)
COURT_ORDER_COVERS_ACTION = Reading(
    "court-order-covers-action",
    "A 'court_order' document is read as an order of a court directing this very disclosure or "
    "act; its scope is not checked by psepa.",
    "law-rules.md F-3",
)
EO_152_SUBPOENA = Reading(
    "eo-152-court-process",
    "EO 152 is reported to allow sharing city data with DHS on a 'subpoena'; psepa reads that "
    "as a subpoena issued by a court, as Denver has treated ICE's own subpoenas since 2020.",
    "law-rules.md A-10, A-20",
)
ADVISEMENT_PENDING = Reading(
    "advisement-pending-is-a-duty",
    "When it is not yet recorded whether the written advisement was given, the interview is "
    "answered as permitted only after that duty is done; when it is recorded as not given, the "
    "interview is prohibited.",
    "law-rules.md A-11, A-12",
)
STATE_ACTOR_NOT_CITY = Reading(
    "state-actor-not-city",
    "A state employee working in Denver (for example district-court probation) is read as not "
    "bound by the city ordinance, though Colorado law binds them.",
    "law-rules.md 0.3, G-24",
)
DETAINER_HOLD_FOURTH_AMENDMENT = Reading(
    "detainer-hold-is-voluntary",
    "Federal regulation only asks for the hold, and courts have treated holds without probable "
    "cause as new arrests under the Fourth Amendment (Galarza; Miranda-Olivares); 'permitted' "
    "here means federal law does not forbid it, not that it is safe.",
    "law-rules.md F-2",
)
CONSULAR_TREATY = Reading(
    "consular-notification-is-treaty-duty",
    "Consular notification under article 36 of the Vienna Convention is read as the treaty "
    "requirement that the ordinance's treaty exceptions point to.",
    "law-rules.md F-4",
)
