"""The alert state of a test (`keys.ALERT_STATE_FIELDS` of `test:{id}`), changed atomically.

The decision itself is pure (vigil/alerts/policy.py); this module reads the state, hands it to
a step function and writes what the step returns only if the state is still the one it read (a
compare-and-set script), so two processes finishing runs of the same test cannot both decide
to send the first alert. That is two round trips, where WATCH/EXISTS/HMGET/MULTI-EXEC took four
on every run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from redis.asyncio import Redis

from vigil.errors import Conflict
from vigil.models import AlertState
from vigil.store import keys
from vigil.store.scripts import LuaScript

T = TypeVar("T")

# KEYS: test hash. ARGV: the state fields. Nothing for a deleted test, else their values.
_READ = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
return redis.call('HMGET', KEYS[1], unpack(ARGV))
""")

# KEYS: test hash. ARGV: n (number of state fields), the n fields, the n values read before
# ('' for unset), the n values to write. -1 for a deleted test, 0 if the state changed since
# it was read (nothing written), 1 when written.
_SWAP = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = tonumber(ARGV[1])
local now = redis.call('HMGET', KEYS[1], unpack(ARGV, 2, n + 1))
for i = 1, n do
  if (now[i] or '') ~= ARGV[n + 1 + i] then return 0 end
end
for i = 1, n do redis.call('HSET', KEYS[1], ARGV[1 + i], ARGV[2 * n + 1 + i]) end
return 1
""")

# An attempt fails only when another writer's update of the same hash succeeded in between, so
# n concurrent writers need at most n attempts. Runs of one test are serialised by the run
# lock; only deliveries (after the lock) add writers, so 16 is far above real contention.
_ATTEMPTS = 16


async def read_alert_state(redis: Redis, test_id: str) -> AlertState:
    return _parse(await redis.hmget(keys.test(test_id), list(keys.ALERT_STATE_FIELDS)))


async def update_alert_state(
    redis: Redis, test_id: str, step: Callable[[AlertState], tuple[AlertState, T]]
) -> T | None:
    """Replace the state by `step(state)[0]` and return `step(state)[1]`; None if the test no
    longer exists (writing would resurrect a partial hash). Raises Conflict if the state kept
    changing under us for `_ATTEMPTS` attempts."""
    key = keys.test(test_id)
    names = list(keys.ALERT_STATE_FIELDS)
    for _ in range(_ATTEMPTS):
        raw = await _READ(redis, [key], names)
        if not isinstance(raw, list):
            return None
        seen = ["" if v is None else v.decode() if isinstance(v, bytes) else str(v) for v in raw]
        state, result = step(_parse(raw))
        written = await _SWAP(redis, [key], [len(names), *names, *seen, *_fields(state)])
        if written == -1:
            return None
        if written == 1:
            return result
    raise Conflict(f"the alert state of test '{test_id}' kept changing; gave up")


def _parse(raw: Sequence[bytes | str | None]) -> AlertState:
    values = [v.decode() if isinstance(v, bytes) else v for v in raw]
    failures, errors, failure_alerted, error_alerted = values
    return AlertState(
        failures=int(failures or 0),
        errors=int(errors or 0),
        failure_alerted=failure_alerted == "1",
        error_alerted=error_alerted == "1",
    )


def _fields(state: AlertState) -> list[str]:
    """The values of keys.ALERT_STATE_FIELDS, in that order."""
    return [
        str(state.failures),
        str(state.errors),
        "1" if state.failure_alerted else "0",
        "1" if state.error_alerted else "0",
    ]
