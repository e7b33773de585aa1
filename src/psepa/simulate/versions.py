"""Which rulebook answers a version id: Denver's, or a policy pack of another jurisdiction."""

from __future__ import annotations

from functools import cache

from psepa.engine.api import rulebook
from psepa.engine.rulebook import Rulebook
from psepa.errors import UnknownVersion


@cache
def packs() -> tuple[Rulebook, ...]:
    """Policy packs beside Denver's law (today: Travis County, Texas)."""
    from psepa.law.travis import rulebook as travis

    return (travis(),)


def all_rulebooks() -> list[Rulebook]:
    return [rulebook(), *packs()]


def all_version_ids() -> list[str]:
    ids = list(rulebook().version_ids)
    for book in packs():
        ids.extend(v for v in book.version_ids if v not in ids)
    return ids


def resolve(version: str) -> Rulebook:
    """The rulebook that knows `version`; raises `UnknownVersion` listing every known id."""
    for book in (rulebook(), *packs()):
        try:
            book.check_version(version)
        except UnknownVersion:
            continue
        return book
    raise UnknownVersion(version, all_version_ids())
