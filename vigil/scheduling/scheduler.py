"""The Scheduler interface the API and the composition root see, and the `off` mode.

Three implementations are chosen by VIGIL_SCHEDULER: `embedded` (pydocket, vigil/scheduling/
embedded.py), `qstash` (QStash schedules API, qstash_schedules.py) and `off` (manual runs
only, here). Test-lifecycle code (lifecycle.py) calls them in a fixed order around the write
of the test hash, so a remote failure can leave the test as it was:

- `prepare(before, after)` runs BEFORE the hash is written; a remote scheduler makes the
  change there and returns fields to store with the test (QStash's schedule id). Raising
  SchedulerUnavailable aborts the change (HTTP 502), nothing written.
- `applied(test)` runs AFTER the hash is written; a local scheduler makes its queue agree
  with the test there. Failing is harmless: the reconciler repairs the queue from the hashes.
- `removing(test)` runs before a delete, `removed(test_id)` after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from vigil.models import Check

SchedulerMode = Literal["embedded", "qstash", "off"]


def wants_schedule(test: Check) -> bool:
    """Whether a test should have a pending fire: active and with a cron."""
    return test.status == "active" and bool(test.schedule)


@dataclass(frozen=True)
class QueueDepth:
    """What a queue-backed scheduler holds right now, for /metrics.

    `waiting` is the number to alert on: fires that are due but no worker has started, which
    grows when workers are too few, stopped or stuck."""

    scheduled: int  # fires planned for a later time
    waiting: int  # due, not yet started by a worker
    running: int  # started by a worker, not yet acknowledged
    workers: int  # workers that sent a heartbeat recently


class Scheduler(Protocol):
    mode: SchedulerMode

    async def prepare(self, before: Check | None, after: Check) -> dict[str, str]: ...

    async def applied(self, test: Check) -> None: ...

    async def removing(self, test: Check) -> None: ...

    async def removed(self, test_id: str) -> None: ...

    async def next_runs(self, tests: Sequence[Check]) -> dict[str, datetime | None]: ...

    async def queue_depth(self) -> QueueDepth | None:
        """None when the queue is not ours to see (QStash holds it) or there is none."""
        ...

    async def aclose(self) -> None: ...


class OffScheduler:
    """VIGIL_SCHEDULER=off: nothing fires; runs are manual (API, CLI) only."""

    mode: SchedulerMode = "off"

    async def prepare(self, before: Check | None, after: Check) -> dict[str, str]:
        return {}

    async def applied(self, test: Check) -> None:
        return None

    async def removing(self, test: Check) -> None:
        return None

    async def removed(self, test_id: str) -> None:
        return None

    async def next_runs(self, tests: Sequence[Check]) -> dict[str, datetime | None]:
        return {t.id: None for t in tests}

    async def queue_depth(self) -> QueueDepth | None:
        return None

    async def aclose(self) -> None:
        return None
