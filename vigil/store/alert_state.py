"""The alert state of a test (`keys.ALERT_STATE_FIELDS` of `test:{id}`), changed atomically.

The decision itself is pure (vigil/alerts/policy.py); this module reads the state, hands it to
a step function and writes what the step returns only if the state is still the one it read (a
compare-and-set script), so two processes finishing runs of the same test cannot both decide
to send the first alert. That is two round trips, where WATCH/EXISTS/HMGET/MULTI-EXEC took four
on every run; and one right after a run is stored, whose store script read the state already
(`known_alert_state`): the compare-and-set checks that reading like any other, so a state that
changed since costs one more attempt, never a wrong decision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
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

# (test id, raw state fields) a caller has just read: the first attempt starts from them.
_KNOWN: ContextVar[tuple[str, list[str]] | None] = ContextVar("known_alert_state", default=None)

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
    known = _KNOWN.get()
    for _ in range(_ATTEMPTS):
        if known is not None and known[0] == test_id:
            seen, known = known[1], None
        else:
            raw = await _READ(redis, [key], names)
            if not isinstance(raw, list):
                return None
            seen = [_text(v) for v in raw]
        state, result = step(_parse(seen))
        written = await _SWAP(redis, [key], [len(names), *names, *seen, *_fields(state)])
        if written == -1:
            return None
        if written == 1:
            return result
    raise Conflict(f"the alert state of test '{test_id}' kept changing; gave up")


@contextmanager
def known_alert_state(test_id: str, raw: Sequence[str] | None) -> Iterator[None]:
    """Within the block, the next update_alert_state of `test_id` starts from `raw` (the values
    of keys.ALERT_STATE_FIELDS just read, '' for unset) instead of reading them again."""
    token = _KNOWN.set(None if raw is None else (test_id, list(raw)))
    try:
        yield
    finally:
        _KNOWN.reset(token)


def _text(value: object) -> str:
    if value is None:
        return ""
    return value.decode() if isinstance(value, bytes) else str(value)


def _parse(raw: Sequence[bytes | str | None]) -> AlertState:
    values = [_text(v) for v in raw]
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
