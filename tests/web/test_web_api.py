"""The JSON API over a real server on loopback: decisions as the contract says, the case
workflow end to end, errors naming the field, the audit chain, accounts and tokens."""

from __future__ import annotations

import datetime as dt
import itertools
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import text
from webserver import PASSWORDS, TIMEOUT, Live

import psepa
from psepa.web.accounts import Role

HOLD = {
    "action": "hold_on_detainer",
    "on": "2025-06-02",
    "actor": "sheriff",
    "requester": "federal_immigration",
    "facts": {"release_basis": "bond_posted", "documents": ["i_247a", "i_200"]},
}
INTERVIEW = {
    "action": "coordinate_remote_interview",
    "on": "2020-01-10",
    "actor": "sheriff",
    "requester": "federal_immigration",
    "facts": {"advised_in_writing": True, "advised_in_own_language": False},
}
_ids = itertools.count(1)


def _number() -> str:
    return f"B-API-{next(_ids)}"


def test_a_decision_is_the_engines_decision(live: Live) -> None:
    with live.client(Role.CLERK) as client:
        answer = client.post("/v1/decisions", json=HOLD)
    assert answer.status_code == 200
    assert answer.json() == psepa.decide(HOLD).to_dict()
    assert answer.json()["verdict"] == "prohibited"


def test_a_list_gets_a_list_in_order(live: Live) -> None:
    with live.client(Role.AUDITOR) as client:
        answer = client.post("/v1/decisions", json=[HOLD, INTERVIEW, HOLD])
    assert answer.status_code == 200
    assert [d["action"] for d in answer.json()] == [
        "hold_on_detainer",
        "coordinate_remote_interview",
        "hold_on_detainer",
    ]
    assert answer.json()[1] == psepa.decide(INTERVIEW).to_dict()


def test_a_named_version_answers_what_if(live: Live) -> None:
    with live.client(Role.CLERK) as client:
        answer = client.post("/v1/decisions", json={**HOLD, "version": "draft-2017-07"})
        unknown = client.post("/v1/decisions", json={**HOLD, "version": "no-such-version"})
    assert answer.json()["version"] == "draft-2017-07"
    assert unknown.status_code == 422
    assert "draft-2017-07" in unknown.json()["detail"][0]["msg"]


def test_invalid_situations_name_the_field(live: Live) -> None:
    bad_document = {**HOLD, "facts": {"documents": ["i_247a", "i_999"]}}
    typo = {**HOLD, "facts": {"documnets": ["i_247a"]}}
    with live.client(Role.CLERK) as client:
        one = client.post("/v1/decisions", json=bad_document)
        listed = client.post("/v1/decisions", json=[HOLD, typo])
        garbage = client.post(
            "/v1/decisions", content=b"{not json", headers={"content-type": "application/json"}
        )
        scalar = client.post("/v1/decisions", json=42)
    assert one.status_code == 422
    assert one.json()["detail"][0]["field"] == "facts.documents[1]"
    assert listed.status_code == 422
    assert listed.json()["detail"][0]["field"] == "[1].facts.documnets"
    assert "known:" in listed.json()["detail"][0]["msg"]
    assert garbage.status_code == 422 and garbage.json()["detail"][0]["field"] == "body"
    assert scalar.status_code == 422


