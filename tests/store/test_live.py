"""EventTail: a dedicated connection that a cancelled viewer still closes, and a block that
never outlasts the socket timeout (DESIGN §8)."""

from __future__ import annotations

import time

import anyio
import pytest
from redis.asyncio import Redis

from tests.history_seed import new_test
from vigil.errors import NotFound
from vigil.store.events import EventLog
from vigil.store.live import CLIENT_NAME, EventTail, open_tail
from vigil.store.redis import XREAD_BLOCK_MS


async def live_clients(redis: Redis) -> int:
    return sum(1 for c in await redis.client_list() if c.get("name") == CLIENT_NAME)


async def wait_for_clients(redis: Redis, count: int) -> None:
    with anyio.fail_after(5):
        while await live_clients(redis) != count:  # noqa: ASYNC110 (polling Redis, not a flag)
            await anyio.sleep(0.02)


async def test_a_viewer_cancelled_mid_xread_closes_its_connection(redis: Redis) -> None:
    test = await new_test(redis)
    tail = await open_tail(redis, test.id)
    assert await live_clients(redis) == 0  # nothing opened before the first read

    async def follow() -> None:
        try:
            await tail.read(await tail.last_id(), block_ms=10_000)
        finally:
            await tail.aclose()

    async with anyio.create_task_group() as group:
        group.start_soon(follow)
        await wait_for_clients(redis, 1)
        group.cancel_scope.cancel()
    # `tail` is still referenced, so the garbage collector did not close it: the cancelled
    # read and the shielded close did.
    await wait_for_clients(redis, 0)


async def test_reads_return_new_events_and_the_block_stays_under_the_socket_timeout(
    redis: Redis, redis_url: str
) -> None:
    test = await new_test(redis)
    tail = await open_tail(redis, test.id)
    assert tail.max_block_ms == XREAD_BLOCK_MS
    start = await tail.last_id()
    assert start == "0-0"
    await EventLog(redis, test.id, "run1")("plan_start", "planning")
    [event] = await tail.read(start, block_ms=1000)
    assert (event.type, event.run_id, event.message) == ("plan_start", "run1", "planning")
    assert await tail.last_id() == event.id
    await tail.aclose()

    # A shared client with a short socket timeout (VIGIL_REDIS_TIMEOUT) does not cut a quiet
    # blocking read of the tail: it reads on its own connection with a longer timeout (§8).
    short = Redis.from_url(redis_url, decode_responses=True, socket_timeout=0.5)
    quiet = EventTail(short, test.id)
    assert quiet.max_block_ms == XREAD_BLOCK_MS
    began = time.monotonic()
    assert await quiet.read(event.id or "", block_ms=1500) == []  # no TimeoutError
    assert time.monotonic() - began >= 1.4  # it really blocked past the short timeout
    await quiet.aclose()
    await short.aclose()


async def test_an_unknown_test_has_no_tail(redis: Redis) -> None:
    with pytest.raises(NotFound):
        await open_tail(redis, "nope1234")
