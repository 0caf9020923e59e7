"""`POST /api/run-test`: an ad-hoc run through the real pipeline, nothing stored."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from redis.asyncio import Redis

from tests.api import run_helpers
from tests.site.server import DemoServer
from vigil.config import load_settings
from vigil.pipeline.pipeline import Pipeline
from vigil.services import Services, build_pipeline


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = DemoServer().start()
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
async def real_pipeline() -> AsyncIterator[Pipeline]:
    pipeline = build_pipeline(load_settings({}, VIGIL_STEP_TIMEOUT="5"))
    yield pipeline
    await pipeline.aclose()


@pytest.fixture
async def api(services: Services, real_pipeline: Pipeline) -> AsyncIterator[httpx.AsyncClient]:
    """An authenticated client of an app with the real pipeline (closed by its own fixture)."""
    async with run_helpers.api(services, real_pipeline) as client:
        yield client


async def test_a_passing_goal_returns_plan_browser_result_and_verdict(
    api: httpx.AsyncClient, site: str, redis: Redis
) -> None:
    response = await api.post(
        "/api/run-test",
        json={"url": f"{site}/second", "goal": "verify the page shows 'second page'"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"plan", "browser_result", "result"}
    assert body["plan"]["total_steps"] == 2
    assert body["result"]["passed"] is True
    assert body["result"]["details"] == "All steps passed successfully."
    steps = body["browser_result"]["steps"]
    assert steps[0]["screenshot"] is True and "screenshot_jpeg" not in steps[0]
    assert body["browser_result"]["navigations"][0]["status"] == 200
    assert await redis.dbsize() == 0, "an ad-hoc run stores nothing"


async def test_a_failing_goal_is_a_200_with_a_failed_verdict(
    api: httpx.AsyncClient, site: str
) -> None:
    response = await api.post(
        "/api/run-test", json={"url": f"{site}/broken", "goal": "the page should load"}
    )
    assert response.status_code == 200
    result = response.json()["result"]
    assert result["passed"] is False
    assert "HTTP 500" in result["error"]


async def test_the_route_needs_the_token(api: httpx.AsyncClient, site: str) -> None:
    response = await api.post(
        "/api/run-test",
        json={"url": site, "goal": "the page should load"},
        headers={"Authorization": "Bearer wrong"},
    )
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"url": "ftp://x", "goal": "g"}, "url: must start with http:// or https://"),
        ({"url": "http://x.test", "goal": "  "}, "goal: must not be empty"),
        ({"url": "http://x.test", "goal": "g", "extra": 1}, "extra: unknown field"),
    ],
)
async def test_bad_input_is_a_422_naming_the_field(
    api: httpx.AsyncClient, body: dict[str, object], message: str
) -> None:
    response = await api.post("/api/run-test", json=body)
    assert response.status_code == 422
    assert message in str(response.json()["detail"])


async def test_a_goal_that_cannot_be_planned_is_a_422(api: httpx.AsyncClient, site: str) -> None:
    response = await api.post(
        "/api/run-test", json={"url": site, "goal": "frobnicate the 'Pro' widget and click 'Send'"}
    )
    assert response.status_code == 422
    assert "frobnicate the 'Pro' widget" in str(response.json()["detail"])
