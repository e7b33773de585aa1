"""The staff pages' forms, fed random input by Hypothesis through a logged-in browser session:
no page answers with a server error, whatever is typed or tampered with.

The API's routes are fuzzed from the OpenAPI document (test_web_fuzz.py); the pages are HTML
forms outside that document, so their fields are listed here, each given random text, typical
values and broken ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from webserver import Live

from psepa.web.accounts import Role
from psepa.web.rules import served_routes

FIELDS = [
    "booking_number",
    "name",
    "language",
    "booked_at",
    "request_key",
    "kind",
    "received_at",
    "channel",
    "in_writing",
    "documents",
    "released_at",
    "basis",
    "given_at",
    "sent_at",
    "booking",
    "login",
    "password",
    "next",
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "B-24001",
            "es",
            "ti",
            "detainer",
            "interview",
            "fax",
            "true",
            "i_247a",
            "bond_posted",
            "advise_notified_person",
            "2025-06-02T08:00",
            "2025-06-02T08:00-06:00",
            "0001-01-01T00:00",
            "9999-12-31T23:59",
            "2025-13-45T99:99",
            "//evil.example/",
            "\x00",
        ]
    ),
)
SEGMENTS = st.one_of(
    st.sampled_from(["B-24001", "ICE-9001", "1", "999999", "interview_advisement", "x"]),
    st.text(
        alphabet=st.characters(min_codepoint=33, max_codepoint=126, exclude_characters="/?#%"),
        min_size=1,
    ),
)


def _page_posts(live: Live) -> list[str]:
    return sorted(
        served.path
        for served in served_routes(live.app.routes)
        if "POST" in served.methods and not served.path.startswith("/v1")
    )


@pytest.fixture(scope="module")
def session(live: Live) -> Iterator[tuple[httpx.Client, str]]:
    client, csrf = live.browser_login(Role.CLERK)
    try:
        yield client, csrf
    finally:
        client.close()


def test_every_form_survives_random_input(live: Live, session: tuple[httpx.Client, str]) -> None:
    client, csrf = session
    posts = [p for p in _page_posts(live) if p not in ("/logout",)]
    assert len(posts) >= 8

    @given(
        path=st.sampled_from(posts),
        segments=st.lists(SEGMENTS, min_size=3, max_size=3),
        form=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=8),
    )
    @settings(
        max_examples=150,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(path: str, segments: list[str], form: dict[str, str]) -> None:
        filled = iter(segments)
        url = re.sub(r"{\w+}", lambda _: next(filled), path)
        answer = client.post(url, data={**form, "csrf": csrf})
        assert answer.status_code < 500, f"POST {url} {form}: {answer.text[:500]}"

    check()


@pytest.mark.parametrize(
    "path",
    ["/releases", "/audit", "/cases/find", "/explainer", "/reports", "/login", "/intake"],
)
def test_every_page_survives_random_query_strings(
    live: Live, session: tuple[httpx.Client, str], path: str
) -> None:
    client, _ = session
    names = ["day", "replay", "before", "number", "on", "lang", "format", "period", "next"]

    @given(query=st.dictionaries(st.sampled_from(names), VALUES, max_size=4))
    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(query: dict[str, str]) -> None:
        answer = client.get(path, params=query)
        assert answer.status_code < 500, f"GET {path} {query}: {answer.text[:500]}"

    check()
