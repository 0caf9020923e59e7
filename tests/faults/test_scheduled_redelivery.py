"""A scheduled fire whose run cannot be stored (Redis went away mid-run and stayed away past
the store's retry window) is not dropped: pydocket runs it again under the same run id once
Redis is back, and it is stored exactly once (issue #14). A real redis-server with AOF that is
killed and started again; the embedded scheduler and a queue worker in this process, with the
stub pipeline of tests/scheduling (a run is a 2 s sleep, every start counted in Redis)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import cast

import httpx
import pytest

from tests.conftest import TOKEN
from tests.faults.conftest import kill
from tests.scheduling.conftest import scheduling_settings
from tests.scheduling.helpers import records, wait_for
from tests.scheduling.procs import RedisServer
from tests.scheduling.stub import STARTS, StubPipeline
from vigil.api.app import create_app
from vigil.scheduling.embedded import DocketScheduler
from vigil.scheduling.runner import run_queue_worker
from vigil.services import Services


async def test_an_unstored_fire_is_run_again_and_stored_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="vigil.store.persist")
    server = RedisServer(tmp_path).start()
    settings = scheduling_settings(
        tmp_path,
        server.url,
        VIGIL_TEST_FIRE_EVERY=3,
        VIGIL_STORE_RETRY_WINDOW=1,
        VIGIL_REDIS_TIMEOUT=1,
        VIGIL_REDIS_RETRIES=1,
    )
    services = Services.connect(settings, server.url)
    services._pipeline = StubPipeline(2.0, record_url=server.url)
    redis = services.redis
    stop = asyncio.Event()
    worker: asyncio.Task[None] | None = None
    try:
        services.scheduler = await DocketScheduler(services, server.url).__aenter__()
        worker = asyncio.create_task(run_queue_worker(services, stop))
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(services)),
            base_url="http://vigil.test",
            headers={"Authorization": f"Bearer {TOKEN}"},
        ) as client:
            created = await client.post(
                "/api/tests",
                json={
                    "url": "http://127.0.0.1:9/",
                    "goal": "make sure the homepage loads",
                    "schedule": "* * * * *",
                },
            )
            assert created.status_code == 201, created.text
            test_id = created.json()["id"]

        async def started() -> bool:
            return bool(await redis.hlen(STARTS))

        await wait_for(started, 30, "the first fire to start")
        [run_id] = cast(dict[str, str], await redis.hgetall(STARTS))
        kill(server)  # mid-run (the stub run takes 2 s)
        await wait_for(
            lambda: _logged(caplog, f"storing run {run_id} failed"), 30, "the store to fail"
        )
        await asyncio.sleep(1.5)  # past the 1 s window: the fire gives up this attempt
        server.start()

        async def stored() -> bool:
            try:
                return any(r["run_id"] == run_id for r in await records(redis, test_id))
            except Exception:  # reconnecting
                return False

        await wait_for(stored, 45, "the unstored fire to be run again and stored", every_s=0.3)
        assert int(await redis.hget(STARTS, run_id) or 0) >= 2  # run again, same run id
        mine = [r for r in await records(redis, test_id) if r["run_id"] == run_id]
        assert len(mine) == 1 and mine[0]["passed"] is True
    finally:
        stop.set()
        if worker is not None:
            await asyncio.wait_for(worker, 30)
        await services.aclose()
        server.stop()


async def _logged(caplog: pytest.LogCaptureFixture, text: str) -> bool:
    return any(text in r.getMessage() for r in caplog.records)
