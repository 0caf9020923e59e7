"""Uptime over a window, from the roll-ups that store_run_result keeps (DESIGN §2).

A window never scans runs: `24h` sums the hourly fields of the 24 UTC hours ending with the
current one (today's and, unless it is 23:xx, yesterday's hash); `7d`/`30d`/`90d` sum the
day totals of the UTC days ending today. One script reads every hash of the window and returns
three sums, so a 90-day answer is one round trip of a few bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from redis.asyncio import Redis

from vigil.errors import NotFound
from vigil.store import keys
from vigil.store.scripts import LuaScript

WINDOW_DAYS = {"7d": 7, "30d": 30, "90d": 90}
HOURLY_WINDOW = "24h"

# KEYS[1]: the test; KEYS[2..]: day hashes. ARGV[i]: the fields to read from KEYS[i + 1],
# space-separated, in (total, passed, errors) triples. Returns the three sums.
_SUM = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local sums = {0, 0, 0}
for i = 2, #KEYS do
  local fields = {}
  for f in string.gmatch(ARGV[i - 1], '%S+') do fields[#fields + 1] = f end
  local values = redis.call('HMGET', KEYS[i], unpack(fields))
  for j = 1, #values do
    local k = (j - 1) % 3 + 1
    sums[k] = sums[k] + (tonumber(values[j]) or 0)
  end
end
return sums
""")


@dataclass(frozen=True)
class UptimeCounts:
    """Runs that tested the site (`total`), how many of them `passed`, and Vigil's own
    `errors`, which are not in `total`."""

    total: int
    passed: int
    errors: int


def _triple(hour: int | None) -> str:
    return " ".join(
        keys.uptime_field(name, hour)
        for name in (keys.UPTIME_TOTAL, keys.UPTIME_PASSED, keys.UPTIME_ERRORS)
    )


def window_fields(window: str, now: datetime) -> list[tuple[date, str]]:
    """The day hashes a window reads, each with the fields to read from it."""
    today = now.date()
    if window == HOURLY_WINDOW:
        hours = [now - timedelta(hours=back) for back in range(23, -1, -1)]
        days: dict[date, list[str]] = {}
        for at in hours:
            days.setdefault(at.date(), []).append(_triple(at.hour))
        return [(day, " ".join(fields)) for day, fields in days.items()]
    span = WINDOW_DAYS[window]
    return [(today - timedelta(days=back), _triple(None)) for back in range(span - 1, -1, -1)]


async def uptime_counts(redis: Redis, test_id: str, window: str, now: datetime) -> UptimeCounts:
    """Sums over `window` ending at `now` (UTC). NotFound for an unknown test."""
    spans = window_fields(window, now)
    reply = await _SUM(
        redis,
        [keys.test(test_id), *(keys.uptime(test_id, day) for day, _ in spans)],
        [fields for _, fields in spans],
    )
    if reply is None:
        raise NotFound(f"test '{test_id}' not found")
    total, passed, errors = cast(list[int], reply)
    return UptimeCounts(total=total, passed=passed, errors=errors)
