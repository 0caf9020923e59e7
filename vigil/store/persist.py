"""The store step of a finished run, as one unit that is retried while Redis is away.

A run's screenshots and its record (with timing, uptime, `recent`, the test hash and the
incident, written by one script in results.py) are what a run leaves behind. A dropped
connection or a Redis restart between them must neither lose the run nor store it twice, so
the whole step is attempted again, with backoff, for up to `retry_s`:
- screenshots are plain SETs with a TTL: writing them again is harmless;
- the record's script refuses a run id it has stored before. When that refusal meets a retry
  of ours, it is our own earlier attempt whose reply was lost with the connection (the stored
  record is the one we sent, same start and end); otherwise it is another attempt of the
  same run (a redelivered fire) and ours is the duplicate.
If Redis is still away when the window ends, StoreUnavailable says the run was not stored.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from redis.asyncio import Redis

from vigil.errors import AlreadyStored, StoreUnavailable
from vigil.models import Check, IncidentRecord, RunRecord
from vigil.store.incidents import incident_for
from vigil.store.redis import UNAVAILABLE
from vigil.store.results import store_run_result_seen, stored_run
from vigil.store.screenshots import store_screenshots

log = logging.getLogger(__name__)

RUN_NOT_STORED = "Redis is unavailable; the run was not stored"
# Waits between attempts of the whole step: short first (a restart takes about a second),
# then no more than this, so the last attempt comes close to the end of the window.
_FIRST_WAIT_S = 0.25
_MAX_WAIT_S = 2.0


@dataclass(frozen=True)
class StoredRun:
    record: RunRecord  # the run as stored (another attempt's, for a duplicate)
    incident: IncidentRecord | None
    duplicate: bool  # another attempt of this run id stored it first
    # The test's alert state fields as the store found them (raw, '' for unset), when this
    # attempt stored the run; None otherwise (the decision then reads them itself).
    alert_state: list[str] | None = None


async def store_run(
    redis: Redis,
    raw_redis: Redis,
    test: Check,
    record: RunRecord,
    *,
    results_keep: int,
    screenshot_ttl_s: int,
    retry_s: float,
) -> StoredRun:
    """Store `record` and its screenshots exactly once, retrying for up to `retry_s` while
    Redis is unavailable. Raises StoreUnavailable after that, NotFound if the test was
    deleted while it ran (nothing is written but screenshots, which expire)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + retry_s
    wait = _FIRST_WAIT_S
    retried = False
    while True:
        try:
            return await _store_once(
                redis,
                raw_redis,
                test,
                record,
                results_keep=results_keep,
                screenshot_ttl_s=screenshot_ttl_s,
                retried=retried,
            )
        except UNAVAILABLE as exc:
            left = deadline - loop.time()
            if left <= 0:
                raise StoreUnavailable(RUN_NOT_STORED) from exc
            log.warning(
                "storing run %s failed (%s); trying again for up to %.1f s",
                record.run_id,
                type(exc).__name__,
                left,
            )
            await asyncio.sleep(min(wait, left))
            wait = min(wait * 2, _MAX_WAIT_S)
            retried = True


async def _store_once(
    redis: Redis,
    raw_redis: Redis,
    test: Check,
    record: RunRecord,
    *,
    results_keep: int,
    screenshot_ttl_s: int,
    retried: bool,
) -> StoredRun:
    # Screenshots first: a stored record never points at a screenshot that is not there yet.
    # This also sets each step's `screenshot` flag, which the record carries.
    await store_screenshots(raw_redis, record.run_id, record.step_results, ttl_s=screenshot_ttl_s)
    try:
        reply = await store_run_result_seen(redis, test, record, results_keep=results_keep)
    except AlreadyStored:
        stored = await stored_run(redis, test.id, record.run_id)
        if stored is not None and _same_attempt(stored, record):
            # redis-py retries a command whose connection dropped, and this step retries
            # itself: either way our earlier write went through and only its reply was lost.
            return StoredRun(record, incident_for(record), duplicate=False)
        return StoredRun(stored or record, None, duplicate=True)
    if retried:
        log.info("run %s stored after Redis came back", record.run_id)
    return StoredRun(record, reply.incident, duplicate=False, alert_state=reply.alert_state)


def _same_attempt(stored: RunRecord, record: RunRecord) -> bool:
    """The stored record is this very attempt (a re-run of the same id starts and ends at
    other milliseconds)."""
    return (stored.started_at, stored.completed_at, stored.duration_ms) == (
        record.started_at,
        record.completed_at,
        record.duration_ms,
    )
