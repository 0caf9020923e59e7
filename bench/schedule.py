"""Fire precision and throughput of the embedded scheduler (issue #9), plus the memory one
concurrent browser run costs (for README "Scaling out").

1. 1,000 tests due in the same second, a no-op check: two worker processes (the code of
   `vigil worker`, stub pipeline, VIGIL_CONCURRENCY=CONCURRENCY each) against a real
   redis-server. Measures the time from the due second until every fire has started its
   check, and the p50/p99 lateness of each fire's start against its due time. A fire "starts"
   when the pipeline's run_check is entered, i.e. after pydocket delivered and claimed it and
   Vigil's run path read the test, checked the run id was not stored and took the run lock;
   each run then goes on through events, the store step (/metrics counts), the alert decision
   and the lock release, all against the same Redis.
   Prints `bench: schedule_all_dispatched_s`, `schedule_lateness_p50_s`, `…_p99_s`, and the
   workers' CPU and Redis commands (INFO commandstats, the bench's own polling left out) per
   fire.

   The setup is the one a real deployment of this machine would use: one worker per core.
   Their concurrency is higher than the default (2, sized for Chromium): a no-op check holds
   no browser, so 25 slots per worker measure dispatch rather than browser capacity, as a
   deployment of light checks would configure it.
2. PSS (proportional set size: shared pages counted once) of one worker process tree
   (Python + Playwright driver + Chromium) idle and with N checks running at once against the
   demo site; the difference per run is what a browser slot costs.
   Prints `bench: schedule_pss_idle_mb`, `schedule_pss_per_concurrent_run_mb`.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from redis.asyncio import Redis

from bench.redis_server import redis_server
from tests.scheduling.stub import STARTED_AT, StubPipeline
from tests.site.server import DemoServer
from vigil.config import load_settings
from vigil.models import CheckCreate
from vigil.pipeline.pipeline import Pipeline
from vigil.scheduling.embedded import DocketScheduler
from vigil.services import Services, build_pipeline
from vigil.store import checks, keys
from vigil.store.redis import connect

ROOT = Path(__file__).resolve().parents[1]
TESTS = 1000
WORKERS = 2
CONCURRENCY = 25  # per worker: a no-op check holds no browser, so this measures dispatch
MIN_LEAD_S = 20.0  # worker start-up and seeding happen before the due time
DISPATCH_TARGET_S = 5.0
P99_TARGET_S = 2.0
RSS_RUNS = (1, 4)  # concurrent browser runs to compare


async def _dispatch() -> list[str]:
    async with redis_server() as url:
        settings = load_settings({}, REDIS_URL=url, VIGIL_DATA_DIR=tempfile.mkdtemp())
        services = Services.connect(settings, url)
        services._pipeline = StubPipeline()
        scheduler = await DocketScheduler(services, url).__aenter__()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "REDIS_"))}
        env.update(
            REDIS_URL=url,
            VIGIL_CONCURRENCY=str(CONCURRENCY),
            PYTHONPATH=str(ROOT),
            STUB_RUN_S="0",
        )
        log_dir = Path(tempfile.mkdtemp(prefix="vigil-bench-workers-"))
        workers = [
            subprocess.Popen(  # noqa: ASYNC220 (started once, before anything is timed)
                [sys.executable, "-m", "tests.scheduling.stub_worker"],
                env=env,
                stdout=(log_dir / f"w{i}.log").open("wb"),
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
            for i in range(WORKERS)
        ]
        cpu_before = 0.0
        try:
            # Due at a minute boundary far enough ahead for start-up and seeding.
            due = datetime.fromtimestamp((int(time.time() + MIN_LEAD_S) // 60 + 1) * 60, UTC)
            cron = "* * * * *"
            spec = CheckCreate(
                url="http://127.0.0.1:9/", goal="the site is up", schedule=cron, retries=0
            )
            tests = [await checks.create_check(services.redis, spec) for _ in range(TESTS)]
            calls = [
                scheduler.docket.call(scheduler.tasks.fire, when=due, key=keys.schedule_task(t.id))(
                    t.id, due.timestamp()
                )
                for t in tests
            ]
            await scheduler.docket.replace_many(calls)
            record = connect(url)
            commands_before = await _commands(record)
            cpu_before = sum(_cpu_s(w.pid) for w in workers)
            lead = due.timestamp() - time.time()
            if lead < 2:
                raise RuntimeError(f"seeding took too long: only {lead:.1f} s before the due time")
            deadline = due.timestamp() + 120
            polls = 0
            while time.time() < deadline and int(await record.hlen(STARTED_AT)) < TESTS:
                polls += 1
                await asyncio.sleep(0.25)
            await asyncio.sleep(1)  # the last fires finish storing
            cpu_ms = (sum(_cpu_s(w.pid) for w in workers) - cpu_before) * 1000 / TESTS
            # Less the bench's own: its polls, the INFO calls; the idle workers' polling in the
            # quiet second is left in (a few hundred commands: < 1 per fire).
            commands = (await _commands(record) - commands_before - polls - 2) / TESTS
            started = [
                float(v) for v in cast(dict[str, str], await record.hgetall(STARTED_AT)).values()
            ]
            await record.aclose()
        finally:
            for w in workers:
                w.terminate()
            for w in workers:
                w.wait(timeout=60)
            await scheduler.aclose()
            await services.aclose()
    if len(started) < TESTS:
        raise RuntimeError(f"only {len(started)} of {TESTS} fires started within 2 minutes")
    lateness = sorted(s - due.timestamp() for s in started)
    all_s = lateness[-1]
    p50 = statistics.median(lateness)
    p99 = lateness[int(len(lateness) * 0.99) - 1]
    return [
        f"bench: schedule_first_started_s {lateness[0]:.2f} s (informational)",
        f"bench: schedule_all_dispatched_s {all_s:.2f} s (target <= {DISPATCH_TARGET_S:g})",
        f"bench: schedule_lateness_p50_s {p50:.2f} s (informational)",
        f"bench: schedule_lateness_p99_s {p99:.2f} s (target < {P99_TARGET_S:g})",
        f"bench: schedule_worker_cpu_per_fire_ms {cpu_ms:.1f} ms (informational)",
        f"bench: schedule_redis_commands_per_fire {commands:.0f} (informational)",
        f"bench: schedule_load_average {os.getloadavg()[0]:.1f} "
        f"(informational, {os.cpu_count()} cores)",
    ]


async def _commands(redis: Redis) -> int:
    """Commands the server has run so far, those run by Lua scripts included."""
    stats = cast(dict[str, dict[str, int]], await redis.info("commandstats"))
    return sum(int(v["calls"]) for k, v in stats.items() if k.startswith("cmdstat_"))


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree_pss_kb(root: int) -> int:
    """PSS of `root` and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


