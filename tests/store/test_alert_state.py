"""The alert state on the test hash: read, advanced atomically, never written for a deleted test."""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from vigil.alerts.policy import Decision, decide, undelivered
from vigil.models import AlertPolicy, AlertState, CheckCreate, Outcome
from vigil.store import keys
from vigil.store.alert_state import known_alert_state, read_alert_state, update_alert_state
from vigil.store.checks import create_check


async def apply(
    redis: Redis, test_id: str, outcome: Outcome, policy: AlertPolicy
) -> Decision | None:
    def step(state: AlertState) -> tuple[AlertState, Decision]:
        decision = decide(state, outcome, policy)
        return decision.state, decision

    return await update_alert_state(redis, test_id, step)


async def test_the_state_lives_on_the_test_hash_and_survives_between_runs(redis: Redis) -> None:
    test = await create_check(redis, CheckCreate(url="https://a.example", goal="see 'A'"))
    policy = AlertPolicy(alert_after=2)

    events = [(await apply(redis, test.id, outcome, policy)) for outcome in ("failed",) * 3]

    assert [d.event if d else "gone" for d in events] == [None, "test_failed", None]
    assert await read_alert_state(redis, test.id) == AlertState(failures=3, failure_alerted=True)
    assert await redis.hget(keys.test(test.id), keys.ALERT_FAILURES_FIELD) == "3"
    await update_alert_state(redis, test.id, lambda s: (undelivered(s, "test_failed"), None))
    assert (await read_alert_state(redis, test.id)).failure_alerted is False


async def test_concurrent_failures_send_exactly_one_first_alert(redis: Redis) -> None:
    test = await create_check(redis, CheckCreate(url="https://a.example", goal="see 'A'"))
    decisions = await asyncio.gather(
        *(apply(redis, test.id, "failed", AlertPolicy(alert_after=3)) for _ in range(10))
    )
    assert [d.event for d in decisions if d].count("test_failed") == 1
    assert (await read_alert_state(redis, test.id)).failures == 10


async def test_the_state_of_a_deleted_test_is_not_written(redis: Redis) -> None:
    assert await apply(redis, "gone1234", "failed", AlertPolicy()) is None
    assert not await redis.exists(keys.test("gone1234"))


async def test_a_known_state_that_went_stale_is_read_again_not_trusted(redis: Redis) -> None:
    """A state handed in by the caller (the store script's reading) is only where the first
    compare-and-set starts: if the hash changed since, the update reads it and decides again."""
    test = await create_check(redis, CheckCreate(url="https://a.example", goal="see 'A'"))
    policy = AlertPolicy(alert_after=2)
    fresh = ["", "", "", ""]  # what a store script saw before any run
    with known_alert_state(test.id, fresh):
        first = await apply(redis, test.id, "failed", policy)
    assert first is not None and first.event is None
    with known_alert_state(test.id, fresh):  # stale now: one failure was counted since
        second = await apply(redis, test.id, "failed", policy)
    assert second is not None and second.event == "test_failed"
    assert await read_alert_state(redis, test.id) == AlertState(failures=2, failure_alerted=True)
    with known_alert_state("another1", fresh):  # a hint for another test is not used
        third = await apply(redis, test.id, "failed", policy)
    assert third is not None and third.state.failures == 3
