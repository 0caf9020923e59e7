"""Redis restarted, killed and frozen under a real Vigil API (uvicorn in a thread, the real
pipeline with Chromium, a redis-server of the module's own): no run is lost or stored twice,
and an outage is a quick JSON 503, never a plain 500 or a hang; a webhook receiver that hangs
neither holds run-now nor goes unrecorded (issue #14).

One server serves the module (a Chromium launch per test would cost more than the faults);
each test makes its own check and puts Redis back up before the next (conftest `redis_up`).
"""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from collections.abc import Iterator
from typing import cast

import httpx
import pytest
import redis

from tests.alert_receiver import Receiver
from tests.faults.conftest import fault_settings, kill, receiver_in_thread, vigil_api
from tests.faults.site import SlowSite
from tests.scheduling.procs import RedisServer
from vigil.store import keys

GOAL = "check that the page says 'Welcome'"
NOT_STORED = {"detail": "Redis is unavailable; the run was not stored"}


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, own_redis: RedisServer
) -> Iterator[httpx.Client]:
    settings = fault_settings(tmp_path_factory.mktemp("vigil"), own_redis.url)
    with vigil_api(settings, own_redis.url) as api:
        yield api


def create(client: httpx.Client, url: str) -> str:
    response = client.post(
        "/api/tests", json={"name": "shop", "url": url, "goal": GOAL, "retries": 0}
    )
    assert response.status_code == 201, response.text
    test_id: str = response.json()["id"]
    return test_id


def stored_run_ids(peek: redis.Redis, test_id: str) -> list[str]:
    members = cast(list[str], peek.zrange(keys.results(test_id), 0, -1))
    return [json.loads(m)["run_id"] for m in members]


def run_in_thread(
    client: httpx.Client, test_id: str
) -> tuple[threading.Thread, list[httpx.Response]]:
    answers: list[httpx.Response] = []

    def call() -> None:
        answers.append(client.post(f"/api/tests/{test_id}/run", timeout=60))

    thread = threading.Thread(target=call)
    thread.start()
    return thread, answers


def wait_for_log(caplog: pytest.LogCaptureFixture, text: str, within_s: float = 30) -> None:
    deadline = time.monotonic() + within_s
    while not any(text in r.getMessage() for r in caplog.records):
        assert time.monotonic() < deadline, f"no log line with {text!r}"
        time.sleep(0.05)


def test_a_redis_restart_between_two_run_nows_loses_neither(
    client: httpx.Client, own_redis: RedisServer, peek: redis.Redis, slow_site: SlowSite
) -> None:
    slow_site.delay_s = 0
    test_id = create(client, slow_site.url)
    first = client.post(f"/api/tests/{test_id}/run", timeout=60)
    assert first.status_code == 200, first.text
    own_redis.stop()  # the pooled connections now point at a dead server
    own_redis.start()
    second = client.post(f"/api/tests/{test_id}/run", timeout=60)

    assert second.status_code == 200, second.text
    assert second.json()["result"]["passed"] is True
    ids = [first.json()["run_id"], second.json()["run_id"]]
    assert sorted(stored_run_ids(peek, test_id)) == sorted(ids)  # one record each
    assert peek.zcard(keys.timing(test_id)) == 2


def test_redis_killed_during_a_run_answers_503_and_stores_nothing_half_way(
    client: httpx.Client, own_redis: RedisServer, peek: redis.Redis, slow_site: SlowSite
) -> None:
    """Redis stays down past the store's retry window (3 s): the run is not stored, the caller
    is told so, and once Redis is back the next run works."""
    slow_site.delay_s = 1.0
    test_id = create(client, slow_site.url)
    recent_before = peek.llen(keys.RECENT)
    hits = slow_site.hits
    thread, answers = run_in_thread(client, test_id)
    slow_site.wait_for_hit(hits + 1)  # the run is waiting for the page
    kill(own_redis)
    thread.join(timeout=60)
    [lost] = answers
    own_redis.start()
    slow_site.delay_s = 0
    again = client.post(f"/api/tests/{test_id}/run", timeout=60)
    while again.status_code == 409:  # the lost run's lock: not released while Redis was down
        time.sleep(0.2)  # ... it expires within its TTL (2 s here)
        again = client.post(f"/api/tests/{test_id}/run", timeout=60)

    assert lost.status_code == 503
    assert lost.json() == NOT_STORED
    assert lost.headers["content-type"] == "application/json"
    assert again.status_code == 200, again.text
    # Nothing of the lost run anywhere: one record, one timing point, one `recent` entry.
    assert stored_run_ids(peek, test_id) == [again.json()["run_id"]]
    assert peek.zcard(keys.timing(test_id)) == 1
    assert peek.llen(keys.RECENT) == recent_before + 1
    assert peek.llen(keys.incidents(test_id)) == 0


