"""What a finding asks or records, and which fact of the engine's contract each kind is.

The engine's `information` fact knows four kinds (immigration status, citizenship, national
origin, place of birth). The documents C.R.S. 24-74 names are read as evidence of one of them:
an A-number, visa, green card or work permit shows immigration status, and a passport shows
citizenship. That mapping is psepa's reading, so that DRMC 28-250(a)(2) and (a)(3) reach these
documents before SB25-276 named them (docs/guard.md, "Readings"). What each category covers,
and where two meet, is the labelling guide, docs/guard-labels.md.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    STATUS = "immigration_status"
    CITIZENSHIP = "citizenship"
    NATIONAL_ORIGIN = "national_origin"
    PLACE_OF_BIRTH = "place_of_birth"
    A_NUMBER = "a_number"
    PASSPORT = "passport"
    VISA = "visa"
    GREEN_CARD = "green_card"
    WORK_PERMIT = "work_permit"

    @property
    def words(self) -> str:
        return WORDS[self]

    @property
    def information(self) -> str:
        """The value of the engine's `information` fact this category is evidence of."""
        return INFORMATION[self]


WORDS: dict[Category, str] = {
    Category.STATUS: "immigration status",
    Category.CITIZENSHIP: "citizenship",
    Category.NATIONAL_ORIGIN: "national origin",
    Category.PLACE_OF_BIRTH: "place of birth",
    Category.A_NUMBER: "alien registration number (A-number)",
    Category.PASSPORT: "passport data",
    Category.VISA: "visa data",
    Category.GREEN_CARD: "green card (permanent resident) data",
    Category.WORK_PERMIT: "work-permit (employment authorization) data",
}

INFORMATION: dict[Category, str] = {
    Category.STATUS: "immigration_status",
    Category.CITIZENSHIP: "citizenship",
    Category.NATIONAL_ORIGIN: "national_origin",
    Category.PLACE_OF_BIRTH: "place_of_birth",
    Category.A_NUMBER: "immigration_status",
    Category.PASSPORT: "citizenship",
    Category.VISA: "immigration_status",
    Category.GREEN_CARD: "immigration_status",
    Category.WORK_PERMIT: "immigration_status",
}
