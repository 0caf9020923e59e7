"""LLM mode on the pages: a run's model calls and tokens, and the `healed` outcome with its
own badge, counted as up (DESIGN §2 outcomes, issue "LLM usage shown per run")."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.conftest import TOKEN
from tests.history_seed import run
from vigil.api.app import create_app
from vigil.models import CheckCreate, StepResult
from vigil.services import Services
from vigil.store.checks import create_check
from vigil.store.results import store_run_result


@pytest.fixture
async def browser(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="http://vigil.test") as c:
        assert (await c.get("/", params={"token": TOKEN})).status_code == 303
        yield c


async def test_a_healed_run_shows_its_badge_its_heal_and_its_model_usage(
    browser: httpx.AsyncClient, services: Services
) -> None:
    test = await create_check(
        services.redis, CheckCreate(name="Signup", url="https://example.com", goal="x 'y'")
    )
    now = datetime.now(UTC)
    plain = run(test.id, "run-plain", now - timedelta(minutes=2))
    healed = run(test.id, "run-healed", now - timedelta(minutes=1), outcome="healed")
    healed.step_results[1] = StepResult(
        step_number=2,
        passed=True,
        details="healed: 'Join' → button 'Send' (renamed); clicked button 'Send'",
        action="click",
        target="Send",
        healed=True,
        healed_from="'Join'",
    )
    healed.llm_calls, healed.llm_tokens = 3, 1234
    for record in (plain, healed):
        await store_run_result(services.redis, test, record, results_keep=100)

    page = await browser.get(f"/tests/{test.id}", params={"run": "run-healed"})
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "model: 3 calls, 1234 tokens" in text  # the run's detail
    assert "3 calls · 1234 tokens" in text  # its row in the history
    assert text.count('class="badge healed"') >= 2  # the run's badge and the healed step
    assert "from 'Join'" in text

    plain_page = html.unescape((await browser.get(f"/tests/{test.id}?run=run-plain")).text)
    assert "model: " not in plain_page.split('id="run-steps"')[1]  # no model, no usage line

    uptime = await browser.get(
        f"/api/tests/{test.id}/uptime",
        params={"window": "24h"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert uptime.json()["runs"] == 2 and uptime.json()["passed"] == 2  # healed is up

    dashboard = html.unescape((await browser.get("/")).text)
    assert 'class="badge healed"' in dashboard
