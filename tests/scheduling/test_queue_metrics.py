"""The run queue on /metrics: fires waiting with no worker to take them, then drained by one.

A growing `waiting` count is how an operator sees that workers are too few or stopped, so the
test lets fires come due with no worker, then starts one and watches the count fall."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.scheduling.conftest import WorkerFactory
from tests.scheduling.helpers import wait_for
from tests.scheduling.test_embedded import create


async def queue_gauges(client: httpx.AsyncClient) -> dict[str, float]:
    response = await client.get("/metrics")
    assert response.status_code == 200, response.text
    out: dict[str, float] = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            if sample.name == "vigil_queue_fires":
                out[sample.labels["state"]] = sample.value
            elif sample.name == "vigil_workers":
                out["workers"] = sample.value
    return out


async def test_metrics_show_fires_waiting_for_a_worker_then_drained(
    sched_client: httpx.AsyncClient, worker: WorkerFactory
) -> None:
    for n in range(3):
        await create(sched_client, name=f"queued {n}")
    gauges = await queue_gauges(sched_client)
    assert gauges["scheduled"] + gauges["waiting"] == 3
    assert gauges["running"] == 0
    assert gauges["workers"] == 0

    async def all_waiting() -> bool:
        return (await queue_gauges(sched_client))["waiting"] == 3

    await wait_for(all_waiting, 10, "three due fires with no worker to run them")

    async with worker():

        async def drained() -> bool:
            g = await queue_gauges(sched_client)
            # Each fire schedules its successor, so the three are back as `scheduled`.
            return g["waiting"] == 0 and g["workers"] >= 1 and g["scheduled"] >= 1

        await wait_for(drained, 15, "the worker to take the waiting fires", every_s=0.2)


async def test_metrics_have_no_queue_series_without_a_queue(client: httpx.AsyncClient) -> None:
    """VIGIL_SCHEDULER=off (the default test services): no queue, so no made-up zeros."""
    gauges = await queue_gauges(client)
    assert gauges == {}
