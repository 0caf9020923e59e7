"""Dashboard counts over every test and the recent runs with current test names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis

from tests.history_seed import new_test, run, store_each
from vigil.models import CheckUpdate, Outcome
from vigil.store import keys
from vigil.store.checks import delete_check, set_status, update_check
from vigil.store.dashboard import dashboard
from vigil.views import DashboardCounts

T0 = datetime(2026, 2, 14, 10, 0, tzinfo=UTC)


async def test_counts_partition_the_tests_and_recent_runs_carry_current_names(
    redis: Redis,
) -> None:
    assert (await dashboard(redis, recent=20)).counts == DashboardCounts(
        total=0, passing=0, failing=0, error=0, paused=0, never_run=0
    )
    tests = [await new_test(redis, name) for name in "ABCDEF"]
    outcomes: dict[str, Outcome] = {
        "A": "passed", "B": "failed", "C": "error", "D": "failed", "F": "passed",
    }  # fmt: skip
    for n, test in enumerate(tests):
        if test.name in outcomes:
            record = run(test.id, f"run{test.name}", T0 + timedelta(seconds=n),
                         outcome=outcomes[test.name])  # fmt: skip
            await store_each(redis, test, [record])
    await set_status(redis, tests[3].id, "paused")
    await update_check(redis, tests[0].id, CheckUpdate(name="A renamed"))
    await delete_check(redis, tests[5].id)

    board = await dashboard(redis, recent=20)

    assert board.counts == DashboardCounts(
        total=5, passing=1, failing=1, error=1, paused=1, never_run=1
    )
    assert [(r.run_id, r.name) for r in board.recent] == [
        ("runD", "D"), ("runC", "C"), ("runB", "B"), ("runA", "A renamed"),
    ]  # fmt: skip
    assert [r.run_id for r in (await dashboard(redis, recent=2)).recent] == ["runD", "runC"]
    assert (await dashboard(redis, recent=0)).recent == []


async def test_a_foreign_entry_in_recent_does_not_break_the_dashboard(redis: Redis) -> None:
    await redis.lpush(keys.RECENT, "{}", "not json")
    board = await dashboard(redis, recent=20)
    assert board.recent == [] and board.counts.total == 0
