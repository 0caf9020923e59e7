"""The per-test run lock (`lock:run:{test_id}`): one run of a test at a time, across processes.

The lock is short (VIGIL_RUN_LOCK_TTL, 30 s) and renewed by a heartbeat while its run lives,
so a crashed process frees its test within one TTL however long the check's own timeout is
(a lock sized to the whole run would strand the test for minutes, hours for long checks). It
is released, and renewed, only by its holder (token compare in Lua): after an expiry another
run may hold it, and deleting or extending that run's lock would let a third run start beside
it.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis

from vigil.errors import AlreadyStored, Conflict
from vigil.store import keys
from vigil.store.redis import UNAVAILABLE
from vigil.store.scripts import LuaScript

log = logging.getLogger(__name__)

# Take the lock (SET NX PX), or take it over from a holder with the same owner token. With a
# second key (a run marker), refuse first if that run was stored: the idempotency check and the
# lock are one round trip, and no store of the run can slip in between them.
_ACQUIRE = LuaScript("""
if KEYS[2] and redis.call('EXISTS', KEYS[2]) == 1 then return 2 end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
""")

# Extend the lock if it is still ours; take it back if it expired and nobody took it (a
# stalled process or a Redis blip missed a beat); 0 if another run holds it now.
_RENEW = LuaScript("""
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
""")

# Release the lock only if it is still ours.
_RELEASE = LuaScript("""
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
""")

# Renewals per TTL: two can fail (a Redis blip) before the lock runs out.
_BEATS_PER_TTL = 3


@asynccontextmanager
async def run_lock(
    redis: Redis,
    test_id: str,
    *,
    ttl_s: float,
    owner: str | None = None,
    unless_stored: str | None = None,
) -> AsyncIterator[None]:
    """Hold the run lock of `test_id` for the block, renewing it every `ttl_s / 3`.

    `owner` names a run that may be attempted again elsewhere (a redelivered schedule fire):
    a holder with the same owner is taken over, so the redelivery of a run whose process died
    does not wait for the dead run's lock to expire. Raises Conflict if another run holds it.
    With `unless_stored` (the run id of an idempotent run), raises AlreadyStored instead of
    taking the lock when that run of the test was stored already."""
    key = keys.run_lock(test_id)
    token = owner or secrets.token_hex(16)
    ttl_ms = max(1, int(ttl_s * 1000))
    lock_keys = [key] if unless_stored is None else [key, keys.run_marker(test_id, unless_stored)]
    taken = await _ACQUIRE(redis, lock_keys, [token, ttl_ms])
    if taken == 2 and unless_stored is not None:
        raise AlreadyStored(unless_stored)
    if not taken:
        raise Conflict(f"a run of test '{test_id}' is already in progress")
    stop = asyncio.Event()
    heartbeat = asyncio.create_task(_heartbeat(redis, key, token, ttl_ms, stop))
    try:
        yield
    finally:
        # Both: a cancel that meets a socket timeout can surface as that timeout instead
        # (and be taken for a Redis blip); the event ends the loop either way.
        stop.set()
        heartbeat.cancel()
        await asyncio.wait({heartbeat})
        if not heartbeat.cancelled() and heartbeat.exception() is not None:
            log.error(
                "the run lock heartbeat of test %s failed", test_id, exc_info=heartbeat.exception()
            )
        try:
            await _RELEASE(redis, [key], [token])
        except UNAVAILABLE:  # it expires within one TTL on its own
            log.warning("could not release the run lock of test %s (Redis unavailable)", test_id)


async def _heartbeat(redis: Redis, key: str, token: str, ttl_ms: int, stop: asyncio.Event) -> None:
    """Keep the lock alive until `stop`. A failed renewal is retried at the next beat; a lock
    another run took after it expired is reported and left to that run."""
    every_s = ttl_ms / 1000 / _BEATS_PER_TTL
    while True:
        try:
            async with asyncio.timeout(every_s):
                await stop.wait()
            return
        except TimeoutError:
            pass  # time for a beat
        try:
            if not await _RENEW(redis, [key], [token, ttl_ms]):
                log.warning("run lock %s expired and another run holds it now", key)
                return
        except UNAVAILABLE:
            log.warning("could not renew run lock %s (Redis unavailable)", key)
