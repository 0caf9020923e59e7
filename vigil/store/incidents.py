"""Incidents (`incidents:{test_id}`): one per failed or error run, newest first (DESIGN §2).

The incident of a run is found by its `run_id`, never by list position: runs of one test can
push incidents while an alert for an older one is still being delivered.
"""

from __future__ import annotations

from typing import cast

from redis.asyncio import Redis

from vigil.errors import NotFound
from vigil.models import IncidentRecord, RunRecord
from vigil.store import keys
from vigil.store.scripts import LuaScript

# Replace one exact element wherever it is now. LPOS finds its current index inside the
# script, so an LPUSH between our read and this write cannot make us overwrite a neighbour.
_REPLACE = LuaScript("""
local i = redis.call('LPOS', KEYS[1], ARGV[1])
if not i then return 0 end
redis.call('LSET', KEYS[1], i, ARGV[2])
return 1
""")

# A concurrent update of the same incident changes the element under us; retrying reads it
# again. More than a handful of collisions on one incident would mean a bug, not contention.
_ATTEMPTS = 8


def incident_for(record: RunRecord) -> IncidentRecord | None:
    """The incident a run opens: failed and error runs both do (see store_run_result)."""
    if record.passed:
        return None
    return IncidentRecord(
        run_id=record.run_id,
        test_id=record.test_id,
        error=record.error,
        details=record.details,
        started_at=record.started_at,
        alert_sent=False,
    )


async def mark_alert_sent(
    redis: Redis,
    test_id: str,
    run_id: str,
    *,
    sent: bool,
    delivery_error: str | None,
    at: str | None = None,
) -> IncidentRecord:
    """Record a delivery attempt (ended at `at`) on the run's incident: its outcome, and one
    more attempt counted. Raises NotFound if the incident is gone (trimmed away, or the test
    deleted)."""
    key = keys.incidents(test_id)
    for _ in range(_ATTEMPTS):
        members = cast(list[str], await redis.lrange(key, 0, -1))
        current = next(
            (m for m in members if IncidentRecord.model_validate_json(m).run_id == run_id), None
        )
        if current is None:
            break
        incident = IncidentRecord.model_validate_json(current)
        updated = incident.model_copy(
            update={
                "alert_sent": sent,
                "delivery_error": delivery_error,
                "delivery_attempts": incident.delivery_attempts + 1,
                "delivery_at": at,
            }
        )
        if await _REPLACE(redis, [key], [current, updated.model_dump_json()]):
            return updated
    raise NotFound(f"no incident for run '{run_id}' of test '{test_id}'")


async def list_incidents(
    redis: Redis, test_id: str, *, limit: int = keys.INCIDENTS_KEEP, offset: int = 0
) -> list[IncidentRecord]:
    """Incidents newest first."""
    members = cast(
        list[str], await redis.lrange(keys.incidents(test_id), offset, offset + limit - 1)
    )
    return [IncidentRecord.model_validate_json(m) for m in members]
