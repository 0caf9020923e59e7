"""A local stand-in for TinyFish's run-sse endpoint on 127.0.0.1, speaking the documented
format (`data: {json}\\n\\n` per event). Each test sets the reply; requests are kept."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Reply:
    """What the server answers: an HTTP status with a JSON body, or an SSE stream."""

    def __init__(
        self,
        *,
        status: int = 200,
        body: dict[str, Any] | None = None,
        events: list[dict[str, Any] | str] | None = None,
    ) -> None:
        self.status = status
        self.body = body
        self.events = events or []


class FakeTinyFish:
    def __init__(self) -> None:
        self.reply = Reply()
        self.requests: list[tuple[dict[str, str], dict[str, Any]]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                if self.path != "/v1/automation/run-sse":
                    self.send_response(404)
                    self.end_headers()
                    return
                reply = fake.reply
                if reply.body is not None:
                    data = json.dumps(reply.body).encode()
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for event in reply.events:
                    text = event if isinstance(event, str) else f"data: {json.dumps(event)}\n\n"
                    self.wfile.write(text.encode())
                    self.wfile.flush()
                # closing the connection ends the stream (whether or not COMPLETE was sent)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeTinyFish:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
