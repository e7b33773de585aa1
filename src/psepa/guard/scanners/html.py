"""HTML forms (and Jinja templates of them): what a form asks, not what a page says.

Labels, legends, options, the names, placeholders and titles of inputs, and any sentence
ending in a question mark inside a <form> are read. Other prose is skipped: a page explaining
that the city does not help federal immigration authorities asks nobody anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from psepa.guard.errors import UnreadableInput
from psepa.guard.findings import Location
from psepa.guard.rules import Context
from psepa.guard.scanners.base import Item

CONTROLS = {"input", "select", "textarea", "button"}
TEXT_HOLDERS = {"label", "legend", "option", "optgroup", "summary"}
SKIP = {"script", "style", "template"}
NAMING_ATTRIBUTES = ("name", "id", "placeholder", "aria-label", "title", "alt")
WORDY_ATTRIBUTES = {"placeholder", "aria-label", "title", "alt", "label"}


class _FormReader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.items: list[Item] = []
        self.forms = 0  # depth of <form>
        self.holders: list[tuple[str, int, list[str]]] = []  # open label-like elements
        self.skipping = 0
        self.loose: list[str] = []  # text inside a form outside any label
        self.loose_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in SKIP:
            self.skipping += 1
            return
        if tag == "form":
            self.forms += 1
        if tag in TEXT_HOLDERS:
            self.holders.append((tag, line, []))
        if tag in CONTROLS or tag in ("option", "optgroup"):
            self._flush_loose()
            kind = dict(attrs).get("type") or ""
            for name, value in attrs:
                if not value:
                    continue
                if (
                    name in NAMING_ATTRIBUTES
                    or name == "label"
                    or (name == "value" and kind in ("radio", "checkbox"))
                ):
                    self._add(f"<{tag}> {name}", value, line, name not in WORDY_ATTRIBUTES)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in TEXT_HOLDERS:
            for i in range(len(self.holders) - 1, -1, -1):
                if self.holders[i][0] == tag:
                    _, line, parts = self.holders.pop(i)
                    text = " ".join("".join(parts).split())
                    if text:
                        self._add(f"<{tag}>", text, line, False)
                    break
        elif tag == "form":
            self._flush_loose()
            self.forms = max(0, self.forms - 1)
        elif tag in ("p", "div", "li", "td", "th", "span", "h1", "h2", "h3", "h4", "br"):
            self._flush_loose()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.holders:
            self.holders[-1][2].append(data)
        elif self.forms and data.strip():
            if not self.loose:
                self.loose_line = self.getpos()[0]
            self.loose.append(data)

    def _flush_loose(self) -> None:
        text = " ".join("".join(self.loose).split())
        self.loose = []
        if "?" in text:
            self._add("form text", text, self.loose_line, False)

    def _add(self, where: str, text: str, line: int, identifier: bool) -> None:
        location = Location(self.source, "html", where, line)
        self.items.append(Item(location, text, Context.FORM, identifier=identifier))


def scan_html(path: Path, source: str) -> Iterator[Item]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UnreadableInput(source, "not UTF-8 text; save it as UTF-8") from None
    reader = _FormReader(source)
    reader.feed(text)
    reader.close()
    reader._flush_loose()
    yield from reader.items
