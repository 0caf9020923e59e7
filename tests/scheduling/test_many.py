"""1,000 tests created at once with `* * * * *`: every one gets its one pending fire, the
reconciler finds nothing to repair, and the queue's memory per test is small and fixed."""

from __future__ import annotations

import asyncio
import time
from typing import cast

import httpx
from redis.asyncio import Redis

from tests.scheduling.helpers import pending_count, scheduled_keys
from vigil.scheduling.embedded import DocketScheduler
from vigil.services import Services

N = 1000
# Measured ~5.2 KB per test (test hash, index entry, the fire's parked message, its state hash
# with the pickled arguments); the bound leaves room for allocator noise, not for growth.
MAX_BYTES_PER_TEST = 8_000


async def test_a_thousand_tests_at_once_are_all_scheduled_in_bounded_memory(
    sched_client: httpx.AsyncClient, sched: Services, redis: Redis
) -> None:
    info = cast(dict[str, int], await redis.info("memory"))
    before = int(info["used_memory"])
    body = {"url": "http://127.0.0.1:9/", "goal": "the site is up", "schedule": "* * * * *"}

    async def create(i: int) -> str:
        response = await sched_client.post("/api/tests", json={**body, "name": f"t{i}"})
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    t0 = time.monotonic()
    ids: list[str] = []
    for start in range(0, N, 100):  # 100 requests in flight at a time
        ids += await asyncio.gather(*(create(i) for i in range(start, start + 100)))
    created_s = time.monotonic() - t0
    assert len(set(ids)) == N
    # Each has its one fire pending: in the queue, or already due and in the stream (this
    # fixture's fires come every second, and there is no worker to take them).
    assert await pending_count(redis, ids) == N
    assert len(await scheduled_keys(redis)) <= N
    info = cast(dict[str, int], await redis.info("memory"))
    per_test = (int(info["used_memory"]) - before) / N
    assert per_test < MAX_BYTES_PER_TEST, per_test
    scheduler = sched.scheduler
    assert isinstance(scheduler, DocketScheduler)
    t0 = time.monotonic()
    report = await scheduler.reconcile()
    reconcile_s = time.monotonic() - t0
    assert report.seeded == [] and report.cancelled == []
    print(
        f"{N} tests: created in {created_s:.1f} s, {per_test:.0f} B each, "
        f"reconcile pass {reconcile_s * 1000:.0f} ms"
    )
    assert reconcile_s < 10
