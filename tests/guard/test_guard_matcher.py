"""The matcher on its own: categories, look-alikes, negations, both languages."""

from __future__ import annotations

import unicodedata

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from guard_helpers import CORPUS

from psepa.guard import MATCHER, Category
from psepa.guard.evaluate import load_corpus
from psepa.guard.lexicon import PREFILTER
from psepa.guard.normalise import normalise

CORPUS_FILES = sorted(CORPUS.glob("*.tsv"))


def found(text: str, identifier: bool = False) -> set[str]:
    return {h.category.value for h in MATCHER.find(text, identifier=identifier)}


@pytest.mark.parametrize(
    ("text", "identifier", "expected"),
    [
        ("CountryOfBirth", True, {"place_of_birth"}),
        ("CTZN_STS_CD", True, {"citizenship"}),
        ("alien_reg_no", True, {"a_number"}),
        ("Alien registration card", False, {"green_card"}),  # the longer name wins
        ("¿Es usted ciudadano de EE. UU.?", False, {"citizenship"}),
        (
            "Subject is undocumented and was born in Guatemala.",
            False,
            {"immigration_status", "place_of_birth"},
        ),
        ("A-Number:", False, {"a_number"}),
        ("Número A:", False, {"a_number"}),
        ("Situación migratoria", False, {"immigration_status"}),
        ("Pidió asilo político.", False, {"immigration_status"}),
        # shared spans: neither category swallows the other
        ("citizen_or_lpr_flag", True, {"citizenship", "green_card"}),
        ("She overstayed her F-1 visa.", False, {"immigration_status", "visa"}),
        ("Not a U.S. citizen but holds LPR status.", False, {"citizenship", "green_card"}),
        ("deport_hist_cd", True, {"immigration_status"}),
        ("frgn_born_flg", True, {"place_of_birth"}),
        ("ppt_exp_dt", True, {"passport"}),
        ("Her grandparents fled from Syria.", False, {"national_origin"}),
        ("¿De dónde vinieron sus padres?", False, {"national_origin"}),
        ("Originaria de Guatemala", False, {"national_origin"}),
        ("Born: Lagos, Nigeria", False, {"place_of_birth"}),
        ("A-123-456-789", False, {"a_number"}),
        ("SAVE response: Lawful Permanent Resident", False, {"immigration_status", "green_card"}),
        ("Dijo ser ciudadana salvadoreña.", False, {"citizenship"}),
        ("¿Tiene usted visa de turista?", False, {"visa"}),
    ],
)
def test_finds_what_is_asked(text: str, identifier: bool, expected: set[str]) -> None:
    assert found(text, identifier) == expected


@pytest.mark.parametrize(
    ("text", "identifier"),
    [
        ("birth_date", True),
        ("lpr_camera_id", True),  # a licence-plate reader
        ("cit_no", True),  # a citation
        ("citizen_complaint_id", True),
        ("Country of the vehicle's registration", False),
        ("Nationality of the ship", False),
        ("Citizen complaint form", False),
        ("A number of people were present.", False),
        ("Pay with Visa or Mastercard", False),
        ("Right-of-way work permit number", False),
        ("He was born in 1985.", False),
        ("Federal immigration authorities asked to be notified of the release.", False),
        ("We will not ask about your immigration status.", False),
        ("Servicios disponibles sin importar su estatus migratorio.", False),
        ("Fecha de nacimiento", False),
        ("construction_bldg_work_permit", True),
        ("naturalized_spp_cnt", True),
        ("Passport photo services are available Tuesdays.", False),
        ("Pasaporte de lectura: 10 sellos", False),
        ("Green card - 5 min suspension", False),
        ("450 Asylum St", False),
        ("Patient is a permanent resident of the care home.", False),
        ("Country of origin of the shipment: Vietnam", False),
        ("Do not write your nationality or passport number on this form.", False),
        ("We do not discriminate on the basis of race, color or national origin.", False),
        ("Born: 03/04/1990", False),
        ("The family came from the store.", False),
    ],
)
def test_look_alikes_and_promises_are_not_findings(text: str, identifier: bool) -> None:
    assert found(text, identifier) == set()


def test_a_negation_only_reaches_its_own_sentence() -> None:
    text = "We did not ask about status. He said he is undocumented."
    assert found(text) == {"immigration_status"}


def test_accents_do_not_matter() -> None:
    for path in CORPUS_FILES:
        for ex in load_corpus(path):
            bare = "".join(
                c for c in unicodedata.normalize("NFKD", ex.text) if not unicodedata.combining(c)
            )
            ident = ex.kind == "column"
            assert found(bare, ident) == found(ex.text, ident), f"{path.name}:{ex.line}"


def test_identifiers_split_every_way_they_are_written() -> None:
    forms = ["country_of_birth", "CountryOfBirth", "country-of-birth", "COUNTRY_OF_BIRTH"]
    assert {normalise(f, identifier=True) for f in forms} == {" country of birth "}


def test_the_value_prefilter_keeps_every_cell_the_matcher_would_flag() -> None:
    # Arrow's RE2 pre-filter must be a superset of the lexicon, or values would be missed.
    texts = [
        ex.text
        for path in CORPUS_FILES
        for ex in load_corpus(path)
        if ex.kind != "column" and ex.labels
    ]
    assert len(texts) > 150
    kept = pc.match_substring_regex(pa.array(texts), PREFILTER, ignore_case=True).to_pylist()
    missed = [t for t, k in zip(texts, kept, strict=True) if not k and MATCHER.find(t)]
    assert missed == []


def test_every_category_has_english_and_spanish_terms() -> None:
    for category in Category:
        examples = [
            ex for path in CORPUS_FILES for ex in load_corpus(path) if category in ex.labels
        ]
        assert {ex.lang for ex in examples} == {"en", "es"}, category
