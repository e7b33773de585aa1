"""The allow-list: fields a department keeps because a law requires them, with the citation.

An entry only excuses a finding if the engine agrees: the guard re-asks the law with the
entry's `required_by` (and `purpose`) and accepts the excuse only when the answer is no longer
a prohibition. A treaty does not excuse a question on a city application (DRMC 28-250(a)(3)
has no treaty exception), so such an entry is reported as refused, not silently honoured.

The file is YAML (or JSON), a list of entries or `{"entries": [...]}`:

    - path: "hr/onboarding/*.pdf"        # glob over the scanned source; default every source
      where: "*citizenship*"             # glob over the column, field or key; default any
      category: citizenship              # optional; default any category
      required_by: federal_law           # federal_law, state_law, city_law or treaty
      purpose: employment_eligibility    # optional, a purpose of the decision contract
      citation: "8 U.S.C. 1324a; 8 CFR 274a.2 (Form I-9)"
      reason: "New hires complete Form I-9; the city keeps it apart from service records."
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from psepa.errors import InvalidSituation
from psepa.guard.categories import Category
from psepa.guard.errors import AllowListError
from psepa.guard.findings import Excuse, Finding
from psepa.guard.rules import Context, ruling


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = "*"
    where: str = "*"
    category: Category | None = None
    required_by: Literal["federal_law", "state_law", "city_law", "treaty"] | None = None
    purpose: str | None = None
    # A finding that is not about anyone's status at all (a look-alike the lexicon missed):
    # dismissed with a person's reason, and no law to cite.
    not_about_status: bool = False
    citation: str = ""
    reason: str = Field(min_length=3)

    @field_validator("reason")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must say why, in a sentence a reviewer can check")
        return value.strip()

    @model_validator(mode="after")
    def _grounded(self) -> Entry:
        if self.not_about_status:
            if self.required_by or self.purpose:
                raise ValueError("not_about_status excludes required_by and purpose")
            return self
        if len(self.citation.strip()) < 3:
            raise ValueError("citation is required: the law that requires this field")
        if self.required_by is None and self.purpose is None:
            raise ValueError("give required_by (or purpose): what makes this field lawful")
        return self

    def covers(self, finding: Finding) -> bool:
        loc = finding.location
        return (
            (self.category is None or self.category is finding.category)
            and fnmatch.fnmatch(loc.source, self.path)
            and (
                fnmatch.fnmatch(loc.where, self.where) or fnmatch.fnmatch(finding.text, self.where)
            )
        )


class AllowList:
    def __init__(self, entries: list[Entry], file: str = "<allow-list>") -> None:
        self.entries = entries
        self.file = file
        self.used: set[int] = set()

    @classmethod
    def load(cls, path: Path) -> AllowList:
        name = str(path)
        try:
            raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise AllowListError(name, None, "file", exc.strerror or str(exc)) from None
        except yaml.YAMLError as exc:
            raise AllowListError(name, None, "file", f"not valid YAML or JSON: {exc}") from None
        if isinstance(raw, dict) and set(raw) == {"entries"}:
            raw = raw["entries"]
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            raise AllowListError(name, None, "file", "must be a list of entries")
        entries = []
        for i, item in enumerate(raw, 1):
            try:
                entry = Entry.model_validate(item)
            except ValidationError as exc:
                err = exc.errors()[0]
                field = ".".join(str(p) for p in err["loc"]) or _field_named(err["msg"])
                raise AllowListError(name, i, field, err["msg"]) from None
            try:  # the engine checks `purpose` against the contract now, not mid-scan
                ruling(
                    Category.STATUS,
                    Context.RECORD,
                    dt.date.today(),
                    "city_department",
                    entry.required_by,
                    entry.purpose,
                )
            except InvalidSituation as exc:
                raise AllowListError(
                    name, i, exc.field.removeprefix("facts."), exc.message
                ) from None
            entries.append(entry)
        return cls(entries, name)

    def apply(self, finding: Finding, on: dt.date, actor: str) -> None:
        """Excuse `finding` with the first covering entry the law accepts; note refusals."""
        if not finding.ruling.forbidden:
            return
        for index, entry in enumerate(self.entries, 1):
            if not entry.covers(finding):
                continue
            self.used.add(index)
            if entry.not_about_status:
                finding.excuse = Excuse(
                    index, "", entry.reason, None, None, finding.ruling, dismissed=True
                )
                return
            answer = ruling(
                finding.category, finding.context, on, actor, entry.required_by, entry.purpose
            )
            if answer.forbidden:
                finding.refused.append(
                    f"entry {index} ({entry.citation}) does not excuse it: "
                    + (answer.reasons[0] if answer.reasons else "the law still forbids it")
                )
                continue
            finding.excuse = Excuse(
                index, entry.citation, entry.reason, entry.required_by, entry.purpose, answer
            )
            return

    def unused(self) -> list[str]:
        return [
            f"allow-list entry {i} ({e.where} in {e.path}: {e.citation}) matched nothing"
            for i, e in enumerate(self.entries, 1)
            if i not in self.used
        ]


def _field_named(message: str) -> str:
    """The field a whole-entry check complains about, for the error's `field`."""
    for name in ("not_about_status", "citation", "required_by"):
        if name in message:
            return name
    return "entry"
