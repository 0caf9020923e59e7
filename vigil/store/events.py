"""The per-test event stream (`events:{test_id}`) behind the live view (DESIGN §2).

Events are the live view's, not the run's record: an event that cannot be written while Redis
is away is dropped (with a warning) rather than turning a run of a healthy site into an error,
and after such a failure the writer stays quiet for a moment instead of making every step of
the run wait out its own timeout. An event is written only while the test exists, so a run
whose test was deleted under it does not recreate `events:{id}` as a key nobody deletes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import cast

from redis.asyncio import Redis

from vigil.models import Event, EventType, iso, utc_now
from vigil.store import keys
from vigil.store.redis import UNAVAILABLE
from vigil.store.scripts import LuaScript

log = logging.getLogger(__name__)

# KEYS: test hash, stream. ARGV: MAXLEN, then per event its field count and field/value pairs.
# Each event is its own XADD (MAXLEN ~), in order, and only while the test lives.
_ADD = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local i = 2
while i <= #ARGV do
  local n = tonumber(ARGV[i])
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, i + 1, i + n))
  i = i + n + 1
end
return 1
""")

# After a failed write, later events of the run are skipped for this long.
_QUIET_AFTER_FAILURE_S = 5.0


class EventLog:
    """An EventSink that appends to `events:{test_id}`, each entry tagged with the run id so a
    live view can follow one run among many.

    Writing is behind the run, not in its way: an event is queued and a writer task sends
    everything queued so far in one script call, while the run goes on. Events that arrive
    while a write is in flight go out together in the next one, so a run whose phases follow
    each other within a round trip (a fast check) costs one or two calls instead of one per
    event, and a slow browser run still shows each event as soon as one round trip allows.
    Order is kept (one writer at a time), and `flush` waits until everything queued is written:
    the run's record is stored after its events."""

    def __init__(self, redis: Redis, test_id: str, run_id: str) -> None:
        self._redis = redis
        self._keys = [keys.test(test_id), keys.events(test_id)]
        self.run_id = run_id
        self._quiet_until = 0.0
        self._queued: list[list[str]] = []
        self._writer: asyncio.Task[None] | None = None

    async def __call__(
        self,
        type: EventType,
        message: str,
        *,
        step_number: int | None = None,
        passed: bool | None = None,
    ) -> None:
        if time.monotonic() < self._quiet_until:
            return
        fields = ["type", type, "message", message, "timestamp", iso(utc_now())]
        fields += ["run_id", self.run_id]
        if step_number is not None:
            fields += ["step_number", str(step_number)]
        if passed is not None:
            fields += ["passed", "true" if passed else "false"]
        self._queued.append(fields)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write(), name=f"events of {self.run_id}")

    async def flush(self) -> None:
        """Wait until every event queued so far is written (or dropped)."""
        while self._writer is not None and not self._writer.done():
            await asyncio.shield(self._writer)

    async def _write(self) -> None:
        while self._queued:
            batch, self._queued = self._queued, []
            if time.monotonic() < self._quiet_until:
                continue
            args: list[str | int | float] = [keys.EVENTS_MAXLEN]
            for fields in batch:
                args += [len(fields), *fields]
            try:
                await _ADD(self._redis, self._keys, args)
            except UNAVAILABLE as exc:
                self._quiet_until = time.monotonic() + _QUIET_AFTER_FAILURE_S
                log.warning(
                    "%d event(s) of run %s dropped: %s",
                    len(batch),
                    self.run_id,
                    exc.__class__.__name__,
                )
            except Exception:  # the live view's loss, never the run's: nobody awaits this task
                log.exception("%d event(s) of run %s dropped", len(batch), self.run_id)


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
