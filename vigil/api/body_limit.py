"""A request body size limit (VIGIL_MAX_BODY_BYTES), as pure ASGI middleware.

A declared `Content-Length` over the limit is refused before anything is read. A body sent
without one (chunked) is counted as it streams in: the first chunk that crosses the limit
stops the reading, so a client cannot make the server hold 50 MB in memory to find out. The
app's own answer to a body it could not finish reading is dropped and replaced by the 413.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _TooLarge(Exception):
    """Raised into the app from `receive` once the body crosses the limit."""


class BodyLimit:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _refusal(self) -> JSONResponse:
        detail = f"the request body is larger than the limit of {self.max_bytes} bytes"
        return JSONResponse({"detail": detail}, status_code=413)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refusal()(scope, receive, send)
            return

        received = 0
        exceeded = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    exceeded = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                return  # whatever the app answers to a body cut short, the answer is the 413
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            # The app may let _TooLarge (or what it wrapped it in) escape; only then is it ours.
            if not exceeded:
                raise
        if exceeded and not started:
            await self._refusal()(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # the server itself refuses a malformed length
    return None
