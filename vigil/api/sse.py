"""Server-Sent Events on the wire: framing, and a response that notices a client leaving.

Starlette's StreamingResponse only watches for a disconnect on servers speaking ASGI spec
< 2.4; on newer ones it learns of it at the next write, which for a quiet live view can be a
heartbeat away. This response always listens, so a viewer that leaves frees its Redis
connection at once, and it closes the event generator itself (shielded) instead of leaving
that to the garbage collector.
"""

from __future__ import annotations

import contextlib
import inspect
from typing import Any

import anyio
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from vigil.models import Event

# How long a browser's EventSource waits before reconnecting after the stream breaks.
RETRY_MS = 2000


def opening() -> str:
    """Sent at once, so headers and a first byte reach the client (and curl) immediately."""
    return f"retry: {RETRY_MS}\n: connected\n\n"


def heartbeat() -> str:
    """A comment line: keeps proxies from closing an idle stream; clients ignore it."""
    return ": heartbeat\n\n"


def frame(event: Event) -> str:
    """One event: `id:` is its stream id, so a reconnect's `Last-Event-ID` resumes after it."""
    return f"id: {event.id}\ndata: {event.model_dump_json()}\n\n"


class EventStreamResponse(StreamingResponse):
    media_type = "text/event-stream"

    async def stream_response(self, send: Send) -> None:
        try:
            await super().stream_response(send)
        finally:
            closer = getattr(self.body_iterator, "aclose", None)
            if closer is not None:
                with anyio.CancelScope(shield=True), contextlib.suppress(RuntimeError):
                    result = closer()
                    if inspect.isawaitable(result):
                        await result

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async with anyio.create_task_group() as group:

            async def stream() -> None:
                await self.stream_response(send)
                group.cancel_scope.cancel()

            group.start_soon(stream)
            await self.listen_for_disconnect(receive)
            group.cancel_scope.cancel()


def documented(description: str, data_schema: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """The 200 of an event-stream route for OpenAPI: the schema of ONE event (its `event`,
    `id`, `retry` fields and its `data`, a JSON document described by `data_schema`), as
    clients and schemathesis read a stream event by event."""
    event = {
        "type": "object",
        "properties": {
            "event": {"type": "string"},
            "id": {"type": "string"},
            "retry": {"type": "integer"},
            "data": {
                "type": "string",
                "contentMediaType": "application/json",
                "contentSchema": data_schema,
            },
        },
    }
    return {200: {"description": description, "content": {"text/event-stream": {"schema": event}}}}
