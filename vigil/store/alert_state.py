"""The alert state of a test (`keys.ALERT_STATE_FIELDS` of `test:{id}`), changed atomically.

The decision itself is pure (vigil/alerts/policy.py); this module reads the state, hands it to
a step function and writes what the step returns, under WATCH/MULTI, so two processes finishing
runs of the same test cannot both decide to send the first alert.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from redis.asyncio import Redis
from redis.exceptions import WatchError
from redis.typing import EncodableT, FieldT

from vigil.errors import Conflict
from vigil.models import AlertState
from vigil.store import keys

T = TypeVar("T")

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
    async with redis.pipeline(transaction=True) as pipe:
        for _ in range(_ATTEMPTS):
            try:
                await pipe.watch(key)
                if not await pipe.exists(key):
                    return None
                values = await pipe.hmget(key, list(keys.ALERT_STATE_FIELDS))
                state, result = step(_parse(values))
                pipe.multi()  # type: ignore[no-untyped-call]
                pipe.hset(key, mapping=_fields(state))
                await pipe.execute()
                return result
            except WatchError:
                continue
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


def _fields(state: AlertState) -> Mapping[FieldT, EncodableT]:
    return {
        keys.ALERT_FAILURES_FIELD: str(state.failures),
        keys.ALERT_ERRORS_FIELD: str(state.errors),
        keys.ALERT_FAILURE_SENT_FIELD: "1" if state.failure_alerted else "0",
        keys.ALERT_ERROR_SENT_FIELD: "1" if state.error_alerted else "0",
    }
