"""C.R.S. 24-76.7 — HB23-1100 (from 7 August 2023).

Paraphrase ([S76], [S77], text read): no state or local government, sheriff included, may enter
or renew an agreement to detain people for federal civil immigration purposes (intergovernmental
service agreements included); from 1 January 2024, no dealings with privately run immigration
detention facilities either.
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.rules import Rule, prohibited
from psepa.law.sources import CRS_24_76_7, cite_as

DETENTION_AGREEMENT = Rule(
    id="E-6",
    question="May the city or the Sheriff agree to detain people for civil immigration purposes?",
    source=CRS_24_76_7,
    actions=(Action.ENTER_DETENTION_AGREEMENT,),
    applies=(),
    base=prohibited(
        "No state or local government, and no sheriff, may make an agreement to detain people "
        "for civil immigration purposes.",
        cite_as(CRS_24_76_7, "C.R.S. 24-76.7-102"),
        confidence=Confidence.TEXT,
    ),
    overrides=("A-1",),
    precedence="A warrant or order does not authorise a detention agreement, which Colorado "
    "forbids outright.",
)

RULES: tuple[Rule, ...] = (DETENTION_AGREEMENT,)