def test_a_clerks_day_through_the_api(live: Live) -> None:
    number, key = _number(), f"ICE-API-{next(_ids)}"
    with live.client(Role.CLERK) as clerk:
        booked = clerk.post(
            "/v1/bookings",
            json={
                "booking_number": number,
                "name": "Ana Example",
                "language": "es",
                "booked_at": "2025-06-02T00:30:00-06:00",
            },
        )
        assert booked.status_code == 201, booked.text
        request = {
            "request_key": key,
            "booking_number": number,
            "kind": "detainer",
            "received_at": "2025-06-02T08:00:00-06:00",
            "channel": "fax",
            "in_writing": True,
            "documents": ["i_247a", "i_200"],
        }
        preview = clerk.post("/v1/requests/preview", json=request)
        taken = clerk.post("/v1/requests", json=request)
        again = clerk.post("/v1/requests", json=request)
        changed = clerk.post("/v1/requests", json={**request, "channel": "email"})
        assert preview.status_code == 200 and taken.status_code == 200, taken.text
        assert preview.json()["decision"]["verdict"] == taken.json()["verdict"] == "permitted"
        assert again.json()["duplicate"] is True
        assert changed.status_code == 409 and "channel" in changed.json()["detail"][0]["msg"]
        kinds = {d["kind"] for d in taken.json()["duties"]}
        assert "advise_notified_person" in kinds

        released = clerk.post(
            f"/v1/bookings/{number}/release",
            json={"released_at": "2025-06-02T14:00:00-06:00", "basis": "bond_posted"},
        )
        assert released.status_code == 200, released.text
        assert any("Advise the person in writing" in m for m in released.json()["must"])
        desk = clerk.get("/v1/releases", params={"day": "2025-06-02"}).json()
        row = next(r for r in desk if r["booking_number"] == number)
        assert row["pending_notices"] == [key]
        assert [d["kind"] for d in row["pending_advisements"]] == ["advise_notified_person"]

        wrong_language = clerk.post(
            f"/v1/bookings/{number}/advisements",
            json={
                "kind": "advise_notified_person",
                "language": "en",
                "given_at": "2025-06-02T13:20:00-06:00",
            },
        )
        assert wrong_language.json() == {"discharged": [], "in_own_language": False}
        advised = clerk.post(
            f"/v1/bookings/{number}/advisements",
            json={
                "kind": "advise_notified_person",
                "language": "es",
                "given_at": "2025-06-02T13:20:00-06:00",
            },
        )
        assert len(advised.json()["discharged"]) == 1
        sent = clerk.post(
            f"/v1/requests/{key}/notices",
            json={"sent_at": "2025-06-02T13:34:00-06:00", "channel": "fax"},
        )
        assert sent.json() == {"lead_minutes": 26.0}
        case = clerk.get(f"/v1/bookings/{number}").json()
        assert case["requests"][0]["notices"] and case["released_at"]
        again_release = clerk.post(
            f"/v1/bookings/{number}/release",
            json={"released_at": "2025-06-02T15:00:00-06:00", "basis": "bond_posted"},
        )
        assert again_release.status_code == 409
        assert "already released" in again_release.json()["detail"][0]["msg"]
        missing = clerk.get("/v1/bookings/B-NOBODY")
        assert missing.status_code == 404


def test_bad_case_input_names_the_field_and_writes_nothing(live: Live) -> None:
    number = _number()
    with live.client(Role.CLERK) as clerk:
        naive = clerk.post(
            "/v1/bookings",
            json={
                "booking_number": number,
                "name": "X",
                "language": "es",
                "booked_at": "2025-06-02T00:30:00",
            },
        )
        assert naive.status_code == 422 and naive.json()["detail"][0]["field"] == "booked_at"
        assert clerk.get(f"/v1/bookings/{number}").status_code == 404
        unknown_booking = clerk.post(
            "/v1/requests",
            json={
                "request_key": f"ICE-NONE-{next(_ids)}",
                "booking_number": "B-NOBODY",
                "kind": "detainer",
                "received_at": "2025-06-02T08:00:00-06:00",
                "channel": "fax",
                "in_writing": True,
            },
        )
        assert unknown_booking.status_code == 404
        assert "book the person first" in unknown_booking.json()["detail"][0]["msg"]


def test_batch_intake_is_all_or_nothing(live: Live) -> None:
    number = _number()
    with live.client(Role.SUPERVISOR) as client:
        client.post(
            "/v1/bookings",
            json={
                "booking_number": number,
                "name": "Ben Example",
                "language": "en",
                "booked_at": "2025-06-02T00:30:00-06:00",
            },
        )
        good = {
            "request_key": f"ICE-B-{next(_ids)}",
            "booking_number": number,
            "kind": "notification",
            "received_at": "2025-06-02T08:00:00-06:00",
            "channel": "email",
            "in_writing": True,
        }
        bad = {**good, "request_key": f"ICE-B-{next(_ids)}", "booking_number": "B-NOBODY"}
        refused = client.post("/v1/requests/batch", json=[good, bad])
        assert refused.status_code == 404
        assert client.get(f"/v1/requests/{good['request_key']}").status_code == 404
        accepted = client.post("/v1/requests/batch", json=[good])
        assert accepted.status_code == 200 and accepted.json()[0]["duplicate"] is False


