"""The embedded scheduler: each active test's next fire is one pydocket task (DESIGN §5).

Every active test with a cron has exactly one pending task keyed `schedule:{test_id}` in the
queue (vigil/scheduling/tasks.py runs it). Test changes replace or cancel that key at once;
the reconciler (a perpetual task) compares the queue with the test hashes every interval and
repairs it: re-seeds what is missing or at a time its cron no longer has, and cancels what
belongs to paused or deleted tests. This is the only module that schedules into pydocket.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from docket import Docket, Execution

from vigil.models import Check, utc_now
from vigil.scheduling.cadence import Cadence
from vigil.scheduling.scheduler import QueueDepth, SchedulerMode, wants_schedule
from vigil.scheduling.tasks import FireTasks
from vigil.services import Services
from vigil.store import checks, keys

log = logging.getLogger(__name__)

_MAX_LISTED = 10_000


@dataclass
class ReconcileReport:
    seeded: list[str]
    cancelled: list[str]


@dataclass
class _Pending:
    """What the queue holds for one `schedule:` key."""

    live: bool  # scheduled, queued or running
    running: bool
    when: datetime | None


class DocketScheduler:
    """The Scheduler of VIGIL_SCHEDULER=embedded. Open it (`async with`) before use."""

    mode: SchedulerMode = "embedded"

    def __init__(self, services: Services, redis_url: str) -> None:
        settings = services.settings
        self.services = services
        self.cadence = Cadence(settings.test_fire_every_s)
        self.docket = Docket(name=keys.QUEUE_NAME, url=redis_url)
        self.tasks = FireTasks(self)
        for task in self.tasks.all():
            self.docket.register(task)
        self._open = False

    async def __aenter__(self) -> DocketScheduler:
        await self.docket.__aenter__()
        self._open = True
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._open:
            self._open = False
            await self.docket.__aexit__(None, None, None)

    # --- Scheduler ------------------------------------------------------------------------

    async def prepare(self, before: Check | None, after: Check) -> dict[str, str]:
        return {}  # nothing remote: the queue is told after the write (applied)

    async def applied(self, test: Check) -> None:
        key = keys.schedule_task(test.id)
        pending = (await self._pending([key]))[key]
        if not wants_schedule(test):
            # A fire in progress finishes (pausing is not aborting); the fire after it sees the
            # pause and ends the chain without running.
            if pending.live and not pending.running:
                await self.docket.cancel(key)
            return
        if (
            pending.live
            and not pending.running
            and pending.when
            and self.cadence.is_fire_time(test.schedule, pending.when)
        ):
            return  # already at the right time (an edit of name, URL, goal…)
        # Otherwise (re)seed. A fire in progress is superseded: it finishes its run, and the
        # successor it would schedule gives way to this one.
        await self.seed(test)

    async def removing(self, test: Check) -> None:
        return None

    async def removed(self, test_id: str) -> None:
        await self.docket.cancel(keys.schedule_task(test_id))

    async def next_runs(self, tests: Sequence[Check]) -> dict[str, datetime | None]:
        pending = await self._pending([keys.schedule_task(t.id) for t in tests])
        now = utc_now()
        out: dict[str, datetime | None] = {}
        for test in tests:
            p = pending[keys.schedule_task(test.id)]
            if not wants_schedule(test):
                out[test.id] = None
            elif p.live and not p.running and p.when and p.when > now:
                out[test.id] = p.when
            else:  # due, running, or lost until the reconciler re-seeds it: the cron's next
                out[test.id] = self.cadence.next_after(test.schedule, now)
        return out

    async def queue_depth(self) -> QueueDepth:
        """Counted from pydocket's two structures: the sorted set of planned fires (due ones
        wait there until a worker moves them) and the stream of fires handed to workers,
        whose consumer group knows which were delivered and not yet acknowledged."""
        now = utc_now().timestamp()
        async with self.docket.redis() as redis, redis.pipeline(transaction=False) as pipe:
            pipe.zcard(self.docket.queue_key)
            pipe.zcount(self.docket.queue_key, "-inf", now)
            pipe.xlen(self.docket.stream_key)
            # Running fires are bounded by the workers' concurrency, so listing them is cheap.
            pipe.xpending_range(
                self.docket.stream_key, self.docket.worker_group_name, "-", "+", _MAX_LISTED
            )
            planned, due, streamed, pending = await pipe.execute(raise_on_error=False)
        # Before any worker created the consumer group, XPENDING answers NOGROUP: none running.
        running = len(pending) if isinstance(pending, list) else 0
        return QueueDepth(
            scheduled=int(planned) - int(due),
            waiting=int(due) + max(0, int(streamed) - running),
            running=running,
            workers=len(await self.docket.workers()),
        )

    # --- queue operations -----------------------------------------------------------------

    async def seed(self, test: Check) -> Execution:
        """Replace the test's pending fire with one at its cron's next time after now."""
        when = self.cadence.next_after(test.schedule, utc_now())
        return await self.docket.replace(
            self.tasks.fire, when=when, key=keys.schedule_task(test.id)
        )(test.id, when.timestamp())

    async def reconcile(self) -> ReconcileReport:
        """Make the queue agree with the test hashes (the truth)."""
        tests = await checks.list_checks(self.services.redis)
        wanted = {t.id: t for t in tests if wants_schedule(t)}
        pending = await self._pending([keys.schedule_task(i) for i in wanted])
        now = utc_now()
        to_seed: list[Check] = []
        for test_id, test in wanted.items():
            p = pending[keys.schedule_task(test_id)]
            if p.running:
                continue
            if not p.live or p.when is None:
                to_seed.append(test)
            elif not self.cadence.is_fire_time(test.schedule, p.when) and p.when > now:
                to_seed.append(test)  # planned under a cron the test no longer has
        if to_seed:
            calls = []
            for test in to_seed:
                when = self.cadence.next_after(test.schedule, now)
                calls.append(
                    self.docket.call(self.tasks.fire, when=when, key=keys.schedule_task(test.id))(
                        test.id, when.timestamp()
                    )
                )
            await self.docket.replace_many(calls)
        cancelled: list[str] = []
        for key in await self._queued_schedule_keys():
            test_id = key.removeprefix(keys.SCHEDULE_TASK_PREFIX)
            if test_id not in wanted:
                await self.docket.cancel(key)
                cancelled.append(test_id)
        if to_seed or cancelled:
            log.info(
                "reconciler: re-seeded %d test(s), cancelled %d stale fire(s)",
                len(to_seed),
                len(cancelled),
            )
        return ReconcileReport([t.id for t in to_seed], cancelled)

    async def _pending(self, task_keys: Sequence[str]) -> dict[str, _Pending]:
        if not task_keys:
            return {}
        async with self.docket.redis() as redis, redis.pipeline(transaction=False) as pipe:
            for key in task_keys:
                pipe.hgetall(self.docket.runs_key(key))
            rows: list[dict[bytes, bytes]] = await pipe.execute()
        out: dict[str, _Pending] = {}
        for key, row in zip(task_keys, rows, strict=True):
            state = row.get(b"state", b"").decode()
            running = state == "running"
            when_raw = row.get(b"when")
            when = datetime.fromtimestamp(float(when_raw), UTC) if when_raw else None
            out[key] = _Pending(live=b"known" in row or running, running=running, when=when)
        return out

    async def _queued_schedule_keys(self) -> list[str]:
        async with self.docket.redis() as redis:
            members = await redis.zrange(self.docket.queue_key, 0, -1)
        names = [m.decode() if isinstance(m, bytes) else str(m) for m in members]
        return [n for n in names if n.startswith(keys.SCHEDULE_TASK_PREFIX)]
