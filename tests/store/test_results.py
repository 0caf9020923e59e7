"""store_run_result writes every key of a run at once; incidents are updated by run id."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import cast

import pytest
from redis.asyncio import Redis

from vigil.errors import AlreadyStored, NotFound
from vigil.models import CheckCreate, RunRecord, StepResult, iso
from vigil.store import keys
from vigil.store.checks import create_check, get_check
from vigil.store.incidents import list_incidents, mark_alert_sent
from vigil.store.results import (
    list_results,
    list_timing,
    run_score,
    store_run_result,
    stored_run,
)
from vigil.store.screenshots import get_screenshot, store_screenshots

T0 = datetime(2026, 2, 14, 10, 0, 0, tzinfo=UTC)


def make_record(
    test_id: str,
    run_id: str,
    *,
    passed: bool = True,
    outcome: str | None = None,
    at: datetime = T0,
    duration_ms: int = 1234,
    steps: int = 2,
    jpeg: bool = False,
) -> RunRecord:
    step_results = [
        StepResult(
            step_number=n,
            passed=passed or n < steps,
            details=f"step {n}",
            screenshot_jpeg=b"\xff\xd8jpeg" + bytes([n]) if jpeg else None,
        )
        for n in range(1, steps + 1)
    ]
    return RunRecord(
        run_id=run_id,
        test_id=test_id,
        passed=passed,
        duration_ms=duration_ms,
        steps_passed=steps if passed else steps - 1,
        steps_total=steps,
        details="All steps passed successfully." if passed else "1 of 2 steps passed.",
        step_results=step_results,
        error=None if passed else "Step 2 failed: button not found",
        triggered_by="manual",
        started_at=iso(at - timedelta(milliseconds=duration_ms)),
        completed_at=iso(at),
        outcome=outcome or ("passed" if passed else "failed"),  # type: ignore[arg-type]
    )


async def new_test(redis: Redis) -> str:
    test = await create_check(
        redis, CheckCreate(name="Shop", url="https://shop.example", goal="see 'Shop'")
    )
    return test.id


async def test_a_passed_run_writes_results_timing_hash_recent_and_uptime(redis: Redis) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    record = make_record(test_id, "run00001")

    incident = await store_run_result(redis, test, record, results_keep=100)

    assert incident is None
    [(member, score)] = cast(
        list[tuple[str, float]], await redis.zrange(keys.results(test_id), 0, -1, withscores=True)
    )
    assert json.loads(member) == json.loads(record.model_dump_json())
    stored = json.loads(member)
    assert set(stored) >= {
        "run_id", "test_id", "passed", "duration_ms", "steps_passed", "steps_total",
        "details", "step_results", "error", "triggered_by", "started_at", "completed_at",
        "outcome", "attempts",
    }  # fmt: skip
    assert "screenshot_jpeg" not in stored["step_results"][0]
    assert score == T0.timestamp() == run_score(record)
    assert await redis.zrange(keys.timing(test_id), 0, -1, withscores=True) == [
        ("run00001:1234", T0.timestamp())
    ]
    hash_ = await redis.hgetall(keys.test(test_id))
    assert hash_["last_result"] == "passed"
    assert hash_["last_run_at"] == "2026-02-14T10:00:00.000Z"
    assert hash_["name"] == "Shop"  # the definition is untouched
    [recent] = await redis.lrange(keys.RECENT, 0, -1)
    assert json.loads(recent) == {
        "run_id": "run00001",
        "test_id": test_id,
        "name": "Shop",
        "passed": True,
        "outcome": "passed",
        "duration_ms": 1234,
        "completed_at": "2026-02-14T10:00:00.000Z",
    }
    day = keys.uptime(test_id, T0.date())
    assert await redis.hgetall(day) == {
        "total": "1",
        "passed": "1",
        "10:total": "1",
        "10:passed": "1",
    }
    assert 0 < await redis.ttl(day) <= keys.UPTIME_TTL_S
    assert await redis.llen(keys.incidents(test_id)) == 0


async def test_a_failed_run_opens_an_incident_and_counts_as_down(redis: Redis) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    record = make_record(test_id, "run00002", passed=False, at=T0.replace(hour=23))

    incident = await store_run_result(redis, test, record, results_keep=100)

    assert incident is not None
    [raw] = await redis.lrange(keys.incidents(test_id), 0, -1)
    assert json.loads(raw) == {
        "run_id": "run00002",
        "test_id": test_id,
        "error": "Step 2 failed: button not found",
        "details": "1 of 2 steps passed.",
        "started_at": record.started_at,
        "alert_sent": False,
        "delivery_error": None,
        "delivery_attempts": 0,  # pending: the delivery comes after the store
        "delivery_at": None,
    }
    assert await redis.hget(keys.test(test_id), "last_result") == "failed"
    day = keys.uptime(test_id, T0.date())
    assert await redis.hgetall(day) == {"total": "1", "23:total": "1"}


async def test_an_error_run_is_stored_with_an_incident_but_stays_out_of_uptime(
    redis: Redis,
) -> None:  # out of `total`/`passed`, that is: it is counted apart, as `errors`
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    record = make_record(test_id, "run00003", passed=False, outcome="error", steps=0)

    incident = await store_run_result(redis, test, record, results_keep=100)

    assert incident is not None and incident.run_id == "run00003"
    assert await redis.hget(keys.test(test_id), "last_result") == "error"
    assert await redis.zcard(keys.results(test_id)) == 1
    assert await redis.hgetall(keys.uptime(test_id, T0.date())) == {
        "errors": "1",
        "10:errors": "1",
    }


async def test_uptime_rolls_up_per_day_and_hour(redis: Redis) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    runs = [(T0, True), (T0 + timedelta(minutes=5), False), (T0 + timedelta(hours=1), True),
            (T0 + timedelta(days=1), True)]  # fmt: skip
    for n, (at, passed) in enumerate(runs):
        record = make_record(test_id, f"run{n:05d}", passed=passed, at=at)
        await store_run_result(redis, test, record, results_keep=100)

    assert await redis.hgetall(keys.uptime(test_id, T0.date())) == {
        "total": "3", "passed": "2", "10:total": "2", "10:passed": "1", "11:total": "1",
        "11:passed": "1",
    }  # fmt: skip
    assert await redis.hgetall(keys.uptime(test_id, T0.date() + timedelta(days=1))) == {
        "total": "1", "passed": "1", "10:total": "1", "10:passed": "1",
    }  # fmt: skip


async def test_trims_keep_the_newest_results_timing_recent_and_incidents(redis: Redis) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    for n in range(15):
        at = T0 + timedelta(seconds=n)
        record = make_record(test_id, f"run{n:05d}", passed=n % 2 == 0, at=at)
        await store_run_result(redis, test, record, results_keep=10)

    members = cast(list[str], await redis.zrange(keys.results(test_id), 0, -1))
    kept = [json.loads(m)["run_id"] for m in members]
    assert kept == [f"run{n:05d}" for n in range(5, 15)]
    timing = await redis.zrange(keys.timing(test_id), 0, -1)
    assert timing == [f"run{n:05d}:1234" for n in range(5, 15)]
    assert await redis.llen(keys.RECENT) == 15
    assert await redis.llen(keys.incidents(test_id)) == 7  # runs 1, 3, …, 13 failed


async def test_recent_and_incidents_are_capped(redis: Redis) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    old = make_record(test_id, "old", passed=False)
    await redis.lpush(keys.RECENT, *["{}"] * keys.RECENT_KEEP)
    await redis.lpush(keys.incidents(test_id), *[old.model_dump_json()] * keys.INCIDENTS_KEEP)

    await store_run_result(
        redis, test, make_record(test_id, "newest", passed=False), results_keep=10
    )

    assert await redis.llen(keys.RECENT) == keys.RECENT_KEEP
    assert json.loads(cast(str, await redis.lindex(keys.RECENT, 0)))["run_id"] == "newest"
    assert await redis.llen(keys.incidents(test_id)) == keys.INCIDENTS_KEEP
    assert (
        json.loads(cast(str, await redis.lindex(keys.incidents(test_id), 0)))["run_id"] == "newest"
    )


async def test_fifty_runs_with_equal_durations_keep_fifty_records_and_timing_points(
    redis: Redis,
) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    for n in range(50):
        record = make_record(
            test_id, f"r{n:04d}", at=T0 + timedelta(milliseconds=n), duration_ms=500
        )
        await store_run_result(redis, test, record, results_keep=10_000)

    assert await redis.zcard(keys.results(test_id)) == 50
    assert await redis.zcard(keys.timing(test_id)) == 50
    points = await list_timing(redis, test_id)
    assert [p[1] for p in points] == [f"r{n:04d}" for n in range(50)]
    assert {p[2] for p in points} == {500}


async def test_the_same_run_id_is_stored_once(redis: Redis) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    record = make_record(test_id, "qs-1", passed=False)
    await store_run_result(redis, test, record, results_keep=100)

    with pytest.raises(AlreadyStored):
        await store_run_result(redis, test, record, results_keep=100)

    assert await redis.zcard(keys.results(test_id)) == 1
    assert await redis.llen(keys.incidents(test_id)) == 1
    assert await redis.llen(keys.RECENT) == 1
    assert await stored_run(redis, test_id, "qs-1") == record
    assert await stored_run(redis, test_id, "never") is None


async def test_a_run_of_a_deleted_test_writes_nothing(redis: Redis) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    await redis.delete(keys.test(test_id))

    with pytest.raises(NotFound):
        await store_run_result(redis, test, make_record(test_id, "late"), results_keep=100)

    assert await redis.keys("*") == [keys.TESTS]


async def test_mark_alert_sent_finds_the_incident_by_run_id_after_newer_ones(
    redis: Redis,
) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    await store_run_result(
        redis, test, make_record(test_id, "first", passed=False), results_keep=100
    )
    for n in range(3):
        at = T0 + timedelta(minutes=n + 1)
        record = make_record(test_id, f"later{n}", passed=False, at=at)
        await store_run_result(redis, test, record, results_keep=100)

    updated = await mark_alert_sent(redis, test_id, "first", sent=True, delivery_error=None)

    assert updated.alert_sent is True
    incidents = await list_incidents(redis, test_id)
    assert [i.run_id for i in incidents] == ["later2", "later1", "later0", "first"]
    assert [i.alert_sent for i in incidents] == [False, False, False, True]


async def test_mark_alert_sent_is_safe_against_concurrent_pushes(redis: Redis) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    ids = [f"run{n:03d}" for n in range(20)]
    for n, run_id in enumerate(ids):
        at = T0 + timedelta(seconds=n)
        await store_run_result(redis, test, make_record(test_id, run_id, passed=False, at=at),
                               results_keep=100)  # fmt: skip

    async def push_more() -> None:
        for n in range(40):
            at = T0 + timedelta(minutes=1, seconds=n)
            record = make_record(test_id, f"new{n:03d}", passed=False, at=at)
            await store_run_result(redis, test, record, results_keep=100)

    marks = [
        mark_alert_sent(redis, test_id, run_id, sent=n % 2 == 0, delivery_error=f"e{n}")
        for n, run_id in enumerate(ids)
    ]
    await asyncio.gather(push_more(), *marks)

    incidents = {i.run_id: i for i in await list_incidents(redis, test_id)}
    assert len(incidents) == 60
    for n, run_id in enumerate(ids):
        assert incidents[run_id].alert_sent is (n % 2 == 0)
        assert incidents[run_id].delivery_error == f"e{n}"
    assert not any(incidents[f"new{n:03d}"].alert_sent for n in range(40))


async def test_mark_alert_sent_for_an_unknown_run_is_not_found(redis: Redis) -> None:
    test_id = await new_test(redis)
    with pytest.raises(NotFound):
        await mark_alert_sent(redis, test_id, "nope", sent=True, delivery_error=None)


async def test_results_are_listed_newest_first_with_a_before_cursor(redis: Redis) -> None:
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)
    for n in range(7):
        at = T0 + timedelta(seconds=n)
        await store_run_result(redis, test, make_record(test_id, f"r{n}", at=at), results_keep=100)

    first = await list_results(redis, test_id, limit=3)
    second = await list_results(redis, test_id, limit=3, before=run_score(first[-1]))
    third = await list_results(redis, test_id, limit=3, before=run_score(second[-1]))

    assert [r.run_id for r in first + second + third] == ["r6", "r5", "r4", "r3", "r2", "r1", "r0"]


async def test_screenshots_are_kept_for_failed_runs_and_the_latest_run_only(
    redis: Redis, redis_url: str
) -> None:
    from vigil.store.redis import connect

    raw = connect(redis_url, decode=False)
    test_id = await new_test(redis)
    test = await get_check(redis, test_id)

    async def run(run_id: str, passed: bool, n: int) -> None:
        record = make_record(
            test_id, run_id, passed=passed, at=T0 + timedelta(minutes=n), jpeg=True
        )
        assert await store_screenshots(raw, run_id, record.step_results, ttl_s=600) == 2
        assert all(s.screenshot for s in record.step_results)
        await store_run_result(redis, test, record, results_keep=100)

    await run("pass1", True, 0)
    await run("fail1", False, 1)
    await run("pass2", True, 2)
    await run("pass3", True, 3)

    assert not await raw.exists(keys.screenshot("pass1", 1), keys.screenshot("pass1", 2))
    assert not await raw.exists(keys.screenshot("pass2", 1), keys.screenshot("pass2", 2))
    assert await raw.exists(keys.screenshot("fail1", 1), keys.screenshot("fail1", 2)) == 2
    assert await get_screenshot(raw, "pass3", 2) == b"\xff\xd8jpeg\x02"
    assert 0 < await raw.ttl(keys.screenshot("pass3", 1)) <= 600
    with pytest.raises(NotFound):
        await get_screenshot(raw, "pass1", 1)
    await raw.aclose()