async def _pss(base: str) -> list[str]:
    settings = load_settings({}, VIGIL_CONCURRENCY=max(RSS_RUNS))
    pipeline = build_pipeline(settings)
    goal = "make sure the homepage loads"
    try:
        await pipeline.run_check(base + "/", goal)  # the browser is up
        await asyncio.sleep(1)
        idle = _tree_pss_kb(os.getpid())
        loaded: dict[int, float] = {}
        for n in RSS_RUNS:
            loaded[n] = await _pss_under_load(pipeline, base, n)
    finally:
        await pipeline.aclose()
    low, high = RSS_RUNS
    per_run = (loaded[high] - loaded[low]) / (high - low) / 1024
    return [
        f"bench: schedule_pss_idle_mb {idle / 1024:.0f} MB (informational)",
        f"bench: schedule_pss_{low}_run_mb {loaded[low] / 1024:.0f} MB (informational)",
        f"bench: schedule_pss_{high}_runs_mb {loaded[high] / 1024:.0f} MB (informational)",
        f"bench: schedule_pss_per_concurrent_run_mb {per_run:.0f} MB (informational)",
    ]


async def _pss_under_load(pipeline: Pipeline, base: str, n: int) -> float:
    """Median tree PSS (KB) while `n` checks run back to back at once."""
    stop = time.monotonic() + 6
    samples: list[int] = []

    async def loop() -> None:
        while time.monotonic() < stop:
            await pipeline.run_check(base + "/products", "make sure the homepage loads")

    async def sample() -> None:
        await asyncio.sleep(1.5)
        while time.monotonic() < stop - 0.5:
            samples.append(_tree_pss_kb(os.getpid()))
            await asyncio.sleep(0.3)

    await asyncio.gather(sample(), *(loop() for _ in range(n)))
    return statistics.median(samples)


async def main() -> list[str]:
    lines = await _dispatch()
    for line in lines:
        print(line, flush=True)
    server = DemoServer().start()
    try:
        return await _pss(server.url)
    finally:
        server.stop()
