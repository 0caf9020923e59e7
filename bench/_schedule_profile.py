"""What one schedule fire costs a worker: CPU, Redis commands and round trips (issue #9).

Not a `make bench` entry (it prints no target lines): a diagnostic to run by hand,
`.venv/bin/python -m bench._schedule_profile [N]`. One process holds the scheduler and a queue
worker (the code of `vigil worker`, stub pipeline, VIGIL_CONCURRENCY=25) against a throwaway
redis-server; N fires come due at the same moment, and it prints, per fire:
- the process's CPU (time.process_time) from the due time until every fire is stored,
- Redis commands by name (INFO commandstats, before/after; commands a Lua script calls count
  too), and the worker's round trips (writes to a Redis socket: a pipeline is one).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from redis.asyncio.connection import Connection

from bench.redis_server import redis_server
from tests.scheduling.stub import STARTED_AT, StubPipeline
from vigil.config import load_settings
from vigil.models import CheckCreate
from vigil.scheduling.embedded import DocketScheduler
from vigil.scheduling.runner import run_queue_worker
from vigil.services import Services
from vigil.store import checks, keys
from vigil.store.redis import connect

CONCURRENCY = 25
LEAD_S = 3.0


def _commandstats(info: dict[str, Any]) -> Counter[str]:
    out: Counter[str] = Counter()
    for name, value in info.items():
        if name.startswith("cmdstat_"):
            out[name.removeprefix("cmdstat_")] = int(value["calls"])
    return out


async def profile(fires: int) -> None:
    async with redis_server() as url:
        settings = load_settings(
            {}, REDIS_URL=url, VIGIL_DATA_DIR=tempfile.mkdtemp(), VIGIL_CONCURRENCY=CONCURRENCY
        )
        services = Services.connect(settings, url)
        services._pipeline = StubPipeline(record_url=url)
        scheduler = await DocketScheduler(services, url).__aenter__()
        services.scheduler = scheduler
        probe = connect(url)
        stop = asyncio.Event()
        spec = CheckCreate(url="http://127.0.0.1:9/", goal="the site is up", schedule="* * * * *")
        tests = [await checks.create_check(services.redis, spec) for _ in range(fires)]
        worker = asyncio.create_task(run_queue_worker(services, stop))
        await asyncio.sleep(1.0)  # the worker is up and idle
        due = datetime.fromtimestamp(time.time() + LEAD_S, UTC)
        await scheduler.docket.replace_many(
            [
                scheduler.docket.call(scheduler.tasks.fire, when=due, key=keys.schedule_task(t.id))(
                    t.id, due.timestamp()
                )
                for t in tests
            ]
        )
        await asyncio.sleep(max(0.0, due.timestamp() - time.time() - 0.5))
        before = _commandstats(await probe.info("commandstats"))
        writes = 0
        send = Connection.send_packed_command

        async def counting(self: Connection, *args: Any, **options: Any) -> None:
            nonlocal writes
            writes += 1
            await send(self, *args, **options)

        Connection.send_packed_command = counting  # type: ignore[method-assign,assignment]
        cpu = time.process_time()
        wall = time.monotonic()
        mine: Counter[str] = Counter()  # the probe's own commands and round trips
        while int(await probe.hlen(STARTED_AT)) < fires:
            mine.update(hlen=1, trips=1)
            await asyncio.sleep(0.05)
        mine.update(hlen=1, trips=1)
        started_s = time.monotonic() - wall
        # Every fire leaves the stream (XACK + XDEL) once its task has returned.
        while int(await probe.xlen(scheduler.docket.stream_key)) > 0:
            mine.update(xlen=1, trips=1)
            await asyncio.sleep(0.05)
        mine.update(xlen=1, trips=1)
        cpu = time.process_time() - cpu
        Connection.send_packed_command = send  # type: ignore[method-assign]
        after = _commandstats(await probe.info("commandstats"))
        stop.set()
        await asyncio.wait_for(worker, 30)
        await probe.aclose()
        await scheduler.aclose()
        await services.aclose()
    delta = after - before
    delta.subtract({"hlen": mine["hlen"], "xlen": mine["xlen"], "info": 1})
    writes -= mine["trips"]
    per_fire = {name: n / fires for name, n in delta.most_common()}
    total = sum(delta.values()) / fires
    print(
        f"fires {fires}  all started after {started_s:.2f} s  CPU {cpu * 1000 / fires:.2f} ms/fire"
    )
    print(f"redis commands per fire {total:.1f}")
    print(f"client round trips per fire {writes / fires:.1f}")
    print("  " + "  ".join(f"{n} {v:.1f}" for n, v in per_fire.items() if v >= 0.05))


if __name__ == "__main__":
    asyncio.run(profile(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
