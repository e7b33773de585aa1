"""Debian's Chromium, as every browser test launches it.

Playwright cannot download a browser here, so it drives the system's (scripts/setup installs
it). Background networking is off: the machine's closed network would refuse those
connections, many at a time. A missing browser fails the tests rather than skipping them, since
a suite that silently skips its browser tests proves nothing about the pages.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    """The browser's path, or an error saying how to install it."""
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"Debian's chromium is not installed at {CHROMIUM}: "
            "apt-get install -y chromium (scripts/setup does)"
        )
    return str(CHROMIUM)
