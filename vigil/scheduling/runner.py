"""Running a queue worker for a process whose Services carry the embedded scheduler."""

from __future__ import annotations

import asyncio

from vigil.scheduling.embedded import DocketScheduler
from vigil.scheduling.worker import QueueWorker
from vigil.services import Services


async def run_queue_worker(services: Services, stop: asyncio.Event) -> None:
    """Work fires until `stop` is set, then drain. Needs VIGIL_SCHEDULER=embedded."""
    scheduler = services.scheduler
    if not isinstance(scheduler, DocketScheduler):
        raise TypeError(f"a queue worker needs the embedded scheduler, not {scheduler.mode!r}")
    await QueueWorker(scheduler).run(stop)
