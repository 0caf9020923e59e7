"""Storing a finished run and reading run history (DESIGN §2 "Writes").

A run touches nine keys (its /metrics counters too). They are written by one Lua script, so a
reader never sees a run in `results` without its timing point, uptime count or incident, and
so a crash cannot leave half a run behind. The script also refuses a run id it has already
stored (a redelivered schedule fire or QStash message) and a test deleted while its run was in
flight, which a plain MULTI/EXEC could not decide without a second round trip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from redis.asyncio import Redis

from vigil.errors import AlreadyStored, NotFound
from vigil.models import Check, IncidentRecord, LastResult, RecentRun, RunRecord
from vigil.store import keys
from vigil.store.incidents import incident_for
from vigil.store.metrics import run_counts
from vigil.store.screenshots import prune_screenshots
from vigil.store.scripts import LuaScript

# KEYS: test, results, timing, recent, uptime day, incidents, run marker, run index, metrics
# ARGV: see _argv(); ARGV[20..30] count the run for /metrics (metrics.run_counts, applied when
# ARGV[20] is '1'); ARGV[31..34] name the alert state fields, read back before the write (the
# alert decision that follows starts from them); the tail from ARGV[35] on is the field/value
# list for the test hash.
# Uptime field names are keys.UPTIME_TOTAL / _PASSED / _ERRORS and their `HH:` twins.
_STORE = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 0 then return {'gone'} end
if redis.call('EXISTS', KEYS[7]) == 1 then return {'duplicate'} end
local keep = tonumber(ARGV[6])
local prev = redis.call('HMGET', KEYS[1], ARGV[15], ARGV[16], unpack(ARGV, 31, 34))
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
local excess = redis.call('ZCARD', KEYS[2]) - keep
if excess > 0 then
  local owner = ARGV[19] .. ' '
  for _, old in ipairs(redis.call('ZRANGE', KEYS[2], 0, excess - 1)) do
    local ok, rec = pcall(cjson.decode, old)
    if ok and type(rec) == 'table' and type(rec['run_id']) == 'string' then
      local index = ARGV[18] .. rec['run_id']
      local value = redis.call('GET', index)
      if value and string.sub(value, 1, #owner) == owner then redis.call('DEL', index) end
    end
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
end
redis.call('ZADD', KEYS[3], ARGV[1], ARGV[3])
redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(keep + 1))
redis.call('HSET', KEYS[1], unpack(ARGV, 35))
redis.call('LPUSH', KEYS[4], ARGV[4])
redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[5]) - 1)
if ARGV[7] == '1' then
  redis.call('HINCRBY', KEYS[5], 'total', 1)
  redis.call('HINCRBY', KEYS[5], ARGV[9], 1)
  if ARGV[8] == '1' then
    redis.call('HINCRBY', KEYS[5], 'passed', 1)
    redis.call('HINCRBY', KEYS[5], ARGV[10], 1)
  end
else
  redis.call('HINCRBY', KEYS[5], 'errors', 1)
  redis.call('HINCRBY', KEYS[5], ARGV[17], 1)
end
redis.call('EXPIRE', KEYS[5], ARGV[11])
if ARGV[12] ~= '' then
  redis.call('LPUSH', KEYS[6], ARGV[12])
  redis.call('LTRIM', KEYS[6], 0, tonumber(ARGV[13]) - 1)
end
redis.call('SET', KEYS[7], ARGV[1], 'EX', ARGV[14])
redis.call('SET', KEYS[8], ARGV[19] .. ' ' .. ARGV[1])
if ARGV[20] == '1' then
  for i = 21, 27, 2 do redis.call('HINCRBY', KEYS[9], ARGV[i], ARGV[i + 1]) end
  redis.call('HSET', KEYS[9], ARGV[29], ARGV[30])
end
return {'stored', prev[1] or '', prev[2] or '', prev[3] or '', prev[4] or '', prev[5] or '',
  prev[6] or ''}
""")


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def run_score(record: RunRecord) -> float:
    """A run's score in `results:`/`timing:` is its completion time, taken from the record's
    own `completed_at` so that a record's timestamp is also its pagination cursor."""
    return parse_iso(record.completed_at).timestamp()


