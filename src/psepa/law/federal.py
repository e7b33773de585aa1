"""Federal law that sits under every date's answer (law-rules.md section F).

Paraphrase:
- 8 U.S.C. 1373 ([S92], text read): no government may forbid or restrict its officials from
  sending to, or receiving from, federal immigration authorities information on a person's
  citizenship or immigration status. It creates no duty to collect status and does not reach
  release dates or custody status ([S93]). Its reach against localities is contested.
- 8 C.F.R. 287.7 ([S94], [S95], text read): a detainer asks another agency to tell DHS before a
  release and to keep custody up to 48 hours (excluding weekends and holidays); it is a request,
  which courts have treated as voluntary.
- A federal court's order binds the city within its scope: in April 2020 a magistrate judge
  ordered Denver to answer narrowed ICE subpoenas, and it did ([S40], [S41], [S103]).
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.rules import Rule, permitted, required
from psepa.law import obligations, readings
from psepa.law.sources import CFR_287_7, FEDERAL_COURT_ORDERS, USC_1373, cite
from psepa.law.vocabulary import (
    COURT_ORDER,
    DETAINER_FORM,
    ELIGIBLE_FOR_RELEASE_FEDERAL,
    NO_OTHER_HOLD_FEDERAL,
    SECTION_1373_REQUEST,
)

STATUS_EXCHANGE = Rule(
    id="F-1",
    question="May the city answer a federal request for status information it holds?",
    source=USC_1373,
    actions=(Action.SHARE_STATUS, Action.SHARE_PERSONAL_INFORMATION),
    applies=(SECTION_1373_REQUEST,),
    base=permitted(
        "No law may stop an official from sending federal immigration authorities "
        "citizenship or immigration status information; it does not oblige anyone to collect "
        "it.",
        cite(USC_1373, "(a)"),
        confidence=Confidence.TEXT,
        readings=(readings.SECTION_1373,),
    ),
)

DETAINER_REQUEST = Rule(
    id="F-2",
    question="What does federal law say about holding a person on a detainer?",
    source=CFR_287_7,
    actions=(Action.HOLD_ON_DETAINER,),
    applies=(DETAINER_FORM, ELIGIBLE_FOR_RELEASE_FEDERAL, NO_OTHER_HOLD_FEDERAL),
    base=permitted(
        "A detainer asks the agency to keep custody up to 48 hours, excluding weekends and "
        "holidays, beyond release; it is a request, and complying is voluntary.",
        cite(CFR_287_7, "(d)"),
        confidence=Confidence.TEXT,
        readings=(readings.DETAINER_HOLD_FOURTH_AMENDMENT,),
    ),
)

COURT_ORDERS = Rule(
    id="F-3",
    question="Must the city obey a court's order?",
    source=FEDERAL_COURT_ORDERS,
    actions=(
        Action.SHARE_PERSONAL_INFORMATION,
        Action.SHARE_STATUS,
        Action.COMPLY_WITH_SUBPOENA,
    ),
    applies=(COURT_ORDER,),
    base=required(
        "A court's order must be obeyed within its scope, whatever city or state policy says, "
        "as when a federal magistrate judge ordered Denver to answer narrowed ICE subpoenas in "
        "April 2020.",
        cite(FEDERAL_COURT_ORDERS),
        confidence=Confidence.REPORTED,
        obligations=(obligations.COMPLY_WITHIN_ORDER,),
        readings=(readings.COURT_ORDER_COVERS_ACTION,),
    ),
    overrides=("*",),
    precedence="A court's order binds the city within its scope.",
)

RULES: tuple[Rule, ...] = (STATUS_EXCHANGE, DETAINER_REQUEST, COURT_ORDERS)
