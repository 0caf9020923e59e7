"""The per-test run lock: short, renewed by a heartbeat while held, released only by its
holder (vigil/store/locks.py)."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from vigil.errors import AlreadyStored, Conflict
from vigil.store import keys
from vigil.store.locks import run_lock


async def test_the_heartbeat_keeps_a_short_lock_past_its_ttl(redis: Redis) -> None:
    key = keys.run_lock("t1")
    async with run_lock(redis, "t1", ttl_s=0.3):
        await asyncio.sleep(1.0)  # more than three TTLs
        assert await redis.exists(key)
        assert 0 < await redis.pttl(key) <= 300
        with pytest.raises(Conflict):
            async with run_lock(redis, "t1", ttl_s=0.3):
                pass
    assert not await redis.exists(key)


async def test_a_lock_without_its_heartbeat_expires_within_one_ttl(redis: Redis) -> None:
    key = keys.run_lock("t2")
    holder = run_lock(redis, "t2", ttl_s=0.3)
    before = asyncio.all_tasks()
    await holder.__aenter__()
    # As if the process died: the heartbeat stops, nobody releases.
    [heartbeat] = asyncio.all_tasks() - before
    heartbeat.cancel()
    await asyncio.sleep(0.45)
    assert not await redis.exists(key)
    async with run_lock(redis, "t2", ttl_s=0.3):  # the test can run again
        assert await redis.exists(key)
    await redis.set(key, "someone-else")
    await holder.__aexit__(None, None, None)  # the dead holder's release leaves it alone
    assert await redis.get(key) == "someone-else"


async def test_an_expired_lock_nobody_took_is_taken_back_by_its_heartbeat(redis: Redis) -> None:
    key = keys.run_lock("t3")
    async with run_lock(redis, "t3", ttl_s=0.3):
        await redis.delete(key)  # as if a stalled loop missed every beat of one TTL
        for _ in range(50):  # the next beat (every 0.1 s) takes it back
            if await redis.exists(key):
                break
            await asyncio.sleep(0.05)
        assert await redis.exists(key)


async def test_a_lock_another_run_took_is_neither_renewed_nor_released(redis: Redis) -> None:
    key = keys.run_lock("t4")
    async with run_lock(redis, "t4", ttl_s=0.3):
        await redis.set(key, "someone-else", px=5000)
        await asyncio.sleep(0.25)
        assert 300 < await redis.pttl(key) <= 5000  # our beat did not shorten theirs
    assert await redis.get(key) == "someone-else"


async def test_a_stored_run_is_answered_by_the_lock_script_without_taking_the_lock(
    redis: Redis,
) -> None:
    """The idempotency check and the lock are one script: a run id whose marker exists is
    refused (AlreadyStored) even while another run holds the lock, and no lock is taken."""
    key = keys.run_lock("t5")
    async with run_lock(redis, "t5", ttl_s=5, owner="run:r1", unless_stored="r1"):
        assert await redis.get(key) == "run:r1"  # not stored yet: locked as usual
    await redis.set(keys.run_marker("t5", "r1"), "1700000000.0")
    with pytest.raises(AlreadyStored):
        async with run_lock(redis, "t5", ttl_s=5, owner="run:r1", unless_stored="r1"):
            pytest.fail("a stored run must not run again")
    assert not await redis.exists(key)
    async with run_lock(redis, "t5", ttl_s=5):  # someone else's run holds the lock
        with pytest.raises(AlreadyStored):
            async with run_lock(redis, "t5", ttl_s=5, owner="run:r1", unless_stored="r1"):
                pass
        with pytest.raises(Conflict) as other:
            async with run_lock(redis, "t5", ttl_s=5, owner="run:r2", unless_stored="r2"):
                pass
        assert not isinstance(other.value, AlreadyStored)
