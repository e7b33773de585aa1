"""Real-browser tests: Debian's Chromium, headless, driven by Playwright, on a real server.

A clerk logs in, books a person, takes in a detainer and watches the verdict and its sources
change as the form is filled, releases the person, prints the advisement (HTML) and fetches it
as PDF; a language without a translation is said to have none; a resident reads the explainer
in Spanish and picks another date. Every page is checked for labelled controls, a language and
a skip link, and the intake form is walked by keyboard. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from webserver import PASSWORDS, TIMEOUT, Live

from browser import ARGS, chromium
from psepa.web.accounts import Role

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Every visible form control without an accessible name: a label, aria-label or aria-labelledby.
UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea, button')]
  .filter(e => e.type !== 'hidden')
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
               && !e.getAttribute('aria-labelledby')
               && !(e.tagName === 'BUTTON' && e.textContent.trim()))
  .map(e => e.outerHTML)"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium(), headless=True, args=ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, live: Live) -> Iterator[Page]:
    context = browser.new_context(base_url=live.url, locale="en-US")
    opened = context.new_page()
    yield opened
    context.close()


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _accessible(page: Page) -> None:
    assert page.evaluate(UNLABELLED) == [], f"unlabelled controls on {page.url}"
    assert page.locator("html").get_attribute("lang"), f"no lang on {page.url}"


def _log_in(page: Page, role: Role) -> None:
    page.goto("/login")
    _accessible(page)
    page.get_by_label("Login name").fill(role.value)
    page.get_by_label("Password").fill(PASSWORDS[role])
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Good day")


def test_a_clerks_day_in_the_browser(page: Page) -> None:
    _log_in(page, Role.CLERK)
    _shot(page, "01-home")

    page.goto("/cases")
    _accessible(page)
    page.get_by_label("Booking number", exact=True).fill("B-BROWSER-1")
    page.get_by_label("Name", exact=True).fill("Ana Example")
    page.get_by_label("Language of choice (a code such as es, en, ti)").fill("es")
    page.get_by_label("Booked (Denver time)").fill("2025-06-02T00:30")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Case B-BROWSER-1")

    page.goto("/intake?booking=B-BROWSER-1")
    _accessible(page)
    verdict = page.locator("#verdict .verdict")
    page.get_by_label("Sender's request id").fill("ICE-BROWSER-1")
    page.get_by_label("Received (Denver time)").fill("2025-06-02T08:00")
    # An oral request to be told of the release: not a notification request the law honours.
    page.get_by_label("Kind of request").select_option("notification")
    page.get_by_label("The request is in writing").uncheck()
    page.get_by_label("I-247A detainer").uncheck()
    expect(verdict).to_have_attribute("data-verdict", "prohibited")
    _shot(page, "02-intake-oral-request")

    page.get_by_label("Kind of request").select_option("interview")
    expect(page.locator("#verdict .duties")).to_contain_text("advise_rights_in_writing")
    interview_cites = page.locator("#verdict .cites").get_attribute("data-cites") or ""
    assert "DRMC 28-252(b)" in interview_cites

    page.get_by_label("Kind of request").select_option("detainer")
    page.get_by_label("The request is in writing").check()
    page.get_by_label("I-247A detainer").check()
    page.get_by_label("I-200 administrative warrant").check()
    expect(verdict).to_have_attribute("data-verdict", "permitted")
    expect(page.locator("#verdict .duties")).to_contain_text("advise_notified_person")
    detainer_cites = page.locator("#verdict .cites").get_attribute("data-cites") or ""
    assert "DRMC 28-253" in detainer_cites and detainer_cites != interview_cites
    _shot(page, "03-intake-detainer")
    page.get_by_role("button", name="Take in and decide").click()

    expect(page.get_by_role("status").first).to_contain_text("ICE-BROWSER-1: permitted")
    expect(page.locator("#request-ICE-BROWSER-1")).to_contain_text("permitted")
    _accessible(page)
    page.get_by_label("Eligible for release at").fill("2025-06-02T14:00")
    page.get_by_label("because").select_option("bond_posted")
    page.get_by_role("button", name="Release", exact=True).click()
    must = page.get_by_role("region", name="What must happen now")
    expect(must).to_contain_text("Advise the person in writing in their language (es)")
    expect(must).to_contain_text("Notify ICE of the release (request ICE-BROWSER-1")
    _shot(page, "04-release")

    page.goto("/releases?day=2025-06-02")
    _accessible(page)
    row = page.get_by_role("row").filter(has_text="B-BROWSER-1")
    expect(row).to_contain_text("advise_notified_person")
    expect(row).to_contain_text("ICE-BROWSER-1")
    _shot(page, "05-release-desk")
    row.get_by_role("link", name="print in Spanish").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("body")).to_contain_text("Ana Example")
    _shot(page, "06-advisement-es")

    pdf = page.request.get("/cases/B-BROWSER-1/notices/notified_person_advisement?format=pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # The advisement is logged at the release desk, the notice on the case page.
    page.goto("/releases?day=2025-06-02")
    row = page.get_by_role("row").filter(has_text="B-BROWSER-1")
    row.get_by_label("given at").fill("2025-06-02T13:20")
    row.get_by_role("button", name="Log the advisement advise_notified_person").click()
    expect(page.get_by_role("status").first).to_contain_text("1 duty done")
    expect(page).to_have_url(re.compile(r"/releases\?day=2025-06-02"))
    row = page.get_by_role("row").filter(has_text="B-BROWSER-1")
    expect(row.get_by_role("cell").nth(2)).to_have_text("none")
    page.goto("/cases/B-BROWSER-1")
    page.get_by_label("Notice to ICE sent at").fill("2025-06-02T13:34")
    page.get_by_role("button", name="Log notice sent").click()
    expect(page.get_by_role("status").first).to_contain_text("lead time 26.0 minutes")
    _shot(page, "07-case-done")


def test_no_translation_says_so_and_keeps_the_interview_blocked(page: Page, live: Live) -> None:
    with live.client(Role.CLERK) as clerk:
        clerk.post(
            "/v1/bookings",
            json={
                "booking_number": "B-BROWSER-TI",
                "name": "Tesfay Example",
                "language": "ti",
                "booked_at": "2025-06-02T00:30:00-06:00",
            },
        )
    _log_in(page, Role.CLERK)
    page.goto("/cases/B-BROWSER-TI")
    page.get_by_role("link", name="before an interview, DRMC 28-252(b)").click()
    message = page.locator("#no-translation")
    expect(message).to_contain_text("no written advisement")
    expect(message).to_contain_text("The interview stays blocked")
    _accessible(page)
    _shot(page, "08-no-translation")


def test_a_resident_reads_the_explainer_in_spanish(page: Page) -> None:
    page.goto("/")
    page.get_by_role("link", name="en español").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Denver")
    _accessible(page)
    _shot(page, "09-explainer-es")
    page.get_by_label("Mostrar la ley vigente el").fill("2017-09-15")
    page.get_by_role("button", name="Mostrar").click()
    expect(page).to_have_url(re.compile(r"on=2017-09-15&lang=es"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    _shot(page, "10-explainer-es-2017")


def test_keyboard_reaches_the_skip_link_then_the_submit(page: Page) -> None:
    _log_in(page, Role.CLERK)
    page.goto("/intake")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.textContent.trim()")
    assert first == "Skip to main content"
    page.keyboard.press("Enter")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "intake-submit":
            break
    else:
        raise AssertionError("the intake form's submit button is not reachable by Tab")


@pytest.mark.parametrize(
    "path", ["/", "/cases", "/releases", "/overdue", "/audit", "/explainer", "/reports"]
)
def test_every_staff_page_is_labelled(browser: Browser, live: Live, path: str) -> None:
    context = browser.new_context(base_url=live.url)
    page = context.new_page()
    try:
        _log_in(page, Role.SUPERVISOR)
        page.goto(path)
        _accessible(page)
        assert page.locator("a.skip[href='#main']").count() == 1 or path == "/explainer"
    finally:
        context.close()


def test_an_admin_adds_a_clerk_who_can_then_log_in(page: Page, live: Live) -> None:
    _log_in(page, Role.ADMIN)
    page.get_by_role("link", name="Accounts", exact=True).click()
    _accessible(page)
    page.get_by_label("Login name").fill("deputy-34")
    page.get_by_label("Display name").fill("Dee Deputy")
    page.get_by_label("Role").first.select_option("clerk")
    page.get_by_label("Password (at least 10 characters)").fill("a-long-enough-pass")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("status").first).to_contain_text("Account deputy-34 added")
    page.get_by_label("Who holds it").fill("records-system-2")
    page.get_by_role("button", name="Issue token").click()
    token = page.locator("#new-token").inner_text()
    with httpx.Client(
        timeout=TIMEOUT, base_url=live.url, headers={"authorization": f"Bearer {token}"}
    ) as system:
        assert system.get("/v1/me").json()["name"] == "records-system-2"
    page.goto("/admin")  # the token is not shown again
    assert page.locator("#new-token").count() == 0
    _shot(page, "11-admin")
    page.get_by_role("button", name="Log out admin (admin)").click()
    page.get_by_label("Login name").fill("deputy-34")
    page.get_by_label("Password").fill("a-long-enough-pass")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Good day, deputy-34")
