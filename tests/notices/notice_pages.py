"""Reading rendered pages back: the HTML's structure and the PDF's text."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from psepa.notices import catalogue


@dataclass
class Page(HTMLParser):
    """The parts of a page the tests look at."""

    html_lang: str = ""
    headings: list[tuple[str, str]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    links: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)
    inputs: list[dict[str, str]] = field(default_factory=list)
    forms: list[dict[str, str]] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    _open: list[str] = field(default_factory=list)
    _text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = a.get("lang", "")
        if "data-rules" in a:
            self.rules.extend(a["data-rules"].split("|"))
        if tag == "a":
            self.links.append((a.get("href", ""), a))
        if tag == "label":
            self.labels.add(a.get("for", ""))
        if tag in ("input", "button"):
            self.inputs.append({"tag": tag, **a})
        if tag == "form":
            self.forms.append(a)
        if tag in ("h1", "h2", "h3"):
            self._open.append(tag)
            self._text = []
        if "id" in a:
            self.ids[a["id"]] = tag

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[-1]:
            self._open.pop()
            self.headings.append((tag, " ".join("".join(self._text).split())))


def parse(html: bytes) -> Page:
    page = Page()
    page.feed(html.decode("utf-8"))
    return page


def text_of_html(html: bytes) -> str:
    """The visible text, whitespace folded, entities decoded."""
    import html as html_module

    body = re.sub(r"<style>.*?</style>", " ", html.decode("utf-8"), flags=re.S)
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def text_of_pdf(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def folded(text: str) -> str:
    return " ".join(text.split())


def copy_catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The package's catalogues in a folder of the test's own, used in their place."""
    target = tmp_path / "locale"
    shutil.copytree(catalogue.LOCALE_DIR, target)
    monkeypatch.setattr(catalogue, "LOCALE_DIR", target)
    return target


def add_language(locale_dir: Path, code: str, mark: str, drop: str | None = None) -> None:
    """A new catalogue made from the English one, each msgstr marked so it can be told apart."""
    english = (locale_dir / "en" / "LC_MESSAGES" / "psepa.po").read_text(encoding="utf-8")
    lines = []
    skipping = False
    for line in english.splitlines():
        if drop is not None and line == f'msgid "{drop}"':
            skipping = True
            continue
        if skipping:
            if line.startswith("msgstr") or line.startswith('"'):
                continue
            skipping = False
        if line.startswith('msgstr "') and line != 'msgstr ""':
            line = f'msgstr "{mark}' + line[len('msgstr "') :]
        elif line == 'msgstr ""':
            pass
        lines.append(line)
    folder = locale_dir / code / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "psepa.po").write_text("\n".join(lines) + "\n", encoding="utf-8")
