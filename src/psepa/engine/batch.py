"""Columnar decisions: the same compiled rules over arrays of encoded situations.

Rows are grouped by the segment of law that answers them (by date, or one segment for a named
version) and by action; each group runs its compiled NumPy function, which returns an index
into that group's finished answers. A batch costs a few array passes per rule, not a Python
call per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from psepa.domain import BOOL_FACTS, ENUM_FACTS, SET_FACTS, Action, Verdict
from psepa.engine.compiler import CompiledAction, Template
from psepa.engine.conditions import ENUM_CODES, UNKNOWN
from psepa.engine.rulebook import Rulebook
from psepa.situation import Facts

ACTIONS: tuple[str, ...] = tuple(a.value for a in Action)
ACTION_CODES = {name: i for i, name in enumerate(ACTIONS)}
VERDICTS: tuple[Verdict, ...] = tuple(Verdict)
VERDICT_CODES = {v: i for i, v in enumerate(VERDICTS)}

Column = npt.NDArray[np.int64] | npt.NDArray[np.int32] | npt.NDArray[np.int8]


def empty_columns(n: int) -> dict[str, Column]:
    """Columns for `n` situations with every fact unknown."""
    cols: dict[str, Column] = {
        "action": np.zeros(n, dtype=np.int8),
        "on": np.zeros(n, dtype=np.int32),
    }
    for name in ENUM_FACTS:
        cols[name] = np.full(n, UNKNOWN, dtype=np.int8)
    for name in BOOL_FACTS:
        cols[name] = np.full(n, UNKNOWN, dtype=np.int8)
    for name in SET_FACTS:
        cols[name] = np.zeros(n, dtype=np.int32)
    return cols


def encode(situations: Sequence[Facts]) -> dict[str, Column]:
    """Encode validated situations as columns (the simulator reads the same layout)."""
    cols = empty_columns(len(situations))
    for i, s in enumerate(situations):
        cols["action"][i] = ACTION_CODES[s.action]
        cols["on"][i] = s.on_ordinal
        for name in ENUM_FACTS:
            value = getattr(s, name)
            if value is not None:
                cols[name][i] = ENUM_CODES[name][value]
        for name in BOOL_FACTS:
            value = getattr(s, name)
            if value is not None:
                cols[name][i] = int(value)
        for name in SET_FACTS:
            cols[name][i] = getattr(s, name)
    return cols


@dataclass
class BatchResult:
    """For each row, an index into `templates`; `verdicts` are codes into `VERDICTS`."""

    answer: npt.NDArray[np.int32]
    templates: list[Template]
    rule_sets: list[CompiledAction]

    @property
    def verdicts(self) -> npt.NDArray[np.int8]:
        codes = np.array([VERDICT_CODES[t.verdict] for t in self.templates], dtype=np.int8)
        return codes[self.answer] if len(codes) else np.zeros(0, dtype=np.int8)

    def verdict_counts(self) -> dict[str, int]:
        counts = np.bincount(self.verdicts, minlength=len(VERDICTS))
        return {v.value: int(c) for v, c in zip(VERDICTS, counts, strict=True)}


def decide_columns(
    book: Rulebook, cols: dict[str, Column], version: str | None = None
) -> BatchResult:
    """Decide every row of `cols` under `version` (default: the law in force on each row's date)."""
    n = len(cols["action"])
    answer = np.empty(n, dtype=np.int32)
    templates: list[Template] = []
    rule_sets: list[CompiledAction] = []
    offsets: dict[int, int] = {}
    if version is None or version == book.in_force.version.id:
        timeline = book.in_force
        ordinals = np.asarray(timeline.ordinals, dtype=np.int32)
        segment_of = np.searchsorted(ordinals, cols["on"], side="right")
        segments = timeline.segments
    else:
        segment = book.segment(version, 0)[0]
        segment_of = np.zeros(n, dtype=np.int64)
        segments = [segment]
    keys = segment_of.astype(np.int64) * len(ACTIONS) + cols["action"]
    present = np.flatnonzero(np.bincount(keys))
    for key in present:
        seg, action = divmod(int(key), len(ACTIONS))
        compiled = segments[seg].compiled(ACTIONS[action])
        if id(compiled) not in offsets:
            offsets[id(compiled)] = len(templates)
            templates.extend(compiled.slot_templates)
            rule_sets.append(compiled)
        offset = offsets[id(compiled)]
        if len(present) == 1:
            answer[:] = compiled.batch(cols) + offset
        else:
            rows = np.flatnonzero(keys == key)
            sub = {name: cols[name][rows] for name in compiled.reads}
            sub.setdefault("action", cols["action"][rows])
            answer[rows] = compiled.batch(sub) + offset
    return BatchResult(answer, templates, rule_sets)


def decide_many(
    book: Rulebook, situations: Iterable[Facts], version: str | None = None
) -> BatchResult:
    return decide_columns(book, encode(list(situations)), version)
