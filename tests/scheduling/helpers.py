"""Reading scheduling state in tests: the queue's pending fires and the stored runs."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import cast

from redis.asyncio import Redis

from vigil.store import keys

QUEUE = f"{keys.QUEUE_NAME}:queue"


def runs_key(test_id: str) -> str:
    return f"{keys.QUEUE_NAME}:runs:{keys.schedule_task(test_id)}"


async def pending_fire(redis: Redis, test_id: str) -> datetime | None:
    """When the test's pending fire is due, or None when it has none queued for the future."""
    score = await redis.zscore(QUEUE, keys.schedule_task(test_id))
    return None if score is None else datetime.fromtimestamp(score, UTC)


async def scheduled_keys(redis: Redis) -> list[str]:
    members = cast(list[str], await redis.zrange(QUEUE, 0, -1))
    return [m for m in members if m.startswith(keys.SCHEDULE_TASK_PREFIX)]


async def records(redis: Redis, test_id: str) -> list[dict[str, object]]:
    members = cast(list[str], await redis.zrange(keys.results(test_id), 0, -1))
    return [json.loads(m) for m in members]


async def wait_for(
    check: Callable[[], Awaitable[bool]], timeout_s: float, what: str, every_s: float = 0.1
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(every_s)
    raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")


async def pending_count(redis: Redis, test_ids: list[str]) -> int:
    """How many of the tests have a fire pending in the queue: scheduled for later, or due and
    waiting in the stream for a worker (pydocket marks both `known`)."""
    n = 0
    for test_id in test_ids:
        if await redis.hexists(runs_key(test_id), "known"):
            n += 1
    return n
