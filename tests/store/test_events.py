"""The run's event writer (vigil/store/events.py): written only while the test exists, and
dropped, not raised, while Redis is away."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from redis.asyncio import Redis

from tests.conftest import free_port
from tests.store.test_results import new_test
from vigil.store import events as events_module
from vigil.store import keys
from vigil.store.checks import delete_check
from vigil.store.events import EventLog, read_events
from vigil.store.redis import connect
from vigil.store.scripts import LuaScript


async def test_events_are_written_with_their_run_id(redis: Redis) -> None:
    test_id = await new_test(redis)
    events = EventLog(redis, test_id, "run1")
    await events("step_complete", "done", step_number=2, passed=True)
    await events.flush()
    [event] = await read_events(redis, test_id)
    assert (event.type, event.run_id, event.step_number, event.passed) == (
        "step_complete",
        "run1",
        2,
        True,
    )


async def test_a_test_deleted_during_its_run_gets_no_stream_back(redis: Redis) -> None:
    test_id = await new_test(redis)
    events = EventLog(redis, test_id, "run1")
    await events("plan_start", "planning")
    await events.flush()
    assert await redis.exists(keys.events(test_id))
    await delete_check(redis, test_id)
    assert not await redis.exists(keys.events(test_id))
    await events("plan_complete", "planned")  # the run goes on a moment longer
    await events.flush()
    assert not await redis.exists(keys.events(test_id))  # no key left without an owner


async def test_an_event_while_redis_is_away_is_dropped_not_raised() -> None:
    down = connect(f"redis://127.0.0.1:{free_port()}/0", timeout_s=0.2, retries=0)
    events = EventLog(down, "t1", "run1")
    await events("plan_start", "planning")  # no exception: the run is what matters
    await events.flush()
    await events("plan_complete", "planned")  # skipped at once while the writer stays quiet
    await events.flush()
    await down.aclose()


async def test_a_burst_of_events_is_written_in_order_in_few_calls(
    redis: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Events queued while a write is in flight go out together, each its own entry, in the
    order the run emitted them."""
    test_id = await new_test(redis)
    calls = 0
    add = events_module._ADD

    class Counting(LuaScript):
        async def __call__(
            self, redis: Redis, keys: Sequence[str], args: Sequence[str | int | float]
        ) -> object:
            nonlocal calls
            calls += 1
            return await add(redis, keys, args)

    monkeypatch.setattr(events_module, "_ADD", Counting(add.source))
    events = EventLog(redis, test_id, "run1")
    for n in range(1, 21):
        await events("step_complete", f"step {n}", step_number=n, passed=n % 2 == 0)
    await events.flush()
    written = await read_events(redis, test_id)
    assert [(e.step_number, e.message, e.passed) for e in written] == [
        (n, f"step {n}", n % 2 == 0) for n in range(1, 21)
    ]
    assert {e.run_id for e in written} == {"run1"}
    assert 1 <= calls <= 2  # a script call per write, not per event
