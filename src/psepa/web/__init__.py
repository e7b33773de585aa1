"""psepa over HTTP: the JSON API under /v1, the staff pages, and the public explainer.

`create_app(store)` builds the whole app; `psepa serve` runs it with uvicorn.
"""

from psepa.web.app import create_app

__all__ = ["create_app"]
