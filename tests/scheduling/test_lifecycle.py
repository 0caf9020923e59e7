"""Test changes reach the scheduler in a fixed order (its test double records the calls), a
refused change leaves the test as it was, and VIGIL_SCHEDULER=off schedules nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from redis.asyncio import Redis

from tests.conftest import TOKEN
from vigil.api.app import create_app
from vigil.scheduling.fake import RecordingScheduler
from vigil.services import Services
from vigil.store import keys

NEW = {"url": "http://127.0.0.1:9/", "goal": "the site is up", "schedule": "0 3 * * *"}


@pytest.fixture
async def double(services: Services) -> AsyncIterator[tuple[httpx.AsyncClient, RecordingScheduler]]:
    scheduler = RecordingScheduler()
    services.scheduler = scheduler
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://vigil.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as client:
        yield client, scheduler


async def test_the_scheduler_is_asked_before_and_told_after_each_write(
    double: tuple[httpx.AsyncClient, RecordingScheduler],
) -> None:
    client, scheduler = double
    test_id = (await client.post("/api/tests", json=NEW)).json()["id"]
    await client.patch(f"/api/tests/{test_id}", json={"name": "x"})
    await client.post(f"/api/tests/{test_id}/pause")
    await client.delete(f"/api/tests/{test_id}")
    assert scheduler.calls == [
        ("prepare", test_id), ("applied", test_id),
        ("prepare", test_id), ("applied", test_id),
        ("prepare", test_id), ("applied", test_id),
        ("removing", test_id), ("removed", test_id),
    ]  # fmt: skip


async def test_a_refused_change_is_a_502_and_changes_nothing(
    double: tuple[httpx.AsyncClient, RecordingScheduler], redis: Redis
) -> None:
    client, scheduler = double
    test = (await client.post("/api/tests", json=NEW)).json()
    scheduler.fail_prepare = True
    assert (await client.post("/api/tests", json=NEW)).status_code == 502
    assert await redis.zcard(keys.TESTS) == 1
    response = await client.patch(f"/api/tests/{test['id']}", json={"schedule": "0 4 * * *"})
    assert response.status_code == 502 and "scheduler said no" in response.json()["detail"]
    assert (await client.delete(f"/api/tests/{test['id']}")).status_code == 502
    assert (await client.get(f"/api/tests/{test['id']}")).json()["schedule"] == "0 3 * * *"


async def test_off_mode_schedules_nothing(client: httpx.AsyncClient, services: Services) -> None:
    assert services.scheduler.mode == "off"
    test = (await client.post("/api/tests", json=NEW)).json()
    assert test["next_run_at"] is None
