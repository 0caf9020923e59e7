"""A local stand-in for the QStash v2 schedules API (reference/integrations.md §2), so the
qstash SDK is exercised over real HTTP on loopback.

Implements: create/upsert `POST /v2/schedules/{destination}` (Upstash-Cron required,
Upstash-Schedule-Id optional; answers `{"scheduleId"}`), `GET /v2/schedules`,
`GET/DELETE /v2/schedules/{id}`, and pause/resume by PATCH (what the SDKs send) or POST (what
the REST docs say). Errors are `{"error": …}`. `fail_next` makes the next N requests answer
500, to test how Vigil reports a QStash outage.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

from croniter import croniter

_ID = re.compile(r"^[A-Za-z0-9._-]+$")


class _Handler(BaseHTTPRequestHandler):
    server: QStashServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _reply(self, status: int, body: object | None = None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        srv = self.server
        with srv.lock:
            srv.requests.append((method, self.path))
            if srv.fail_next > 0:
                srv.fail_next -= 1
                return self._reply(500, {"error": "internal server error (injected)"})
            if self.headers.get("Authorization") != f"Bearer {srv.token}":
                return self._reply(401, {"error": "unauthorized"})
            path = unquote(self.path)
            if not path.startswith("/v2/schedules"):
                return self._reply(404, {"error": "not found"})
            rest = path.removeprefix("/v2/schedules").lstrip("/")
            if method == "POST" and rest.startswith(("http://", "https://")):
                return self._create(rest, body)
            if not rest:
                if method == "GET":
                    return self._reply(200, list(srv.schedules.values()))
                return self._reply(405, {"error": "method not allowed"})
            schedule_id, _, action = rest.partition("/")
            schedule = srv.schedules.get(schedule_id)
            if schedule is None:
                return self._reply(404, {"error": f"schedule {schedule_id} not found"})
            if action in ("pause", "resume") and method in ("PATCH", "POST"):
                schedule["isPaused"] = action == "pause"
                return self._reply(200)
            if not action and method == "GET":
                return self._reply(200, schedule)
            if not action and method == "DELETE":
                del srv.schedules[schedule_id]
                return self._reply(200)
            return self._reply(405, {"error": "method not allowed"})

    def _create(self, destination: str, body: bytes) -> None:
        cron = self.headers.get("Upstash-Cron", "")
        if not cron or not croniter.is_valid(cron):
            return self._reply(400, {"error": f"invalid cron: {cron!r}"})
        schedule_id = self.headers.get("Upstash-Schedule-Id") or f"scd_{len(self.server.schedules)}"
        if not _ID.match(schedule_id):
            return self._reply(400, {"error": "invalid schedule id"})
        self.server.schedules[schedule_id] = {
            "scheduleId": schedule_id,
            "cron": cron,
            "destination": destination,
            "createdAt": int(time.time() * 1000),
            "method": self.headers.get("Upstash-Method", "POST"),
            "body": body.decode(),
            "isPaused": False,
        }
        self._reply(200, {"scheduleId": schedule_id})

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def do_DELETE(self) -> None:
        self._handle("DELETE")


class QStashServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, token: str = "qstash-test-token") -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.token = token
        self.lock = threading.Lock()
        self.schedules: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, str]] = []
        self.fail_next = 0
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> QStashServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
