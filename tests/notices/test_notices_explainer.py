"""The public explainer: generated from the rules in force, dated, bilingual, accessible."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from notice_pages import folded, parse, text_of_html, text_of_pdf

from psepa.domain import Action
from psepa.engine.api import rulebook
from psepa.engine.versions import Segment
from psepa.law.sources import ARTICLE_VIII_IN_FORCE
from psepa.notices import NoCatalogue, languages, render_explainer
from psepa.notices.catalogue import MissingWording, wording
from psepa.notices.explainer import (
    ACTION_GROUP,
    CITY_KIND,
    law_on,
    point_of,
    segments,
    wording_keys,
)
from psepa.notices.render import explainer_context

SEGMENTS = segments()
ARTICLE_VIII = ARTICLE_VIII_IN_FORCE.start
assert ARTICLE_VIII is not None


def first_day(segment: Segment) -> dt.date:
    return segment.start or dt.date(2000, 1, 1)


def segment_of(rule_id: str) -> Segment:
    """The first period in which a rule is in force."""
    return next(s for s in SEGMENTS if any(r.id == rule_id for r in s.rules))


def page(on: dt.date, language: str = "en") -> bytes:
    return render_explainer(on, language)


@pytest.mark.parametrize("language", languages())
@pytest.mark.parametrize("segment", SEGMENTS, ids=lambda s: str(s.start))
def test_every_rule_in_force_has_resident_wording(segment: Segment, language: str) -> None:
    """A rule added to the law without wording in every language fails here."""
    t = wording(language)
    missing = sorted(key for key in wording_keys(segment) if not t.has(key))
    assert missing == []


def test_every_action_belongs_to_a_group() -> None:
    assert set(ACTION_GROUP) == set(Action)


def test_a_rule_without_wording_stops_the_page() -> None:
    segment = SEGMENTS[-1]
    new_rule = dataclasses.replace(segment.rules[0], id="Z-1")
    law = dataclasses.replace(law_on(first_day(segment)), points=(point_of(new_rule),))
    with pytest.raises(MissingWording, match=re.escape("rule.Z-1")):
        explainer_context(law, wording("en"), "en")


@pytest.mark.parametrize("segment", SEGMENTS, ids=lambda s: str(s.start))
def test_the_page_shows_exactly_the_rules_in_force(segment: Segment) -> None:
    for on in {first_day(segment), (segment.end or dt.date(2030, 1, 1)) - dt.timedelta(days=1)}:
        shown = parse(page(on)).rules
        assert sorted(set(shown)) == sorted({r.id for r in segment.rules})
        assert len(shown) == len(set(shown))


@pytest.mark.parametrize("language", languages())
def test_each_point_is_built_from_its_rule(language: str) -> None:
    on = first_day(SEGMENTS[-1])
    text = text_of_html(page(on, language))
    t = wording(language)
    for rule in SEGMENTS[-1].rules:
        point = point_of(rule)
        assert folded(t(point.key)) in text, rule.id
        for item in point.unless:
            assert folded(t(item.key)) in text, item.key
        for cite in point.cites:
            assert cite.text in text, (rule.id, cite.text)
        assert t(f"verdict.{point.verdict.value}") in text


def test_before_article_viii_there_are_no_city_points() -> None:
    day_before = ARTICLE_VIII - dt.timedelta(days=1)
    html = page(day_before)
    shown = set(parse(html).rules)
    assert shown and all(not r.startswith(("A-", "D-")) for r in shown)
    assert "before-article-viii" in parse(html).ids
    assert not law_on(day_before).has_article_viii
    on_the_day = set(parse(page(ARTICLE_VIII)).rules)
    assert {"A-9", "A-11", "A-15", "A-16"} <= on_the_day
    assert "before-article-viii" not in parse(page(ARTICLE_VIII)).ids
    assert any(p.source.kind == CITY_KIND for p in law_on(ARTICLE_VIII).points)


@pytest.mark.parametrize(
    ("rule_id", "source_name"),
    [("E-1", "C.R.S. 24-76.6"), ("E-7", "SB25-276"), ("EO152-1", "EO 152")],
)
def test_later_law_shows_from_its_first_day(rule_id: str, source_name: str) -> None:
    start = segment_of(rule_id).start
    assert start is not None
    before = page(start - dt.timedelta(days=1))
    after = page(start)
    assert rule_id not in parse(before).rules
    assert rule_id in parse(after).rules
    assert f"({source_name})" in text_of_html(after)
    assert f"({source_name})" not in text_of_html(before)


def test_colorado_detainer_law_from_2019_and_sb25_276_from_2025() -> None:
    assert "E-1" not in parse(page(dt.date(2018, 12, 31))).rules
    assert "E-1" in parse(page(dt.date(2019, 6, 1))).rules
    assert "E-7" not in parse(page(dt.date(2024, 12, 31))).rules
    assert "E-7" in parse(page(dt.date(2025, 6, 1))).rules


@pytest.mark.parametrize("language", languages())
def test_the_date_of_the_law_is_the_periods_start(language: str) -> None:
    from babel.dates import format_date

    segment = next(s for s in SEGMENTS if s.start and s.end)
    on = segment.start + dt.timedelta(days=3)  # type: ignore[operator]
    law_date = parse(page(on, language))
    text = text_of_html(page(on, language))
    assert law_date.ids["law-date"] == "p"
    for day in (segment.start, segment.end, on):
        assert format_date(day, "long", locale=language) in text


@pytest.mark.parametrize("language", languages())
def test_date_form_and_language_links_target_the_explainer(language: str) -> None:
    on = dt.date(2025, 6, 2)
    html = page(on, language)
    found = parse(html)
    assert found.html_lang == language
    assert found.forms == [
        {"class": "controls", "method": "get", "action": "/explainer", "role": "search"}
    ]
    date_input = next(i for i in found.inputs if i.get("name") == "on")
    assert date_input["type"] == "date" and date_input["value"] == "2025-06-02"
    assert date_input["id"] in found.labels
    hidden = next(i for i in found.inputs if i.get("name") == "lang")
    assert hidden["type"] == "hidden" and hidden["value"] == language
    switch = {a["hreflang"]: href for href, a in found.links if "hreflang" in a}
    assert set(switch) == set(languages())
    for code, href in switch.items():
        parts = urlsplit(href)
        assert parts.path == "/explainer"
        assert parse_qs(parts.query) == {"on": ["2025-06-02"], "lang": [code]}
    assert [a.get("aria-current") for h, a in found.links if a.get("hreflang") == language] == [
        "page"
    ]


def test_change_dates_link_to_each_period() -> None:
    found = parse(page(dt.date(2025, 6, 2), "es"))
    targets = {
        parse_qs(urlsplit(href).query)["on"][0]
        for href, a in found.links
        if href.startswith("/explainer?") and "hreflang" not in a
    }
    assert targets == {s.start.isoformat() for s in SEGMENTS if s.start}


def test_headings_are_in_order_and_points_are_grouped() -> None:
    found = parse(page(dt.date(2025, 6, 2)))
    levels = [int(tag[1]) for tag, _ in found.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    t = wording("en")
    titles = [text for tag, text in found.headings if tag == "h2"]
    for group in ("jail", "police", "city", "federal"):
        assert t(f"group.{group}") in titles


def test_spanish_page_is_spanish() -> None:
    text = text_of_html(page(dt.date(2025, 6, 2), "es"))
    t = wording("es")
    assert t("explainer.title") in text
    assert "2 de junio de 2025" in text
    assert "autoridades federales de inmigración" in text


def test_identical_points_are_shown_once() -> None:
    """A-16 answers two actions with the same meaning; a resident reads it once."""
    html = page(dt.date(2025, 6, 2))
    t = wording("en")
    assert text_of_html(html).count(t("rule.A-16")) == 1
    assert "A-16|A-16 (release date)" in html.decode()


def test_pdf_explainer_holds_the_text() -> None:
    on = dt.date(2025, 6, 2)
    pdf = render_explainer(on, "es", "pdf")
    text = text_of_pdf(pdf)
    t = wording("es")
    assert t("explainer.title") in text
    assert folded(t("rule.A-15")) in text
    assert "DRMC 28-252(b)" in text


def test_unknown_language_is_refused() -> None:
    with pytest.raises(NoCatalogue, match="available"):
        render_explainer(dt.date(2025, 6, 2), "xx")


def test_the_revision_shown_is_the_rulebooks() -> None:
    assert rulebook().revision in text_of_html(page(dt.date(2025, 6, 2)))


def test_no_catalogue_keeps_wording_for_a_rule_the_law_no_longer_has() -> None:
    """Wording left behind by a removed or renamed rule would rot unseen; name it."""
    needed = set().union(*(wording_keys(s) for s in SEGMENTS))
    for language in languages():
        kept = {k for k in wording(language).entries() if k.startswith(("rule.", "duty."))}
        assert sorted(kept - needed) == [], language
