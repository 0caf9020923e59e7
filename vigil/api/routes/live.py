"""`GET /api/tests/{id}/live` (DESIGN §3): a test's events as Server-Sent Events.

Each event's `id:` is its stream id, so a browser's EventSource (or `curl -N` with a
`Last-Event-ID` header) resumes exactly after the last event it saw. Without one, the stream
starts with what happens from now on, or, when following one run (`run_id`), with that run's
events still in the stream, so opening the view mid-run shows the run from its start. The
server waits in a blocking XREAD, never polls, and writes a comment line after 15 s of
silence so that proxies keep the connection open.
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query

from vigil.api import sse
from vigil.api.deps import RedisDep, require_token
from vigil.api.errors import responses
from vigil.errors import InvalidInput
from vigil.models import Event
from vigil.store.live import EventTail, open_tail

router = APIRouter(prefix="/api/tests", tags=["live"], dependencies=[Depends(require_token)])

HEARTBEAT_S = 15.0
_STREAM_ID = re.compile(r"\d{1,20}-\d{1,20}")


async def _events(tail: EventTail, *, after: str | None, run_id: str | None) -> AsyncIterator[str]:
    try:
        cursor = after or ("0-0" if run_id else await tail.last_id())
        yield sse.opening()
        quiet_since = time.monotonic()
        while True:
            wait_s = HEARTBEAT_S - (time.monotonic() - quiet_since)
            if wait_s <= 0:
                yield sse.heartbeat()
                quiet_since = time.monotonic()
                continue
            events = await tail.read(cursor, block_ms=int(wait_s * 1000) + 1)
            frames = []
            for event in events:
                cursor = event.id or cursor
                if run_id is None or event.run_id == run_id:
                    frames.append(sse.frame(event))
            if frames:
                yield "".join(frames)
                quiet_since = time.monotonic()
    finally:
        await tail.aclose()


@router.get(
    "/{test_id}/live",
    response_class=sse.EventStreamResponse,
    responses={
        **sse.documented(
            "each event is `id: <stream id>` and `data: <Event as JSON>`; comment lines are "
            "heartbeats",
            Event.model_json_schema(),
        ),
        **responses(404, 503),
    },
)
async def live(
    test_id: str,
    redis: RedisDep,
    run_id: Annotated[
        str | None, Query(max_length=200, description="only the events of this run")
    ] = None,
    last_event_id: Annotated[
        str | None,
        Header(alias="Last-Event-ID", description="resume after this stream id"),
    ] = None,
) -> sse.EventStreamResponse:
    """Stream the test's events as they are logged, until the client goes away."""
    if last_event_id is not None and not _STREAM_ID.fullmatch(last_event_id.strip()):
        raise InvalidInput("Last-Event-ID", "must be a stream id such as 1771063200000-0")
    tail = await open_tail(redis, test_id)
    after = last_event_id.strip() if last_event_id else None
    return sse.EventStreamResponse(
        _events(tail, after=after, run_id=run_id),
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
