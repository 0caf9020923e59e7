"""A scheduled fire whose run cannot be stored (Redis went away mid-run and stayed away past
the store's retry window) is not dropped: pydocket runs it again under the same run id once
Redis is back, and it is stored exactly once (issue #14). Real processes: a redis-server with
AOF, `vigil serve --no-worker`, and a worker with the stub pipeline (tests/scheduling)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from tests.faults.conftest import kill
from tests.scheduling.helpers import records, wait_for
from tests.scheduling.procs import Api, Proc, RedisServer, stub_worker
from tests.scheduling.stub import STARTS
from tests.scheduling.test_faults import create_tests
from vigil.store.redis import connect


@pytest.fixture
def procs() -> Iterator[list[Proc]]:
    started: list[Proc] = []
    yield started
    for proc in started:
        proc.kill()


async def test_an_unstored_fire_is_run_again_and_stored_once(
    tmp_path: Path, procs: list[Proc]
) -> None:
    server = RedisServer(tmp_path).start()
    redis = connect(server.url)
    env = {
        "VIGIL_TEST_FIRE_EVERY": "3",
        "STUB_RUN_S": "2",
        "VIGIL_STORE_RETRY_WINDOW": "1",
        "VIGIL_REDIS_TIMEOUT": "1",
        "VIGIL_REDIS_RETRIES": "1",
        "VIGIL_REDELIVERY_TIMEOUT": "3",
    }
    try:
        api = Api(server.url, tmp_path / "api.log", **env)
        procs.append(api)
        worker = stub_worker(server.url, tmp_path / "worker.log", **env)
        procs.append(worker)
        [test_id] = create_tests(api, 1)

        async def started() -> bool:
            return bool(await redis.hlen(STARTS))

        await wait_for(started, 30, "the first fire to start")
        [run_id] = cast(dict[str, str], await redis.hgetall(STARTS))
        kill(server)  # mid-run (the stub run takes 2 s)
        await asyncio.sleep(4)  # the run ends, its store retries for 1 s and gives up
        server.start()

        async def stored() -> bool:
            try:
                return any(r["run_id"] == run_id for r in await records(redis, test_id))
            except Exception:  # reconnecting
                return False

        await wait_for(stored, 45, "the unstored fire to be run again and stored", every_s=0.3)
        assert f"storing run {run_id} failed" in worker.output()  # its store really failed
        assert int(await redis.hget(STARTS, run_id) or 0) >= 2  # run again, same run id
        mine = [r for r in await records(redis, test_id) if r["run_id"] == run_id]
        assert len(mine) == 1 and mine[0]["passed"] is True
        assert worker.terminate() == 0, worker.output()
        api.terminate()
    finally:
        await redis.aclose()
        server.stop()
