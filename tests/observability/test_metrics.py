"""`/metrics` scraped with prometheus_client's own text parser after real runs (a scripted
pipeline instead of a browser), checked against what those runs did."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample
from pydantic import SecretStr
from redis.asyncio import Redis

from tests.alert_receiver import Receiver
from tests.conftest import TOKEN
from tests.test_runs import dispatcher, make_services
from vigil.api.app import create_app
from vigil.models import iso, utc_now
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.services import Services
from vigil.store import keys

METRICS_TOKEN = "scrape-only-token-123"


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with Receiver() as r:
        yield r


def scrape(text: str) -> dict[str, list[Sample]]:
    out: dict[str, list[Sample]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out.setdefault(sample.name, []).append(sample)
    return out


def value(samples: dict[str, list[Sample]], metric: str, /, **labels: str) -> float:
    [found] = [s for s in samples[metric] if all(s.labels.get(k) == v for k, v in labels.items())]
    return found.value


async def test_metrics_count_runs_outcomes_durations_failures_and_deliveries(
    services: Services, receiver: Receiver
) -> None:
    from vigil.runs import execute_run

    pipeline = ScriptedPipeline("pass", "fail", "fail", "raise", delay_s=0.02)
    svc = make_services(services, pipeline, metrics_token=SecretStr(METRICS_TOKEN))
    app = create_app(svc)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://vigil.test"
    ) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        created = await client.post(
            "/api/tests",
            headers=auth,
            json={
                "name": "Shop",
                "url": "https://a.example",
                "goal": "verify 'x'",
                "retries": 0,
                "alert_webhook": receiver.url,
            },
        )
        other = await client.post(
            "/api/tests",
            headers=auth,
            json={"name": "Never run", "url": "https://b.example", "goal": "verify 'x'"},
        )
        test_id, other_id = created.json()["id"], other.json()["id"]
        outcomes = [
            await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc)) for _ in range(4)
        ]
        receiver.statuses = [500]  # the recovery alert cannot be delivered
        pipeline.scripted.script.append("pass")
        outcomes.append(await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc)))

        refused = await client.get("/metrics")
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
        with_api_token = await client.get("/metrics", headers=auth)
        response = await client.get(
            "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}
        )

    assert (refused.status_code, wrong.status_code, with_api_token.status_code) == (401, 401, 200)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    m = scrape(response.text)
    ids = {"test_id": test_id, "name": "Shop"}
    assert [o.record.outcome for o in outcomes if o.record] == [
        "passed",
        "failed",
        "failed",
        "error",
        "passed",
    ]
    for outcome, count in [("passed", 2), ("failed", 2), ("error", 1), ("healed", 0)]:
        assert value(m, "vigil_check_runs_total", outcome=outcome, **ids) == count
    assert value(m, "vigil_check_success", **ids) == 1
    assert value(m, "vigil_check_last_result", vigil_check_last_result="passed", **ids) == 1
    assert value(m, "vigil_check_last_result", vigil_check_last_result="failed", **ids) == 0
    assert value(m, "vigil_check_consecutive_failures", **ids) == 0
    durations = [o.record.duration_ms / 1000 for o in outcomes if o.record]
    assert value(m, "vigil_check_last_duration_seconds", **ids) == durations[-1]
    assert value(m, "vigil_check_run_duration_seconds_count", **ids) == 5
    assert value(m, "vigil_check_run_duration_seconds_sum", **ids) == pytest.approx(sum(durations))
    assert value(m, "vigil_check_run_duration_seconds_bucket", le="+Inf", **ids) == 5
    assert value(m, "vigil_check_run_duration_seconds_bucket", le="0.5", **ids) == sum(
        d <= 0.5 for d in durations
    )
    # test_failed after the first failure was sent; test_recovered could not be delivered.
    assert value(m, "vigil_alert_deliveries_total", result="sent", **ids) == 1
    assert value(m, "vigil_alert_deliveries_total", result="failed", **ids) == 1
    assert value(m, "vigil_check_last_run_timestamp_seconds", **ids) > 1.7e9
    # A check that never ran has zero counters and no last result.
    never = {"test_id": other_id, "name": "Never run"}
    assert value(m, "vigil_check_runs_total", outcome="passed", **never) == 0
    assert not [s for s in m["vigil_check_success"] if s.labels["test_id"] == other_id]
    assert value(m, "vigil_checks", status="active") == 2
    # Process metrics, and no label beyond test id and name (plus the fixed value sets).
    assert m["process_resident_memory_bytes"][0].value > 0
    allowed = {"test_id", "name", "outcome", "result", "le", "vigil_check_last_result", "status"}
    for samples in m.values():
        for sample in samples:
            assert set(sample.labels) <= allowed | {
                "implementation",
                "major",
                "minor",
                "patchlevel",
                "version",
                "generation",
            }


async def test_a_failing_streak_shows_in_consecutive_failures(services: Services) -> None:
    from vigil.runs import execute_run

    svc = make_services(services, ScriptedPipeline("fail"))
    app = create_app(svc)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://vigil.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as client:
        created = await client.post(
            "/api/tests",
            json={"name": "Down", "url": "https://a.example", "goal": "verify 'x'", "retries": 0},
        )
        test_id = created.json()["id"]
        for _ in range(3):
            await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))
        m = scrape((await client.get("/metrics")).text)
        deleted = await client.delete(f"/api/tests/{test_id}")
        after = scrape((await client.get("/metrics")).text)

    ids = {"test_id": test_id, "name": "Down"}
    assert value(m, "vigil_check_consecutive_failures", **ids) == 3
    assert value(m, "vigil_check_success", **ids) == 0
    assert deleted.status_code == 204
    assert not [
        s for s in after.get("vigil_check_runs_total", []) if s.labels["test_id"] == test_id
    ]


async def test_a_scheduled_check_that_stopped_running_shows_as_overdue(
    client: httpx.AsyncClient, redis: Redis
) -> None:
    body = {"url": "https://a.example", "goal": "verify 'x'", "schedule": "*/5 * * * *"}
    late = (await client.post("/api/tests", json={**body, "name": "Late"})).json()
    fresh = await client.post("/api/tests", json={**body, "name": "Fresh"})
    paused = (await client.post("/api/tests", json={**body, "name": "Paused"})).json()
    await client.post(f"/api/tests/{paused['id']}/pause")
    manual = await client.post("/api/tests", json={**body, "name": "Manual", "schedule": ""})
    # Last run and last edit an hour ago: the fire due within 5 minutes after that never came.
    an_hour_ago = iso(utc_now() - timedelta(hours=1))
    await redis.hset(
        keys.test(late["id"]), mapping={"last_run_at": an_hour_ago, "updated_at": an_hour_ago}
    )

    m = scrape((await client.get("/metrics")).text)

    overdue = {s.labels["name"]: s.value for s in m["vigil_check_overdue_seconds"]}
    assert set(overdue) == {"Late", "Fresh"}  # paused and manual checks are never overdue
    assert (manual.status_code, fresh.status_code) == (201, 201)
    assert 55 * 60 - 5 <= overdue["Late"] <= 60 * 60
    assert overdue["Fresh"] == 0
