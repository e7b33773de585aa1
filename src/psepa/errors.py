"""Errors psepa raises, each with a message a person can act on.

PsepaError
 ├── InvalidSituation   a situation does not fit the contract; names the field
 ├── UnknownVersion     no policy version has that id; lists the ones that exist
 ├── AuditBroken        the audit chain fails to verify; names the entry
 └── RulebookError      the encoded law itself is inconsistent (found by `psepa check`)
"""

from __future__ import annotations


class PsepaError(Exception):
    """Base class of every error psepa raises on purpose."""


class InvalidSituation(PsepaError, ValueError):
    """The situation does not fit the decision contract.

    `field` is the dotted path of the offending field (for example ``facts.documents[1]``), so
    that a door can point at it: the CLI prints it on one line, the HTTP API returns it as a
    field-level error.
    """

    def __init__(self, field: str, message: str, *, index: int | None = None) -> None:
        self.field = field
        self.message = message
        self.index = index
        where = f"situation {index}: " if index is not None else ""
        super().__init__(f"{where}{field}: {message}")


class UnknownVersion(PsepaError, LookupError):
    def __init__(self, version: str, known: list[str]) -> None:
        self.version = version
        self.known = known
        super().__init__(
            f"no policy version {version!r}; known versions: {', '.join(known)}, "
            "or law-in-force-YYYY-MM-DD (run `psepa versions`)"
        )


class RulebookError(PsepaError):
    """The rules themselves are inconsistent: two rules disagree without declared precedence."""


class AuditBroken(PsepaError):
    """The audit log's hash chain does not verify at a given entry."""

    def __init__(self, line: int, seq: object, problem: str) -> None:
        self.line = line
        self.seq = seq
        self.problem = problem
        super().__init__(f"audit log broken at line {line} (entry {seq}): {problem}")
