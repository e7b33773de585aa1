"""Rendering: Jinja2 templates to standalone HTML pages, and WeasyPrint for PDF.

Pages carry their own CSS (no external files), so the same bytes print from a browser, save
to disk, or go through WeasyPrint unchanged. All text comes from the catalogue of the page's
language; dates are written the way that language writes them (Babel).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

from babel.dates import format_date, format_time
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from psepa.domain import Verdict
from psepa.notices.catalogue import (
    Wording,
    babel_locale,
    bcp47,
    language_name,
    languages,
    wording,
)
from psepa.notices.errors import InvalidNotice, MissingWording, NoCatalogue, NoTranslation
from psepa.notices.explainer import LawOn, Point, law_on
from psepa.notices.notice import CONTENT, NoticeKind

Format = Literal["html", "pdf"]
TEMPLATES = Path(__file__).parent / "templates"
EXPLAINER_PATH = "/explainer"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _css() -> str:
    return (TEMPLATES / "page.css").read_text(encoding="utf-8")


def _direction(language: str) -> str:
    locale = babel_locale(language)
    return "rtl" if locale is not None and locale.character_order == "right-to-left" else "ltr"


def _date_text(day: dt.date, language: str) -> str:
    locale = babel_locale(language)
    return day.isoformat() if locale is None else format_date(day, "long", locale=locale)


def _datetime_text(moment: dt.datetime, language: str) -> str:
    locale = babel_locale(language)
    offset = moment.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}"
    if locale is None:
        return moment.isoformat(timespec="minutes")
    # The wall-clock time where the notice was given, with its offset: a printed notice must
    # not depend on the reader's time zone.
    day = format_date(moment.date(), "long", locale=locale)
    return f"{day}, {format_time(moment.time(), 'short', locale=locale)} ({offset})"


def _pdf(html: str) -> bytes:
    # Imported on use: it loads Pango, which takes a moment. WeasyPrint ships no type hints.
    from weasyprint import HTML  # type: ignore[import-untyped]

    pdf = HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
    if pdf is None:  # only when a target file is given, which it is not here
        raise RuntimeError("WeasyPrint returned no PDF")
    return bytes(pdf)


def _finish(html: str, fmt: str) -> bytes:
    if fmt == "html":
        return html.encode("utf-8")
    if fmt == "pdf":
        return _pdf(html)
    raise InvalidNotice("fmt", f"unknown format {fmt!r}; use 'html' or 'pdf'")


# --- notices --------------------------------------------------------------------------------


def _text(field_name: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidNotice(field_name, "must be a non-empty text")
    if len(value) > 200:
        raise InvalidNotice(field_name, f"is {len(value)} characters long; at most 200 fit")
    return value.strip()


def notice_wording(kind: NoticeKind, language: str) -> Wording:
    """The catalogue of `language`, checked to hold every entry of the notice; a catalogue that
    lacks one is treated as no translation, never patched with English."""
    try:
        found = wording(language)
    except NoCatalogue:
        raise NoTranslation(language, kind) from None
    for key in CONTENT[kind].wording_keys():
        if not found.has(key):
            raise NoTranslation(language, kind, missing=key)
    return found


def render_notice(
    kind: NoticeKind,
    language: str,
    *,
    name: str,
    booking_number: str,
    issued_at: dt.datetime,
    fmt: Format = "html",
) -> bytes:
    """A printable, standalone advisement for one person, in their language of choice.

    The deputy hands it over and both sign. `issued_at` must carry its offset, since the paper
    outlives the screen it was printed from. Raises `NoTranslation` when `language` has no
    complete catalogue, so the step the advisement unlocks (an interview, DRMC 28-252(b)) stays
    blocked rather than going ahead on an English page the person may not read; raises
    `InvalidNotice` naming the field for other bad input.
    """
    if fmt not in ("html", "pdf"):
        raise InvalidNotice("fmt", f"unknown format {fmt!r}; use 'html' or 'pdf'")
    try:
        kind = NoticeKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in NoticeKind)
        raise InvalidNotice("kind", f"unknown notice {kind!r}; one of {known}") from None
    person = _text("name", name)
    booking = _text("booking_number", booking_number)
    if not isinstance(issued_at, dt.datetime):
        raise InvalidNotice("issued_at", "must be a date and time")
    if issued_at.utcoffset() is None:
        raise InvalidNotice(
            "issued_at", "needs a time zone offset (for example 2025-06-02T13:20-06:00)"
        )
    t = notice_wording(kind, language)
    language = t.language  # the catalogue that serves the tag asked for (es-MX: es)
    content = CONTENT[kind]
    html = (
        _environment()
        .get_template("notice.html")
        .render(
            t=t,
            lang=bcp47(language),
            direction=_direction(language),
            css=_css(),
            prefix=content.prefix,
            rights=content.rights,
            paragraphs=content.paragraphs,
            choice=content.choice,
            reading=content.reading is not None,
            cites=content.cites,
            name=person,
            booking_number=booking,
            issued_text=_datetime_text(issued_at, language),
            language_text=language_name(language, language),
        )
    )
    return _finish(html, fmt)


# --- explainer ------------------------------------------------------------------------------


@dataclass
class _Shown:
    """A point in one language; points whose wording comes out the same are shown once."""

    rule_ids: list[str]
    verdict: str
    verdict_text: str
    text: str
    source: str
    since: str
    confidence: str
    confidence_code: str  # the confidence's code: an inferred point already says it is a reading
    reading: bool
    unless: list[dict[str, str]] = field(default_factory=list)
    duties: list[str] = field(default_factory=list)
    cites: list[tuple[str, str]] = field(default_factory=list)

    def absorb(self, other: _Shown) -> None:
        self.rule_ids += other.rule_ids
        self.reading = self.reading or other.reading
        for item in other.unless:
            if item not in self.unless:
                self.unless.append(item)
        self.duties += [d for d in other.duties if d not in self.duties]
        self.cites += [c for c in other.cites if c not in self.cites]


def _outcome(t: Wording, verdict: Verdict | None) -> str:
    return t(f"outcome.{verdict.value}" if verdict else "outcome.steps_aside")


def _shown(point: Point, t: Wording, language: str) -> _Shown:
    since = (
        t("explainer.since", date=_date_text(point.since, language))
        if point.since
        else t("explainer.always")
    )
    return _Shown(
        rule_ids=[point.rule_id],
        verdict=point.verdict.value,
        verdict_text=t(f"verdict.{point.verdict.value}"),
        text=t(point.key),
        source=f"{t('kind.' + point.source.kind)} ({point.source.name})",
        since=since,
        confidence=t(f"confidence.{point.confidence.value}"),
        confidence_code=point.confidence.value,
        reading=point.rests_on_reading,
        unless=[{"text": t(u.key), "outcome": _outcome(t, u.verdict)} for u in point.unless],
        duties=[t(d) for d in point.duties],
        cites=[(c.text, c.source.url) for c in point.cites],
    )


def _href(on: dt.date, language: str) -> str:
    return f"{EXPLAINER_PATH}?{urlencode({'on': on.isoformat(), 'lang': language})}"


def _law_date(law: LawOn, t: Wording, language: str) -> str:
    on = _date_text(law.on, language)
    if law.start is None and law.end is not None:
        return t("explainer.law_until", on=on, end=_date_text(law.end, language))
    if law.start is None:
        return t("explainer.law_always", on=on)
    start = _date_text(law.start, language)
    if law.end is None:
        return t("explainer.law_from", on=on, start=start)
    return t("explainer.law_between", on=on, start=start, end=_date_text(law.end, language))


def explainer_context(law: LawOn, t: Wording, language: str) -> dict[str, Any]:
    """Everything the explainer template shows, in `language`."""
    groups = []
    shown: dict[str, _Shown] = {}  # a point said twice (two actions, one meaning) shows once
    for group, points in law.grouped():
        listed: list[_Shown] = []
        for point in points:
            one = _shown(point, t, language)
            if one.text in shown:
                shown[one.text].absorb(one)
            else:
                shown[one.text] = one
                listed.append(one)
        if listed:
            groups.append({"id": group.value, "title": t(f"group.{group.value}"), "points": listed})
    return {
        "t": t,
        "lang": bcp47(language),
        "lang_code": language,
        "direction": _direction(language),
        "css": _css(),
        "on_iso": law.on.isoformat(),
        "on_text": _date_text(law.on, language),
        "law_date": _law_date(law, t, language),
        "has_article_viii": law.has_article_viii,
        "groups": groups,
        "language_links": [
            (code, bcp47(code), language_name(code, code), _href(law.on, code))
            for code in languages()
        ],
        "changes": [
            (_date_text(c.start, language), _href(c.start, language), ", ".join(c.began))
            for c in law.changes
        ],
        "revision": law.revision,
    }


def render_explainer(on: dt.date, language: str, fmt: Format = "html") -> bytes:
    """The public explainer for the law in force on `on`, in `language`.

    A standalone page whose date form and language links target `/explainer?on=&lang=`, where
    the web app serves it. Raises `NoCatalogue` for a language without a catalogue and
    `MissingWording` if a rule in force has no resident wording in it (the suite checks that
    none is missing).
    """
    if fmt not in ("html", "pdf"):
        raise InvalidNotice("fmt", f"unknown format {fmt!r}; use 'html' or 'pdf'")
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise InvalidNotice("on", "must be a date (YYYY-MM-DD)")
    t = wording(language)
    law = law_on(on)
    language = t.language
    html = (
        _environment().get_template("explainer.html").render(**explainer_context(law, t, language))
    )
    return _finish(html, fmt)


__all__ = ["MissingWording", "render_explainer", "render_notice"]
