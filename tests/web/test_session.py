"""Login, the session cookie, CSRF and the security headers, over HTTP without a browser
(fast); the pages themselves are exercised in a real browser in test_pages.py."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.conftest import TOKEN
from vigil.api.app import create_app
from vigil.auth import SESSION_COOKIE, csrf_value, session_value
from vigil.services import Services

PAGES = ["/", "/tests", "/tests/new", "/run", "/partials/dashboard"]


@pytest.fixture
async def browser(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    """A client like a browser: no bearer token, keeps cookies, does not follow redirects."""
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="http://vigil.test") as c:
        yield c


async def _login(browser: httpx.AsyncClient) -> None:
    answer = await browser.get("/", params={"token": TOKEN})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"


async def test_pages_need_a_session(browser: httpx.AsyncClient) -> None:
    for path in PAGES:
        answer = await browser.get(path)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login?next="), path


async def test_token_url_sets_a_derived_httponly_strict_cookie(
    browser: httpx.AsyncClient,
) -> None:
    answer = await browser.get("/", params={"token": TOKEN})
    cookie = answer.headers["set-cookie"]
    assert f"{SESSION_COOKIE}={session_value(TOKEN)}" in cookie
    assert TOKEN not in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert answer.headers["referrer-policy"] == "no-referrer"
    for path in PAGES:
        assert (await browser.get(path)).status_code == 200, path


async def test_wrong_token_is_refused(browser: httpx.AsyncClient) -> None:
    answer = await browser.get("/", params={"token": "nope"})
    assert answer.status_code == 401
    assert SESSION_COOKIE not in answer.headers.get("set-cookie", "")
    typed = await browser.post("/login", data={"token": "nope", "next": "/tests"})
    assert typed.status_code == 401
    assert "not this server" in typed.text


async def test_typed_token_logs_in_and_never_redirects_off_site(
    browser: httpx.AsyncClient,
) -> None:
    answer = await browser.post("/login", data={"token": TOKEN, "next": "//evil.example/x"})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"
    answer = await browser.post("/login", data={"token": TOKEN, "next": "/tests"})
    assert answer.headers["location"] == "/tests"


async def test_logout_needs_csrf_and_clears_the_cookie(browser: httpx.AsyncClient) -> None:
    await _login(browser)
    assert (await browser.post("/logout", data={})).status_code == 403
    answer = await browser.post("/logout", data={"csrf": csrf_value(TOKEN)})
    assert answer.status_code == 303
    assert f'{SESSION_COOKIE}=""' in answer.headers["set-cookie"]
    assert (await browser.get("/tests")).status_code == 303


async def test_forms_refuse_a_missing_csrf_value(browser: httpx.AsyncClient) -> None:
    await _login(browser)
    form = {"url": "https://example.com", "goal": "verify 'Example'"}
    assert (await browser.post("/tests/new", data=form)).status_code == 403
    assert not (await browser.get("/api/tests")).json()
    created = await browser.post("/tests/new", data={**form, "csrf": csrf_value(TOKEN)})
    assert created.status_code == 303


async def test_api_takes_the_cookie_with_the_csrf_header_for_changes(
    browser: httpx.AsyncClient,
) -> None:
    await _login(browser)
    assert (await browser.get("/api/tests")).status_code == 200
    body = {"url": "https://example.com", "goal": "verify 'Example'"}
    assert (await browser.post("/api/tests", json=body)).status_code == 401
    wrong = await browser.post("/api/tests", json=body, headers={"X-CSRF-Token": "x"})
    assert wrong.status_code == 401
    right = await browser.post("/api/tests", json=body, headers={"X-CSRF-Token": csrf_value(TOKEN)})
    assert right.status_code == 201


async def test_pages_send_a_strict_content_security_policy(browser: httpx.AsyncClient) -> None:
    await _login(browser)
    policy = (await browser.get("/tests")).headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


async def test_plan_preview_reads_steps_and_suggests_for_unread_clauses(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.post(
        "/api/plan",
        json={"url": "https://example.com", "goal": "click 'More'; frobnicate the widget"},
    )
    assert answer.status_code == 200
    plan = answer.json()
    assert [s["action"] for s in plan["steps"]] == ["navigate", "click"]
    assert plan["unread"][0]["clause"] == "frobnicate the widget"
    assert len(plan["unread"][0]["suggestions"]) == 3
    bad = await client.post("/api/plan", json={"url": "ftp://x", "goal": "click 'A'"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0].startswith("url: ")
