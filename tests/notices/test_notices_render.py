"""The written advisements: in the person's language or not at all, printable, signed."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pypdf
import pytest
from notice_pages import add_language, copy_catalogues, folded, parse, text_of_html, text_of_pdf

from psepa.law import obligations, readings
from psepa.law.catalogue import LAW_IN_FORCE
from psepa.notices import (
    InvalidNotice,
    NoticeKind,
    NoTranslation,
    language_name,
    languages,
    render_notice,
)
from psepa.notices.catalogue import wording
from psepa.notices.notice import CONTENT

DENVER = dt.timezone(dt.timedelta(hours=-6))
ISSUED = dt.datetime(2025, 6, 2, 13, 20, tzinfo=DENVER)
PERSON = {"name": "Ana Example", "booking_number": "B-101", "issued_at": ISSUED}


def notice(kind: NoticeKind, language: str, **changes: object) -> bytes:
    fields: dict[str, object] = {**PERSON, **changes}
    return render_notice(kind, language, **fields)  # type: ignore[arg-type]


def test_the_kinds_are_the_obligations_the_engine_names() -> None:
    """Each notice discharges a duty the rules really attach to an answer."""
    attached = {
        o.id
        for rule in LAW_IN_FORCE.rules
        for outcome in (rule.base, *(u.then for u in rule.unless))
        for o in outcome.obligations
    }
    assert CONTENT[NoticeKind.INTERVIEW_ADVISEMENT].obligation == "advise_rights_in_writing"
    assert CONTENT[NoticeKind.NOTIFIED_PERSON_ADVISEMENT].obligation == "advise_notified_person"
    assert {c.obligation for c in CONTENT.values()} <= attached
    assert NoticeKind("interview_advisement") is NoticeKind.INTERVIEW_ADVISEMENT


@pytest.mark.parametrize("kind", list(NoticeKind))
@pytest.mark.parametrize("language", languages())
def test_html_notice_is_a_standalone_page_in_the_persons_language(
    kind: NoticeKind, language: str
) -> None:
    html = notice(kind, language)
    page = parse(html)
    text = text_of_html(html)
    t = wording(language)
    content = CONTENT[kind]
    assert page.html_lang == language
    assert page.headings[0] == ("h1", t(f"{content.prefix}.title"))
    for key in content.wording_keys():
        assert folded(t(key)) in text, key
    assert "Ana Example" in text and "B-101" in text
    assert language_name(language, language) in text
    assert "@media print" in html.decode() and "<link" not in html.decode()
    for cite in content.cites:
        assert cite in text
    # Two signature lines, each followed by a date line.
    assert text.count(t("notice.date")) == 2


def test_the_interview_notice_lists_the_four_rights_of_28_252_b_in_order() -> None:
    text = text_of_html(notice(NoticeKind.INTERVIEW_ADVISEMENT, "en"))
    t = wording("en")
    rights = CONTENT[NoticeKind.INTERVIEW_ADVISEMENT].rights
    positions = [text.index(t(key)) for key in rights]
    assert positions == sorted(positions) and len(rights) == 4
    assert "federal immigration authorities" in t(rights[0])
    assert "decline" in obligations.ADVISE_RIGHTS_IN_WRITING.text
    assert "say no" in t(rights[1]) and "silent" in t(rights[1])
    assert "lawyer" in t(rights[2])
    assert "immigration court" in t(rights[3])


@pytest.mark.parametrize("language", languages())
def test_the_notified_person_notice_says_it_rests_on_a_reading(language: str) -> None:
    text = text_of_html(notice(NoticeKind.NOTIFIED_PERSON_ADVISEMENT, language))
    assert CONTENT[NoticeKind.NOTIFIED_PERSON_ADVISEMENT].reading == (
        readings.NOTIFICATION_ADVISEMENT.id
    )
    assert folded(wording(language)("notice.notified.reading")) in text
    assert "28-252(b)" in text and "DRMC 28-253" in text


@pytest.mark.parametrize("kind", list(NoticeKind))
@pytest.mark.parametrize("language", languages())
def test_pdf_notice_holds_the_text(kind: NoticeKind, language: str) -> None:
    pdf = notice(kind, language, fmt="pdf")
    assert pdf.startswith(b"%PDF-")
    # One sheet: the signatures are on the page that carries the rights.
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    text = text_of_pdf(pdf)
    t = wording(language)
    assert "Ana Example" in text and "B-101" in text
    for key in (f"{CONTENT[kind].prefix}.title", *CONTENT[kind].rights, "notice.sign_person"):
        assert folded(t(key)) in text, key


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_no_catalogue_means_no_notice_and_the_step_stays_blocked(kind: NoticeKind) -> None:
    with pytest.raises(NoTranslation) as caught:
        notice(kind, "vi")
    error = caught.value
    assert error.language == "vi"
    assert "no written advisement in Vietnamese" in str(error)
    assert "28-252(b)" in str(error)
    if kind is NoticeKind.INTERVIEW_ADVISEMENT:
        assert "interview stays blocked" in str(error)


def test_an_incomplete_catalogue_is_no_translation_not_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locale_dir = copy_catalogues(tmp_path, monkeypatch)
    add_language(locale_dir, "fr", "[fr] ", drop="notice.interview.right_lawyer")
    with pytest.raises(NoTranslation, match=re.escape("lacks 'notice.interview.right_lawyer'")):
        notice(NoticeKind.INTERVIEW_ADVISEMENT, "fr")


def test_a_dropped_in_catalogue_prints_notices_with_no_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locale_dir = copy_catalogues(tmp_path, monkeypatch)
    add_language(locale_dir, "fr", "[fr] ")
    html = notice(NoticeKind.INTERVIEW_ADVISEMENT, "fr")
    assert parse(html).html_lang == "fr"
    assert "[fr] " in text_of_html(html)
    assert "juin 2025" in text_of_html(html)  # Babel writes the date the French way


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"booking_number": ""}, "booking_number"),
        ({"name": "x" * 201}, "name"),
        ({"issued_at": dt.datetime(2025, 6, 2, 13, 20)}, "issued_at"),
        ({"issued_at": "2025-06-02"}, "issued_at"),
        ({"fmt": "docx"}, "fmt"),
    ],
)
def test_bad_input_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidNotice) as caught:
        notice(NoticeKind.INTERVIEW_ADVISEMENT, "en", **changes)
    assert caught.value.field == field


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(InvalidNotice, match="interview_advisement"):
        notice("custody_notice", "en")  # type: ignore[arg-type]


def test_the_name_is_escaped() -> None:
    html = notice(NoticeKind.INTERVIEW_ADVISEMENT, "en", name="<script>x</script>")
    assert b"<script>" not in html and b"&lt;script&gt;" in html


def test_the_time_printed_is_the_local_time_given() -> None:
    text = text_of_html(notice(NoticeKind.INTERVIEW_ADVISEMENT, "es"))
    assert "2 de junio de 2025" in text and "13:20" in text and "UTC-06:00" in text


# Words that would make a notice ask for or record what psepa must never hold.
ASKING = {
    "en": re.compile(r"\?|\b(status|citizenship|citizen|born|birth|nationality|country)\b", re.I),
    "es": re.compile(r"\?|¿|situación migratoria|ciudadan|naci(ó|miento|onalidad)|país", re.I),
}


@pytest.mark.parametrize("language", sorted(ASKING))
def test_notices_never_ask_status_birthplace_or_nationality(language: str) -> None:
    t = wording(language)
    keys = {key for content in CONTENT.values() for key in content.wording_keys()}
    found = {key: t(key) for key in keys if ASKING[language].search(t(key))}
    assert found == {}
    template = (Path(__file__).parents[2] / "src/psepa/notices/templates/notice.html").read_text()
    assert not ASKING["en"].search(re.sub(r"\{\{.*?\}\}|\{%.*?%\}|<[^>]+>", " ", template))


def _luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_text_colours_keep_seven_to_one_contrast_on_every_background() -> None:
    css = (Path(__file__).parents[2] / "src/psepa/notices/templates/page.css").read_text()
    body = css.split("@media print")[0]
    texts = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", body))
    backgrounds = set(re.findall(r"background:\s*(#[0-9a-fA-F]{3,6})", body))
    assert texts and backgrounds
    for text in texts:
        for background in backgrounds:
            light, dark = sorted((_luminance(text), _luminance(background)), reverse=True)
            assert (light + 0.05) / (dark + 0.05) >= 7, (text, background)


def test_a_regional_tag_gets_its_languages_notice() -> None:
    """The case records hold BCP 47 tags: es-MX reads the Spanish notice, never the English."""
    html = notice(NoticeKind.INTERVIEW_ADVISEMENT, "es-MX")
    assert parse(html).html_lang == "es"
    assert wording("es")("notice.interview.title") in text_of_html(html)
    with pytest.raises(NoTranslation):
        notice(NoticeKind.INTERVIEW_ADVISEMENT, "vi-VN")
