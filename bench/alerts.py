"""Run-now with a slow alert receiver (issue #14): `POST /api/tests/{id}/run` answers once the
run is stored, so a receiver that takes 3 s to answer must not slow it down.

Two checks fail on every run and alert every time (`reminder_every: 1`): one's webhook points
at a receiver on 127.0.0.1 that answers after 3 s, the other has no alert target. Their
run-nows are interleaved against the same app, a real redis-server and a scripted pipeline
(a browser's run time would only add the same noise to both), and the median of the slow-
webhook check is compared with the no-webhook one measured in the same run. Every alert is
still delivered and recorded: the deliveries are awaited at the end and counted.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

import httpx

from bench.redis_server import redis_server
from tests.alert_receiver import Receiver
from vigil.api.app import create_app
from vigil.config import load_settings
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.services import Services
from vigil.store.incidents import list_incidents
from vigil.store.redis import connect

TOKEN = "bench-token-0123456789"
RECEIVER_DELAY_S = 3.0
RUNS = 30  # per check
TARGET_RATIO = 1.1  # slow-webhook median within +10% of the no-webhook one


async def main() -> list[str]:
    async with redis_server() as url, Receiver(delay_s=RECEIVER_DELAY_S) as receiver:
        with tempfile.TemporaryDirectory(prefix="vigil-bench-") as data_dir:
            settings = load_settings(
                {}, VIGIL_DATA_DIR=data_dir, VIGIL_API_TOKEN=TOKEN, REDIS_URL=url
            )
            services = Services(
                settings,
                connect(url),
                connect(url, decode=False),
                pipeline=ScriptedPipeline("fail", delay_s=0.05),
            )
            try:
                slow, none = await measure(services, receiver.url)
                await services.deliveries.drain(RECEIVER_DELAY_S * 4)
                delivered = sum(
                    i.alert_sent for i in await list_incidents(services.redis, slow.test_id)
                )
            finally:
                await services.aclose()
    if delivered != RUNS:
        raise SystemExit(f"bench: only {delivered} of {RUNS} alerts were delivered")
    slow_ms, none_ms = statistics.median(slow.ms), statistics.median(none.ms)
    return [
        f"bench: run_now_p50_ms_slow_webhook {slow_ms:.0f} ms "
        f"(target <= {none_ms * TARGET_RATIO:.0f}); no webhook {none_ms:.0f} ms, ratio "
        f"{slow_ms / none_ms:.2f} (target <= {TARGET_RATIO}), receiver answers after "
        f"{RECEIVER_DELAY_S:g} s, {delivered}/{RUNS} alerts delivered",
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores while measuring)",
    ]


class Series:
    def __init__(self, test_id: str) -> None:
        self.test_id = test_id
        self.ms: list[float] = []


async def measure(services: Services, hook: str) -> tuple[Series, Series]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(services)),
        base_url="http://vigil.bench",
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=60,
    ) as client:
        check = {"url": "http://127.0.0.1:9/", "goal": "see 'Welcome'", "retries": 0}
        slow = Series(await create(client, {**check, "alert_webhook": hook, "reminder_every": 1}))
        none = Series(await create(client, check))
        for _ in range(3):  # warm-up: scripts loaded, pools filled (not alerting yet: no hook)
            await run(client, none.test_id)
        for n in range(RUNS):
            # Alternated: a delivery starting after a run costs the loop a little CPU, which
            # lands on whichever run comes next; each series comes next as often.
            for series in (slow, none) if n % 2 else (none, slow):
                began = time.perf_counter()
                await run(client, series.test_id)
                series.ms.append((time.perf_counter() - began) * 1000)
    return slow, none


async def create(client: httpx.AsyncClient, body: dict[str, object]) -> str:
    response = await client.post("/api/tests", json=body)
    response.raise_for_status()
    test_id: str = response.json()["id"]
    return test_id


async def run(client: httpx.AsyncClient, test_id: str) -> None:
    response = await client.post(f"/api/tests/{test_id}/run")
    response.raise_for_status()
    assert response.json()["result"]["passed"] is False
