"""Uptime over the last 24 hours from the `uptime:{test_id}:{day}` roll-ups (DESIGN §2).

The badge needs one number cheaply: the hourly fields of today's and yesterday's hashes cover
any 24-hour window, so this reads two small hashes and never scans runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from redis.asyncio import Redis

from vigil.models import utc_now
from vigil.store import keys


@dataclass(frozen=True)
class Uptime:
    runs: int
    passed: int

    @property
    def pct(self) -> float | None:
        return None if self.runs == 0 else 100.0 * self.passed / self.runs


async def uptime_24h(redis: Redis, test_id: str, *, now: datetime | None = None) -> Uptime:
    """Counted runs (errors excluded, as in the roll-up) in the current hour and the 23
    before it."""
    now = now or utc_now()
    hours = [now - timedelta(hours=n) for n in range(24)]
    days = sorted({h.date() for h in hours})
    async with redis.pipeline(transaction=False) as pipe:
        for day in days:
            pipe.hgetall(keys.uptime(test_id, day))
        replies = cast(list[dict[str, str]], await pipe.execute())
    by_day = dict(zip(days, replies, strict=True))
    runs = passed = 0
    for hour in hours:
        roll_up = by_day[hour.date()]
        runs += int(roll_up.get(f"{hour.hour:02d}:total", 0))
        passed += int(roll_up.get(f"{hour.hour:02d}:passed", 0))
    return Uptime(runs, passed)