def test_a_run_whose_redis_comes_back_within_the_retry_window_is_stored_once(
    client: httpx.Client,
    own_redis: RedisServer,
    peek: redis.Redis,
    slow_site: SlowSite,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="vigil.store.persist")
    slow_site.delay_s = 1.0
    test_id = create(client, slow_site.url)
    hits = slow_site.hits
    thread, answers = run_in_thread(client, test_id)
    slow_site.wait_for_hit(hits + 1)
    kill(own_redis)
    wait_for_log(caplog, "trying again")  # the run is done and retries its store step
    own_redis.start()
    thread.join(timeout=60)

    [stored] = answers
    assert stored.status_code == 200, stored.text
    assert stored.json()["result"]["passed"] is True
    run_id = stored.json()["run_id"]
    assert any(
        f"run {run_id} stored after Redis came back" in r.getMessage() for r in caplog.records
    )
    assert stored_run_ids(peek, test_id) == [run_id]
    assert peek.zcard(keys.timing(test_id)) == 1
    assert peek.hget(keys.test(test_id), "last_result") == "passed"


FREEZE_S = 10  # as long as issue #14 asks: longer than any single timeout and its retries


def test_a_frozen_redis_gets_quick_503s_and_all_is_well_after_it_thaws(
    client: httpx.Client, own_redis: RedisServer
) -> None:
    assert own_redis.proc is not None
    create(client, "http://127.0.0.1:9/")
    assert client.get("/api/health").status_code == 200
    own_redis.proc.send_signal(signal.SIGSTOP)
    frozen_at = time.monotonic()
    answers: list[tuple[str, httpx.Response, float]] = []
    try:
        # Ask again and again for 10 s of freeze: every answer is a quick 503.
        while time.monotonic() - frozen_at < FREEZE_S:
            for path in ("/api/health", "/api/tests"):
                began = time.monotonic()
                response = client.get(path, timeout=30)
                answers.append((path, response, time.monotonic() - began))
    finally:
        own_redis.proc.send_signal(signal.SIGCONT)
    health = client.get("/api/health")
    listing = client.get("/api/tests")

    assert {path for path, _, _ in answers} == {"/api/health", "/api/tests"}
    for path, response, took in answers:
        assert response.status_code == 503, (path, response.text)
        # Three tries of 1 s each at most (VIGIL_REDIS_TIMEOUT=1, 2 retries), not 30 s.
        assert took < 6, (path, took)
    health_body = next(r for p, r, _ in answers if p == "/api/health").json()
    assert health_body["status"] == "degraded"
    assert health_body["redis"].startswith("unreachable")
    assert set(health_body) == {"status", "redis", "browser", "version"}
    assert next(r for p, r, _ in answers if p == "/api/tests").json() == {
        "detail": "Redis is unavailable"
    }
    assert health.status_code == 200 and health.json()["redis"] == "ok"
    assert listing.status_code == 200 and len(listing.json()) >= 1


def test_a_hanging_webhook_neither_holds_run_now_nor_goes_unrecorded(
    client: httpx.Client, peek: redis.Redis, slow_site: SlowSite
) -> None:
    slow_site.delay_s = 0
    with receiver_in_thread(Receiver(delay_s=30)) as hook:
        created = client.post(
            "/api/tests",
            json={
                "name": "shop",
                "url": slow_site.url,
                "goal": "check that the page says 'Closed for good'",  # fails
                "retries": 0,
                "alert_webhook": hook.url,
            },
        )
        assert created.status_code == 201, created.text
        test_id = created.json()["id"]
        ran = client.post(f"/api/tests/{test_id}/run", timeout=60)
        # Read at once: no delivery attempt has ended yet (each waits 1 s for the receiver).
        [pending] = client.get(f"/api/tests/{test_id}/incidents").json()
        incident = pending
        deadline = time.monotonic() + 30
        while incident["delivery_attempts"] == 0:
            assert time.monotonic() < deadline, "the delivery outcome was never recorded"
            time.sleep(0.2)
            [incident] = client.get(f"/api/tests/{test_id}/incidents").json()
        reached = len(hook.requests)

    assert ran.status_code == 200, ran.text
    assert ran.json()["result"]["passed"] is False
    # run-now answered while the alert was still pending ...
    assert (pending["alert_sent"], pending["delivery_attempts"]) == (False, 0)
    assert pending["run_id"] == ran.json()["run_id"]
    # ... which reached the receiver, timed out, and was recorded on the incident.
    assert reached >= 1
    assert incident["alert_sent"] is False
    assert incident["delivery_attempts"] == 1
    assert "timed out" in incident["delivery_error"]
    assert incident["delivery_at"] is not None
    assert peek.zcard(keys.results(test_id)) == 1
