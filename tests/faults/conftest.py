"""Fixtures for the fault tests (issue #14): a redis-server of the test's own that can be
restarted, killed or frozen (AOF on, so a restart keeps what was acknowledged), a site whose
page can be held back, and Settings with short timeouts so each fault resolves in seconds."""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import redis

from tests.alert_receiver import Receiver
from tests.conftest import TOKEN
from tests.faults.site import SlowSite
from tests.live_server import api, live_server
from tests.scheduling.procs import RedisServer
from vigil.config import Settings, load_settings

# Short on purpose: each call gives up after ~1 s per try, a finished run retries its store
# for 3 s, a lock lives 2 s without its heartbeat, a webhook attempt waits 1 s.
FAULT_ENV: dict[str, object] = {
    "VIGIL_REDIS_TIMEOUT": 1,
    "VIGIL_REDIS_RETRIES": 2,
    "VIGIL_STORE_RETRY_WINDOW": 3,
    "VIGIL_RUN_LOCK_TTL": 2,
    "VIGIL_WEBHOOK_TIMEOUT": 1,
    "VIGIL_ALERT_DRAIN": 3,
    "VIGIL_SCHEDULER": "off",
}


def fault_settings(tmp_path: Path, redis_url: str, **extra: object) -> Settings:
    return load_settings(
        {},
        **{
            "VIGIL_DATA_DIR": str(tmp_path / "data"),
            "VIGIL_API_TOKEN": TOKEN,
            "REDIS_URL": redis_url,
            **FAULT_ENV,
            **extra,
        },
    )


@pytest.fixture(scope="module")
def own_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A redis-server for this module's tests alone; whatever a test did to it, the next test
    finds it running (see `redis_up`), and it ends stopped."""
    server = RedisServer(tmp_path_factory.mktemp("fault-redis")).start()
    yield server
    thaw(server)
    server.stop()


@pytest.fixture(autouse=True)
def redis_up(request: pytest.FixtureRequest) -> None:
    """Before each test that uses `own_redis`: it runs and is not frozen."""
    if "own_redis" not in request.fixturenames:
        return
    server: RedisServer = request.getfixturevalue("own_redis")
    thaw(server)
    if server.proc is None or server.proc.poll() is not None:
        server.start()


def thaw(server: RedisServer) -> None:
    if server.proc is not None and server.proc.poll() is None:
        server.proc.send_signal(signal.SIGCONT)


@pytest.fixture
def peek(own_redis: RedisServer) -> Iterator[redis.Redis]:
    """A plain client for the test's own assertions on what is stored."""
    client = redis.Redis.from_url(own_redis.url, decode_responses=True, socket_timeout=5)
    yield client
    client.close()


@pytest.fixture(scope="module")
def slow_site() -> Iterator[SlowSite]:
    site = SlowSite().start()
    yield site
    site.stop()


def kill(server: RedisServer) -> None:
    """SIGKILL: no shutdown, no last AOF rewrite; what was fsynced survives."""
    assert server.proc is not None
    server.proc.kill()
    server.proc.wait(timeout=10)


@contextmanager
def vigil_api(settings: Settings, redis_url: str) -> Iterator[httpx.Client]:
    """A real Vigil API (uvicorn in a thread, the real pipeline) and a client for it."""
    with live_server(settings, redis_url) as base, api(base) as client:
        yield client


@contextmanager
def receiver_in_thread(receiver: Receiver) -> Iterator[Receiver]:
    """tests/alert_receiver.py's Receiver on an event loop of its own, for a sync test."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        asyncio.run_coroutine_threadsafe(receiver.__aenter__(), loop).result(timeout=10)
        yield receiver
    finally:
        asyncio.run_coroutine_threadsafe(_close(receiver), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


async def _close(receiver: Receiver) -> None:
    """Close the receiver and end its stalled handlers (they close their sockets as they go)."""
    await receiver.__aexit__(None, None, None)
    handlers = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in handlers:
        task.cancel()
    await asyncio.gather(*handlers, return_exceptions=True)
