"""The public way in: `decide()` and `versions()`, over the one rulebook."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from psepa.engine.decision import Decision
from psepa.engine.rulebook import Rulebook, VersionInfo, law_revision
from psepa.situation import Situation, validate


@cache
def rulebook() -> Rulebook:
    """The rulebook of this installation, built on first use."""
    from psepa import law
    from psepa.law.catalogue import LAW_IN_FORCE, NAMED

    return Rulebook(LAW_IN_FORCE, NAMED, law_revision(Path(law.__file__).parent))


def decide(situation: Mapping[str, Any] | Situation, *, version: str | None = None) -> Decision:
    """What the law permits, prohibits or requires in `situation`, and why.

    `version` (a named version, or `law-in-force-YYYY-MM-DD`) overrides the situation's own
    `version`; without either, the law in force on the situation's date answers. Raises
    `InvalidSituation` naming the bad field, or `UnknownVersion`.
    """
    book = rulebook()
    if version is not None:
        book.check_version(version)
    return book.decide(validate(situation), version)


def versions() -> list[VersionInfo]:
    """Every version of the law psepa can answer under."""
    return rulebook().describe()
