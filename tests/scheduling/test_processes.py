"""`vigil serve` and `vigil worker` as a user runs them: serve logs its scheduler mode, fires a
scheduled check through a real Chromium, lists `next_run_at`, and SIGTERM drains and exits 0;
a worker's drain is bounded, and what it cut short is redelivered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import cast

from redis.asyncio import Redis

from tests.conftest import TOKEN, free_port
from tests.scheduling.helpers import records, wait_for
from tests.scheduling.procs import ROOT, Api, Proc, stub_worker
from tests.scheduling.stub import STARTS
from vigil.store import keys

VIGIL = [sys.executable, "-m", "vigil.cli.main"]


def test_serve_fires_a_scheduled_check_and_exits_0_on_sigterm(
    tmp_path: Path, demo_site: str
) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "REDIS_"))}
    env.update(
        VIGIL_DATA_DIR=str(tmp_path / "data"),
        VIGIL_PORT=str(port),
        VIGIL_API_TOKEN=TOKEN,
        VIGIL_TEST_FIRE_EVERY="3",
        PYTHONPATH=str(ROOT),
    )
    server = Proc([*VIGIL, "serve"], env, tmp_path / "serve.log", "API token")
    try:
        assert "scheduler: embedded (pydocket queue in Redis), worker in this process" in (
            server.output()
        )

        def cli(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*VIGIL, *args], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT
            )

        made = cli("tests", "create", demo_site, "make sure the homepage loads", "--schedule",
                   "* * * * *")  # fmt: skip
        assert made.returncode == 0, made.stderr
        test_id = made.stdout.strip()
        deadline = time.monotonic() + 60
        listed: list[dict[str, object]] = []
        while time.monotonic() < deadline:
            listed = json.loads(cli("tests", "list", "--json").stdout)
            if listed[0].get("last_result"):
                break
            time.sleep(1)
        assert listed[0]["last_result"] == "passed", server.output()
        assert listed[0]["next_run_at"]
        table = cli("tests", "list").stdout
        assert test_id in table and str(listed[0]["next_run_at"])[:10] in table
        assert server.terminate() == 0, server.output()
    finally:
        server.kill()


def test_serve_logs_the_off_mode(tmp_path: Path, redis_url: str) -> None:
    api = Api(redis_url, tmp_path / "api.log", VIGIL_SCHEDULER="off")
    try:
        assert "scheduler: off" in api.output()
        assert api.terminate() == 0
    finally:
        api.kill()


async def test_sigterm_lets_a_running_check_finish(
    redis: Redis, redis_url: str, tmp_path: Path
) -> None:
    env = {"VIGIL_TEST_FIRE_EVERY": "2", "STUB_RUN_S": "3"}
    api = Api(redis_url, tmp_path / "api.log", **env)
    worker = stub_worker(redis_url, tmp_path / "w.log", **env)
    try:
        with_api_create(api)
        await wait_for(lambda: _started(redis), 30, "a fire to start")
        [run_id] = cast(dict[str, str], await redis.hgetall(STARTS))
        t0 = time.monotonic()
        assert worker.terminate() == 0, worker.output()
        assert time.monotonic() - t0 >= 1.0  # it waited for the run…
        test_id = run_id.split("-")[0]
        assert [r["run_id"] for r in await records(redis, test_id)][:1] == [run_id]  # …stored
    finally:
        worker.kill()
        api.kill()


async def test_a_drain_is_bounded_and_what_it_cut_short_is_redelivered(
    redis: Redis, redis_url: str, tmp_path: Path
) -> None:
    env = {
        "VIGIL_TEST_FIRE_EVERY": "3600",  # one fire in this test, no next one
        "VIGIL_DRAIN_TIMEOUT": "1",
        "VIGIL_REDELIVERY_TIMEOUT": "2",
        "STUB_RUN_S": "30",
    }
    api = Api(redis_url, tmp_path / "api.log", **env)
    first = stub_worker(redis_url, tmp_path / "w1.log", **env)
    second: Proc | None = None
    try:
        test_id = with_api_create(api)
        # Fire it now rather than at the next hour: what a due fire looks like.
        await redis.zadd(f"{keys.QUEUE_NAME}:queue", {keys.schedule_task(test_id): time.time()})
        await wait_for(lambda: _started(redis), 30, "the fire to start")
        t0 = time.monotonic()
        assert first.terminate() == 0, first.output()
        assert time.monotonic() - t0 < 15  # bounded by VIGIL_DRAIN_TIMEOUT, not the 30 s run
        assert await records(redis, test_id) == []
        env["STUB_RUN_S"] = "0"
        second = stub_worker(redis_url, tmp_path / "w2.log", **env)

        async def stored() -> bool:
            return bool(await records(redis, test_id))

        await wait_for(stored, 30, "the cut-short fire to be redelivered and stored")
        [(run_id, count)] = cast(dict[str, str], await redis.hgetall(STARTS)).items()
        assert count == "2" and len(await records(redis, test_id)) == 1
        assert run_id.startswith(test_id)
    finally:
        first.kill()
        if second is not None:
            second.kill()
        api.kill()


def with_api_create(api: Api) -> str:
    import httpx

    body = {"url": "http://127.0.0.1:9/", "goal": "the site is up", "schedule": "* * * * *"}
    response = httpx.post(
        f"{api.base}/api/tests",
        json={**body, "retries": 0},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def _started(redis: Redis) -> bool:
    return bool(await redis.hlen(STARTS))
