"""Choosing the scheduler from VIGIL_SCHEDULER, for the composition of a server or worker."""

from __future__ import annotations

from vigil.scheduling.scheduler import OffScheduler, Scheduler
from vigil.services import Services


async def open_scheduler(services: Services, redis_url: str) -> Scheduler:
    """The configured scheduler, opened and ready. Raises ConfigError for a missing setting."""
    mode = services.settings.scheduler
    if mode == "off":
        return OffScheduler()
    if mode == "qstash":
        from vigil.scheduling.qstash_schedules import QStashScheduler

        return QStashScheduler(services.settings)
    from vigil.scheduling.embedded import DocketScheduler

    return await DocketScheduler(services, redis_url).__aenter__()


def describe(scheduler: Scheduler, *, worker: bool, concurrency: int) -> str:
    """The one line `vigil serve` / `vigil worker` print about scheduling."""
    if scheduler.mode == "off":
        return "scheduler: off (VIGIL_SCHEDULER=off): checks run only when asked"
    if scheduler.mode == "qstash":
        return "scheduler: qstash: schedules live in QStash, which calls /api/callback/{id}"
    if worker:
        return (
            f"scheduler: embedded (pydocket queue in Redis), worker in this process, "
            f"concurrency {concurrency}"
        )
    return "scheduler: embedded (pydocket queue in Redis), no worker here (--no-worker)"