def last_result_of(record: RunRecord) -> LastResult:
    if record.outcome == "error":
        return "error"
    return "passed" if record.passed else "failed"


def _argv(
    test: Check, record: RunRecord, incident_json: str, *, results_keep: int, count: bool
) -> list[str | int | float]:
    hour = parse_iso(record.completed_at).hour
    recent = RecentRun(
        run_id=record.run_id,
        test_id=record.test_id,
        name=test.name,
        passed=record.passed,
        outcome=record.outcome,
        duration_ms=record.duration_ms,
        completed_at=record.completed_at,
    )
    # Screenshots of a passed run are kept only while it is the test's latest run.
    keeps_shots = record.passed and any(s.screenshot for s in record.step_results)
    shots_steps = max((s.step_number for s in record.step_results), default=0)
    return [
        run_score(record),  # 1
        record.model_dump_json(),  # 2
        keys.timing_member(record.run_id, record.duration_ms),  # 3
        recent.model_dump_json(),  # 4
        keys.RECENT_KEEP,  # 5
        results_keep,  # 6
        # Vigil's own errors say nothing about the site, so they stay out of its uptime
        # (`total`/`passed`) and are counted apart (`errors`).
        "0" if record.outcome == "error" else "1",  # 7
        "1" if record.passed else "0",  # 8
        keys.uptime_field(keys.UPTIME_TOTAL, hour),  # 9
        keys.uptime_field(keys.UPTIME_PASSED, hour),  # 10
        keys.UPTIME_TTL_S,  # 11
        incident_json,  # 12
        keys.INCIDENTS_KEEP,  # 13
        keys.RUN_MARKER_TTL_S,  # 14
        keys.SHOTS_RUN_FIELD,  # 15
        keys.SHOTS_STEPS_FIELD,  # 16
        keys.uptime_field(keys.UPTIME_ERRORS, hour),  # 17
        keys.RUN_INDEX_PREFIX,  # 18
        record.test_id,  # 19
        "1" if count else "0",  # 20
        *run_counts(record),  # 21-30
        *keys.ALERT_STATE_FIELDS,  # 31-34
        "last_result",
        last_result_of(record),
        "last_run_at",
        record.completed_at,
        keys.SHOTS_RUN_FIELD,
        record.run_id if keeps_shots else "",
        keys.SHOTS_STEPS_FIELD,
        shots_steps if keeps_shots else 0,
    ]


def _script_call(
    test: Check, record: RunRecord, *, results_keep: int, count: bool
) -> tuple[list[str], list[str | int | float]]:
    incident = incident_for(record)
    test_id = record.test_id
    script_keys = [
        keys.test(test_id),
        keys.results(test_id),
        keys.timing(test_id),
        keys.RECENT,
        keys.uptime(test_id, parse_iso(record.completed_at).date()),
        keys.incidents(test_id),
        keys.run_marker(test_id, record.run_id),
        keys.run_index(record.run_id),
        keys.metrics(test_id),
    ]
    incident_json = incident.model_dump_json() if incident else ""
    argv = _argv(test, record, incident_json, results_keep=results_keep, count=count)
    return script_keys, argv


async def store_run_result(
    redis: Redis, test: Check, record: RunRecord, *, results_keep: int
) -> IncidentRecord | None:
    """Store a finished run in one atomic script, counted for /metrics in the same call;
    returns the incident it opened, if any.

    Failed and error runs both open an incident: either way the check did not confirm the
    site works, and the incident is where the alert's delivery is recorded.

    Raises AlreadyStored for a run id stored before (the caller returns the stored run) and
    NotFound when the test was deleted while the run was in flight (nothing is written).
    """
    return (await store_run_result_seen(redis, test, record, results_keep=results_keep)).incident


