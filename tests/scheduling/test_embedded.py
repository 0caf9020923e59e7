"""The embedded scheduler against a real Redis and real pydocket, in-process: one pending fire
per active test, changes take effect at once, fires run through execute_run exactly once with
deterministic run ids, paused/deleted tests never run, the reconciler repairs the queue, and
missed fires coalesce."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta
from typing import cast

import httpx
from redis.asyncio import Redis

from tests.scheduling.conftest import FIRE_EVERY_S, WorkerFactory
from tests.scheduling.helpers import pending_fire, records, scheduled_keys, wait_for
from tests.scheduling.stub import STARTS
from vigil.models import CheckCreate, CheckUpdate
from vigil.scheduling.cadence import Cadence, schedule_run_id
from vigil.scheduling.embedded import DocketScheduler
from vigil.services import Services
from vigil.store import checks, keys

NEW = {
    "name": "every second",
    "url": "http://127.0.0.1:9/",
    "goal": "make sure the homepage loads",
    "schedule": "* * * * *",
    "retries": 0,
}


async def create(client: httpx.AsyncClient, **overrides: object) -> dict[str, object]:
    response = await client.post("/api/tests", json={**NEW, **overrides})
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def scheduler_of(services: Services) -> DocketScheduler:
    assert isinstance(services.scheduler, DocketScheduler)
    return services.scheduler


async def test_create_schedules_one_fire_and_shows_next_run_at(
    sched_client: httpx.AsyncClient, redis: Redis
) -> None:
    test = await create(sched_client)
    test_id = str(test["id"])
    assert await scheduled_keys(redis) == [keys.schedule_task(test_id)]
    when = await pending_fire(redis, test_id)
    assert when is not None
    # Fires come every second here, so on a busy machine the pending one may already be due
    # when the answer is built; then next_run_at is the tick after it.
    shown = datetime.fromisoformat(str(test["next_run_at"]).replace("Z", "+00:00"))
    assert timedelta(0) <= shown - when <= timedelta(seconds=FIRE_EVERY_S * 2)
    listed = (await sched_client.get("/api/tests")).json()
    assert listed[0]["next_run_at"] is not None
    manual = await create(sched_client, schedule="")
    assert manual["next_run_at"] is None
    assert len(await scheduled_keys(redis)) == 1  # a manual-only test has no fire


async def test_fires_run_the_check_once_each_with_deterministic_run_ids(
    sched_client: httpx.AsyncClient, sched: Services, redis: Redis, worker: WorkerFactory
) -> None:
    test_id = str((await create(sched_client))["id"])
    async with worker():
        await wait_for(
            lambda: _count_at_least(redis, test_id, 3), 10, "three scheduled runs", every_s=0.2
        )
    runs = await records(redis, test_id)
    assert all(r["triggered_by"] == "schedule" for r in runs)
    run_ids = [str(r["run_id"]) for r in runs]
    assert len(set(run_ids)) == len(run_ids)
    # Each run id names its fire time: consecutive fires, one interval apart, none repeated.
    fires = sorted(_fire_time(test_id, r) for r in run_ids)
    for a, b in itertools.pairwise(fires):
        assert (b - a).total_seconds() == FIRE_EVERY_S
    starts = cast(dict[str, str], await redis.hgetall(STARTS))
    assert all(starts[r] == "1" for r in run_ids)  # the pipeline ran each fire once
    # Still exactly one pending fire for the test, in the future.
    assert await scheduled_keys(redis) == [keys.schedule_task(test_id)]


async def test_pause_resume_edit_delete_take_effect_at_once(
    sched_client: httpx.AsyncClient, redis: Redis
) -> None:
    test_id = str((await create(sched_client, schedule="0 3 * * *"))["id"])
    first = await pending_fire(redis, test_id)
    assert first is not None
    paused = (await sched_client.post(f"/api/tests/{test_id}/pause")).json()
    assert paused["next_run_at"] is None
    assert await scheduled_keys(redis) == []
    resumed = (await sched_client.post(f"/api/tests/{test_id}/resume")).json()
    assert await pending_fire(redis, test_id) == first
    assert resumed["next_run_at"] is not None
    # Editing only the goal keeps the fire where it is; editing the cron moves it.
    await sched_client.patch(f"/api/tests/{test_id}", json={"goal": "the site is up"})
    assert await pending_fire(redis, test_id) == first
    await sched_client.patch(f"/api/tests/{test_id}", json={"schedule": "*/5 * * * *"})
    assert len(await scheduled_keys(redis)) == 1
    await sched_client.patch(f"/api/tests/{test_id}", json={"schedule": ""})
    assert await scheduled_keys(redis) == []
    await sched_client.patch(f"/api/tests/{test_id}", json={"schedule": "* * * * *"})
    assert len(await scheduled_keys(redis)) == 1
    assert (await sched_client.delete(f"/api/tests/{test_id}")).status_code == 204
    assert await scheduled_keys(redis) == []


async def test_a_paused_or_deleted_test_never_runs_from_a_fire_already_queued(
    sched: Services, redis: Redis, worker: WorkerFactory
) -> None:
    spec = CheckCreate.model_validate(NEW)
    paused = await checks.create_check(redis, spec)
    deleted = await checks.create_check(redis, spec)
    for test in (paused, deleted):
        await scheduler_of(sched).seed(test)  # a fire is queued…
    # …then the tests change behind the scheduler's back (as on another API replica).
    await checks.update_check(redis, paused.id, CheckUpdate(status="paused"))
    await checks.delete_check(redis, deleted.id)
    async with worker():
        await asyncio.sleep(FIRE_EVERY_S * 2.5)
    assert await records(redis, paused.id) == []
    assert await records(redis, deleted.id) == []
    assert await scheduled_keys(redis) == []  # and nothing is scheduled for them any more


async def test_the_reconciler_reseeds_lost_fires_and_cancels_stale_ones(
    sched_client: httpx.AsyncClient, sched: Services, redis: Redis
) -> None:
    kept = str((await create(sched_client, schedule="0 3 * * *"))["id"])
    lost = str((await create(sched_client, schedule="0 4 * * *"))["id"])
    stale = str((await create(sched_client, schedule="0 5 * * *"))["id"])
    # Lose the queue's state for one test; pause another without telling the scheduler.
    queue_keys = cast(list[str], await redis.keys(f"{keys.QUEUE_NAME}:*{lost}*"))
    await redis.delete(*queue_keys)
    await redis.zrem(f"{keys.QUEUE_NAME}:queue", keys.schedule_task(lost))
    await checks.update_check(redis, stale, CheckUpdate(status="paused"))
    report = await scheduler_of(sched).reconcile()
    assert report.seeded == [lost]
    assert report.cancelled == [stale]
    assert sorted(await scheduled_keys(redis)) == sorted(
        [keys.schedule_task(kept), keys.schedule_task(lost)]
    )
    again = await scheduler_of(sched).reconcile()
    assert again.seeded == [] and again.cancelled == []


async def test_the_reconciler_comes_back_after_the_whole_queue_is_wiped(
    sched_client: httpx.AsyncClient, redis: Redis, worker: WorkerFactory
) -> None:
    ids = [str((await create(sched_client, schedule="0 3 * * *"))["id"]) for _ in range(3)]
    async with worker():
        await asyncio.sleep(0.5)
        queue_keys = cast(list[str], await redis.keys(f"{keys.QUEUE_NAME}:*"))
        await redis.delete(*queue_keys)
        assert await scheduled_keys(redis) == []

        async def all_back() -> bool:
            return len(await scheduled_keys(redis)) == len(ids)

        await wait_for(all_back, 10, "the reconciler to re-seed every test")


async def test_missed_fires_coalesce_into_one_run(
    sched: Services, redis: Redis, worker: WorkerFactory
) -> None:
    spec = CheckCreate.model_validate({**NEW, "schedule": "0 * * * *"})
    test = await checks.create_check(redis, spec)
    # The fire due an hour ago, as if every process had been down since.
    missed = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    scheduler = scheduler_of(sched)
    await scheduler.docket.replace(
        scheduler.tasks.fire, when=missed, key=keys.schedule_task(test.id)
    )(test.id, missed.timestamp())
    started = datetime.now(UTC)
    async with worker():
        await wait_for(lambda: _count_at_least(redis, test.id, 1), 10, "the missed fire")
        await asyncio.sleep(FIRE_EVERY_S * 2)
    # The fixture's test-only interval turns the hourly cron into a fire every second, so the
    # missed hour held 3,600 fires: they became the one run of the missed fire, and the runs
    # after it are only the fires that came due once the worker was up.
    fires = [_fire_time(test.id, str(r["run_id"])) for r in await records(redis, test.id)]
    before = [f for f in fires if f < started - timedelta(seconds=FIRE_EVERY_S)]
    assert before == [missed]
    assert len(fires) <= 1 + 6
    nxt = await pending_fire(redis, test.id)
    assert nxt is not None and nxt > datetime.now(UTC) - timedelta(seconds=FIRE_EVERY_S)


def test_cadence_follows_the_cron_in_utc() -> None:
    cadence = Cadence()
    at = datetime(2026, 3, 1, 10, 7, 30, tzinfo=UTC)
    assert cadence.next_after("*/5 * * * *", at) == datetime(2026, 3, 1, 10, 10, tzinfo=UTC)
    assert cadence.is_fire_time("*/5 * * * *", datetime(2026, 3, 1, 10, 10, tzinfo=UTC))
    assert not cadence.is_fire_time("*/5 * * * *", datetime(2026, 3, 1, 10, 11, tzinfo=UTC))
    assert schedule_run_id("abc12345", at) == "abc12345-20260301T100730Z"
    assert Cadence(2).next_after("* * * * *", at) == at + timedelta(seconds=2)


async def _count_at_least(redis: Redis, test_id: str, n: int) -> bool:
    return int(await redis.zcard(keys.results(test_id))) >= n


def _fire_time(test_id: str, run_id: str) -> datetime:
    stamp = run_id.removeprefix(f"{test_id}-")
    return datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
