"""store_run_result throughput: Vigil's one-round-trip script vs the same writes sent as
separate awaited commands, against a real redis-server on loopback.

DESIGN §2 asks for one round trip per stored run; this measures what that buys. Prints
`bench: store_tx_runs_per_s`, `bench: store_naive_runs_per_s` and `bench: store_tx_ratio`.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis

from bench.redis_server import redis_server
from vigil.models import Check, CheckCreate, RecentRun, RunRecord, StepResult, iso
from vigil.store import keys
from vigil.store.checks import create_check
from vigil.store.incidents import incident_for
from vigil.store.redis import connect
from vigil.store.results import last_result_of, parse_iso, run_score, store_run_result

RUNS = 2000
WARMUP = 100
TARGET_RATIO = 3.0
T0 = datetime(2026, 2, 14, tzinfo=UTC)


def record(test_id: str, n: int) -> RunRecord:
    passed = n % 10 != 0  # one run in ten fails and opens an incident
    steps = [
        StepResult(step_number=i, passed=passed or i < 3, details=f"step {i}", screenshot=True)
        for i in range(1, 4)
    ]
    at = T0 + timedelta(seconds=n)
    return RunRecord(
        run_id=f"bench{n:07d}",
        test_id=test_id,
        passed=passed,
        duration_ms=1000 + n % 500,
        steps_passed=3 if passed else 2,
        steps_total=3,
        details="All steps passed successfully." if passed else "2 of 3 steps passed.",
        step_results=steps,
        error=None if passed else "Step 3 failed: text not found",
        triggered_by="schedule",
        started_at=iso(at - timedelta(seconds=1)),
        completed_at=iso(at),
        outcome="passed" if passed else "failed",
    )


async def store_naive(redis: Redis, test: Check, rec: RunRecord, *, results_keep: int) -> None:
    """The same writes as store_run_result, one awaited command at a time (no atomicity)."""
    score = run_score(rec)
    completed = parse_iso(rec.completed_at)
    uptime = keys.uptime(test.id, completed.date())
    recent = RecentRun(
        run_id=rec.run_id, test_id=test.id, name=test.name, passed=rec.passed,
        outcome=rec.outcome, duration_ms=rec.duration_ms, completed_at=rec.completed_at,
    )  # fmt: skip
    await redis.zadd(keys.results(test.id), {rec.model_dump_json(): score})
    await redis.zremrangebyrank(keys.results(test.id), 0, -(results_keep + 1))
    await redis.zadd(keys.timing(test.id), {keys.timing_member(rec.run_id, rec.duration_ms): score})
    await redis.zremrangebyrank(keys.timing(test.id), 0, -(results_keep + 1))
    await redis.hset(
        keys.test(test.id),
        mapping={"last_result": last_result_of(rec), "last_run_at": rec.completed_at},
    )
    await redis.lpush(keys.RECENT, recent.model_dump_json())
    await redis.ltrim(keys.RECENT, 0, keys.RECENT_KEEP - 1)
    if rec.outcome == "error":
        await redis.hincrby(uptime, keys.UPTIME_ERRORS, 1)
        await redis.hincrby(uptime, keys.uptime_field(keys.UPTIME_ERRORS, completed.hour), 1)
    else:
        await redis.hincrby(uptime, keys.UPTIME_TOTAL, 1)
        await redis.hincrby(uptime, keys.uptime_field(keys.UPTIME_TOTAL, completed.hour), 1)
        if rec.passed:
            await redis.hincrby(uptime, keys.UPTIME_PASSED, 1)
            await redis.hincrby(uptime, keys.uptime_field(keys.UPTIME_PASSED, completed.hour), 1)
    await redis.expire(uptime, keys.UPTIME_TTL_S)
    incident = incident_for(rec)
    if incident is not None:
        await redis.lpush(keys.incidents(test.id), incident.model_dump_json())
        await redis.ltrim(keys.incidents(test.id), 0, keys.INCIDENTS_KEEP - 1)
    await redis.set(keys.run_marker(test.id, rec.run_id), score, ex=keys.RUN_MARKER_TTL_S)
    await redis.set(keys.run_index(rec.run_id), f"{test.id} {score!r}")


async def _rate(redis: Redis, naive: bool) -> float:
    await redis.flushdb()
    test = await create_check(
        redis, CheckCreate(name="bench", url="https://bench.example", goal="see 'x'")
    )
    records = [record(test.id, n) for n in range(WARMUP + RUNS)]
    store = store_naive if naive else store_run_result
    for rec in records[:WARMUP]:
        await store(redis, test, rec, results_keep=1000)
    start = time.perf_counter()
    for rec in records[WARMUP:]:
        await store(redis, test, rec, results_keep=1000)
    return RUNS / (time.perf_counter() - start)


async def main() -> None:
    async with redis_server() as url:
        redis = connect(url)
        try:
            tx = await _rate(redis, naive=False)
            naive = await _rate(redis, naive=True)
        finally:
            await redis.aclose()
    print(f"bench: store_tx_runs_per_s {tx:.0f}")
    print(f"bench: store_naive_runs_per_s {naive:.0f}")
    print(f"bench: store_tx_ratio {tx / naive:.2f} x (target >= {TARGET_RATIO:g})")


if __name__ == "__main__":
    asyncio.run(main())
