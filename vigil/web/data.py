"""What the pages read, in one module, so the pages do not care where a number comes from.

Store reads that exist are used as they are. The few the pages need beyond them (recent runs,
uptime from the day roll-ups, dashboard counts) are small here; they read the same keys the
read-side API does (DESIGN §2) and never scan a test's results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import cast

from vigil.models import IncidentRecord, RecentRun, RunRecord, TestSuite
from vigil.services import Services
from vigil.store import keys
from vigil.store.incidents import list_incidents
from vigil.store.results import list_results, parse_iso, run_score, stored_run
from vigil.store.suites import get_test, list_tests

__all__ = [
    "Counts",
    "TestRow",
    "Uptime",
    "get_test",
    "list_incidents",
    "list_results",
    "list_tests",
    "parse_iso",
    "run_score",
]

STRIP_RUNS = 30
RECENT_SHOWN = 20
WINDOWS = {"24h": 1, "7d": 7, "30d": 30}


@dataclass
class Counts:
    total: int = 0
    passing: int = 0
    failing: int = 0
    error: int = 0
    paused: int = 0
    never_run: int = 0


def count_tests(tests: list[TestSuite]) -> Counts:
    """A paused test counts as paused whatever its last result: it is not being watched."""
    counts = Counts(total=len(tests))
    for test in tests:
        if test.status == "paused":
            counts.paused += 1
        elif test.last_result is None:
            counts.never_run += 1
        elif test.last_result == "passed":
            counts.passing += 1
        elif test.last_result == "failed":
            counts.failing += 1
        else:
            counts.error += 1
    return counts


async def recent_runs(services: Services, limit: int = RECENT_SHOWN) -> list[RecentRun]:
    members = cast(list[str], await services.redis.lrange(keys.RECENT, 0, limit - 1))
    return [RecentRun.model_validate_json(m) for m in members]


@dataclass
class Uptime:
    window: str
    runs: int
    passed: int

    @property
    def pct(self) -> float | None:
        """None without runs: "no data" is not "100 %"."""
        return None if self.runs == 0 else 100.0 * self.passed / self.runs


async def uptime(
    services: Services, test_id: str, window: str, now: datetime | None = None
) -> Uptime:
    """From `uptime:{id}:{day}` roll-ups; 24 h sums the hourly fields of today and yesterday
    that fall inside the last 24 hours. Error runs are not in the roll-ups (not the site's
    fault), so they are not in the denominator either."""
    now = now or datetime.now(UTC)
    days = [(now - timedelta(days=n)).date() for n in range(max(WINDOWS[window], 2))]
    async with services.redis.pipeline(transaction=False) as pipe:
        for day in days:
            pipe.hgetall(keys.uptime(test_id, day))
        rows = cast(list[dict[str, str]], await pipe.execute())
    runs = passed = 0
    if window == "24h":
        start = now - timedelta(hours=24)
        for day, row in zip(days[:2], rows[:2], strict=True):
            for hour in range(24):
                at = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
                if at + timedelta(hours=1) <= start or at > now:
                    continue
                runs += int(row.get(f"{hour:02d}:total", 0))
                passed += int(row.get(f"{hour:02d}:passed", 0))
    else:
        for row in rows[: WINDOWS[window]]:
            runs += int(row.get("total", 0))
            passed += int(row.get("passed", 0))
    return Uptime(window, runs, passed)


@dataclass
class TestRow:
    """A line of the Tests table."""

    __test__ = False

    test: TestSuite
    uptime_24h: Uptime
    strip: list[RunRecord] = field(default_factory=list)  # oldest first


async def test_rows(services: Services) -> list[TestRow]:
    rows = []
    for test in await list_tests(services.redis):
        strip = await list_results(services.redis, test.id, limit=STRIP_RUNS)
        rows.append(TestRow(test, await uptime(services, test.id, "24h"), strip[::-1]))
    return rows


async def find_run(
    services: Services, test_id: str, run_id: str, loaded: list[RunRecord]
) -> RunRecord | None:
    """A run of the page already loaded, else through its marker (recent runs)."""
    for record in loaded:
        if record.run_id == run_id:
            return record
    return await stored_run(services.redis, test_id, run_id)


async def incidents(services: Services, test_id: str, limit: int = 20) -> list[IncidentRecord]:
    return await list_incidents(services.redis, test_id, limit=limit)
