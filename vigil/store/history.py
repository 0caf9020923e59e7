"""Reading a test's run history: pages of runs, one run by id, response-time points, incidents.

Each read is one round trip (a Lua script where the answer needs more than one command), and
each tells an unknown test (NotFound) from a test without runs (an empty answer).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import cast

from redis.asyncio import Redis

from vigil.errors import InvalidInput, NotFound
from vigil.models import IncidentRecord, RunRecord
from vigil.store import keys
from vigil.store.results import run_score
from vigil.store.scripts import LuaScript

# Most timing points one answer carries; more are thinned out evenly (a chart is a few hundred
# to a few thousand pixels wide).
MAX_TIMING_POINTS = 5000

# A page, newest first, after the cursor run. Runs completed in the same millisecond share a
# score, and Redis orders them by member; the cursor names its run, so the page resumes right
# after it inside that group instead of skipping the rest of the group (a plain score cursor
# would) or repeating it. New runs land above the cursor and never shift what is below it.
# KEYS: test, results. ARGV: how many, cursor score ('' = from the newest), cursor run id.
_PAGE = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local want = tonumber(ARGV[1])
local out = {}
local top = '+inf'
if ARGV[2] ~= '' then
  top = '(' .. ARGV[2]
  local found = false
  for _, m in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[2], ARGV[2], ARGV[2])) do
    if found then
      out[#out + 1] = m
      if #out == want then return out end
    else
      local ok, rec = pcall(cjson.decode, m)
      found = ok and type(rec) == 'table' and rec['run_id'] == ARGV[3]
    end
  end
end
for _, m in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[2], top, '-inf', 'LIMIT', 0, want - #out)) do
  out[#out + 1] = m
end
return out
""")

# Points between two scores, oldest first, thinned server-side to at most ARGV[3] evenly
# spaced ones (the first and the last always among them), so a 10,000-run window costs one
# small reply. The rows come back as ONE string, `member score` per line: thousands of
# separate reply elements would cost far more to parse than to send.
# KEYS: test, timing. ARGV: min, max, most points (>= 2).
_TIMING = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local rows = redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[1], ARGV[2], 'WITHSCORES')
local n = #rows / 2
local k = tonumber(ARGV[3])
local out = {}
if n <= k then
  for i = 0, n - 1 do out[#out + 1] = rows[2 * i + 1] .. ' ' .. rows[2 * i + 2] end
else
  for i = 0, k - 1 do
    local j = math.floor(i * (n - 1) / (k - 1))
    out[#out + 1] = rows[2 * j + 1] .. ' ' .. rows[2 * j + 2]
  end
end
return table.concat(out, '\\n')
""")


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the last run's score and id. Its text form is `score:run_id`."""

    score: float
    run_id: str

    def __str__(self) -> str:
        return f"{self.score!r}:{self.run_id}"

    @classmethod
    def of(cls, record: RunRecord) -> Cursor:
        return cls(run_score(record), record.run_id)

    @classmethod
    def parse(cls, text: str) -> Cursor:
        score, sep, run_id = text.partition(":")
        try:
            value = float(score)
        except ValueError:
            value = math.nan
        if not sep or not run_id or not math.isfinite(value):
            raise InvalidInput("before", "is not a cursor from a previous page's next_cursor")
        return cls(value, run_id)


async def results_page(
    redis: Redis, test_id: str, *, limit: int, before: Cursor | None = None
) -> tuple[list[RunRecord], Cursor | None]:
    """Up to `limit` runs older than `before` (from the newest without it), newest first, and
    the cursor of the next page (None when this page is the last)."""
    reply = await _PAGE(
        redis,
        [keys.test(test_id), keys.results(test_id)],
        [limit + 1, "" if before is None else repr(before.score), before.run_id if before else ""],
    )
    if reply is None:
        raise NotFound(f"test '{test_id}' not found")
    members = cast(list[str], reply)
    records = [RunRecord.model_validate_json(m) for m in members[:limit]]
    more = len(members) > limit and bool(records)
    return records, Cursor.of(records[-1]) if more else None


async def find_run(redis: Redis, run_id: str) -> RunRecord:
    """A stored run by id alone, through its run index entry: two small reads."""
    entry = cast(str | None, await redis.get(keys.run_index(run_id)))
    test_id, _, score = (entry or "").partition(" ")
    if test_id and score:
        members = cast(list[str], await redis.zrangebyscore(keys.results(test_id), score, score))
        for member in members:
            record = RunRecord.model_validate_json(member)
            if record.run_id == run_id:
                return record
    raise NotFound(f"run '{run_id}' not found")


async def timing_points(
    redis: Redis,
    test_id: str,
    *,
    since: float | None = None,
    until: float | None = None,
    max_points: int = MAX_TIMING_POINTS,
) -> list[tuple[float, str, int]]:
    """`(completion unix time, run_id, duration_ms)` oldest first, both bounds inclusive, at
    most `max_points` of them (evenly thinned when the window holds more)."""
    reply = await _TIMING(
        redis,
        [keys.test(test_id), keys.timing(test_id)],
        [
            "-inf" if since is None else repr(since),
            "+inf" if until is None else repr(until),
            max(2, max_points),
        ],
    )
    if reply is None:
        raise NotFound(f"test '{test_id}' not found")
    points: list[tuple[float, str, int]] = []
    for line in cast(str, reply).split("\n") if reply else ():
        member, _, score = line.rpartition(" ")
        run_id, duration_ms = keys.parse_timing_member(member)
        points.append((float(score), run_id, duration_ms))
    return points


async def incidents_of(redis: Redis, test_id: str, *, limit: int) -> list[IncidentRecord]:
    """A test's incidents, newest first, read with the test's existence in one round trip."""
    async with redis.pipeline(transaction=False) as pipe:
        pipe.exists(keys.test(test_id))
        pipe.lrange(keys.incidents(test_id), 0, limit - 1)
        exists, members = cast(tuple[int, list[str]], await pipe.execute())
    if not exists:
        raise NotFound(f"test '{test_id}' not found")
    return [IncidentRecord.model_validate_json(m) for m in members]
