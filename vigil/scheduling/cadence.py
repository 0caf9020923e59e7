"""When a schedule fires next, and the run id of one fire (DESIGN §5).

Every process that plans fires (the API on create/edit, the fire task scheduling its
successor, the reconciler re-seeding) asks this module, so they all agree on the fire times of
a cron; and the run id is derived from (test, fire time) alone, so a redelivered or retried
fire maps to the run it already stored.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from croniter import croniter


@dataclass(frozen=True)
class Cadence:
    """Fire times of 5-field crons in UTC. `every_s` > 0 replaces every cron by a fixed
    interval aligned to the epoch (test-only: VIGIL_TEST_FIRE_EVERY), so real processes can
    go through several cycles in seconds with the same code path as a minute cron."""

    every_s: float = 0.0

    def next_after(self, cron: str, after: datetime) -> datetime:
        """The first fire strictly after `after`."""
        if self.every_s > 0:
            ts = after.timestamp()
            n = math.floor(ts / self.every_s) + 1
            return datetime.fromtimestamp(n * self.every_s, UTC)
        # A 5-field cron fires on whole minutes, so every instant of one minute has the same
        # next fire: the answer is cached per (cron, minute). Parsing a cron costs ~0.5 ms of
        # CPU, which a thousand fires due in the same minute would otherwise pay each.
        minute = math.floor(after.timestamp() / 60) * 60
        return _next_fire(cron, minute)

    def is_fire_time(self, cron: str, when: datetime) -> bool:
        """Whether `when` is one of the cron's fire times (the reconciler's check that a pending
        occurrence still belongs to the test's current schedule)."""
        expected = self.next_after(cron, when - timedelta(milliseconds=1))
        return abs((expected - when).total_seconds()) < 0.001


@functools.lru_cache(maxsize=4096)
def _next_fire(cron: str, minute: float) -> datetime:
    """The cron's first fire strictly after the whole minute `minute` (unix seconds)."""
    start = datetime.fromtimestamp(minute, UTC)
    nxt = croniter(cron, start).get_next(datetime)
    assert isinstance(nxt, datetime)
    return nxt.astimezone(UTC)


def schedule_run_id(test_id: str, fire_at: datetime) -> str:
    """Deterministic per (test, fire time); readable, and unique across tests because run ids
    also name screenshot keys."""
    stamp = fire_at.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    millis = round(fire_at.timestamp() * 1000) % 1000
    return f"{test_id}-{stamp}{millis:03d}Z" if millis else f"{test_id}-{stamp}Z"
