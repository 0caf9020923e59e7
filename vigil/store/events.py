"""The per-test event stream (`events:{test_id}`) behind the live view (DESIGN §2)."""

from __future__ import annotations

from typing import cast

from redis.asyncio import Redis

from vigil.models import Event, EventType, iso, utc_now
from vigil.store import keys


class EventLog:
    """An EventSink that appends to `events:{test_id}`, one XADD per event, each tagged with
    the run id so a live view can follow one run among many."""

    def __init__(self, redis: Redis, test_id: str, run_id: str) -> None:
        self._redis = redis
        self._key = keys.events(test_id)
        self.run_id = run_id

    async def __call__(
        self,
        type: EventType,
        message: str,
        *,
        step_number: int | None = None,
        passed: bool | None = None,
    ) -> None:
        fields: dict[str, str] = {
            "type": type,
            "message": message,
            "timestamp": iso(utc_now()),
            "run_id": self.run_id,
        }
        if step_number is not None:
            fields["step_number"] = str(step_number)
        if passed is not None:
            fields["passed"] = "true" if passed else "false"
        await self._redis.xadd(
            self._key,
            fields,  # type: ignore[arg-type]
            maxlen=keys.EVENTS_MAXLEN,
            approximate=True,
        )


def _event(entry_id: str, fields: dict[str, str]) -> Event:
    step = fields.get("step_number")
    passed = fields.get("passed")
    return Event(
        id=entry_id,
        type=fields["type"],  # type: ignore[arg-type]
        message=fields.get("message", ""),
        timestamp=fields.get("timestamp", ""),
        run_id=fields.get("run_id", ""),
        step_number=int(step) if step else None,
        passed=None if passed is None else passed == "true",
    )


async def read_events(
    redis: Redis,
    test_id: str,
    *,
    after: str = "0-0",
    count: int = 1000,
    block_ms: int | None = None,
) -> list[Event]:
    """Events after stream id `after`, oldest first; blocks up to `block_ms` for new ones."""
    reply = cast(
        list[tuple[str, list[tuple[str, dict[str, str]]]]],
        await redis.xread({keys.events(test_id): after}, count=count, block=block_ms),
    )
    return [_event(eid, fields) for _stream, entries in reply for eid, fields in entries]
