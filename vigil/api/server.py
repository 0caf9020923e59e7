"""Running the API under uvicorn, with an embedded Redis when no REDIS_URL is given
(DESIGN §5, §7). `vigil serve` calls serve_forever."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import socket
import sys
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import uvicorn

from vigil.api.app import create_app
from vigil.auth import resolve_token
from vigil.config import Settings
from vigil.logs import configure_logging
from vigil.scheduling.factory import describe, open_scheduler
from vigil.scheduling.runner import run_queue_worker
from vigil.services import Services
from vigil.store.embedded import EmbeddedRedis


class _Server(uvicorn.Server):
    """uvicorn re-raises SIGINT/SIGTERM after serving, which would kill the process before
    the embedded Redis is stopped; Vigil installs its own handlers instead. `listening` is
    set once the socket is bound, so the URL is printed only when it can be used."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.listening = asyncio.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self.listening.set()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.handle_exit, sig, None)
        try:
            yield
        finally:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)


def dashboard_url(base: str, token: str) -> str:
    return f"{base}/?{urlencode({'token': token})}"


def _browse_host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "::", "") else host


async def serve_forever(settings: Settings, *, worker: bool = True) -> None:
    """The API, plus (unless `worker` is False, `--no-worker`) a queue worker in-process."""
    embedded: EmbeddedRedis | None = None
    redis_url = settings.secret("redis_url")
    if redis_url is None:
        embedded = EmbeddedRedis(settings.data_dir)
        redis_url = await embedded.start()
        print(f"embedded redis-server on 127.0.0.1:{embedded.port}, data in {settings.data_dir}")
    services = Services.connect(settings, redis_url)
    token = resolve_token(settings)
    # Before the in-process worker starts, so its lines are formatted and scrubbed too; the
    # embedded Redis's generated password is not in Settings: scrub it as well.
    configure_logging(settings, extra_secrets=[token, urlsplit(redis_url).password or ""])
    stop_worker = asyncio.Event()
    worker_task: asyncio.Task[None] | None = None
    try:
        services.scheduler = await open_scheduler(services, redis_url)
        worker = worker and services.scheduler.mode == "embedded"
        print(describe(services.scheduler, worker=worker, concurrency=settings.concurrency))
        if worker:
            worker_task = asyncio.create_task(run_queue_worker(services, stop_worker))
        app = create_app(services)
        # log_config=None: uvicorn's lines go through Vigil's handler (JSON, redaction).
        config = uvicorn.Config(
            app,
            host=settings.host,
            port=settings.port,
            log_level="info",
            access_log=False,
            log_config=None,
        )
        server = _Server(config)
        base = f"http://{_browse_host(settings.host)}:{settings.port}"
        serving = asyncio.create_task(server.serve())
        listening = asyncio.create_task(server.listening.wait())
        # The URL is printed once the socket listens, so whoever reads it can use it at once.
        await asyncio.wait({serving, listening}, return_when=asyncio.FIRST_COMPLETED)
        listening.cancel()
        if server.listening.is_set():
            # As Jupyter does: opening this URL logs the browser in (the token becomes a cookie).
            print(f"Vigil is running: {dashboard_url(base, token)}")
            print(f"API token: {token}   (send 'Authorization: Bearer <token>')")
            print(f"API docs: {base}/docs")
            sys.stdout.flush()
        await serving
    finally:
        if worker_task is not None:  # the API has stopped; let running checks finish
            stop_worker.set()
            await worker_task
        await services.aclose()
        if embedded is not None:
            await embedded.stop()
