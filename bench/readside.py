"""Read-side latency at real volumes (issue #10), against a real redis-server on loopback.

Seeds one test with 43,200 runs (30 days at one a minute, through store_run_result's script,
pipelined) and 1,000 more tests with a run each, then prints the median server-side latency
(time inside the ASGI app: routing, auth, Redis, serialisation) of uptime 30d, a results page
of 50, timing 24h and the dashboard, and how much faster uptime from the roll-ups is than a
naive scan of `results:{id}` for the same numbers.

The busy test keeps all 43,200 runs (`results_keep` 50,000 instead of the default 10,000) so
that the naive scan really covers the 30 days it is compared with.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from typing import cast

import httpx
from redis.asyncio import Redis
from starlette.types import ASGIApp, Receive, Scope, Send

from bench.redis_server import redis_server
from tests.history_seed import new_test, run
from vigil.api.app import create_app
from vigil.config import load_settings
from vigil.models import Check, Outcome
from vigil.services import Services
from vigil.store import keys
from vigil.store.redis import connect
from vigil.store.results import store_run_results
from vigil.store.uptime import uptime_counts

RUNS = 43_200  # 30 days, one a minute
KEEP = 50_000
TESTS = 1_000
BATCH = 2_000
SAMPLES = 200
TOKEN = "bench-token-0123456789"
# The targets; timing 24h (1,440 points) and the seed rate have none there, these
# two are ours.
TARGETS_MS = {"uptime_30d": 5.0, "results_page_50": 10.0, "timing_24h": 50.0, "dashboard": 50.0}
TARGET_SEED_RATE = 2000
TARGET_RATIO = 50.0


def outcome_of(n: int) -> Outcome:
    if n % 500 == 0:
        return "error"
    return "failed" if n % 50 == 0 else "passed"


class Timed:
    """Records how long the app takes for each request, from its first to its last byte, and
    the CPU time it spent: on a shared, overloaded machine the wall time mostly measures the
    wait for a core, the CPU time what the request itself costs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.samples: list[float] = []
        self.cpu: list[float] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        start, cpu = time.perf_counter(), time.thread_time()
        await self.app(scope, receive, send)
        self.samples.append(time.perf_counter() - start)
        self.cpu.append(time.thread_time() - cpu)


async def seed(redis: Redis, now: datetime) -> tuple[Check, float]:
    busy = await new_test(redis, "busy")
    first = now - timedelta(minutes=RUNS - 1)
    records = [
        run(busy.id, f"b{n:06d}", first + timedelta(minutes=n), outcome=outcome_of(n),
            duration_ms=800 + n % 400)
        for n in range(RUNS)
    ]  # fmt: skip
    start = time.perf_counter()
    for i in range(0, RUNS, BATCH):
        await store_run_results(redis, busy, records[i : i + BATCH], results_keep=KEEP)
    rate = RUNS / (time.perf_counter() - start)
    for t in range(TESTS):
        test = await new_test(redis, f"check {t}")
        if t % 10:  # every tenth test never ran
            record = run(test.id, f"t{t:05d}", now - timedelta(seconds=t), outcome=outcome_of(t))
            await store_run_results(redis, test, [record], results_keep=KEEP)
    return busy, rate


async def naive_uptime(redis: Redis, test_id: str, since: float) -> tuple[int, int, int]:
    """What uptime costs without roll-ups: every run of the window, fetched and parsed."""
    members = cast(list[str], await redis.zrangebyscore(keys.results(test_id), since, "+inf"))
    total = passed = errors = 0
    for member in members:
        record = json.loads(member)
        if record["outcome"] == "error":
            errors += 1
        else:
            total += 1
            passed += bool(record["passed"])
    return total, passed, errors


async def median_ms(client: httpx.AsyncClient, timed: Timed, url: str) -> tuple[float, float]:
    """Median wall and CPU milliseconds the app spends on `url`."""
    for _ in range(10):  # warm-up: scripts loaded, pools filled
        (await client.get(url)).raise_for_status()
    timed.samples.clear()
    timed.cpu.clear()
    for _ in range(SAMPLES):
        (await client.get(url)).raise_for_status()
    return statistics.median(timed.samples) * 1000, statistics.median(timed.cpu) * 1000


async def main() -> list[str]:
    now = datetime.now(UTC)
    lines: list[str] = []
    async with redis_server() as url:
        with tempfile.TemporaryDirectory(prefix="vigil-bench-") as data_dir:
            settings = load_settings(
                {}, VIGIL_DATA_DIR=data_dir, VIGIL_API_TOKEN=TOKEN, REDIS_URL=url
            )
            services = Services(settings, connect(url), connect(url, decode=False))
            try:
                busy, rate = await seed(services.redis, now)
                lines.append(
                    f"bench: readside_seed_runs_per_s {rate:.0f} runs/s "
                    f"(target >= {TARGET_SEED_RATE})"
                )
                timed = Timed(create_app(services))
                async with httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=timed),
                    base_url="http://vigil.bench",
                    headers={"Authorization": f"Bearer {TOKEN}"},
                ) as client:
                    since = (now - timedelta(hours=24)).timestamp()
                    routes = {
                        "uptime_30d": f"/api/tests/{busy.id}/uptime?window=30d",
                        "results_page_50": f"/api/tests/{busy.id}/results?limit=50",
                        "timing_24h": f"/api/tests/{busy.id}/timing?since={since}",
                        "dashboard": "/api/dashboard?recent=20",
                    }
                    for name, route in routes.items():
                        ms, cpu_ms = await median_ms(client, timed, route)
                        lines.append(
                            f"bench: readside_{name}_ms {ms:.2f} ms "
                            f"(target <= {TARGETS_MS[name]:g}); app CPU {cpu_ms:.2f} ms"
                        )
                    points = (await client.get(routes["timing_24h"])).json()
                    assert 1439 <= len(points) <= 1441, len(points)
                lines.append(await ratio(services.redis, busy.id, now))
                load = os.getloadavg()[0]
                lines.append(f"(load average {load:.1f} on {os.cpu_count()} cores while measuring)")
            finally:
                await services.aclose()
    return lines


async def ratio(redis: Redis, test_id: str, now: datetime) -> str:
    """Store-level uptime 30d: roll-ups vs scanning the same 30 days of runs."""
    since = datetime(now.year, now.month, now.day, tzinfo=UTC) - timedelta(days=29)
    rolled = await uptime_counts(redis, test_id, "30d", now)
    scanned = await naive_uptime(redis, test_id, since.timestamp())
    assert (rolled.total, rolled.passed, rolled.errors) == scanned, (rolled, scanned)
    fast: list[float] = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        await uptime_counts(redis, test_id, "30d", now)
        fast.append(time.perf_counter() - start)
    slow: list[float] = []
    for _ in range(5):
        start = time.perf_counter()
        await naive_uptime(redis, test_id, since.timestamp())
        slow.append(time.perf_counter() - start)
    x = statistics.median(slow) / statistics.median(fast)
    return (
        f"bench: readside_uptime_rollup_vs_scan {x:.0f} x (target >= {TARGET_RATIO:g}); "
        f"{statistics.median(fast) * 1000:.2f} ms vs {statistics.median(slow) * 1000:.0f} ms "
        f"over {scanned[0] + scanned[2]} runs"
    )


if __name__ == "__main__":
    for line in asyncio.run(main()):
        print(line)
