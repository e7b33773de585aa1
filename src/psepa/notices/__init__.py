"""Notices people can read, and the public explainer (issue 4, items 4 and 5).

The written advisements the jail owes a person (DRMC 28-252(b) before a phone or video
interview; the advisement of a person about whom ICE is told of a release, which psepa models
on 28-252(b)) and a resident's page of what the city will and won't do under the law in force
on a date, generated from the engine's rules. Text comes from gettext catalogues
(`locale/<code>/LC_MESSAGES/psepa.po`, read with Babel); a language is added by adding its
catalogue, and a notice in a language without one is refused (`NoTranslation`), never printed
in English instead.

    render_notice(NoticeKind.INTERVIEW_ADVISEMENT, "es", name="Ana Example",
                  booking_number="B-101", issued_at=datetime(...tz...), fmt="pdf") -> bytes
    render_explainer(date(2025, 6, 2), "es") -> bytes   # HTML for /explainer?on=...&lang=es
"""

from __future__ import annotations

from psepa.notices.catalogue import language_name, languages
from psepa.notices.errors import InvalidNotice, MissingWording, NoCatalogue, NoTranslation
from psepa.notices.notice import NoticeKind
from psepa.notices.render import Format, render_explainer, render_notice

__all__ = [
    "Format",
    "InvalidNotice",
    "MissingWording",
    "NoCatalogue",
    "NoTranslation",
    "NoticeKind",
    "language_name",
    "languages",
    "render_explainer",
    "render_notice",
]
