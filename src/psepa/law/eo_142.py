"""Executive Order No. 142 (Mayor Hancock, 31 August 2017), Standing with Immigrants and Refugees.

Paraphrase ([S26] header and purpose read; operative items from the city's pages [S33]): the
order sets up a legal defense fund, a working group, protection of crime victims regardless of
status and help for separated families, and it orders the Denver Sheriff Department to stop
applying for State Criminal Alien Assistance Program (SCAAP) money, because SCAAP requires
collecting and passing on national origin, immigration or citizenship data about inmates.
Only the SCAAP item answers a situation (law-rules.md D-1); the rest are programs.
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.rules import Rule, prohibited
from psepa.law.sources import EO_142, cite
from psepa.law.vocabulary import CITY_ACTOR

NO_SCAAP = Rule(
    id="D-1",
    question="May the city apply for SCAAP funds?",
    source=EO_142,
    actions=(Action.APPLY_FOR_SCAAP,),
    applies=(CITY_ACTOR,),
    base=prohibited(
        "The Sheriff Department does not apply for SCAAP money, because SCAAP requires "
        "gathering and passing on inmates' national origin, immigration or citizenship status.",
        cite(EO_142),
        confidence=Confidence.REPORTED,
    ),
)

RULES: tuple[Rule, ...] = (NO_SCAAP,)
