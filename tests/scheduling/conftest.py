"""Fixtures for scheduling: Services with the embedded (pydocket) scheduler on the test Redis,
a stub pipeline (no browser), and an in-process queue worker to start when a test wants one.
Fires come every FIRE_EVERY_S seconds (the test-only interval) instead of every minute."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from tests.conftest import TOKEN
from tests.scheduling.stub import StubPipeline
from vigil.api.app import create_app
from vigil.config import Settings, load_settings
from vigil.scheduling.embedded import DocketScheduler
from vigil.scheduling.runner import run_queue_worker
from vigil.services import Services
from vigil.store.redis import connect

FIRE_EVERY_S = 1.0


def scheduling_settings(tmp_path: Path, redis_url: str, **extra: object) -> Settings:
    values: dict[str, object] = {
        "VIGIL_DATA_DIR": str(tmp_path / "data"),
        "VIGIL_API_TOKEN": TOKEN,
        "REDIS_URL": redis_url,
        "VIGIL_TEST_FIRE_EVERY": FIRE_EVERY_S,
        "VIGIL_RECONCILE_INTERVAL": 1,
        "VIGIL_REDELIVERY_TIMEOUT": 2,
        "VIGIL_DRAIN_TIMEOUT": 5,
        "VIGIL_CONCURRENCY": 4,
    }
    values.update(extra)
    return load_settings({}, **values)


@pytest.fixture
async def sched(tmp_path: Path, redis: Redis, redis_url: str) -> AsyncIterator[Services]:
    """Services whose scheduler is the embedded one (no worker running yet)."""
    settings = scheduling_settings(tmp_path, redis_url)
    raw = connect(redis_url, decode=False)
    services = Services(settings, redis, raw, pipeline=StubPipeline(record_url=redis_url))
    scheduler = await DocketScheduler(services, redis_url).__aenter__()
    services.scheduler = scheduler
    yield services
    await scheduler.aclose()
    await services.pipeline.aclose()
    await raw.aclose()


@pytest.fixture
async def sched_client(sched: Services) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(sched))
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://vigil.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as client:
        yield client


WorkerFactory = Callable[[], AbstractAsyncContextManager[None]]


@pytest.fixture
def worker(sched: Services) -> WorkerFactory:
    """`async with worker():` runs an in-process queue worker for the block."""

    @asynccontextmanager
    async def running() -> AsyncIterator[None]:
        stop = asyncio.Event()
        task = asyncio.create_task(run_queue_worker(sched, stop))
        try:
            yield
        finally:
            stop.set()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 30)

    return running
