"""The store step of a run as one retried unit (vigil/store/persist.py): a lost reply is not a
duplicate, another attempt of the same run id is, and an unreachable Redis ends in
StoreUnavailable once the retry window is over."""

from __future__ import annotations

import time

import pytest
from redis.asyncio import Redis

from tests.conftest import free_port
from tests.store.test_results import make_record, new_test
from vigil.errors import StoreUnavailable
from vigil.store import keys
from vigil.store.checks import get_check
from vigil.store.persist import RUN_NOT_STORED, store_run
from vigil.store.redis import connect
from vigil.store.results import store_run_result


async def test_a_run_is_stored_with_its_screenshots(redis: Redis, redis_url: str) -> None:
    test = await get_check(redis, await new_test(redis))
    record = make_record(test.id, "run00001", passed=False, jpeg=True)
    raw = connect(redis_url, decode=False)
    stored = await store_run(
        redis, raw, test, record, results_keep=100, screenshot_ttl_s=60, retry_s=1
    )
    await raw.aclose()
    assert not stored.duplicate
    assert stored.incident is not None and stored.incident.run_id == "run00001"
    assert all(step.screenshot for step in stored.record.step_results)
    assert await redis.exists(keys.screenshot("run00001", 1))
    assert await redis.zcard(keys.results(test.id)) == 1


async def test_our_own_write_whose_reply_was_lost_is_not_a_duplicate(
    redis: Redis, redis_url: str
) -> None:
    test = await get_check(redis, await new_test(redis))
    record = make_record(test.id, "run00002", passed=False)
    await store_run_result(redis, test, record, results_keep=100)  # went through, reply lost
    raw = connect(redis_url, decode=False)
    stored = await store_run(
        redis, raw, test, record, results_keep=100, screenshot_ttl_s=60, retry_s=1
    )
    await raw.aclose()
    assert not stored.duplicate  # so the caller goes on to decide the alert
    assert stored.incident is not None
    assert await redis.zcard(keys.results(test.id)) == 1
    assert await redis.llen(keys.incidents(test.id)) == 1


async def test_another_attempt_of_the_same_run_id_is_a_duplicate(
    redis: Redis, redis_url: str
) -> None:
    test = await get_check(redis, await new_test(redis))
    first = make_record(test.id, "fire-1", duration_ms=1000)
    again = make_record(test.id, "fire-1", duration_ms=2000)  # a redelivery ran it again
    await store_run_result(redis, test, first, results_keep=100)
    raw = connect(redis_url, decode=False)
    stored = await store_run(
        redis, raw, test, again, results_keep=100, screenshot_ttl_s=60, retry_s=1
    )
    await raw.aclose()
    assert stored.duplicate
    assert stored.record.duration_ms == 1000  # the stored one
    assert await redis.zcard(keys.results(test.id)) == 1


async def test_an_unreachable_redis_ends_in_store_unavailable_after_the_window(
    redis: Redis,
) -> None:
    test = await get_check(redis, await new_test(redis))
    record = make_record(test.id, "run00003")
    nowhere = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    down = connect(nowhere, timeout_s=0.2, retries=1)
    raw = connect(nowhere, decode=False, timeout_s=0.2, retries=1)
    began = time.monotonic()
    with pytest.raises(StoreUnavailable) as caught:
        await store_run(down, raw, test, record, results_keep=100, screenshot_ttl_s=60, retry_s=0.6)
    took = time.monotonic() - began
    await down.aclose()
    await raw.aclose()
    assert str(caught.value) == RUN_NOT_STORED
    assert took >= 0.6  # it kept trying for the whole window
    assert await redis.zcard(keys.results(test.id)) == 0
