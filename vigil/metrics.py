"""Prometheus exposition of what Vigil stores: one scrape, one snapshot of Redis.

The counters live in Redis (vigil/store/metrics.py) because runs happen in other processes;
this module turns a snapshot of them into metric families on a registry built per scrape, so
nothing here is global state and two app instances in one process never share a series.
Labels are the test id and name only (plus a fixed set of values such as the outcome):
run ids would grow the number of series without bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Final

from croniter import croniter
from prometheus_client import (
    GC_COLLECTOR,
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    generate_latest,
)
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
    StateSetMetricFamily,
)
from prometheus_client.registry import Collector

from vigil.models import Check, Outcome, utc_now
from vigil.scheduling.scheduler import QueueDepth
from vigil.store.metrics import TestMetrics
from vigil.store.results import parse_iso

CONTENT_TYPE: Final = "text/plain; version=0.0.4; charset=utf-8"
LABELS: Final = ("test_id", "name")
OUTCOMES: Final[tuple[Outcome, ...]] = ("passed", "passed_on_retry", "healed", "failed", "error")
LAST_RESULTS: Final = ("passed", "failed", "error")
DELIVERY_RESULTS: Final = ("sent", "failed")


def _bound(value: float) -> str:
    return "+Inf" if value == float("inf") else repr(value)


def overdue_s(test: Check, now: datetime) -> float | None:
    """How long ago the check's next scheduled run was due without one starting: 0 when on
    time, None for manual or paused checks. Counted from the later of its last run and its
    last edit (a resume or a new schedule starts the clock again), so it works the same
    whichever scheduler fires the runs, and a scheduler that stopped shows up here."""
    if test.status != "active" or not test.schedule:
        return None
    since = max(parse_iso(t) for t in (test.last_run_at, test.updated_at) if t)
    due: datetime = croniter(test.schedule, since).get_next(datetime)
    return max(0.0, (now - due).total_seconds())


class _Snapshot(Collector):
    def __init__(
        self, tests: Iterable[TestMetrics], now: datetime, queue: QueueDepth | None
    ) -> None:
        self._tests = list(tests)
        self._now = now
        self._queue = queue

    def collect(self) -> Iterator[Metric]:
        checks = GaugeMetricFamily("vigil_checks", "Checks defined, by status.", labels=["status"])
        for status in ("active", "paused"):
            checks.add_metric([status], sum(m.test.status == status for m in self._tests))
        yield checks

        success = GaugeMetricFamily(
            "vigil_check_success",
            "1 if the check's last run passed, 0 if it failed or errored.",
            labels=LABELS,
        )
        last = StateSetMetricFamily(
            "vigil_check_last_result", "The check's last result.", labels=LABELS
        )
        last_run = GaugeMetricFamily(
            "vigil_check_last_run_timestamp_seconds",
            "Unix time the check's last run completed.",
            labels=LABELS,
        )
        last_duration = GaugeMetricFamily(
            "vigil_check_last_duration_seconds",
            "Duration of the check's last run, retries included.",
            labels=LABELS,
        )
        streak = GaugeMetricFamily(
            "vigil_check_consecutive_failures",
            "Counted failures in a row (Vigil's own errors neither count nor break a streak).",
            labels=LABELS,
        )
        runs = CounterMetricFamily(
            "vigil_check_runs", "Stored runs, by outcome.", labels=[*LABELS, "outcome"]
        )
        durations = HistogramMetricFamily(
            "vigil_check_run_duration_seconds",
            "Run durations, retries included.",
            labels=LABELS,
        )
        overdue = GaugeMetricFamily(
            "vigil_check_overdue_seconds",
            "Seconds since a scheduled run was due and none happened (0 = on time).",
            labels=LABELS,
        )
        alerts = CounterMetricFamily(
            "vigil_alert_deliveries",
            "Alert delivery attempts, by result.",
            labels=[*LABELS, "result"],
        )
        for m in self._tests:
            labels = [m.test.id, m.test.name]
            if m.test.last_result is not None:
                success.add_metric(labels, 1.0 if m.test.last_result == "passed" else 0.0)
                last.add_metric(labels, {r: r == m.test.last_result for r in LAST_RESULTS})
            if m.test.last_run_at:
                last_run.add_metric(labels, parse_iso(m.test.last_run_at).timestamp())
            if m.last_duration_s is not None:
                last_duration.add_metric(labels, m.last_duration_s)
            streak.add_metric(labels, m.consecutive_failures)
            late = overdue_s(m.test, self._now)
            if late is not None:
                overdue.add_metric(labels, late)
            for outcome in OUTCOMES:
                runs.add_metric([*labels, outcome], m.runs.get(outcome, 0))
            durations.add_metric(
                labels, [(_bound(b), c) for b, c in m.buckets], sum_value=m.duration_sum_s
            )
            for result in DELIVERY_RESULTS:
                alerts.add_metric([*labels, result], m.alerts.get(result, 0))
        yield from (success, last, last_run, last_duration, streak, overdue, runs, durations)
        yield alerts
        if self._queue is not None:
            yield from _queue_families(self._queue)


def _queue_families(queue: QueueDepth) -> Iterator[Metric]:
    """The run queue, shared by all workers (embedded scheduler only: QStash keeps its own)."""
    fires = GaugeMetricFamily(
        "vigil_queue_fires",
        "Scheduled fires in the run queue, by state (waiting = due but not started).",
        labels=["state"],
    )
    fires.add_metric(["scheduled"], queue.scheduled)
    fires.add_metric(["waiting"], queue.waiting)
    fires.add_metric(["running"], queue.running)
    yield fires
    yield GaugeMetricFamily(
        "vigil_workers", "Queue workers with a recent heartbeat.", value=queue.workers
    )


def render(
    tests: Iterable[TestMetrics],
    *,
    queue: QueueDepth | None = None,
    now: datetime | None = None,
) -> bytes:
    """The text exposition of `tests` plus this process's own metrics (CPU, memory, file
    descriptors, GC), as every Prometheus exporter offers them."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Snapshot(tests, now or utc_now(), queue))
    for collector in (PROCESS_COLLECTOR, PLATFORM_COLLECTOR, GC_COLLECTOR):
        registry.register(collector)
    return generate_latest(registry)
