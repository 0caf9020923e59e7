"""Alert deliveries that run after their run has been answered (issue #14).

Run-now answers once the run is stored; a receiver that takes 30 s (or never answers) must not
hold the caller, so the delivery becomes a task of the process. Every task's outcome is still
recorded on the run's incident by the dispatcher, and shutting down waits for the tasks (for
a bounded time) and records those it has to give up as not delivered: an alert is never
dropped without a trace.
"""

from __future__ import annotations

import asyncio
import logging

from vigil.alerts.dispatch import AlertDispatcher, DeliveryReport, PendingAlert

log = logging.getLogger(__name__)

_Delivery = asyncio.Task["DeliveryReport | None"]

SHUTDOWN_REASON = "not delivered: Vigil shut down before the delivery finished"


async def deliver_recorded(
    dispatcher: AlertDispatcher, pending: PendingAlert
) -> DeliveryReport | None:
    """Deliver and record; never raises (the run is stored whatever happens here)."""
    try:
        return await dispatcher.deliver(pending)
    except Exception:  # recording the attempt failed (Redis gone?); the run itself is stored
        log.exception("recording the alert delivery of run %s failed", pending.alert.run_id)
        return None


class BackgroundDeliveries:
    """The deliveries of one process still in flight."""

    def __init__(self) -> None:
        self._running: dict[
            asyncio.Task[DeliveryReport | None], tuple[AlertDispatcher, PendingAlert]
        ] = {}

    @property
    def in_flight(self) -> int:
        return len(self._running)

    def submit(self, dispatcher: AlertDispatcher, pending: PendingAlert) -> _Delivery:
        task = asyncio.create_task(deliver_recorded(dispatcher, pending))
        self._running[task] = (dispatcher, pending)
        task.add_done_callback(self._forget)
        return task

    def _forget(self, task: _Delivery) -> None:
        self._running.pop(task, None)

    async def drain(self, timeout_s: float) -> int:
        """Wait up to `timeout_s` for the deliveries in flight; cancel the rest and record them
        as not delivered. Returns how many were given up."""
        running = dict(self._running)
        if not running:
            return 0
        _done, late = await asyncio.wait(running, timeout=timeout_s)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)
        for task in late:
            dispatcher, pending = running[task]
            log.warning("alert for run %s given up at shutdown", pending.alert.run_id)
            try:
                await dispatcher.abandon(pending, SHUTDOWN_REASON)
            except Exception:  # Redis may be gone too; nothing more can be done in-process
                log.exception(
                    "recording the abandoned alert of run %s failed", pending.alert.run_id
                )
        return len(late)
