"""A Scheduler test double: records every call and can be told to fail like a remote API.

Shipped beside the real schedulers so tests of the API and of test lifecycle can check what
was asked of the scheduler, in which order, without a queue or a network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from vigil.errors import SchedulerUnavailable
from vigil.models import Check
from vigil.scheduling.scheduler import QueueDepth, SchedulerMode


@dataclass
class RecordingScheduler:
    mode: SchedulerMode = "embedded"
    calls: list[tuple[str, str]] = field(default_factory=list)
    fail_prepare: bool = False
    next_run: datetime | None = None
    extra_fields: dict[str, str] = field(default_factory=dict)
    depth: QueueDepth | None = None

    async def prepare(self, before: Check | None, after: Check) -> dict[str, str]:
        self.calls.append(("prepare", after.id))
        if self.fail_prepare:
            raise SchedulerUnavailable("scheduler said no (test double)")
        return dict(self.extra_fields)

    async def applied(self, test: Check) -> None:
        self.calls.append(("applied", test.id))

    async def removing(self, test: Check) -> None:
        self.calls.append(("removing", test.id))
        if self.fail_prepare:
            raise SchedulerUnavailable("scheduler said no (test double)")

    async def removed(self, test_id: str) -> None:
        self.calls.append(("removed", test_id))

    async def next_runs(self, tests: Sequence[Check]) -> dict[str, datetime | None]:
        return {t.id: self.next_run for t in tests}

    async def queue_depth(self) -> QueueDepth | None:
        return self.depth

    async def aclose(self) -> None:
        self.calls.append(("aclose", ""))
