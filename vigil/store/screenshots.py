"""Step screenshots (`shot:{run_id}:{step_number}`), written with a TTL (DESIGN §2).

They are kept for failed runs and for each test's latest run only: store_run_result remembers
the latest passed run on the test hash and prunes its screenshots once a newer run is stored.
Screenshots are written before the run's record, so a stored record never points at a
screenshot that is not there yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from redis.asyncio import Redis

from vigil.errors import NotFound
from vigil.models import StepResult
from vigil.store import keys


async def store_screenshots(
    raw_redis: Redis, run_id: str, steps: Sequence[StepResult], *, ttl_s: int
) -> int:
    """Write every step's JPEG in one round trip; returns how many were written. Marks the
    step `screenshot=True` exactly when its JPEG was stored, since readers trust that flag."""
    written = 0
    async with raw_redis.pipeline(transaction=False) as pipe:
        for step in steps:
            if step.screenshot_jpeg:
                pipe.set(keys.screenshot(run_id, step.step_number), step.screenshot_jpeg, ex=ttl_s)
                written += 1
            step.screenshot = bool(step.screenshot_jpeg)
        if written:
            await pipe.execute()
    return written


async def prune_screenshots(redis: Redis, run_id: str, steps: int) -> None:
    """Drop the screenshots of a passed run that is no longer its test's latest."""
    if steps > 0:
        await redis.unlink(*(keys.screenshot(run_id, n) for n in range(1, steps + 1)))


async def get_screenshot(raw_redis: Redis, run_id: str, step_number: int) -> bytes:
    data = cast(bytes | None, await raw_redis.get(keys.screenshot(run_id, step_number)))
    if data is None:
        raise NotFound(f"no screenshot for step {step_number} of run '{run_id}'")
    return data
