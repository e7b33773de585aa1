"""Errors of the notices and the explainer (all `PsepaError`s).

PsepaError
 ├── NoCatalogue        no catalogue for a language (the explainer)
 │    └── NoTranslation  no written advisement in the person's language: the step waits
 ├── MissingWording     a catalogue lacks an entry; names the key and the file
 └── InvalidNotice      a notice's input is wrong; names the field
"""

from __future__ import annotations

from psepa.errors import PsepaError
from psepa.notices.catalogue import MissingWording, NoCatalogue, language_name, languages
from psepa.notices.notice import NoticeKind

__all__ = ["InvalidNotice", "MissingWording", "NoCatalogue", "NoTranslation"]


class NoTranslation(NoCatalogue):
    """There is no written advisement in the person's language, so none is printed.

    DRMC 28-252(b) allows no interview until the written advisement is given in the person's
    language of choice: printing the English one instead would look like compliance and is not.
    """

    def __init__(
        self,
        language: str,
        kind: NoticeKind = NoticeKind.INTERVIEW_ADVISEMENT,
        missing: str | None = None,
    ) -> None:
        self.kind = kind
        self.missing = missing
        shown = language_name(language) if language else "(none given)"
        why = (
            f"the {language!r} catalogue lacks {missing!r}"
            if missing
            else f"available: {', '.join(languages()) or 'none'}"
        )
        if kind is NoticeKind.INTERVIEW_ADVISEMENT:
            then = (
                "the interview stays blocked until the person is advised in writing in their "
                "language of choice (DRMC 28-252(b))"
            )
        else:
            then = (
                "advise the person in writing in their language of choice by other means before "
                "the notice to ICE, or at the latest before release (psepa's reading, modelled "
                "on DRMC 28-252(b)); an interview stays blocked likewise"
            )
        super().__init__(
            language,
            f"there is no written advisement in {shown} ({language!r}; {why}); {then}. To add "
            "the language, translate src/psepa/notices/locale/en/LC_MESSAGES/psepa.po into "
            f"src/psepa/notices/locale/{language or '<code>'}/LC_MESSAGES/psepa.po",
        )


class InvalidNotice(PsepaError, ValueError):
    """A notice was asked for with input it cannot print; `field` names the input."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")
