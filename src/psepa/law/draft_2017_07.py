"""The July 2017 draft (López-Kniech, summary dated 14 July, unveiled 19 July 2017). Never law.

Paraphrase of where it differed from the enacted text (draft summary [S5] and 9News's list
[S7]; the draft's own wording was never seen):
- B-1: the Sheriff could answer ICE's release-notification requests only when ICE attests the
  person is a convicted gang member, a convicted violent felon or a certified terrorism risk, or
  the request comes with a judicially issued arrest warrant.
- B-2: no ICE entry to secure jail areas to arrest people being released; no in-person
  investigative interviews there without a warrant (its kind unstated).
- B-3/B-4: the Sheriff could not collect or record citizenship or national origin unless a
  state, federal *or contractual* obligation required it, but could ask and share with consulates
  as federal law and treaties require.
Elsewhere the draft is assumed to say what the enacted article VIII says (law-rules.md B).
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.conditions import Condition, has, is_
from psepa.engine.rules import Rule, Unless, permitted, prohibited
from psepa.law import obligations
from psepa.law.drmc_28_252 import secure_area_rule
from psepa.law.drmc_28_253 import RELEASE_DATE, notification_rule
from psepa.law.sources import DRAFT_2017_07, cite
from psepa.law.vocabulary import (
    ATTESTED_CATEGORY,
    CONSULAR_PURPOSE,
    JUDICIAL_ARREST_WARRANT_DRAFT,
    SHERIFF,
    STATUS_KINDS,
    topic,
)

REPORTED = Confidence.REPORTED
SEC = cite(DRAFT_2017_07)

NOTIFY_ONLY_PRIORITIES = prohibited(
    "The Sheriff does not answer ICE's requests to be told of a release, except for the "
    "categories the draft lists.",
    SEC,
    confidence=REPORTED,
    obligations=(obligations.RECORD_REQUEST, obligations.RELEASE_WITHOUT_DELAY),
)
PRIORITY_EXCEPTIONS = (
    Unless(
        "attested category",
        ATTESTED_CATEGORY,
        permitted(
            "ICE attests a listed category, so the Sheriff may answer.",
            SEC,
            confidence=REPORTED,
            obligations=(obligations.RECORD_REQUEST, obligations.RELEASE_WITHOUT_DELAY),
        ),
    ),
    Unless(
        "judicial arrest warrant",
        JUDICIAL_ARREST_WARRANT_DRAFT,
        permitted(
            "A judicially issued arrest warrant comes with the request, so the Sheriff may answer.",
            SEC,
            confidence=REPORTED,
            obligations=(obligations.RECORD_REQUEST, obligations.RELEASE_WITHOUT_DELAY),
        ),
    ),
)

NOTIFICATION = notification_rule(
    "B-1",
    Action.ANSWER_NOTIFICATION_REQUEST,
    DRAFT_2017_07,
    NOTIFY_ONLY_PRIORITIES,
    PRIORITY_EXCEPTIONS,
)
NOTIFICATION_AS_PERSONAL = notification_rule(
    "B-1 (release date)",
    Action.SHARE_PERSONAL_INFORMATION,
    DRAFT_2017_07,
    NOTIFY_ONLY_PRIORITIES,
    PRIORITY_EXCEPTIONS,
    extra_scope=(RELEASE_DATE,),
)

SECURE_AREA_ACCESS = secure_area_rule(
    "B-2",
    SEC,
    Condition(
        "draft warrant",
        holds="a warrant signed by a judge was presented",
        fails="no warrant signed by a judge was presented",
        expr=has("documents", "federal_judicial_warrant", "state_judicial_warrant"),
    ),
    REPORTED,
)

SHERIFF_STATUS = Rule(
    id="B-3",
    question="May the Sheriff collect or record citizenship or national origin?",
    source=DRAFT_2017_07,
    actions=(Action.ASK_STATUS, Action.RECORD_STATUS),
    applies=(
        SHERIFF,
        topic(
            "status (draft)",
            (*STATUS_KINDS, "place_of_birth"),
            unknown=True,
            words="national origin, immigration or citizenship status",
        ),
    ),
    base=prohibited(
        "The Sheriff may not collect or record citizenship or national origin.",
        SEC,
        confidence=REPORTED,
    ),
    unless=(
        Unless(
            "state, federal or contractual obligation",
            Condition(
                "required by law or contract",
                holds="a state or federal law or a contract requires it",
                fails="no state or federal law or contract was shown to require it",
                expr=is_("required_by", "federal_law", "state_law", "contract"),
            ),
            permitted(
                "A state, federal or contractual obligation requires it.",
                SEC,
                confidence=REPORTED,
                obligations=(obligations.LIMIT_TO_REQUIRED_EXTENT,),
            ),
        ),
        Unless(
            "consulates and treaties",
            CONSULAR_PURPOSE,
            permitted(
                "The Sheriff may ask and share with consulates as treaties require.",
                SEC,
                confidence=REPORTED,
            ),
        ),
    ),
    overrides=("A-3", "A-3 (place of birth)"),
    precedence="The draft's own rule for the Sheriff is the more specific.",
)

RULES: tuple[Rule, ...] = (
    NOTIFICATION,
    NOTIFICATION_AS_PERSONAL,
    SECURE_AREA_ACCESS,
    SHERIFF_STATUS,
)
REPLACES: frozenset[str] = frozenset({"A-16", "A-16 (release date)", "A-9"})
