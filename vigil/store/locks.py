"""The per-test run lock (`lock:run:{test_id}`): one run of a test at a time, across processes.

The lock expires on its own (a crashed process cannot hold it forever) and is released only by
its holder: after an expiry another run may hold it, and deleting that run's lock would let a
third run start beside it.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis

from vigil.errors import Conflict
from vigil.store import keys
from vigil.store.scripts import LuaScript

# Take the lock, or take it over from a holder with the same owner token.
_ACQUIRE = LuaScript("""
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
""")

# Release the lock only if it is still ours.
_RELEASE = LuaScript("""
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
""")


@asynccontextmanager
async def run_lock(
    redis: Redis, test_id: str, *, ttl_s: float, owner: str | None = None
) -> AsyncIterator[None]:
    """Hold the run lock of `test_id` for the block (at most `ttl_s`).

    `owner` names a run that may be attempted again elsewhere (a redelivered schedule fire):
    a holder with the same owner is taken over, so the redelivery of a run whose process died
    does not wait for the dead run's lock to expire. Raises Conflict if another run holds it."""
    key = keys.run_lock(test_id)
    token = owner or secrets.token_hex(16)
    if not await _ACQUIRE(redis, [key], [token, int(ttl_s * 1000)]):
        raise Conflict(f"a run of test '{test_id}' is already in progress")
    try:
        yield
    finally:
        await _RELEASE(redis, [key], [token])
