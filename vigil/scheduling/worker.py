"""A queue worker inside a Vigil process: `vigil worker`, or beside the API in `vigil serve`.

It runs fires with at most VIGIL_CONCURRENCY at once, so a worker only claims what it can run
and the others take the rest. Stopping is graceful and bounded: the worker stops claiming,
lets running checks finish for up to VIGIL_DRAIN_TIMEOUT, then cancels what is left, whose
fires stay unacknowledged and are redelivered to another worker (same run ids, so nothing is
stored twice).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from datetime import timedelta

from docket import Worker

from vigil.scheduling.embedded import DocketScheduler

log = logging.getLogger(__name__)


class QueueWorker:
    def __init__(self, scheduler: DocketScheduler, *, name: str | None = None) -> None:
        settings = scheduler.services.settings
        self.scheduler = scheduler
        self.drain_s = settings.drain_timeout_s
        self.reconcile_every_s = settings.reconcile_interval_s
        self.worker = Worker(
            scheduler.docket,
            name=name or f"vigil@{socket.gethostname()}#{os.getpid()}",
            concurrency=settings.concurrency,
            redelivery_timeout=timedelta(seconds=settings.redelivery_timeout_s),
            reconnection_delay=timedelta(seconds=1),
            # How often due fires move to the stream, and how long a full worker waits before
            # looking for a free slot again: both bound how late a fire can start. A full
            # worker sleeps the whole check interval even when its fires end sooner, so at
            # 100 ms a burst of short checks ran at most `concurrency` per 100 ms per worker;
            # 20 ms keeps the slots busy. It is also an idle worker's XREADGROUP block time:
            # 50 short polls a second, no measurable CPU (an idle worker spends ~11 ms/s
            # either way, on pydocket's other loops).
            scheduling_resolution=timedelta(milliseconds=100),
            minimum_check_interval=timedelta(milliseconds=20),
            schedule_automatic_tasks=True,
        )

    async def run(self, stop: asyncio.Event) -> None:
        """Work until `stop` is set, then drain (bounded) and return."""
        async with self.worker as worker:
            work = asyncio.create_task(worker.run_forever(), name="vigil worker")
            keeper = asyncio.create_task(self._keep_reconciler(stop), name="vigil reconciler")
            stopped = asyncio.create_task(stop.wait())
            try:
                await asyncio.wait({work, stopped}, return_when=asyncio.FIRST_COMPLETED)
                if work.done():
                    work.result()  # a worker that ended by itself: surface why
                    return
                await self._drain(work)
            finally:
                for task in (keeper, stopped, work):
                    task.cancel()
                await asyncio.gather(keeper, stopped, work, return_exceptions=True)

    async def _drain(self, work: asyncio.Task[None]) -> None:
        log.info("stopping: no new fires; waiting up to %.0f s for running checks", self.drain_s)
        work.cancel()  # pydocket stops claiming and waits for the running fires
        try:
            await asyncio.wait_for(asyncio.shield(work), self.drain_s)
        except TimeoutError:
            log.warning(
                "checks still running after %.0f s: cancelled, they will be redelivered",
                self.drain_s,
            )
            work.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await work
        except asyncio.CancelledError:
            pass

    async def _keep_reconciler(self, stop: asyncio.Event) -> None:
        """pydocket re-seeds automatic perpetual tasks only every 60 s; re-adding the
        reconciler (a no-op while it is pending or running) at its own interval brings it back
        sooner after its queue keys were lost."""
        while not stop.is_set():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), self.reconcile_every_s)
            if stop.is_set():
                return
            try:
                await self.scheduler.docket.add(
                    self.scheduler.tasks.reconcile, key=self.scheduler.tasks.reconcile.__name__
                )()
            except Exception:  # Redis away: the next round tries again
                log.debug("could not re-add the reconciler", exc_info=True)
