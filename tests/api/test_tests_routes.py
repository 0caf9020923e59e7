"""Check CRUD through the API, with the resulting Redis contents checked field by field."""

from __future__ import annotations

import json
from typing import cast

import httpx
from redis.asyncio import Redis

from vigil.models import RunRecord, StepResult
from vigil.services import Services
from vigil.store import checks, keys
from vigil.store.results import store_run_result
from vigil.store.screenshots import store_screenshots

NEW_TEST = {
    "name": "Login works",
    "url": "https://shop.example.com/login",
    "goal": "log in as demo / demo and verify the dashboard says 'Welcome'",
    "schedule": "*/5 * * * *",
    "alert_webhook": "https://hooks.example.com/vigil",
}


async def create(client: httpx.AsyncClient, **overrides: object) -> dict[str, object]:
    response = await client.post("/api/tests", json={**NEW_TEST, **overrides})
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


async def test_create_stores_the_hash_and_indexes_the_test(
    client: httpx.AsyncClient, redis: Redis
) -> None:
    test = await create(client)
    test_id = str(test["id"])
    assert len(test_id) == 8
    stored = cast(dict[str, str], await redis.hgetall(keys.test(test_id)))
    assert stored["id"] == test_id
    assert stored["name"] == "Login works"
    assert stored["url"] == NEW_TEST["url"]
    assert stored["goal"] == NEW_TEST["goal"]
    assert stored["schedule"] == "*/5 * * * *"
    assert stored["alert_webhook"] == NEW_TEST["alert_webhook"]
    assert stored["status"] == "active"
    assert stored["created_at"] == stored["updated_at"] == test["created_at"]
    assert stored["created_at"].endswith("Z")
    assert "last_result" not in stored and "last_run_at" not in stored
    assert stored["retries"] == "1" and stored["alert_after"] == "1"
    assert await redis.zscore(keys.TESTS, test_id) is not None
    # The API answers typed JSON, not the hash's strings.
    assert test["retries"] == 1 and test["last_result"] is None


async def test_a_missing_name_defaults_to_the_url(client: httpx.AsyncClient) -> None:
    body = {"url": "https://example.com/pricing/", "goal": "verify the page shows 'Plans'"}
    response = await client.post("/api/tests", json=body)
    assert response.status_code == 201
    assert response.json()["name"] == "example.com/pricing"


async def test_list_returns_every_test_oldest_first(client: httpx.AsyncClient) -> None:
    first = await create(client, name="first")
    second = await create(client, name="second")
    response = await client.get("/api/tests")
    assert response.status_code == 200
    assert [t["id"] for t in response.json()] == [first["id"], second["id"]]


async def test_read_returns_the_test_and_404_for_an_unknown_id(
    client: httpx.AsyncClient,
) -> None:
    test = await create(client)
    response = await client.get(f"/api/tests/{test['id']}")
    assert response.status_code == 200
    assert response.json() == test
    missing = await client.get("/api/tests/deadbeef")
    assert missing.status_code == 404
    assert "deadbeef" in missing.json()["detail"]


async def test_update_changes_only_the_fields_sent(client: httpx.AsyncClient, redis: Redis) -> None:
    test = await create(client)
    response = await client.patch(
        f"/api/tests/{test['id']}", json={"goal": "verify the page shows 'Hi'", "retries": 3}
    )
    assert response.status_code == 200, response.text
    stored = cast(dict[str, str], await redis.hgetall(keys.test(str(test["id"]))))
    assert stored["goal"] == "verify the page shows 'Hi'"
    assert stored["retries"] == "3"
    assert stored["name"] == "Login works"
    assert stored["schedule"] == "*/5 * * * *"
    assert stored["updated_at"] >= stored["created_at"]
    assert response.json()["retries"] == 3


async def test_update_of_an_unknown_test_is_404_and_creates_nothing(
    client: httpx.AsyncClient, redis: Redis
) -> None:
    response = await client.patch("/api/tests/deadbeef", json={"name": "x"})
    assert response.status_code == 404
    assert await redis.exists(keys.test("deadbeef")) == 0


async def test_pause_and_resume_flip_the_status(client: httpx.AsyncClient, redis: Redis) -> None:
    test = await create(client)
    key = keys.test(str(test["id"]))
    paused = await client.post(f"/api/tests/{test['id']}/pause")
    assert paused.status_code == 200 and paused.json()["status"] == "paused"
    assert await redis.hget(key, "status") == "paused"
    resumed = await client.post(f"/api/tests/{test['id']}/resume")
    assert resumed.json()["status"] == "active"
    assert await redis.hget(key, "status") == "active"
    assert (await client.post("/api/tests/deadbeef/pause")).status_code == 404


