"""Counters behind `/metrics`, kept in Redis rather than in process memory.

Runs happen in workers and API replicas alike, while Prometheus scrapes one API process: a
counter in that process's memory would miss every run made elsewhere and reset on restart.
So each stored run bumps fields of `metrics:{test_id}` (in the script that stores it, see
run_counts) and each alert delivery bumps one (a HINCRBY, best effort: losing a count must
never lose a delivery's record), and the scrape reads the hashes back. Deleting a test deletes
its hash, which ends its series.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Final, cast

from redis.asyncio import Redis

from vigil.models import Check, Outcome, RunRecord
from vigil.store import keys

# Upper bounds (seconds) of the run-duration histogram: browser checks take seconds to minutes.
DURATION_BUCKETS_S: Final = (0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0, 300.0)

_RUNS = "runs:"  # + outcome
_BUCKET = "duration_bucket:"  # + index into DURATION_BUCKETS_S, or "inf"
_DURATION_SUM_MS = "duration_sum_ms"
_DURATION_COUNT = "duration_count"
_LAST_DURATION_MS = "last_duration_ms"
_ALERTS = "alerts:"  # + "sent" | "failed"


def _bucket_field(duration_ms: int) -> str:
    index = bisect.bisect_left(DURATION_BUCKETS_S, duration_ms / 1000)
    return _BUCKET + ("inf" if index == len(DURATION_BUCKETS_S) else str(index))


def run_counts(record: RunRecord) -> list[str | int]:
    """How one stored run changes `metrics:{test_id}`, as four field/increment pairs for
    HINCRBY and the field/value pair for HSET: the store script (results.py) applies them in
    the same call that stores the run, so a run is counted exactly when it is stored, with
    no round trip of its own."""
    return [
        _RUNS + record.outcome,
        1,
        _bucket_field(record.duration_ms),
        1,
        _DURATION_SUM_MS,
        record.duration_ms,
        _DURATION_COUNT,
        1,
        _LAST_DURATION_MS,
        str(record.duration_ms),
    ]


async def record_delivery(redis: Redis, test_id: str, *, sent: bool) -> None:
    """Count one alert delivery attempt by its result; skipped for a deleted test, so a late
    delivery does not resurrect a series."""
    if await redis.exists(keys.test(test_id)):
        await redis.hincrby(keys.metrics(test_id), _ALERTS + ("sent" if sent else "failed"), 1)


@dataclass
class TestMetrics:
    """What a scrape reports for one test."""

    __test__ = False

    test: Check
    consecutive_failures: int = 0
    runs: dict[Outcome, int] = field(default_factory=dict)
    # Cumulative counts per upper bound, the last bound being +Inf, as Prometheus wants them.
    buckets: list[tuple[float, int]] = field(default_factory=list)
    duration_sum_s: float = 0.0
    duration_count: int = 0
    last_duration_s: float | None = None
    alerts: dict[str, int] = field(default_factory=dict)


def _metrics_of(test: Check, raw: dict[str, str], failures: str | None) -> TestMetrics:
    out = TestMetrics(test, consecutive_failures=int(failures or 0))
    for name, value in raw.items():
        if name.startswith(_RUNS):
            out.runs[cast(Outcome, name.removeprefix(_RUNS))] = int(value)
        elif name.startswith(_ALERTS):
            out.alerts[name.removeprefix(_ALERTS)] = int(value)
    running = 0
    for index, bound in enumerate((*DURATION_BUCKETS_S, float("inf"))):
        suffix = "inf" if index == len(DURATION_BUCKETS_S) else str(index)
        running += int(raw.get(_BUCKET + suffix, 0))
        out.buckets.append((bound, running))
    out.duration_sum_s = int(raw.get(_DURATION_SUM_MS, 0)) / 1000
    out.duration_count = int(raw.get(_DURATION_COUNT, 0))
    if _LAST_DURATION_MS in raw:
        out.last_duration_s = int(raw[_LAST_DURATION_MS]) / 1000
    return out


async def read_metrics(redis: Redis, tests: list[Check]) -> list[TestMetrics]:
    """Every test's counters in one pipelined round trip."""
    if not tests:
        return []
    async with redis.pipeline(transaction=False) as pipe:
        for test in tests:
            pipe.hgetall(keys.metrics(test.id))
            pipe.hget(keys.test(test.id), keys.ALERT_FAILURES_FIELD)
        replies: list[object] = await pipe.execute()
    out: list[TestMetrics] = []
    for index, test in enumerate(tests):
        raw = cast(dict[str, str], replies[2 * index])
        failures = cast(str | None, replies[2 * index + 1])
        out.append(_metrics_of(test, raw, failures))
    return out