def test_audit_verifies_and_names_a_tampered_entry(live: Live) -> None:
    with live.client(Role.AUDITOR) as auditor:
        intact = auditor.get("/v1/audit/verify", params={"replay": True}).json()
        assert intact["intact"] is True and intact["entries"] > 0
        assert intact["replayed"] is not None and intact["differences"] == []
        entries = auditor.get("/v1/audit/entries", params={"limit": 3}).json()
        assert len(entries) == 3 and entries[0]["seq"] > entries[1]["seq"]
    with live.store.transaction() as s:
        s.execute(
            text("UPDATE audit_log SET body = replace(body, :a, :b) WHERE seq = 1"),
            {"a": '"kind":"', "b": '"kind":"x'},
        )
    try:
        with live.client(Role.SUPERVISOR) as supervisor:
            broken = supervisor.get("/v1/audit/verify").json()
        assert broken["intact"] is False and "entry 1" in broken["problem"]
    finally:
        with live.store.transaction() as s:
            s.execute(
                text("UPDATE audit_log SET body = replace(body, :a, :b) WHERE seq = 1"),
                {"a": '"kind":"x', "b": '"kind":"'},
            )


def test_tokens_are_shown_once_stored_hashed_and_revocable(live: Live) -> None:
    with live.client(Role.ADMIN) as admin:
        issued = admin.post("/v1/tokens", json={"name": "records-system", "role": "clerk"})
        assert issued.status_code == 201
        token = issued.json()["token"]
        twice = admin.post("/v1/tokens", json={"name": "records-system", "role": "clerk"})
        assert twice.status_code == 409
        with live.store.reading() as s:
            stored = s.execute(text("SELECT token_hash FROM api_tokens")).scalars().all()
        assert token not in stored and all(len(h) == 64 for h in stored)
        with httpx.Client(
            base_url=live.url, headers={"authorization": f"Bearer {token}"}
        ) as system:
            assert system.get("/v1/me").json() == {
                "name": "records-system",
                "role": "clerk",
                "via": "token",
            }
            assert admin.delete("/v1/tokens/records-system").status_code == 204
            assert system.get("/v1/me").status_code == 401
        assert admin.delete("/v1/tokens/records-system").status_code == 404


def test_admin_creates_users_with_argon2_hashes(live: Live) -> None:
    with live.client(Role.ADMIN) as admin:
        made = admin.post(
            "/v1/users",
            json={"login": "new-clerk", "role": "clerk", "password": "a-long-password"},
        )
        short = admin.post(
            "/v1/users", json={"login": "short", "role": "clerk", "password": "short"}
        )
        taken = admin.post(
            "/v1/users",
            json={"login": "new-clerk", "role": "clerk", "password": "another-password"},
        )
        listed = admin.get("/v1/users").json()
    assert made.status_code == 201 and short.status_code == 422 and taken.status_code == 409
    assert {"login": "new-clerk", "display_name": "new-clerk", "role": "clerk", "active": True} in (
        listed
    )
    with live.store.reading() as s:
        stored = s.execute(text("SELECT password_hash FROM users WHERE login='new-clerk'")).scalar()
    assert stored.startswith("$argon2id$") and "a-long-password" not in stored


def test_sessions_are_httponly_samesite_and_need_the_form_token(live: Live) -> None:
    with httpx.Client(timeout=TIMEOUT, base_url=live.url, follow_redirects=False) as client:
        _check_session(live, client)


def _check_session(live: Live, client: httpx.Client) -> None:
    wrong = client.post("/login", data={"login": "clerk", "password": "not-the-password"})
    assert wrong.status_code == 200 and "do not match" in wrong.text
    assert "psepa_session" not in wrong.headers.get("set-cookie", "")
    answer = client.post("/login", data={"login": "clerk", "password": PASSWORDS[Role.CLERK]})
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    token = client.cookies["psepa_session"]
    with live.store.reading() as s:
        hashes = s.execute(text("SELECT token_hash FROM browser_sessions")).scalars().all()
    assert token not in hashes
    form = {
        "booking_number": _number(),
        "name": "Forged Example",
        "language": "en",
        "booked_at": "2025-06-02T08:00",
    }
    forged = client.post("/cases", data=form)
    assert forged.status_code == 403 and "reload the page" in forged.text
    assert client.get(f"/v1/bookings/{form['booking_number']}").status_code == 404
    logged, csrf = live.browser_login(Role.CLERK)
    try:
        _check_form_token(logged, csrf, form)
    finally:
        logged.close()


