"""The web app's door to the notices library (psepa.notices, built beside this package).

The web app only serves what that library renders: the written advisements of DRMC
28-252(b) and of a person about whom ICE is notified, and the public explainer. It is looked up
when first needed, so the app still starts (and says so on the page) if it is not installed.
"""

from __future__ import annotations

import datetime as dt
import importlib
from types import ModuleType

from psepa.errors import PsepaError


class NoticesUnavailable(PsepaError):
    """The notices library is not installed in this psepa."""


class NoWrittenAdvisement(PsepaError):
    """No translation exists for the language asked for; the message names it."""

    def __init__(self, language: str, message: str = "") -> None:
        self.language = language
        super().__init__(message or f"no written advisement exists in the language {language!r}")


def _library() -> ModuleType:
    try:
        return importlib.import_module("psepa.notices")
    except ImportError:
        raise NoticesUnavailable(
            "the notices library (psepa.notices) is not installed; advisements and the "
            "explainer cannot be shown"
        ) from None


def languages() -> list[str]:
    found: list[str] = list(_library().languages())
    return found


def language_name(code: str, in_language: str = "en") -> str:
    try:
        return str(_library().language_name(code, in_language=in_language))
    except NoticesUnavailable:
        return code
    except Exception as exc:  # an unknown tag: show the tag itself rather than fail a page
        if isinstance(exc, PsepaError):
            return code
        raise


def notice_kinds() -> list[str]:
    return [kind.value for kind in _library().NoticeKind]


def render_notice(
    kind: str,
    language: str,
    *,
    name: str,
    booking_number: str,
    issued_at: dt.datetime,
    fmt: str,
) -> bytes:
    """The printable advisement, or `NoWrittenAdvisement` when that language has none."""
    library = _library()
    try:
        rendered: bytes = library.render_notice(
            library.NoticeKind(kind),
            language,
            name=name,
            booking_number=booking_number,
            issued_at=issued_at,
            fmt=fmt,
        )
    except library.NoTranslation as missing:
        raise NoWrittenAdvisement(language, str(missing)) from None
    return rendered


def render_explainer(on: dt.date, language: str, fmt: str) -> bytes:
    library = _library()
    try:
        rendered: bytes = library.render_explainer(on, language, fmt=fmt)
    except getattr(library, "NoCatalogue", library.NoTranslation) as missing:
        raise NoWrittenAdvisement(language, str(missing)) from None
    return rendered
