"""A one-page site on 127.0.0.1 whose answer can be held back for a while, so a fault test can
break Redis or kill Vigil while a run is in flight (the run waits for the page)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = b"<!doctype html><title>Shop</title><h1>Welcome to the shop</h1>"


class SlowSite:
    """`delay_s` holds every answer back; change it between runs. `stop()` releases all."""

    def __init__(self) -> None:
        self.delay_s = 0.0
        self.hits = 0
        self._released = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

            def do_GET(self) -> None:
                site.hits += 1
                site._released.wait(site.delay_s)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> SlowSite:
        self._thread.start()
        return self

    def wait_for_hit(self, count: int, within_s: float = 30.0) -> None:
        deadline = time.monotonic() + within_s
        while self.hits < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"the site saw {self.hits} requests, not {count}")
            time.sleep(0.05)

    def stop(self) -> None:
        self._released.set()
        self._server.shutdown()
        self._server.server_close()
