"""A crashed server does not strand its test (issue #14): `vigil serve` SIGKILLed mid-run, and
the test runs again on another `vigil serve` as soon as the dead run's short lock has expired.

The replacement is started beside the first rather than after the kill: it plays the restarted
server (a fresh process that had no part in the dead run) without adding a second start-up,
the slowest part of the test, to the suite's time."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import redis

from tests.conftest import TOKEN
from tests.faults.conftest import FAULT_ENV
from tests.faults.site import SlowSite
from tests.scheduling.procs import Api, Proc, RedisServer
from vigil.store import keys

LOCK_TTL_S = float(str(FAULT_ENV["VIGIL_RUN_LOCK_TTL"]))


@pytest.fixture
def procs() -> Iterator[list[Proc]]:
    """Processes to kill at the end whatever happens."""
    started: list[Proc] = []
    yield started
    for proc in started:
        proc.kill()


def serve(own_redis: RedisServer, tmp_path: Path, name: str) -> Api:
    env = {k: str(v) for k, v in FAULT_ENV.items()}
    return Api(own_redis.url, tmp_path / f"{name}.log", VIGIL_DATA_DIR=str(tmp_path), **env)


def test_a_server_killed_mid_run_frees_its_test_within_the_lock_ttl(
    own_redis: RedisServer,
    peek: redis.Redis,
    slow_site: SlowSite,
    tmp_path: Path,
    procs: list[Proc],
) -> None:
    slow_site.delay_s = 60  # the run waits for the page until the server is killed
    with ThreadPoolExecutor(2) as starting:
        futures = [starting.submit(serve, own_redis, tmp_path, name) for name in ("1", "2")]
    procs += [f.result() for f in futures if f.exception() is None]  # killed at the end
    first, second = (f.result() for f in futures)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=first.base, headers=headers, timeout=60) as client:
        body = {"name": "shop", "url": slow_site.url, "goal": "check that the page says 'Welcome'"}
        created = client.post("/api/tests", json={**body, "retries": 0})
        assert created.status_code == 201, created.text
        test_id = created.json()["id"]
        hits = slow_site.hits

        def doomed() -> None:
            with contextlib.suppress(httpx.HTTPError):  # the server dies under it
                client.post(f"/api/tests/{test_id}/run")

        threading.Thread(target=doomed, daemon=True).start()
        slow_site.wait_for_hit(hits + 1)
        # Renewed by its heartbeat: the lock outlives its TTL while the run lives.
        time.sleep(LOCK_TTL_S * 1.5)
        assert peek.exists(keys.run_lock(test_id))
        busy = client.post(f"/api/tests/{test_id}/run")
        assert busy.status_code == 409
        ttl_ms = int(str(peek.pttl(keys.run_lock(test_id))))
        assert 0 < ttl_ms <= LOCK_TTL_S * 1000  # short, not the run's 300 s budget
        first.proc.kill()  # SIGKILL: no cleanup of any kind
        killed_at = time.monotonic()
    first.kill()
    slow_site.delay_s = 0
    while peek.exists(keys.run_lock(test_id)):
        assert time.monotonic() - killed_at < LOCK_TTL_S + 1, "the dead run's lock outlived its TTL"
        time.sleep(0.05)
    with httpx.Client(base_url=second.base, headers=headers, timeout=60) as client:
        again = client.post(f"/api/tests/{test_id}/run")
        assert again.status_code == 200, again.text
    assert peek.zcard(keys.results(test_id)) == 1  # the killed run stored nothing
