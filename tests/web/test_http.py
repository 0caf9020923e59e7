"""Login, the session cookie, CSRF, security headers, history pages and error pages over
HTTP without a browser (fast); the pages in a real browser are in test_pages.py."""

from __future__ import annotations

import html
import re
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.conftest import TOKEN
from tests.store.test_results import make_record
from vigil.api.app import create_app
from vigil.auth import SESSION_COOKIE, csrf_value, session_value
from vigil.config import Settings
from vigil.models import CheckCreate
from vigil.services import Services
from vigil.store.checks import create_check
from vigil.store.results import store_run_result
from vigil.web.chart import nice_step
from vigil.web.format import schedule_words

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


async def test_history_pages_walk_back_through_older_runs(
    browser: httpx.AsyncClient, services: Services
) -> None:
    test = await create_check(
        services.redis, CheckCreate(name="Paged", url="https://example.com", goal="x 'y'")
    )
    now = datetime.now(UTC)
    for n in range(25):
        record = make_record(
            test.id, f"run-{n:02d}", passed=n % 5 != 0, at=now - timedelta(minutes=25 - n)
        )
        await store_run_result(services.redis, test, record, results_keep=100)
    await _login(browser)
    first = await browser.get(f"/tests/{test.id}")
    assert first.status_code == 200
    assert first.text.count('<td data-label="Result">') == 20
    assert "run-24" in first.text  # the newest run is shown with its steps
    older = re.search(r'href="([^"]+)" rel="next"', first.text)
    assert older is not None
    second = await browser.get(html.unescape(older.group(1)))
    assert second.text.count('<td data-label="Result">') == 5
    assert 'rel="next"' not in second.text
    # The chart marks the five failed runs; the axis labels are there.
    assert first.text.count('<g class="failed">') == 5
    assert "0 ms" in first.text
    bad = await browser.get(f"/tests/{test.id}", params={"before": "garbage"})
    assert bad.status_code == 422
    assert "cursor" in bad.text


async def test_pages_explain_when_redis_is_down(settings: Settings) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead_port = s.getsockname()[1]  # closed again before anyone connects
    services = Services.connect(settings, f"redis://127.0.0.1:{dead_port}/0")
    transport = httpx.ASGITransport(app=create_app(services))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://vigil.test") as c:
            await _login(c)
            answer = await c.get("/tests")
            assert answer.status_code == 503
            assert "Vigil cannot reach Redis" in answer.text
            assert "redis-server is running" in answer.text
    finally:
        await services.aclose()


def test_schedules_read_as_words() -> None:
    assert schedule_words("*/5 * * * *") == "every 5 minutes"
    assert schedule_words("0 9 * * 1-5") == "at 09:00, Monday through Friday"
    assert schedule_words("") == "manual only"


def test_chart_axis_steps_are_round_numbers() -> None:
    assert [nice_step(x) for x in (1, 950, 4000, 12_345)] == [1, 500, 1000, 5000]
