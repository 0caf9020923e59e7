"""The two queue tasks: a test's fire, and the reconciler (DESIGN §5).

A fire runs the check through execute_run with a run id derived from (test, fire time), so a
redelivered or retried fire returns the run already stored instead of running or alerting
again. It is a pydocket Perpetual: when it ends, successfully or not, it schedules the test's
next fire under the same key: the cron's first tick after the fire STARTED, so fires missed
while everything was down (or while the workers were a whole interval behind) collapse into
the one run that happens on start, and a tick that comes due during a long run still fires
after it. An edit made during the run replaces the key instead (the running fire's successor
gives way); a pause made during the run is seen by the next fire, which ends the chain without
running.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from docket import Perpetual, Retry, Timeout

from vigil.errors import Conflict, NotFound, StoreUnavailable
from vigil.models import Check, utc_now
from vigil.runs import execute_run
from vigil.scheduling.cadence import schedule_run_id
from vigil.scheduling.scheduler import wants_schedule
from vigil.store import checks
from vigil.store.redis import is_unavailable

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from vigil.scheduling.embedded import DocketScheduler

log = logging.getLogger(__name__)

# A fire that finds a run of its test in progress (someone pressed "run now") waits and tries
# again, a few times, before giving up that one fire; other errors are retried the same way.
FIRE_ATTEMPTS = 4
FIRE_RETRY_DELAY = timedelta(seconds=5)
# A fire whose run could not be stored (Redis stayed away) is never given up: it is run again
# under the same run id (stored at most once) with a growing wait, up to this between tries.
STORE_RETRY_MAX_DELAY = timedelta(minutes=1)
# Beyond a test's own run budget: storing, deciding and delivering alerts.
_ALERT_SLACK_S = 90.0
_BACKSTOP_S = 15.0


def run_budget_s(test: Check) -> float:
    """How long one fire of `test` may legitimately take: every attempt up to its timeout
    (execute_run's backstop included) plus alert delivery."""
    return (test.timeout_s + _BACKSTOP_S) * (test.retries + 1) + _ALERT_SLACK_S


class FireTasks:
    """Builds the task functions bound to one scheduler (its Services and cadence).

    pydocket finds a task by its function's name, so every process registers functions named
    `vigil_fire` and `vigil_reconcile`; the queue carries only their arguments."""

    def __init__(self, scheduler: DocketScheduler) -> None:
        self.scheduler = scheduler
        settings = scheduler.services.settings
        self.fire = self._fire(timedelta(seconds=settings.task_timeout_s))
        self.reconcile = self._reconcile(timedelta(seconds=settings.reconcile_interval_s))

    def all(self) -> list[Callable[..., Awaitable[Any]]]:
        return [self.fire, self.reconcile]

    def _fire(self, task_timeout: timedelta) -> Callable[..., Awaitable[None]]:
        scheduler = self.scheduler

        async def vigil_fire(
            test_id: str,
            fire_at: float,
            perpetual: Perpetual = Perpetual(),
            # Unbounded here; the body bounds every kind of failure but an outage itself.
            retry: Retry = Retry(attempts=None, delay=FIRE_RETRY_DELAY),
            deadline: Timeout = Timeout(task_timeout),
        ) -> None:
            services = scheduler.services
            when = datetime.fromtimestamp(fire_at, UTC)
            # Ticks that came due before this fire started are covered by it (coalesced);
            # ticks that come due while it runs still fire after it, late.
            started = max(utc_now(), when)
            test = await _current(services.redis, test_id)
            if test is None or not wants_schedule(test):
                perpetual.cancel()  # paused or deleted: never runs, and nothing follows
                return
            # Should this fire fail for good, the chain still goes on at the cron's next time.
            _follow(perpetual, scheduler, test, started)
            budget = run_budget_s(test)
            if budget > deadline.base.total_seconds():
                deadline.extend(timedelta(seconds=budget) - deadline.base)
            try:
                await execute_run(
                    services, test_id, "schedule", run_id=schedule_run_id(test_id, when), test=test
                )
            except NotFound:
                perpetual.cancel()
                return
            except StoreUnavailable:
                # Redelivered later by pydocket, same run id: never dropped, stored once.
                retry.after(_store_retry_delay(retry.attempt))
            except Conflict:
                if retry.attempt < FIRE_ATTEMPTS:
                    raise  # pydocket retries this same fire (same run id) after the delay
                log.warning("fire of test %s at %s skipped: a run was in progress", test_id, when)
            except Exception as exc:
                if is_unavailable(exc):  # Redis went away before the run: same as above
                    retry.after(_store_retry_delay(retry.attempt))
                if retry.attempt < FIRE_ATTEMPTS:
                    raise
                log.exception(
                    "fire of test %s at %s given up after %d attempts", test_id, when, retry.attempt
                )
            # The successor set above stands. An edit made during the run replaced this key
            # (superseding it), and a pause made during the run is seen by the next fire,
            # which then ends the chain without running (and the reconciler cancels it).

        return vigil_fire

    def _reconcile(self, every: timedelta) -> Callable[..., Awaitable[None]]:
        scheduler = self.scheduler

        async def vigil_reconcile(
            perpetual: Perpetual = Perpetual(every=every, automatic=True),
        ) -> None:
            await scheduler.reconcile()

        return vigil_reconcile


def _store_retry_delay(attempt: int) -> timedelta:
    """5 s, 10 s, 20 s, … up to STORE_RETRY_MAX_DELAY between tries of an unstored fire."""
    delay: timedelta = FIRE_RETRY_DELAY * 2 ** min(attempt - 1, 16)
    return min(delay, STORE_RETRY_MAX_DELAY)


def _follow(
    perpetual: Perpetual, scheduler: DocketScheduler, test: Check, started: datetime
) -> None:
    """Schedule the first tick after this fire started: the ones missed before it (everything
    was down, or the workers were a whole interval behind) collapse into this run."""
    nxt = scheduler.cadence.next_after(test.schedule, started)
    perpetual.at(nxt)
    perpetual.perpetuate(test.id, nxt.timestamp())


async def _current(redis: Redis, test_id: str) -> Check | None:
    try:
        return await checks.get_check(redis, test_id)
    except NotFound:
        return None
