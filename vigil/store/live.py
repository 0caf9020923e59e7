"""Following a test's event stream for the live view (DESIGN §2, §3, §8).

A live viewer waits in a blocking `XREAD` for as long as nothing happens, so it gets a Redis
connection of its own: parked on the shared pool, a few dozen open browser tabs would starve
every other request of connections. The connection is opened on the first read, named
`vigil-live` (so `CLIENT LIST` shows who holds it) and closed when the viewer goes away, even
when that is a cancellation in the middle of a blocking read.
"""

from __future__ import annotations

from typing import cast

import anyio
from redis.asyncio import Redis

from vigil.errors import NotFound
from vigil.models import Event
from vigil.store import keys
from vigil.store.events import read_events
from vigil.store.redis import XREAD_BLOCK_MS, blocking_client

CLIENT_NAME = "vigil-live"
# Events read per XREAD; a reconnect after a long gap catches up in batches of this size.
BATCH = 500


class EventTail:
    """Reads `events:{test_id}` after a stream id, blocking on a dedicated connection."""

    def __init__(self, shared: Redis, test_id: str) -> None:
        self.test_id = test_id
        # Not the shared client's few-second socket timeout: it would cut a quiet XREAD (§8).
        self._redis = blocking_client(shared, client_name=CLIENT_NAME)
        self.max_block_ms = XREAD_BLOCK_MS
        self._closed = False

    async def last_id(self) -> str:
        """The id of the newest entry, or `0-0` for an empty stream: reading after it yields
        exactly what is added from now on (unlike `$`, which a second read would re-resolve
        and so lose what came in between)."""
        newest = cast(
            list[tuple[str, dict[str, str]]],
            await self._redis.xrevrange(keys.events(self.test_id), count=1),
        )
        return newest[0][0] if newest else "0-0"

    async def read(self, after: str, *, block_ms: int) -> list[Event]:
        """Entries after `after`, oldest first; waits up to `block_ms` (capped at
        XREAD_BLOCK_MS, which the connection's socket timeout outlasts) when there are none
        yet."""
        block = max(1, min(block_ms, self.max_block_ms))
        return await read_events(
            self._redis, self.test_id, after=after, count=BATCH, block_ms=block
        )

    async def aclose(self) -> None:
        """Close the connection. Shielded: it runs while the viewer's task is being
        cancelled, and an interrupted close would leave the socket open."""
        if self._closed:
            return
        self._closed = True
        with anyio.CancelScope(shield=True):
            await self._redis.aclose()


async def open_tail(redis: Redis, test_id: str) -> EventTail:
    """A tail of an existing test's stream; NotFound otherwise. Opens no connection yet."""
    if not await redis.exists(keys.test(test_id)):
        raise NotFound(f"test '{test_id}' not found")
    return EventTail(redis, test_id)
