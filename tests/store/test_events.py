"""The run's event writer (vigil/store/events.py): written only while the test exists, and
dropped, not raised, while Redis is away."""

from __future__ import annotations

from redis.asyncio import Redis

from tests.conftest import free_port
from tests.store.test_results import new_test
from vigil.store import keys
from vigil.store.checks import delete_check
from vigil.store.events import EventLog, read_events
from vigil.store.redis import connect


async def test_events_are_written_with_their_run_id(redis: Redis) -> None:
    test_id = await new_test(redis)
    await EventLog(redis, test_id, "run1")("step_complete", "done", step_number=2, passed=True)
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
    await delete_check(redis, test_id)
    assert not await redis.exists(keys.events(test_id))
    await events("plan_complete", "planned")  # the run goes on a moment longer
    assert not await redis.exists(keys.events(test_id))  # no key left without an owner


async def test_an_event_while_redis_is_away_is_dropped_not_raised() -> None:
    down = connect(f"redis://127.0.0.1:{free_port()}/0", timeout_s=0.2, retries=0)
    events = EventLog(down, "t1", "run1")
    await events("plan_start", "planning")  # no exception: the run is what matters
    await events("plan_complete", "planned")  # skipped at once while the writer stays quiet
    await down.aclose()
