"""Runs for the read-side tests and benchmark, stored the way Vigil stores them
(store_run_result's script), so reads are checked against what the write side really wrote."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from redis.asyncio import Redis

from vigil.models import Check, CheckCreate, Outcome, RunRecord, StepResult, iso
from vigil.store.checks import create_check
from vigil.store.results import store_run_result, store_run_results

KEEP = 10_000


def run(
    test_id: str,
    run_id: str,
    at: datetime,
    *,
    outcome: Outcome = "passed",
    duration_ms: int = 1000,
    steps: int = 2,
) -> RunRecord:
    """A run completed at `at`; `failed` fails its last step, `error` has no steps."""
    passed = outcome in ("passed", "passed_on_retry", "healed")
    count = 0 if outcome == "error" else steps
    step_results = [
        StepResult(step_number=n, passed=passed or n < count, details=f"step {n}")
        for n in range(1, count + 1)
    ]
    return RunRecord(
        run_id=run_id,
        test_id=test_id,
        passed=passed,
        duration_ms=duration_ms,
        steps_passed=sum(s.passed for s in step_results),
        steps_total=count,
        details="All steps passed successfully." if passed else "not all steps passed",
        step_results=step_results,
        error=None if passed else f"{outcome} in {run_id}",
        triggered_by="schedule",
        started_at=iso(at - timedelta(milliseconds=duration_ms)),
        completed_at=iso(at),
        outcome=outcome,
    )


async def new_test(redis: Redis, name: str = "Shop") -> Check:
    return await create_check(
        redis, CheckCreate(name=name, url="https://shop.example", goal="see 'Shop'")
    )


async def store_each(redis: Redis, test: Check, records: Sequence[RunRecord]) -> None:
    """One store_run_result call per run, as the run pipeline does."""
    for record in records:
        await store_run_result(redis, test, record, results_keep=KEEP)


async def store_many(
    redis: Redis, test: Check, records: Sequence[RunRecord], *, keep: int = KEEP
) -> None:
    """The same script, pipelined: for thousands of runs."""
    assert await store_run_results(redis, test, records, results_keep=keep) == len(records)
