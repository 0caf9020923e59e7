"""Uptime windows from the roll-ups: known pass/fail/error mixes across UTC day and hour
boundaries, errors apart from the denominator, no runs -> no percentage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from tests.history_seed import new_test, run, store_each
from vigil.errors import NotFound
from vigil.models import Outcome, RunRecord
from vigil.store.uptime import UptimeCounts, uptime_counts, window_fields
from vigil.views import uptime_of

# "Now" is 02:30 UTC on Feb 14: the 24 h window reaches back into Feb 13 from 03:00 on.
NOW = datetime(2026, 2, 14, 2, 30, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0, ms: int = 0) -> datetime:
    return datetime(2026, 2, day, hour, minute, tzinfo=UTC) + timedelta(milliseconds=ms)


async def seed(redis: Redis, plan: list[tuple[datetime, Outcome]]) -> str:
    test = await new_test(redis)
    records: list[RunRecord] = [
        run(test.id, f"r{n:04d}", when, outcome=outcome) for n, (when, outcome) in enumerate(plan)
    ]
    await store_each(redis, test, records)
    return test.id


def test_windows_read_the_hours_and_days_they_cover() -> None:
    spans = window_fields("24h", NOW)
    assert [day.day for day, _ in spans] == [13, 14]
    yesterday, today = spans[0][1].split(), spans[1][1].split()
    assert yesterday[:3] == ["03:total", "03:passed", "03:errors"] and len(yesterday) == 21 * 3
    assert today[-3:] == ["02:total", "02:passed", "02:errors"] and len(today) == 3 * 3
    late = window_fields("24h", NOW.replace(hour=23))
    assert [day.day for day, _ in late] == [14] and len(late[0][1].split()) == 24 * 3
    week = window_fields("7d", NOW)
    assert [day.day for day, _ in week] == [8, 9, 10, 11, 12, 13, 14]
    assert week[0][1] == "total passed errors"
    assert len(window_fields("30d", NOW)) == 30 and len(window_fields("90d", NOW)) == 90


async def test_24h_counts_the_hours_on_both_sides_of_midnight(redis: Redis) -> None:
    test_id = await seed(
        redis,
        [
            (at(13, 2, 59, 999), "failed"),  # 02:xx yesterday: 24 h + a bit ago, outside
            (at(13, 3), "passed"),  # first hour of the window
            (at(13, 23, 59, 999), "failed"),  # last millisecond of yesterday
            (at(14, 0), "passed"),  # first millisecond of today
            (at(14, 0, 30), "error"),
            (at(14, 2, 29), "healed"),  # passed after a repair: passed
            (at(14, 2, 29, 500), "passed_on_retry"),
        ],
    )
    counts = await uptime_counts(redis, test_id, "24h", NOW)
    assert counts == UptimeCounts(total=5, passed=4, errors=1)
    view = uptime_of("24h", total=5, passed=4, errors=1)
    assert (view.uptime_pct, view.runs, view.passed, view.failed, view.errors) == (
        80.0, 5, 4, 1, 1,
    )  # fmt: skip


async def test_day_windows_include_today_and_stop_at_their_first_day(redis: Redis) -> None:
    plan: list[tuple[datetime, Outcome]] = [
        (at(7, 23, 59, 999), "failed"),  # 8 days back: outside 7d, inside 30d
        (at(8, 0), "passed"),  # first instant of the 7 d window
        (at(10, 12), "failed"),
        (at(10, 12, 1), "error"),
        (at(12, 23, 59, 999), "passed"),
        (at(13, 0), "passed"),
        (at(14, 1), "passed"),
        (at(14, 2), "error"),
    ]
    plan += [(datetime(2026, 1, 20, 9, 0, tzinfo=UTC), "failed")]  # 25 days back
    plan += [(datetime(2025, 12, 1, 9, 0, tzinfo=UTC), "passed")]  # 75 days back
    test_id = await seed(redis, plan)

    assert await uptime_counts(redis, test_id, "7d", NOW) == UptimeCounts(5, 4, 2)
    assert await uptime_counts(redis, test_id, "30d", NOW) == UptimeCounts(7, 4, 2)
    assert await uptime_counts(redis, test_id, "90d", NOW) == UptimeCounts(8, 5, 2)
    week = uptime_of("7d", total=5, passed=4, errors=2)
    assert week.uptime_pct == 80.0 and week.failed == 1


async def test_no_runs_or_only_errors_give_no_percentage(redis: Redis) -> None:
    empty = await seed(redis, [])
    assert await uptime_counts(redis, empty, "30d", NOW) == UptimeCounts(0, 0, 0)
    assert uptime_of("30d", total=0, passed=0, errors=0).uptime_pct is None

    errors_only = await seed(redis, [(at(14, 1), "error"), (at(14, 2), "error")])
    counts = await uptime_counts(redis, errors_only, "24h", NOW)
    assert counts == UptimeCounts(0, 0, 2)
    view = uptime_of("24h", total=0, passed=0, errors=2)
    assert view.uptime_pct is None and view.errors == 2 and view.runs == 0


async def test_percentages_are_rounded_not_truncated_and_unknown_tests_are_not_found(
    redis: Redis,
) -> None:
    assert uptime_of("7d", total=3, passed=2, errors=0).uptime_pct == 66.667
    assert uptime_of("7d", total=3, passed=3, errors=5).uptime_pct == 100.0
    with pytest.raises(NotFound):
        await uptime_counts(redis, "nope1234", "7d", NOW)
