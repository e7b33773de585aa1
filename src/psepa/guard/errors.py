"""Errors the records guard raises, each naming the file or entry a person must fix.

GuardError (a PsepaError)
 ├── UnreadableInput   a file or database could not be read as the format it claims
 ├── UnknownFormat     the guard cannot tell what a file is; says how to name its format
 └── AllowListError    an allow-list entry is malformed; names the entry and the field
"""

from __future__ import annotations

from psepa.errors import PsepaError


class GuardError(PsepaError):
    """Base class of the records guard's errors."""


class UnreadableInput(GuardError):
    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"cannot scan {where}: {problem}")


class UnknownFormat(GuardError):
    def __init__(self, where: str, known: list[str]) -> None:
        self.where = where
        super().__init__(
            f"cannot tell the format of {where}; name it with --as ({', '.join(known)})"
        )


class AllowListError(GuardError):
    def __init__(self, file: str, entry: int | None, field: str, problem: str) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        where = f"entry {entry}" if entry is not None else "top level"
        super().__init__(f"allow-list {file}, {where}, {field}: {problem}")
