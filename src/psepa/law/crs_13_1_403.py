"""C.R.S. 13-1-401 to -405 — SB20-083, Protect Court Access (from 23 March 2020).

Paraphrase ([S70], text read): no one may make a civil arrest (a civil immigration arrest
included) of a person at a courthouse or its environs, or while the person is going to,
attending or coming from a court proceeding. Arrests on process issued by a judge, and criminal
arrests, are not affected. Judges may issue writs of protection; violations give rise to
damages, contempt and action by the Attorney General.
"""

from __future__ import annotations

from psepa.domain import Action, Confidence
from psepa.engine.rules import Rule, Unless, permitted, prohibited
from psepa.law.sources import CRS_13_1_403, cite
from psepa.law.vocabulary import AT_COURTHOUSE, CRIMINAL_PURPOSE, JUDGE_SIGNED

TEXT = Confidence.TEXT
SEC = cite(CRS_13_1_403)

COURTHOUSE_ARREST = Rule(
    id="E-5",
    question="May a civil immigration arrest be made or helped at a courthouse?",
    source=CRS_13_1_403,
    actions=(Action.ASSIST_COURTHOUSE_CIVIL_ARREST,),
    applies=(AT_COURTHOUSE,),
    base=prohibited(
        "No civil arrest, civil immigration arrests included, may be made at a courthouse or "
        "its surroundings, or of someone going to, attending or leaving a court proceeding.",
        SEC,
        confidence=TEXT,
    ),
    unless=(
        Unless(
            "criminal arrest",
            CRIMINAL_PURPOSE,
            permitted("A criminal arrest is not affected.", SEC, confidence=TEXT),
        ),
        Unless(
            "judge-issued process",
            JUDGE_SIGNED,
            permitted(
                "An arrest on process issued by a judge is not affected.", SEC, confidence=TEXT
            ),
        ),
    ),
)

RULES: tuple[Rule, ...] = (COURTHOUSE_ARREST,)
