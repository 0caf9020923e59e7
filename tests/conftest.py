"""Fixtures shared by the whole suite: a real redis-server on a free port (never 6379), and
the API app in-process against it (`client`, authenticated with TOKEN), the demo site and
one shared Chromium for the session (launching it costs most of a second on two cores; each
run still gets its own fresh context)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pydantic_ai.models
import pytest
from redis.asyncio import Redis

from tests.pipeline.plans import pipeline_settings
from tests.site.server import DemoServer
from vigil.api.app import create_app
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.config import Settings, load_settings
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.pipeline import Pipeline
from vigil.planner.rule_planner import RulePlanner
from vigil.services import Services
from vigil.store.redis import connect

# No test may ever reach a real model provider: agents are driven by FunctionModel/TestModel.
pydantic_ai.models.ALLOW_MODEL_REQUESTS = False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway redis-server for the session (no persistence, loopback only)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed: run `make test`, which installs it")
    port = free_port()
    workdir: Path = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    """A decoded client on an empty database."""
    client = connect(redis_url)
    await client.flushdb()
    yield client
    await client.aclose()


TOKEN = "test-token-0123456789"


@pytest.fixture
def settings(tmp_path: Path, redis_url: str) -> Settings:
    """Settings for one test: its own data dir, a known API token, the test Redis."""
    return load_settings(
        {},
        VIGIL_DATA_DIR=str(tmp_path / "data"),
        VIGIL_API_TOKEN=TOKEN,
        REDIS_URL=redis_url,
    )


@pytest.fixture
async def services(settings: Settings, redis: Redis, redis_url: str) -> AsyncIterator[Services]:
    raw = connect(redis_url, decode=False)
    yield Services(settings, redis, raw)
    await raw.aclose()


@pytest.fixture
async def client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    """An API client authenticated with the test token, talking to the app in-process."""
    app = create_app(services)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://vigil.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as c:
        yield c


@pytest.fixture(scope="session")
def demo_site() -> Iterator[str]:
    """Base URL of the demo site (tests/site), served from a thread for the session."""
    server = DemoServer().start()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
async def browser_pool() -> AsyncIterator[BrowserPool]:
    pool = BrowserPool(pipeline_settings())
    yield pool
    await pool.aclose()


@pytest.fixture(scope="session")
def executor(browser_pool: BrowserPool) -> PlaywrightExecutor:
    return PlaywrightExecutor(pipeline_settings(), pool=browser_pool)


@pytest.fixture(scope="session")
def pipeline(browser_pool: BrowserPool) -> Pipeline:
    """The real pipeline (rule planner, Playwright, rule evaluator) on the shared browser."""
    return Pipeline(
        RulePlanner(), PlaywrightExecutor(pipeline_settings(), pool=browser_pool), RuleEvaluator()
    )
