"""POST /api/tests/{id}/run: runs now, stores, answers {run_id, plan, browser_result, result}."""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from tests.api.run_helpers import api
from tests.test_runs import new_test
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.services import Services
from vigil.store import keys
from vigil.store.results import list_results


async def test_a_run_answers_with_plan_browser_result_and_result(services: Services) -> None:
    test_id = await new_test(services.redis)
    async with api(services, ScriptedPipeline("pass")) as client:
        response = await client.post(f"/api/tests/{test_id}/run")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"run_id", "plan", "browser_result", "result"}
    assert body["result"]["passed"] is True
    assert body["plan"]["total_steps"] == 2
    assert "screenshot_jpeg" not in body["result"]["step_results"][0]
    [stored] = await list_results(services.redis, test_id)
    assert stored.run_id == body["run_id"] and stored.triggered_by == "manual"


async def test_an_error_run_answers_200_with_the_error(services: Services) -> None:
    test_id = await new_test(services.redis)
    async with api(services, ScriptedPipeline("raise")) as client:
        response = await client.post(f"/api/tests/{test_id}/run")
    body = response.json()
    assert response.status_code == 200
    assert (body["plan"], body["browser_result"]) == (None, None)
    assert body["result"]["error"] == "Chromium is not installed"


async def test_an_unknown_test_is_404(services: Services) -> None:
    async with api(services, ScriptedPipeline("pass")) as client:
        response = await client.post("/api/tests/nope1234/run")
    assert response.status_code == 404
    assert "not found" in response.json()["detail"]


async def test_a_run_needs_the_token(services: Services) -> None:
    test_id = await new_test(services.redis)
    async with api(services, ScriptedPipeline("pass"), token=None) as client:
        response = await client.post(f"/api/tests/{test_id}/run")
    assert response.status_code == 401
    assert await services.redis.zcard(keys.results(test_id)) == 0


async def test_a_second_run_while_one_is_in_progress_is_409(services: Services) -> None:
    test_id = await new_test(services.redis)
    async with api(services, ScriptedPipeline("pass", delay_s=0.5)) as client:
        first = asyncio.create_task(client.post(f"/api/tests/{test_id}/run"))
        await asyncio.sleep(0.15)
        second = await client.post(f"/api/tests/{test_id}/run")
        assert (await first).status_code == 200
    assert second.status_code == 409
    assert "in progress" in second.json()["detail"]


async def test_a_paused_test_still_runs_when_asked_by_hand(
    services: Services, redis: Redis
) -> None:
    test_id = await new_test(redis)
    await redis.hset(keys.test(test_id), "status", "paused")
    async with api(services, ScriptedPipeline("pass")) as client:
        response = await client.post(f"/api/tests/{test_id}/run")
    assert response.status_code == 200
