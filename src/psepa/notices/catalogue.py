"""The message catalogues: one gettext `.po` file per language, read with Babel at run time.

A catalogue is `locale/<code>/LC_MESSAGES/psepa.po` inside this package. Messages are keyed
(`notice.interview.right_decline`, `rule.A-15`, `rule.A-15.unless.judicial warrant or writ`)
rather than keyed by their English text, so that the English catalogue is a translation like
any other and a missing entry is found by name. Adding a language is dropping in a new file:
nothing in the code lists the languages.

Reading the `.po` source directly (no compiled `.mo`) keeps a single file per language, which a
translator edits and the package ships as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from psepa.errors import PsepaError

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "psepa"
_CODE = re.compile(r"^[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_[A-Z]{2}|_\d{3})?$")


class NoCatalogue(PsepaError, LookupError):
    """There is no message catalogue for a language (the explainer's error; the notices raise
    the narrower `NoTranslation`)."""

    def __init__(self, language: str, message: str | None = None) -> None:
        self.language = language
        self.available = languages()
        super().__init__(
            message
            or f"no catalogue for language {language!r}; available: "
            f"{', '.join(self.available)} (add locale/<code>/LC_MESSAGES/psepa.po to "
            "src/psepa/notices to offer another)"
        )


class MissingWording(PsepaError, LookupError):
    """A catalogue lacks an entry the page needs: say which, so a translator can add it."""

    def __init__(self, language: str, key: str) -> None:
        self.language = language
        self.key = key
        super().__init__(
            f"the {language!r} catalogue has no wording for {key!r}; add a msgid {key!r} with "
            f"its msgstr to {catalogue_path(language).relative_to(LOCALE_DIR.parents[2])}"
        )


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """Codes of the catalogues present, sorted."""
    if not LOCALE_DIR.is_dir():
        return []
    return sorted(
        entry.name
        for entry in LOCALE_DIR.iterdir()
        if _CODE.match(entry.name) and catalogue_path(entry.name).is_file()
    )


def resolve(language: str) -> str:
    """The catalogue that serves a language tag, as the case records hold it (BCP 47).

    Tags are case-insensitive and may use `-` or `_`: `es-MX` is served by `es_MX` if present,
    else by `es` (the same language; never another one). A script is never dropped: `zh-Hant`
    is not served by `zh`. Raises NoCatalogue when no catalogue serves the tag.
    """
    if not isinstance(language, str) or not 0 < len(language) <= 35:
        raise NoCatalogue(str(language)[:40])
    parts = re.split(r"[-_]", language)
    if not all(part.isascii() and part.isalnum() for part in parts):
        raise NoCatalogue(language)
    base, rest = parts[0].lower(), parts[1:]
    script = rest[0].title() if rest and len(rest[0]) == 4 and rest[0].isalpha() else None
    region = next(
        (
            part.upper()
            for part in rest
            if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())
        ),
        None,
    )
    stem = f"{base}_{script}" if script else base
    candidates = [f"{stem}_{region}"] if region else []
    candidates.append(stem)
    available = languages()
    for code in candidates:
        if code in available:
            return code
    raise NoCatalogue(language)


def bcp47(code: str) -> str:
    """A catalogue code as an HTML `lang` value: `pt_BR` is `pt-BR`."""
    return code.replace("_", "-")


def babel_locale(language: str) -> Locale | None:
    """Babel's locale for a catalogue's code, or None if Babel does not know the code (the
    catalogue still works; dates then print in ISO form)."""
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return None


def language_name(code: str, in_language: str = "en") -> str:
    """The name of language `code` as written in `in_language` ("es" in "es" is "español")."""
    locale = babel_locale(code)
    if locale is None:
        return code
    shown_in = babel_locale(in_language) or Locale.parse("en")
    name = locale.get_display_name(shown_in)
    return name if name else code


@dataclass(frozen=True)
class Wording:
    """One language's catalogue, as a lookup that fails loudly on a missing entry."""

    language: str
    catalogue: Catalog

    def has(self, key: str) -> bool:
        message = self.catalogue.get(key)
        return message is not None and bool(message.string) and not message.fuzzy

    def __call__(self, key: str, **params: str) -> str:
        message = self.catalogue.get(key)
        if message is None or not message.string or message.fuzzy:
            raise MissingWording(self.language, key)
        text = message.string
        if not isinstance(text, str):  # a plural entry; psepa's keys have none
            raise MissingWording(self.language, key)
        return text.format(**params) if params else text

    def entries(self) -> set[str]:
        return {str(m.id) for m in self.catalogue if m.id and isinstance(m.id, str)}


@cache
def _load(language: str, path: Path, stamp: float) -> Wording:
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=None, domain=DOMAIN)
    return Wording(language, catalogue)


def wording(language: str) -> Wording:
    """The catalogue serving `language` (see `resolve`); raises NoCatalogue if there is none. A
    catalogue edited on disk is read again (keyed by its modification time)."""
    code = resolve(language)
    path = catalogue_path(code)
    return _load(code, path, path.stat().st_mtime)
