"""`vigil worker`: a queue worker alone, for scaling out (DESIGN §5).

Any number of workers on any machines share one Redis (REDIS_URL; on the machine of a
`vigil serve` with an embedded Redis, that server's Redis is found in the data directory).
SIGTERM or Ctrl-C: stop taking fires, let running checks finish (VIGIL_DRAIN_TIMEOUT), exit 0.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from vigil.cli.common import fail, settings_or_exit
from vigil.errors import ConfigError

if TYPE_CHECKING:
    from vigil.config import Settings


def worker() -> None:
    """Run checks from the shared queue (no API). Needs VIGIL_SCHEDULER=embedded."""
    settings = settings_or_exit()
    if settings.scheduler != "embedded":
        fail(f"VIGIL_SCHEDULER: a worker runs the embedded queue, not {settings.scheduler!r}")
    redis_url = settings.secret("redis_url") or _embedded_url(settings)
    from vigil.logs import configure_logging

    # JSON lines with VIGIL_LOG_FORMAT=json, secrets (the Redis password too) scrubbed.
    configure_logging(settings, extra_secrets=[urlsplit(redis_url).password or ""])
    try:
        asyncio.run(run_worker(settings, redis_url))
    except ConfigError as exc:
        fail(str(exc))


async def run_worker(settings: Settings, redis_url: str, *, services: object = None) -> None:
    """The body of `vigil worker`; tests and benchmarks pass prepared `services` (a stub
    pipeline) to run this same code in a real process without a browser."""
    from vigil.scheduling.factory import describe, open_scheduler
    from vigil.scheduling.runner import run_queue_worker
    from vigil.services import Services

    own = services is None
    svc = Services.connect(settings, redis_url) if services is None else services
    assert isinstance(svc, Services)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        svc.scheduler = await open_scheduler(svc, redis_url)
        print(describe(svc.scheduler, worker=True, concurrency=settings.concurrency), flush=True)
        print("worker ready", flush=True)
        await run_queue_worker(svc, stop)
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        if own:
            await svc.aclose()
        else:
            await svc.scheduler.aclose()
    print("worker stopped", flush=True)
    sys.stdout.flush()


def _embedded_url(settings: Settings) -> str:
    from vigil.store.embedded import URL_FILE

    path = settings.data_dir / URL_FILE
    try:
        return path.read_text().strip()
    except OSError:
        fail(
            "REDIS_URL: not set, and no `vigil serve` with an embedded Redis found in "
            f"{settings.data_dir} (set REDIS_URL to the Redis the API uses)"
        )
