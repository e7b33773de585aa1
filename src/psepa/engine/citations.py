"""Where the law comes from: sources with their in-force windows, and pinpoint citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """When something is in force: from `start` (inclusive) to `end` (exclusive); None = open."""

    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def __str__(self) -> str:
        start = self.start.isoformat() if self.start else "always"
        end = self.end.isoformat() if self.end else "today"
        return f"{start} to {end}"


@dataclass(frozen=True)
class Source:
    """A legal source: an ordinance section, an executive order, a statute, a regulation."""

    id: str
    name: str
    title: str
    kind: str  # city ordinance, executive order, draft, state statute, federal law
    in_force: Window
    url: str = ""
    references: tuple[str, ...] = ()  # source tags in shared/reference/law-sources.md
    note: str = ""


@dataclass(frozen=True)
class Cite:
    """A pinpoint citation, as structured data: `DRMC 28-252(b)` and the source it is part of."""

    text: str
    source: Source

    def as_dict(self) -> dict[str, str]:
        return {
            "cite": self.text,
            "source": self.source.name,
            "title": self.source.title,
            "kind": self.source.kind,
            "url": self.source.url,
        }
