"""The rulebook: every version of the law, its revision id, and the way in to a decision."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from psepa.engine.compiler import CompiledAction, Template
from psepa.engine.decision import Decision
from psepa.engine.versions import Segment, Timeline, Version
from psepa.errors import UnknownVersion
from psepa.situation import Facts

_DATED = re.compile(r"^law-in-force-(\d{4}-\d{2}-\d{2})$")


def law_revision(package_dir: Path) -> str:
    """A short hash of the encoded law's source files: which code gave an answer."""
    digest = hashlib.sha256()
    for path in sorted(package_dir.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class VersionInfo:
    id: str
    title: str
    kind: str
    was_law: str
    note: str
    rules: tuple[str, ...]
    periods: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        """The version as JSON, the same through the CLI and the HTTP API."""
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "was_law": self.was_law,
            "note": self.note,
            "rules": list(self.rules),
            "periods": list(self.periods),
        }


class Rulebook:
    """All versions of the law, compiled on demand."""

    def __init__(self, in_force: Version, named: Sequence[Version], revision: str) -> None:
        self.in_force = Timeline(in_force)
        self.named = {version.id: Timeline(version) for version in named}
        self.revision = revision

    @cached_property
    def version_ids(self) -> list[str]:
        return [self.in_force.version.id, *self.named]

    def segment(self, version: str | None, ordinal: int) -> tuple[Segment, str | None]:
        """The segment that answers, and the label of a fixed version (None: by date)."""
        if version is None or version == self.in_force.version.id:
            return self.in_force.at(ordinal), None
        timeline = self.named.get(version)
        if timeline is not None:
            return timeline.segments[0], version
        match = _DATED.match(version)
        if match:
            try:
                day = dt.date.fromisoformat(match.group(1))
            except ValueError:
                raise UnknownVersion(version, self.version_ids) from None
            return self.in_force.at(day.toordinal()), version
        raise UnknownVersion(version, self.version_ids)

    def check_version(self, version: str | None) -> None:
        """Raise UnknownVersion now rather than in the middle of a batch."""
        self.segment(version, dt.date.today().toordinal())

    def decide(self, facts: Facts, version: str | None = None) -> Decision:
        """Decide a validated situation. `version` overrides the situation's own."""
        version = version or facts.version
        if version is None:
            # The common case, kept short: the law in force on the situation's date.
            timeline = self.in_force
            segment = timeline.segments[bisect_right(timeline.ordinals, facts.on_ordinal)]
            label = None
        else:
            segment, label = self.segment(version, facts.on_ordinal)
        compiled = segment.by_action.get(facts.action) or segment.compiled(facts.action)
        return Decision(facts.action, facts.on, label, self.revision, compiled.decide(facts), facts)

    def warm(self) -> None:
        """Compile every action of every version now, so that no request pays for it later."""
        for timeline in self.timelines():
            for segment in timeline.segments:
                segment.compile_all()

    def compiled(self, action: str, version: str | None, on: dt.date) -> CompiledAction:
        return self.segment(version, on.toordinal())[0].compiled(action)

    def timelines(self) -> list[Timeline]:
        return [self.in_force, *self.named.values()]

    def describe(self) -> list[VersionInfo]:
        """What `psepa versions` prints."""
        found = []
        for timeline in self.timelines():
            version = timeline.version
            periods = tuple(
                {
                    "from": s.start.isoformat() if s.start else None,
                    "to": s.end.isoformat() if s.end else None,
                    "sources": sorted({r.source.name for r in s.rules}),
                }
                for s in timeline.segments
            )
            found.append(
                VersionInfo(
                    id=version.id,
                    title=version.title,
                    kind="by date" if version.dated else "named",
                    was_law=str(version.was_law)
                    if version.was_law
                    else ("by date" if version.dated else "never law"),
                    note=version.note,
                    rules=tuple(dict.fromkeys(r.id for r in version.rules)),
                    periods=periods,
                )
            )
        return found


def template_of(decision: Decision) -> Template:
    return decision.template
