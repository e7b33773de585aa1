"""The two written advisements psepa prints for a person in the jail.

`INTERVIEW_ADVISEMENT` is the advisement DRMC 28-252(b) requires before any phone or video
interview with federal immigration authorities: in writing, in the person's language of choice,
naming at least four rights (who seeks the interview; declining and staying silent; a lawyer
first; what is said may be used later, immigration court included). Colorado's C.R.S.
24-76.6-103 asks for the same points from 28 May 2019.

`NOTIFIED_PERSON_ADVISEMENT` is the advisement owed to a person about whom ICE is told of a
release (obligation `advise_notified_person`, rule A-16). Its content was never recovered from
the ordinance; psepa's reading (`notification-advisement-modelled-on-28-252b` in
`psepa/law/readings.py`, law-rules.md A-16 and H.2) models it on 28-252(b), and the notice says
so in the person's language.

Neither notice asks anything of the person beyond a signature and, for the interview, a choice
to accept or decline: no status, birthplace or nationality.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from psepa.law import obligations, readings


class NoticeKind(StrEnum):
    """Which written advisement to print."""

    INTERVIEW_ADVISEMENT = "interview_advisement"
    NOTIFIED_PERSON_ADVISEMENT = "notified_person_advisement"


@dataclass(frozen=True)
class NoticeContent:
    """What a notice is made of: catalogue keys and the law behind them."""

    prefix: str
    obligation: str
    rights: tuple[str, ...]
    paragraphs: tuple[str, ...]
    cites: tuple[str, ...]
    choice: bool  # the person marks whether they accept or decline the interview
    reading: str | None  # the id of the reading the content rests on, if any

    def wording_keys(self) -> list[str]:
        return [
            f"{self.prefix}.title",
            f"{self.prefix}.intro",
            f"{self.prefix}.rights_heading",
            *self.rights,
            *self.paragraphs,
            *([f"{self.prefix}.reading"] if self.reading else []),
            *(
                [
                    "notice.interview.choice_heading",
                    "notice.interview.choice_accept",
                    "notice.interview.choice_decline",
                ]
                if self.choice
                else []
            ),
            *COMMON_KEYS,
        ]


COMMON_KEYS = (
    "notice.issuer",
    "notice.name",
    "notice.booking_number",
    "notice.issued_at",
    "notice.language",
    "notice.law",
    "notice.sign_person",
    "notice.sign_deputy",
    "notice.date",
    "notice.may_refuse_to_sign",
)

_INTERVIEW = "notice.interview"
_NOTIFIED = "notice.notified"

CONTENT: dict[NoticeKind, NoticeContent] = {
    NoticeKind.INTERVIEW_ADVISEMENT: NoticeContent(
        prefix=_INTERVIEW,
        obligation=obligations.ADVISE_RIGHTS_IN_WRITING.id,
        # The four rights of DRMC 28-252(b), in the order the section gives them.
        rights=(
            f"{_INTERVIEW}.right_who",
            f"{_INTERVIEW}.right_decline",
            f"{_INTERVIEW}.right_lawyer",
            f"{_INTERVIEW}.right_used",
        ),
        paragraphs=(f"{_INTERVIEW}.same_terms", f"{_INTERVIEW}.no_pressure"),
        cites=(*(c.text for c in obligations.ADVISE_RIGHTS_IN_WRITING.cites), "C.R.S. 24-76.6-103"),
        choice=True,
        reading=None,
    ),
    NoticeKind.NOTIFIED_PERSON_ADVISEMENT: NoticeContent(
        prefix=_NOTIFIED,
        obligation=obligations.ADVISE_NOTIFIED_PERSON.id,
        # psepa's reading: what ICE asked and what follows, then the 28-252(b) rights that fit
        # a person who is being released rather than interviewed.
        rights=(
            f"{_NOTIFIED}.right_silent",
            f"{_NOTIFIED}.right_lawyer",
            f"{_NOTIFIED}.right_used",
            f"{_NOTIFIED}.right_no_delay",
        ),
        paragraphs=(f"{_NOTIFIED}.what_is_shared",),
        cites=(*(c.text for c in obligations.ADVISE_NOTIFIED_PERSON.cites), "DRMC 28-252(b)"),
        choice=False,
        reading=readings.NOTIFICATION_ADVISEMENT.id,
    ),
}