async def test_delete_removes_every_key_of_the_test(
    client: httpx.AsyncClient, redis: Redis
) -> None:
    test = await create(client)
    other = await create(client, name="other")
    test_id, other_id = str(test["id"]), str(other["id"])
    record = RunRecord(
        run_id="r1",
        test_id=test_id,
        passed=False,
        duration_ms=10,
        steps_passed=0,
        steps_total=1,
        details="0 of 1 steps passed.",
        step_results=[StepResult(step_number=1, passed=False, details="x", screenshot=True)],
        triggered_by="manual",
        started_at="2026-01-01T00:00:00Z",
        completed_at="2026-01-01T00:00:01Z",
        outcome="failed",
    )
    from datetime import date

    today = date.today()
    await redis.zadd(keys.results(test_id), {record.model_dump_json(): 1.0})
    await redis.zadd(keys.timing(test_id), {keys.timing_member("r1", 10): 1.0})
    await redis.xadd(keys.events(test_id), {"type": "plan_start", "run_id": "r1"})
    await redis.lpush(keys.incidents(test_id), "{}")
    await redis.hset(keys.uptime(test_id, today), "total", 1)
    await redis.set(keys.run_lock(test_id), "x")
    await redis.set(keys.screenshot("r1", 1), b"jpeg")
    await redis.set(keys.run_marker(test_id, "r1"), "1.0")
    await redis.lpush(
        keys.RECENT,
        json.dumps({"run_id": "r1", "test_id": test_id}),
        json.dumps({"run_id": "r2", "test_id": other_id}),
    )

    response = await client.delete(f"/api/tests/{test_id}")
    assert response.status_code == 204

    for key in (
        keys.test(test_id),
        keys.results(test_id),
        keys.timing(test_id),
        keys.events(test_id),
        keys.incidents(test_id),
        keys.uptime(test_id, today),
        keys.run_lock(test_id),
        keys.screenshot("r1", 1),
        keys.run_marker(test_id, "r1"),
    ):
        assert await redis.exists(key) == 0, key
    assert await redis.zscore(keys.TESTS, test_id) is None
    recent = [json.loads(r) for r in await redis.lrange(keys.RECENT, 0, -1)]
    assert [r["test_id"] for r in recent] == [other_id]
    assert await redis.exists(keys.test(other_id)) == 1
    assert (await client.get(f"/api/tests/{test_id}")).status_code == 404
    assert (await client.delete(f"/api/tests/{test_id}")).status_code == 404


async def test_delete_after_real_runs_leaves_no_key_naming_the_test_or_its_runs(
    client: httpx.AsyncClient, redis: Redis, services: Services
) -> None:
    test = await create(client)
    test_id = str(test["id"])
    check = await checks.get_check(redis, test_id)
    run_ids = []
    for n, passed in enumerate([False, True, False]):
        run_id = f"run{n}"
        run_ids.append(run_id)
        step = StepResult(
            step_number=1, passed=passed, details="d", screenshot=True, screenshot_jpeg=b"\xff"
        )
        record = RunRecord(
            run_id=run_id,
            test_id=test_id,
            passed=passed,
            duration_ms=100,
            steps_passed=int(passed),
            steps_total=1,
            details="d",
            step_results=[step],
            triggered_by="manual",
            started_at=f"2026-01-01T00:00:0{n}Z",
            completed_at=f"2026-01-01T00:00:0{n}Z",
            outcome="passed" if passed else "failed",
        )
        await store_run_result(redis, check, record, results_keep=100)
        await store_screenshots(services.raw_redis, run_id, [step], ttl_s=600)
    await redis.xadd(keys.events(test_id), {"type": "plan_start", "run_id": "run0"})
    assert any(test_id in k for k in await redis.keys("*"))

    assert (await client.delete(f"/api/tests/{test_id}")).status_code == 204
    left = [k for k in await redis.keys("*") if test_id in k or any(r in k for r in run_ids)]
    assert left == []
    recent = [json.loads(r) for r in await redis.lrange(keys.RECENT, 0, -1)]
    assert all(r["test_id"] != test_id for r in recent)
