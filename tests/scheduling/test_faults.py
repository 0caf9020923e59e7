"""Faults with real processes and a real Redis (issue #9): two workers and an API replica run
every fire exactly once; a worker SIGKILLed mid-run has its fire redelivered and stored once;
a Redis restart (AOF) loses no acknowledged run and keeps every schedule."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import httpx
import pytest
from redis.asyncio import Redis

from tests.conftest import TOKEN
from tests.scheduling.helpers import pending_count, records, wait_for
from tests.scheduling.procs import Api, Proc, RedisServer, stub_worker
from tests.scheduling.stub import STARTED_AT, STARTED_BY, STARTS
from vigil.store import keys
from vigil.store.redis import connect

NEW = {
    "url": "http://127.0.0.1:9/",
    "goal": "make sure the homepage loads",
    "schedule": "* * * * *",
    "retries": 0,
    "timeout_s": 30,
}


def create_tests(api: Api, n: int) -> list[str]:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    ids = []
    with httpx.Client(base_url=api.base, headers=headers, timeout=30) as client:
        for i in range(n):
            response = client.post("/api/tests", json={**NEW, "name": f"t{i}"})
            assert response.status_code == 201, response.text
            ids.append(response.json()["id"])
    return ids


async def fewest_runs(redis: Redis, ids: list[str]) -> int:
    return min([int(await redis.zcard(keys.results(i))) for i in ids])


def fire_times(test_id: str, run_ids: list[str]) -> list[datetime]:
    out = []
    for run_id in run_ids:
        stamp = run_id.removeprefix(f"{test_id}-")
        out.append(datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC))
    return sorted(out)


@pytest.fixture
def procs() -> Iterator[list[Proc]]:
    """Processes to kill at the end whatever happens."""
    started: list[Proc] = []
    yield started
    for proc in started:
        proc.kill()


async def test_two_workers_run_every_fire_exactly_once(
    redis: Redis, redis_url: str, tmp_path: Path, procs: list[Proc]
) -> None:
    every = 2
    env = {
        "VIGIL_TEST_FIRE_EVERY": str(every),
        "VIGIL_CONCURRENCY": "4",
        "STUB_RUN_S": "0.3",
        "VIGIL_RECONCILE_INTERVAL": "5",
    }
    api = Api(redis_url, tmp_path / "api.log", **env)
    procs.append(api)
    workers = [stub_worker(redis_url, tmp_path / f"w{i}.log", **env) for i in range(2)]
    procs.extend(workers)
    ids = create_tests(api, 20)

    async def cycles_done() -> bool:
        return await fewest_runs(redis, ids) >= 4

    await wait_for(cycles_done, 60, "four fires of each of the 20 tests", every_s=0.5)
    for w in workers:
        assert w.terminate() == 0, w.output()
    starts = cast(dict[str, str], await redis.hgetall(STARTS))
    by = cast(dict[str, str], await redis.hgetall(STARTED_BY))
    started_at = cast(dict[str, str], await redis.hgetall(STARTED_AT))
    coalesced = 0
    assert {str(w.pid) for w in workers} <= set(by.values()), "both workers ran fires"
    for test_id in ids:
        run_ids = [str(r["run_id"]) for r in await records(redis, test_id)]
        assert len(run_ids) == len(set(run_ids))
        fires = fire_times(test_id, run_ids)
        assert len(fires) >= 4
        for a, b in itertools.pairwise(fires):
            # No tick skipped, unless it came due before the previous fire even started (the
            # workers were a whole interval behind: those ticks coalesce into that run).
            if (b - a).total_seconds() != every:
                run_id = f"{test_id}-{a.strftime('%Y%m%dT%H%M%SZ')}"
                late = float(started_at[run_id]) - a.timestamp()
                assert late >= every - 0.05, (test_id, a, b, late)
                coalesced += 1
        assert all(starts[r] == "1" for r in run_ids), "a fire's check ran more than once"
    assert coalesced <= len(ids), "workers fell behind more than once per test"
    # Every test still has its one pending fire after the workers drained and left.
    assert await pending_count(redis, ids) == len(ids)
    api.terminate()


async def test_a_worker_killed_mid_run_has_its_fire_redelivered_and_stored_once(
    redis: Redis, redis_url: str, tmp_path: Path, procs: list[Proc]
) -> None:
    env = {
        "VIGIL_TEST_FIRE_EVERY": "5",
        "VIGIL_REDELIVERY_TIMEOUT": "2",
        "STUB_RUN_S": "3",
    }
    api = Api(redis_url, tmp_path / "api.log", **env)
    procs.append(api)
    workers = {}
    for i in range(2):
        w = stub_worker(redis_url, tmp_path / f"w{i}.log", **env)
        procs.append(w)
        workers[str(w.pid)] = w
    [test_id] = create_tests(api, 1)

    async def started() -> bool:
        return bool(await redis.hlen(STARTS))

    await wait_for(started, 20, "the first fire to start")
    [(run_id, pid)] = cast(dict[str, str], await redis.hgetall(STARTED_BY)).items()
    workers[pid].kill()  # SIGKILL, mid-run (the stub run takes 3 s)
    [survivor] = [w for p, w in workers.items() if p != pid]

    async def stored() -> bool:
        return any(r["run_id"] == run_id for r in await records(redis, test_id))

    await wait_for(stored, 30, "the redelivered fire to be stored")
    assert await redis.hget(STARTS, run_id) == "2"  # started twice: killed, then redelivered
    assert await redis.hget(STARTED_BY, run_id) == str(survivor.pid)
    mine = [r for r in await records(redis, test_id) if r["run_id"] == run_id]
    assert len(mine) == 1 and mine[0]["passed"] is True
    assert survivor.terminate() == 0
    api.terminate()


async def test_workers_resume_after_a_redis_restart_without_losing_runs(
    tmp_path: Path, procs: list[Proc]
) -> None:
    server = RedisServer(tmp_path).start()
    redis = connect(server.url)
    try:
        env = {
            "VIGIL_TEST_FIRE_EVERY": "2",
            "STUB_RUN_S": "0.2",
            "VIGIL_RECONCILE_INTERVAL": "2",
            # A fire cut by the outage is redelivered after this (its ack could not be sent).
            "VIGIL_REDELIVERY_TIMEOUT": "3",
        }
        api = Api(server.url, tmp_path / "api.log", **env)
        procs.append(api)
        workers = [stub_worker(server.url, tmp_path / f"w{i}.log", **env) for i in range(2)]
        procs.extend(workers)
        ids = create_tests(api, 5)

        async def runs_at_least(n: int) -> bool:
            try:
                return await fewest_runs(redis, ids) >= n
            except Exception:  # Redis is down for a moment
                return False

        await wait_for(lambda: runs_at_least(2), 30, "two fires of each test", every_s=0.5)
        before = {i: {str(r["run_id"]) for r in await records(redis, i)} for i in ids}
        server.stop()
        await asyncio.sleep(3)  # fires come due while Redis is away
        server.start()
        counts = {i: len(v) for i, v in before.items()}

        async def resumed() -> bool:
            try:
                for i in ids:
                    if int(await redis.zcard(keys.results(i))) < counts[i] + 3:
                        return False
                return True
            except Exception:
                return False

        await wait_for(resumed, 60, "workers to run fires again after the restart", every_s=0.5)
        for test_id in ids:
            after = {str(r["run_id"]) for r in await records(redis, test_id)}
            assert before[test_id] <= after, "a run stored before the restart was lost"
            assert len(after) == len(await records(redis, test_id))
        for w in workers:
            assert w.terminate() == 0, w.output()
        assert await pending_count(redis, ids) == len(ids)  # schedules intact
        api.terminate()
    finally:
        await redis.aclose()
        server.stop()
