"""The explainer in a real browser: Debian's Chromium, headless, on a loopback server.

The server here is the smallest one that honours the interface the web app serves
(`GET /explainer?on=&lang=`), so the form and the language links are exercised as a resident
uses them: by label, by link text, by keyboard, and printed. Screenshots are kept in
$PSEPA_ARTIFACTS (default: the test's temporary folder).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from browser import ARGS
from browser import chromium as chromium_path
from psepa.errors import PsepaError
from psepa.notices import language_name, render_explainer
from psepa.notices.catalogue import wording


class Explainer(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        status, body = 404, b"not found"
        if parts.path == "/explainer":
            try:
                on = dt.date.fromisoformat(query.get("on", ["2025-06-02"])[0])
                body = render_explainer(on, query.get("lang", ["en"])[0])
                status = 200
            except (ValueError, PsepaError) as exc:
                status, body = 422, str(exc).encode()
        self.send_response(status)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Explainer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PSEPA_ARTIFACTS", tmp_path)) / "notices"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_resident_reads_the_explainer_in_spanish_and_picks_a_date(
    server: str, browser: object, artifacts: Path
) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page()
    en, es = wording("en"), wording("es")
    page.goto(f"{server}/explainer?on=2025-06-02&lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(en("explainer.title"))

    page.get_by_role("link", name=language_name("es", "es")).click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text(es("explainer.title"))
    expect(page.get_by_role("heading", name=es("group.jail"))).to_be_visible()
    expect(page.get_by_text(es("rule.A-15"))).to_be_visible()
    page.screenshot(path=str(artifacts / "explainer-es.png"), full_page=True)

    date_field = page.get_by_label(es("explainer.date_label"))
    expect(date_field).to_have_value("2025-06-02")
    date_field.fill("2017-05-01")
    page.get_by_role("button", name=es("explainer.show")).click()
    page.wait_for_url("**/explainer?on=2017-05-01&lang=es")
    expect(page.locator("#before-article-viii")).to_have_text(es("explainer.before_article_viii"))
    expect(page.get_by_text(es("rule.A-15"))).to_have_count(0)
    page.screenshot(path=str(artifacts / "explainer-es-2017.png"), full_page=True)
    page.close()


def test_the_form_is_reached_by_keyboard_and_hidden_in_print(server: str, browser: object) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page()
    page.goto(f"{server}/explainer?on=2019-06-01&lang=es")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "on":
            break
    assert page.evaluate("document.activeElement.id") == "on"
    page.keyboard.type("01012026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/explainer?on=2026-01-01&lang=es")
    page.emulate_media(media="print")
    expect(page.locator("form")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.close()
