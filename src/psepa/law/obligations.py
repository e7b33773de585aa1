"""Duties that follow from answers: one definition each, cited, with when they fall due."""

from __future__ import annotations

from psepa.domain import Due
from psepa.engine.rules import Obligation
from psepa.law.sources import (
    CRS_24_76_6,
    DRMC_28_250,
    DRMC_28_252,
    DRMC_28_253,
    FEDERAL_COURT_ORDERS,
    cite,
    cite_as,
)

ADVISE_RIGHTS_IN_WRITING = Obligation(
    "advise_rights_in_writing",
    "Before any interview, give the person a written advisement in their language of choice "
    "that (1) federal immigration authorities are seeking the interview, (2) they may decline "
    "it and stay silent, (3) they may speak to a lawyer first, and (4) anything they say may be "
    "used against them later, including in immigration court. If no written version exists in "
    "their language, the interview waits.",
    Due.BEFORE,
    (cite(DRMC_28_252, "(b)"),),
)
ADVISE_RIGHTS_BEFORE_INTERVIEW = Obligation(
    "advise_rights_before_interview",
    "Before the interview, tell the person the same four things: who is seeking it, that they "
    "may decline and stay silent, that they may see a lawyer first, and that what they say may "
    "be used against them.",
    Due.BEFORE,
    (cite_as(CRS_24_76_6, "C.R.S. 24-76.6-103"),),
)
SAME_TERMS_AS_PUBLIC = Obligation(
    "same_terms_as_public",
    "Arrange the call only on the terms on which members of the public may phone or video-call "
    "a person in the jail.",
    Due.NOW,
    (cite(DRMC_28_252, "(b)"),),
)
ADVISE_NOTIFIED_PERSON = Obligation(
    "advise_notified_person",
    "Tell the person, in writing and in their language of choice, that federal immigration "
    "authorities asked to be told of their release and that a notice was or will be sent, "
    "together with their rights: to stay silent, to speak to a lawyer, and that what they say "
    "may be used against them. Do it before the notice goes out, and in any case before "
    "release.",
    Due.BEFORE,
    (cite(DRMC_28_253),),
)
RECORD_REQUEST = Obligation(
    "record_request",
    "Log the request and what followed (when it came, the form and papers, any advisement, any "
    "notice sent and how long before release) for the quarterly count to City Council. Record "
    "no immigration or citizenship status.",
    Due.NOW,
    (cite(DRMC_28_253),),
)
RELEASE_WITHOUT_DELAY = Obligation(
    "release_without_delay",
    "Release the person on the normal schedule. A notice to ICE goes out when it can, and never "
    "holds the release back.",
    Due.AT_RELEASE,
    (cite(DRMC_28_253),),
)
LIMIT_TO_REQUIRED_EXTENT = Obligation(
    "limit_to_required_extent",
    "Ask, record or share only what the law or treaty requires, and nothing more.",
    Due.NOW,
    (cite(DRMC_28_250, "(a)(2)"),),
)
NO_CIVIL_ARREST_SUPPORT = Obligation(
    "no_civil_arrest_support",
    "Help only with the criminal investigation: no city resource may support a civil "
    "immigration arrest made alongside it.",
    Due.NOW,
    (cite(DRMC_28_250, "(a)(1)"),),
)
COMPLY_WITHIN_ORDER = Obligation(
    "comply_within_order_scope",
    "Do what the court ordered and no more: check what the order covers before disclosing.",
    Due.NOW,
    (cite(FEDERAL_COURT_ORDERS),),
)
