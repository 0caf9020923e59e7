"""`POST /api/run-test`: an ad-hoc run through the real pipeline, nothing stored."""

from __future__ import annotations

import json
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


def _frames(text: str) -> list[tuple[str, dict[str, object]]]:
    """(event name, JSON data) for each Server-Sent Event frame that carries data."""
    frames = []
    for block in text.split("\n\n"):
        lines = block.splitlines()
        name = next((ln[7:] for ln in lines if ln.startswith("event: ")), "message")
        data = [ln[6:] for ln in lines if ln.startswith("data: ")]
        if data:
            frames.append((name, json.loads("\n".join(data))))
    return frames


async def test_the_stream_carries_each_step_as_it_happens_then_the_verdict(
    api: httpx.AsyncClient, site: str, redis: Redis
) -> None:
    goal = "log in as demo / demo and verify the page shows 'Welcome'"
    async with api.stream(
        "POST", "/api/run-test/stream", json={"url": f"{site}/login", "goal": goal}
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        text = "".join([chunk async for chunk in response.aiter_text()])
    frames = _frames(text)
    names = [name for name, _ in frames]
    assert names[-1] == "result" and set(names[:-1]) == {"progress"}
    types = [data["type"] for _, data in frames[:-1]]
    assert types[0] == "plan_start" and types[-1] == "eval_complete"
    assert types.count("step_start") == types.count("step_complete") >= 4
    verdict = frames[-1][1]
    assert verdict["result"]["passed"] is True  # type: ignore[index]
    assert "demo" not in json.dumps([data for _, data in frames[:-1]]), "credentials leaked"
    assert await redis.dbsize() == 0, "an ad-hoc run stores nothing"


async def test_the_stream_ends_with_the_error_the_plain_route_would_answer(
    api: httpx.AsyncClient, site: str
) -> None:
    async with api.stream(
        "POST",
        "/api/run-test/stream",
        json={"url": site, "goal": "click 'Products' and frobnicate the widget"},
    ) as response:
        text = "".join([chunk async for chunk in response.aiter_text()])
    name, data = _frames(text)[-1]
    assert name == "failure"
    assert data["status"] == 422 and "frobnicate the widget" in str(data["detail"])


async def test_the_stream_refuses_bad_input_before_running(api: httpx.AsyncClient) -> None:
    response = await api.post("/api/run-test/stream", json={"url": "ftp://x", "goal": "g"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("url:")
