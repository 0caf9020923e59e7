"""execute_run with the real pipeline (rule planner, Chromium, evaluator) on the demo site:
what a manual run leaves in Redis, and the alert a failing check sends."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from typing import cast

import pytest
from pydantic import SecretStr
from standardwebhooks import Webhook

from tests.alert_receiver import Receiver
from vigil.alerts.dispatch import AlertDispatcher, default_notifier_factory
from vigil.alerts.webhook import WebhookOptions
from vigil.models import CheckCreate
from vigil.pipeline.pipeline import Pipeline
from vigil.runs import execute_run
from vigil.services import Services
from vigil.store import keys
from vigil.store.checks import create_check
from vigil.store.events import read_events
from vigil.store.incidents import list_incidents
from vigil.store.results import list_results, list_timing

SECRET = "whsec_" + base64.b64encode(b"demo-site webhook secret 0123456").decode()


@pytest.fixture
async def real(services: Services, pipeline: Pipeline) -> AsyncIterator[Services]:
    settings = services.settings.model_copy(update={"webhook_secret": SecretStr(SECRET)})
    yield Services(settings, services.redis, services.raw_redis, pipeline=pipeline)


def dispatcher(services: Services) -> AlertDispatcher:
    options = WebhookOptions(timeout_s=2, attempts=2, backoff_s=0.05)
    notifier_for = default_notifier_factory(services.settings, options)
    return AlertDispatcher(services.redis, services.settings, notifier_for=notifier_for)


async def test_a_manual_run_fills_results_timing_events_and_the_hash(
    real: Services, demo_site: str
) -> None:
    spec = CheckCreate(
        name="Shop title", url=f"{demo_site}/", goal="the title should contain 'Demo Shop'"
    )
    test = await create_check(real.redis, spec)

    outcome = await execute_run(real, test.id, "manual", dispatcher=dispatcher(real))

    record = outcome.record
    assert record is not None and outcome.plan is not None and outcome.browser_result is not None
    assert (record.passed, record.outcome, record.triggered_by) == (True, "passed", "manual")
    assert record.steps_passed == record.steps_total == len(outcome.plan.steps) >= 2
    assert record.started_at < record.completed_at
    [stored] = await list_results(real.redis, test.id)
    assert stored.model_dump_json() == record.model_dump_json()
    [(_, run_id, duration_ms)] = await list_timing(real.redis, test.id)
    assert (run_id, duration_ms) == (outcome.run_id, record.duration_ms)
    test_hash = await real.redis.hgetall(keys.test(test.id))
    assert (test_hash["last_result"], test_hash["last_run_at"]) == ("passed", record.completed_at)
    types = [e.type for e in await read_events(real.redis, test.id)]
    assert types[:3] == ["plan_start", "plan_complete", "browser_start"]
    assert types[-3:] == ["browser_complete", "eval_start", "eval_complete"]
    assert types.count("step_start") == types.count("step_complete") == record.steps_total
    shots = [s.step_number for s in record.step_results if s.screenshot]
    assert shots, "the executor screenshots every step"
    jpeg = cast(bytes, await real.raw_redis.get(keys.screenshot(outcome.run_id, shots[-1])))
    assert jpeg.startswith(b"\xff\xd8")
    assert await list_incidents(real.redis, test.id) == []


async def test_a_failing_goal_opens_an_incident_and_sends_a_signed_alert(
    real: Services, demo_site: str
) -> None:
    async with Receiver() as receiver:
        spec = CheckCreate(
            name="Shop title",
            url=f"{demo_site}/",
            goal="the title should contain 'Nope Shop'",
            alert_webhook=receiver.url,
            retries=1,
        )
        test = await create_check(real.redis, spec)

        outcome = await execute_run(real, test.id, "manual", dispatcher=dispatcher(real))
        [request] = receiver.requests

    record = outcome.record
    assert record is not None
    assert (record.passed, record.outcome, record.attempts) == (False, "failed", 2)
    assert await real.redis.hget(keys.test(test.id), "last_result") == "failed"
    payload = Webhook(SECRET).verify(request.body, request.headers)
    assert payload["event"] == "test_failed"
    assert payload["test"] == {"id": test.id, "name": "Shop title", "url": f"{demo_site}/"}
    assert payload["result"]["run_id"] == outcome.run_id
    assert payload["result"]["passed"] is False
    failing = payload["failing_step"]
    assert "Nope Shop" in json.dumps(failing)
    assert failing["screenshot_url"].endswith(
        f"/api/runs/{outcome.run_id}/steps/{failing['number']}/screenshot"
    )
    shot = await real.raw_redis.get(keys.screenshot(outcome.run_id, failing["number"]))
    assert cast(bytes, shot).startswith(b"\xff\xd8")
    [incident] = await list_incidents(real.redis, test.id)
    assert (incident.run_id, incident.alert_sent, incident.error) == (
        outcome.run_id,
        True,
        record.error,
    )
