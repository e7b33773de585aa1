"""Versions of the law and the dated segments they fall into.

The law in force changes only on the days a rule starts or stops; between two such days the
set of rules is fixed (a *segment*). Each segment compiles its rules once per action, on first
use. A named version (a draft, or the enacted text alone) is one segment for every date:
OpenFisca's dated parameters, made explicit.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from psepa.domain import Action
from psepa.engine.citations import Window
from psepa.engine.compiler import CompiledAction, compile_action
from psepa.engine.rules import Rule


@dataclass(frozen=True)
class Version:
    """A body of rules: the law in force by date (`dated`), or a fixed named version."""

    id: str
    title: str
    rules: tuple[Rule, ...]
    dated: bool = False
    was_law: Window | None = None  # when a named version was the law, if ever
    note: str = ""


_COMPILED: dict[tuple[int, ...], CompiledAction] = {}
_KEEP: list[tuple[Rule, ...]] = []


def compiled_for(rules: tuple[Rule, ...]) -> CompiledAction:
    """Compile a tuple of rules once, however many segments share it."""
    key = tuple(id(rule) for rule in rules)
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = compile_action(rules)
        _KEEP.append(rules)  # keep the rules alive so their ids stay unique
    return found


@dataclass
class Segment:
    """The rules of one version on the days from `start` to `end` (exclusive)."""

    version: Version
    start: dt.date | None
    end: dt.date | None
    rules: tuple[Rule, ...]
    by_action: dict[str, CompiledAction] = field(default_factory=dict)

    def rules_for(self, action: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if action in rule.actions)

    def compiled(self, action: str) -> CompiledAction:
        found = self.by_action.get(action)
        if found is None:
            found = self.by_action[action] = compiled_for(self.rules_for(action))
        return found

    def compile_all(self) -> None:
        for action in Action:
            self.compiled(action.value)

    @property
    def window(self) -> Window:
        return Window(self.start, self.end)


class Timeline:
    """The segments of one version, found by date with a binary search."""

    def __init__(self, version: Version) -> None:
        self.version = version
        if not version.dated:
            self.boundaries: list[dt.date] = []
            self.segments = [Segment(version, None, None, version.rules)]
        else:
            days: set[dt.date] = set()
            for rule in version.rules:
                window = rule.window
                days.update(d for d in (window.start, window.end) if d is not None)
            self.boundaries = sorted(days)
            starts: list[dt.date | None] = [None, *self.boundaries]
            ends: list[dt.date | None] = [*self.boundaries, None]
            self.segments = [
                Segment(version, start, end, self._in_force(start))
                for start, end in zip(starts, ends, strict=True)
            ]
        self.ordinals = [day.toordinal() for day in self.boundaries]

    def _in_force(self, start: dt.date | None) -> tuple[Rule, ...]:
        day = start or dt.date.min
        return tuple(rule for rule in self.version.rules if rule.window.covers(day))

    def at(self, ordinal: int) -> Segment:
        return self.segments[bisect.bisect_right(self.ordinals, ordinal)]