@dataclass(frozen=True)
class StoreReply:
    incident: IncidentRecord | None
    # The raw values of keys.ALERT_STATE_FIELDS as the script found them ('' for unset): the
    # alert decision after the run starts from them (alert_state.known_alert_state).
    alert_state: list[str]


async def store_run_result_seen(
    redis: Redis, test: Check, record: RunRecord, *, results_keep: int
) -> StoreReply:
    """store_run_result, also answering the test's alert state as the script read it."""
    test_id = record.test_id
    reply = await _STORE(redis, *_script_call(test, record, results_keep=results_keep, count=True))
    assert isinstance(reply, list)
    status = reply[0]
    if status == "gone":
        raise NotFound(f"test '{test_id}' was deleted while it ran")
    if status == "duplicate":
        raise AlreadyStored(record.run_id)
    previous_run, previous_steps = reply[1], reply[2]
    if previous_run and previous_run != record.run_id:
        await prune_screenshots(redis, previous_run, int(previous_steps or 0))
    return StoreReply(incident_for(record), [str(v) for v in reply[3:7]])


async def store_run_results(
    redis: Redis, test: Check, records: Sequence[RunRecord], *, results_keep: int
) -> int:
    """Store many finished runs of one test, oldest first, through the same script as
    store_run_result but pipelined: one round trip for the lot instead of one per run.

    For imports and seeding (the benchmark stores 43,200 runs this way), not for live runs:
    it leaves screenshots and /metrics alone and does not alert. Each run is still atomic on
    its own.
    Returns how many were stored; duplicates are skipped, and a deleted test raises NotFound.
    """
    await _STORE.load(redis)
    async with redis.pipeline(transaction=False) as pipe:
        for record in records:
            _STORE.queue(pipe, *_script_call(test, record, results_keep=results_keep, count=False))
        replies = cast(list[list[str]], await pipe.execute())
    if any(reply[0] == "gone" for reply in replies):
        raise NotFound(f"test '{test.id}' was deleted while its runs were stored")
    return sum(1 for reply in replies if reply[0] == "stored")


# --- reading ------------------------------------------------------------------------------


async def list_results(
    redis: Redis, test_id: str, *, limit: int = 50, before: float | None = None
) -> list[RunRecord]:
    """Runs newest first. `before` is a cursor: the `run_score` (completion unix time) of the
    last run of the previous page; runs completed strictly earlier are returned."""
    top: float | str = "+inf" if before is None else f"({before!r}"
    members = cast(
        list[str],
        await redis.zrevrangebyscore(keys.results(test_id), top, "-inf", start=0, num=limit),
    )
    return [RunRecord.model_validate_json(m) for m in members]


async def stored_run(redis: Redis, test_id: str, run_id: str) -> RunRecord | None:
    """The stored run with this id, found through its marker while that lives (redelivery
    window), else None."""
    score = cast(str | None, await redis.get(keys.run_marker(test_id, run_id)))
    if score is None:
        return None
    members = cast(list[str], await redis.zrangebyscore(keys.results(test_id), score, score))
    for member in members:
        record = RunRecord.model_validate_json(member)
        if record.run_id == run_id:
            return record
    return None


async def list_timing(
    redis: Redis, test_id: str, *, since: float | None = None, until: float | None = None
) -> list[tuple[float, str, int]]:
    """`(completion unix time, run_id, duration_ms)` oldest first, for a response-time chart."""
    rows = cast(
        list[tuple[str, float]],
        await redis.zrangebyscore(
            keys.timing(test_id),
            "-inf" if since is None else since,
            "+inf" if until is None else until,
            withscores=True,
        ),
    )
    points: list[tuple[float, str, int]] = []
    for member, score in rows:
        run_id, duration_ms = keys.parse_timing_member(member)
        points.append((score, run_id, duration_ms))
    return points
