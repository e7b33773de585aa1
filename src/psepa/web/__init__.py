"""psepa over HTTP: the JSON API under /v1, the staff pages, and the public explainer.

`create_app(store)` builds the whole app; `psepa serve` runs it with uvicorn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from psepa.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # The app (FastAPI, its routes, templates) loads on first use, not whenever a module of
    # this package is imported: `psepa serve` is one command among many.
    if name == "create_app":
        from psepa.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
