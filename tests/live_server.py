"""A real Vigil API server on a free loopback port, in a thread with its own event loop, for
tests that drive the CLI (which talks HTTP to a running server, as users run it)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn
from fastapi import FastAPI

from tests.conftest import TOKEN, free_port
from vigil.api.app import create_app
from vigil.config import Settings
from vigil.services import Services


@contextmanager
def live_server(settings: Settings, redis_url: str, *, wrap: object = None) -> Iterator[str]:
    """Serve the app for `settings` until the block ends; yields the base URL."""
    services = Services.connect(settings, redis_url)
    app: FastAPI = create_app(services, close_services=True)
    if callable(wrap):
        wrap(app)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def api(base: str) -> httpx.Client:
    return httpx.Client(base_url=base, headers={"Authorization": f"Bearer {TOKEN}"})
