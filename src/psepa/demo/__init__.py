"""A realistic day of questions to the engine, used by `psepa demo` (the README's run command)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def day() -> list[dict[str, Any]]:
    return list(json.loads(resources.files(__package__).joinpath("day.json").read_text()))
