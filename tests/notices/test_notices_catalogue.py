"""The catalogues: complete, consistent between languages, and extensible without code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from notice_pages import add_language, copy_catalogues

from psepa.notices import catalogue, language_name, languages
from psepa.notices.catalogue import MissingWording, NoCatalogue, wording

FIELD = re.compile(r"\{(\w+)\}")


def test_english_and_spanish_are_present() -> None:
    assert {"en", "es"} <= set(languages())


def test_language_names_come_from_babel() -> None:
    assert language_name("es") == "Spanish"
    assert language_name("es", "es") == "español"
    assert language_name("en", "es") == "inglés"


@pytest.mark.parametrize("language", languages())
def test_every_catalogue_has_every_entry_of_the_english_one(language: str) -> None:
    english = wording("en")
    other = wording(language)
    assert english.entries() == other.entries()
    assert [k for k in english.entries() if not other.has(k)] == []


@pytest.mark.parametrize("language", languages())
def test_fields_to_fill_in_are_the_same_in_every_language(language: str) -> None:
    english = wording("en")
    other = wording(language)
    for key in english.entries():
        assert set(FIELD.findall(other(key))) == set(FIELD.findall(english(key))), key


def test_spanish_keeps_its_legal_terms_consistent() -> None:
    """The same legal idea is always said the same way, so a reader can rely on the words."""
    en, es = wording("en"), wording("es")
    terms = {
        "federal immigration authorities": "autoridades federales de inmigración",
        "federal immigration agents": "agentes federales de inmigración",
        "signed by a federal judge": "firmada por un juez federal",
        "immigration court": "corte de inmigración",
        "lawyer": "abogado",
    }
    for key in en.entries():
        for english_term, spanish_term in terms.items():
            if english_term in en(key).lower():
                assert spanish_term in es(key).lower(), (key, english_term)


def test_spanish_is_not_english_left_in_place() -> None:
    en, es = wording("en"), wording("es")
    same = [k for k in en.entries() if en(k) == es(k) and len(en(k)) > 12]
    assert same == []


def test_a_missing_entry_is_named() -> None:
    with pytest.raises(MissingWording, match=re.escape("no wording for 'rule.Z-99'")) as caught:
        wording("es")("rule.Z-99")
    assert caught.value.key == "rule.Z-99"
    assert "locale/es/LC_MESSAGES/psepa.po" in str(caught.value)


def test_an_unknown_language_lists_the_available_ones() -> None:
    with pytest.raises(NoCatalogue, match="available: en, es") as caught:
        wording("xx")
    assert caught.value.language == "xx"


@pytest.mark.parametrize("code", ["../en", "en/../es", "", "e", "es\n", "x" * 40, "zh-Hant"])
def test_a_language_code_cannot_reach_outside_the_catalogues(code: str) -> None:
    with pytest.raises(NoCatalogue):
        wording(code)


def test_a_dropped_in_catalogue_is_a_new_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locale_dir = copy_catalogues(tmp_path, monkeypatch)
    before = languages()
    add_language(locale_dir, "fr", "[fr] ")
    assert languages() == sorted([*before, "fr"])
    assert wording("fr")("notice.name").startswith("[fr] ")
    assert language_name("fr", "fr") == "français"


@pytest.mark.parametrize(
    ("tag", "code"),
    [("es", "es"), ("ES", "es"), ("es-MX", "es"), ("es_419", "es"), ("en-US", "en")],
)
def test_a_language_tag_is_served_by_its_languages_catalogue(tag: str, code: str) -> None:
    """The case records hold BCP 47 tags; a regional tag is the same language, never another."""
    assert catalogue.resolve(tag) == code
    assert wording(tag).language == code


def test_a_regional_catalogue_wins_over_its_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locale_dir = copy_catalogues(tmp_path, monkeypatch)
    add_language(locale_dir, "pt_BR", "[pt-BR] ")
    assert catalogue.resolve("pt-BR") == "pt_BR"
    assert catalogue.bcp47("pt_BR") == "pt-BR"
    with pytest.raises(NoCatalogue):
        catalogue.resolve("pt-PT")  # Brazilian Portuguese does not serve Portugal's