def _check_form_token(logged: httpx.Client, csrf: str, form: dict[str, str]) -> None:
    booked = logged.post("/cases", data={**form, "csrf": csrf})
    assert booked.status_code == 303
    assert logged.get(f"/v1/bookings/{form['booking_number']}").status_code == 200
    json_without_token = logged.post("/v1/decisions", json=HOLD)
    assert json_without_token.status_code == 403
    json_with_token = logged.post("/v1/decisions", json=HOLD, headers={"x-csrf-token": csrf})
    assert json_with_token.status_code == 200
    assert logged.post("/logout", data={"csrf": csrf}).status_code == 303
    assert logged.get("/cases").status_code == 303


def test_openapi_names_the_contract_models(live: Live) -> None:
    document = httpx.get(timeout=TIMEOUT, url=f"{live.url}/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert {"Situation", "SituationFacts", "DecisionOut", "ErrorBody"} <= set(schemas)
    body = document["paths"]["/v1/decisions"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"]["anyOf"][0]["$ref"].endswith("/Situation")


def test_published_reports_are_public_and_only_the_public_version(live: Live) -> None:
    year = str(dt.datetime.now(dt.UTC).year)
    with httpx.Client(timeout=TIMEOUT, base_url=live.url) as anyone:
        as_json = anyone.get(f"/v1/reports/{year}", params={"format": "json"})
        as_pdf = anyone.get(f"/v1/reports/{year}", params={"format": "pdf"})
        internal = anyone.get(f"/v1/reports/{year}", params={"format": "json", "public": "false"})
        bad = anyone.get("/v1/reports/20XX")
        page = anyone.get("/reports", params={"period": "2025Q2", "format": "html"})
    assert as_json.status_code == 200 and as_json.json()["public"] is True
    assert as_json.json()["suppression_threshold"] >= 1
    assert as_pdf.headers["content-type"] == "application/pdf" and as_pdf.content[:4] == b"%PDF"
    assert internal.json()["public"] is True  # no parameter reaches the internal version
    assert bad.status_code == 422 and bad.json()["detail"][0]["msg"]
    assert page.status_code == 303 and page.headers["location"] == "/v1/reports/2025Q2?format=html"


def test_pages_cannot_be_framed_or_load_other_sites_scripts(live: Live) -> None:
    with httpx.Client(timeout=TIMEOUT, base_url=live.url) as anyone:
        home = anyone.get("/")
        docs = anyone.get("/docs")
    assert home.headers["x-frame-options"] == "DENY"
    assert home.headers["x-content-type-options"] == "nosniff"
    policy = home.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src" not in policy
    assert "https://cdn.jsdelivr.net" in docs.headers["content-security-policy"]


def test_logging_in_never_sends_the_browser_to_another_site(live: Live) -> None:
    for target in ("//evil.example/", "/\\evil.example/", "https://evil.example/", "/cases"):
        with httpx.Client(timeout=TIMEOUT, base_url=live.url) as client:
            answer = client.post(
                "/login",
                data={"login": "clerk", "password": PASSWORDS[Role.CLERK], "next": target},
            )
        assert answer.status_code == 303
        assert answer.headers["location"] == (target if target == "/cases" else "/")


def test_concurrent_intakes_are_all_taken_in_once(live: Live) -> None:
    number = _number()
    keys = [f"ICE-C-{next(_ids)}" for _ in range(24)]
    with live.client(Role.CLERK) as clerk:
        clerk.post(
            "/v1/bookings",
            json={
                "booking_number": number,
                "name": "Ben Example",
                "language": "en",
                "booked_at": "2025-06-02T00:30:00-06:00",
            },
        )

    def send(key: str) -> int:
        body = {
            "request_key": key,
            "booking_number": number,
            "kind": "notification",
            "received_at": "2025-06-02T08:00:00-06:00",
            "channel": "email",
            "in_writing": True,
        }
        with live.client(Role.CLERK) as clerk:
            return clerk.post("/v1/requests", json=body).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(send, keys + keys[:8]))  # eight sent twice, at once
    assert statuses == [200] * len(statuses)
    with live.client(Role.AUDITOR) as auditor:
        case = auditor.get(f"/v1/bookings/{number}").json()
        check = auditor.get("/v1/audit/verify").json()
    assert sorted(r["request_key"] for r in case["requests"]) == sorted(keys)
    assert check["intact"] is True
