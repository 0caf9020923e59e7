"""execute_run: locking, retries, idempotency, error runs and alerting, with a scripted
pipeline (the real browser pipeline is exercised in tests/pipeline/test_execute_run.py)."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from typing import cast

import pytest
from pydantic import SecretStr
from redis.asyncio import Redis
from standardwebhooks import Webhook

from tests.alert_receiver import Receiver
from vigil.alerts.dispatch import AlertDispatcher, default_notifier_factory
from vigil.alerts.webhook import WebhookOptions
from vigil.config import Settings
from vigil.errors import BrowserUnavailable, Conflict, NotFound
from vigil.models import (
    CheckCreate,
    TriggeredBy,
)
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.runs import execute_run, qstash_run_id, run_adhoc
from vigil.services import Services
from vigil.store import keys
from vigil.store.checks import create_check, set_status
from vigil.store.events import read_events
from vigil.store.incidents import list_incidents
from vigil.store.results import list_results

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef0123456789abcdef").decode()
FAST = WebhookOptions(timeout_s=0.3, attempts=2, backoff_s=0.01)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with Receiver() as r:
        yield r


def make_services(services: Services, pipeline: ScriptedPipeline, **settings: object) -> Services:
    tuned = services.settings.model_copy(update={"webhook_secret": None, **settings})
    return Services(tuned, services.redis, services.raw_redis, pipeline=pipeline)


def dispatcher(services: Services) -> AlertDispatcher:
    notifier_for = default_notifier_factory(services.settings, FAST)
    return AlertDispatcher(services.redis, services.settings, notifier_for=notifier_for)


async def new_test(redis: Redis, target: str = "", **policy: int) -> str:
    spec = CheckCreate.model_validate(
        {
            "name": "Home",
            "url": "https://site.example",
            "goal": "see 'Welcome'",
            "alert_webhook": target,
            **policy,
        }
    )
    return (await create_check(redis, spec)).id


async def test_a_manual_run_is_stored_with_its_events_and_screenshots(services: Services) -> None:
    svc = make_services(services, ScriptedPipeline("pass"))
    test_id = await new_test(svc.redis)

    outcome = await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))

    record = outcome.record
    assert record is not None and outcome.result is not None and outcome.plan is not None
    assert (record.passed, record.outcome, record.attempts) == (True, "passed", 1)
    assert record.triggered_by == "manual"
    assert record.started_at < record.completed_at
    assert [r.run_id for r in await list_results(svc.redis, test_id)] == [outcome.run_id]
    assert await svc.redis.hget(keys.test(test_id), "last_result") == "passed"
    events = await read_events(svc.redis, test_id)
    assert [e.type for e in events] == [
        "plan_start",
        "plan_complete",
        "eval_start",
        "eval_complete",
    ]
    assert {e.run_id for e in events} == {outcome.run_id}
    assert await svc.raw_redis.get(keys.screenshot(outcome.run_id, 2)) == b"\xff\xd8two"
    assert all(s.screenshot for s in record.step_results)
    assert not await svc.redis.exists(keys.run_lock(test_id))  # released


async def test_a_failed_run_is_retried_and_can_pass_on_retry(services: Services) -> None:
    pipeline = ScriptedPipeline("fail", "pass")
    svc = make_services(services, pipeline)
    test_id = await new_test(svc.redis, retries=1)

    outcome = await execute_run(svc, test_id, "schedule", dispatcher=dispatcher(svc))

    assert outcome.record is not None
    assert (outcome.record.outcome, outcome.record.attempts, outcome.record.passed) == (
        "passed_on_retry",
        2,
        True,
    )
    assert pipeline.calls == 2
    assert await list_incidents(svc.redis, test_id) == []


async def test_a_failure_after_every_retry_alerts_with_a_signed_webhook(
    services: Services, receiver: Receiver
) -> None:
    pipeline = ScriptedPipeline("fail")
    svc = make_services(services, pipeline, webhook_secret=SecretStr(SECRET))
    test_id = await new_test(svc.redis, receiver.url, retries=2)

    outcome = await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))

    assert outcome.record is not None
    assert (outcome.record.outcome, outcome.record.attempts) == ("failed", 3)
    assert outcome.alert is not None and outcome.alert.sent
    [request] = receiver.requests
    payload = Webhook(SECRET).verify(request.body, request.headers)
    assert payload["event"] == "test_failed"
    assert payload["result"]["run_id"] == outcome.run_id
    assert payload["failing_step"]["description"] == "See 'Welcome'"
    [incident] = await list_incidents(svc.redis, test_id)
    assert (incident.run_id, incident.alert_sent, incident.delivery_error) == (
        outcome.run_id,
        True,
        None,
    )


async def test_a_pipeline_exception_still_stores_an_error_run(services: Services) -> None:
    pipeline = ScriptedPipeline("raise")
    svc = make_services(services, pipeline)
    test_id = await new_test(svc.redis, retries=2)

    outcome = await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))

    record = outcome.record
    assert record is not None
    assert (record.passed, record.outcome, record.attempts) == (False, "error", 1)
    assert record.error == "Chromium is not installed"
    assert pipeline.calls == 1  # errors are not what `retries` is for
    assert await svc.redis.hget(keys.test(test_id), "last_result") == "error"
    [stored] = await list_results(svc.redis, test_id)
    assert stored.error == "Chromium is not installed"
    events = await read_events(svc.redis, test_id)
    assert events[-1].type == "error"
    assert outcome.result is not None and outcome.result.passed is False
    assert [i.run_id for i in await list_incidents(svc.redis, test_id)] == [outcome.run_id]


async def test_any_exception_is_stored_with_its_type(services: Services) -> None:
    svc = make_services(services, ScriptedPipeline("crash"))
    test_id = await new_test(svc.redis)
    outcome = await execute_run(svc, test_id, "cli", dispatcher=dispatcher(svc))
    assert outcome.record is not None
    assert outcome.record.error == "ZeroDivisionError: division by zero"


async def test_a_hung_pipeline_is_cut_by_the_backstop_and_stored_as_an_error(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("vigil.runs._BACKSTOP_S", -4.5)  # 5 s test timeout -> 0.5 s
    svc = make_services(services, ScriptedPipeline("hang"))
    test_id = await new_test(svc.redis, timeout_s=5)

    outcome = await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))

    assert outcome.record is not None and outcome.record.outcome == "error"
    assert outcome.record.error == "the run did not finish in 5 s"
    assert (await read_events(svc.redis, test_id))[-1].type == "error"


async def test_a_paused_test_is_skipped_by_schedules_but_runs_when_asked(
    services: Services,
) -> None:
    svc = make_services(services, ScriptedPipeline("pass"))
    test_id = await new_test(svc.redis)
    await set_status(svc.redis, test_id, "paused")

    triggers: list[TriggeredBy] = ["schedule", "qstash"]
    for trigger in triggers:
        skipped = await execute_run(svc, test_id, trigger, run_id="fire-1")
        assert (skipped.skipped, skipped.reason, skipped.record) == (True, "test is paused", None)
    assert await svc.redis.zcard(keys.results(test_id)) == 0

    manual = await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))
    assert not manual.skipped and manual.record is not None


async def test_an_unknown_test_is_not_found(services: Services) -> None:
    with pytest.raises(NotFound):
        await execute_run(services, "nope1234", "manual")


async def test_a_second_run_of_the_same_test_conflicts_while_one_is_in_progress(
    services: Services,
) -> None:
    svc = make_services(services, ScriptedPipeline("pass", delay_s=0.5))
    test_id = await new_test(svc.redis)

    first = asyncio.create_task(execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc)))
    await asyncio.sleep(0.1)
    with pytest.raises(Conflict, match="already in progress"):
        await execute_run(svc, test_id, "manual")
    outcome = await first
    assert outcome.record is not None
    assert await svc.redis.zcard(keys.results(test_id)) == 1


async def test_a_lock_taken_over_by_another_run_is_not_released_by_us(
    services: Services,
) -> None:
    svc = make_services(services, ScriptedPipeline("pass", delay_s=0.3))
    test_id = await new_test(svc.redis)
    task = asyncio.create_task(execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc)))
    await asyncio.sleep(0.1)
    await svc.redis.set(keys.run_lock(test_id), "someone-else")  # as after our lock expired
    await task
    assert await svc.redis.get(keys.run_lock(test_id)) == "someone-else"


async def test_a_redelivered_qstash_message_stores_one_run_and_sends_one_alert(
    services: Services, receiver: Receiver
) -> None:
    pipeline = ScriptedPipeline("fail")
    svc = make_services(services, pipeline)
    test_id = await new_test(svc.redis, receiver.url, retries=0)
    run_id = qstash_run_id("msg_26hZCxZCuWyyTWPmSVBrNC1RADwpgWxPcak2rQD51EMjFMuzcW4qf")

    first = await execute_run(svc, test_id, "qstash", run_id=run_id, dispatcher=dispatcher(svc))
    again = await execute_run(svc, test_id, "qstash", run_id=run_id, dispatcher=dispatcher(svc))

    assert again.duplicate and not first.duplicate
    assert again.record is not None and first.record is not None
    assert again.record.model_dump_json() == first.record.model_dump_json()
    assert pipeline.calls == 1
    assert await svc.redis.zcard(keys.results(test_id)) == 1
    assert len(await list_incidents(svc.redis, test_id)) == 1
    assert len(receiver.requests) == 1


@pytest.mark.parametrize("trouble", ["down", "slow", "500"])
async def test_a_failed_delivery_keeps_the_run_and_records_the_error(
    services: Services, trouble: str
) -> None:
    svc = make_services(services, ScriptedPipeline("fail"))
    statuses = [500] if trouble == "500" else [200]
    async with Receiver(statuses=statuses, delay_s=2 if trouble == "slow" else 0) as receiver:
        url = receiver.url
        if trouble == "down":
            await receiver.__aexit__(None, None, None)
        test_id = await new_test(svc.redis, url, retries=0)
        outcome = await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))
        if trouble == "down":
            await receiver.__aenter__()  # so that leaving the block closes a running server

    assert outcome.record is not None and outcome.alert is not None
    assert await svc.redis.zcard(keys.results(test_id)) == 1
    [incident] = await list_incidents(svc.redis, test_id)
    assert incident.alert_sent is False
    expected = {"down": "connection failed", "slow": "timed out", "500": "HTTP 500"}[trouble]
    assert incident.delivery_error is not None and expected in incident.delivery_error
    last = json.loads(cast(str, await svc.redis.hget(keys.test(test_id), "alert_last_delivery")))
    assert (last["sent"], last["event"], last["run_id"]) == (False, "test_failed", outcome.run_id)


async def test_an_undelivered_alert_is_sent_on_the_next_failure(services: Services) -> None:
    svc = make_services(services, ScriptedPipeline("fail"))
    async with Receiver(statuses=[500, 500, 200]) as receiver:
        test_id = await new_test(svc.redis, receiver.url, retries=0)
        first = await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))
        second = await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))
    assert first.alert is not None and not first.alert.sent
    assert second.alert is not None and second.alert.sent


@pytest.mark.parametrize(
    ("alert_after", "expected"),
    [
        (1, ["test_failed", "test_recovered", "test_failed"]),
        (2, ["test_failed", "test_recovered"]),
    ],
)
async def test_fail_fail_pass_fail_alerts_per_policy(
    services: Services, receiver: Receiver, alert_after: int, expected: list[str]
) -> None:
    pipeline = ScriptedPipeline("fail", "fail", "pass", "fail")
    svc = make_services(services, pipeline)
    test_id = await new_test(svc.redis, receiver.url, retries=0, alert_after=alert_after)

    for _ in range(4):
        await execute_run(svc, test_id, "schedule", dispatcher=dispatcher(svc))

    assert [r.json()["event"] for r in receiver.requests] == expected
    incidents = await list_incidents(svc.redis, test_id)
    assert len(incidents) == 3
    assert [i.alert_sent for i in incidents] == (
        [True, False, True] if alert_after == 1 else [False, True, False]
    )


async def test_three_errors_in_a_row_send_test_error(
    services: Services, receiver: Receiver
) -> None:
    svc = make_services(services, ScriptedPipeline("raise"))
    test_id = await new_test(svc.redis, receiver.url)
    for _ in range(4):
        await execute_run(svc, test_id, "schedule", dispatcher=dispatcher(svc))
    assert [r.json()["event"] for r in receiver.requests] == ["test_error"]
    assert receiver.requests[0].json()["result"]["error"] == "Chromium is not installed"


async def test_an_apprise_target_receives_the_alert(services: Services) -> None:
    svc = make_services(services, ScriptedPipeline("fail"))
    async with Receiver() as receiver:
        test_id = await new_test(svc.redis, receiver.url.replace("http://", "json://"), retries=0)
        outcome = await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))
        [request] = receiver.requests
    assert outcome.alert is not None and outcome.alert.sent
    assert request.json()["title"] == "[Vigil] FAILED: Home"


def test_qstash_run_ids_are_stable_and_key_safe() -> None:
    first = qstash_run_id("msg_1:{evil}/../x")
    assert first == qstash_run_id("msg_1:{evil}/../x")
    assert first != qstash_run_id("msg_2")
    assert first.startswith("qs-") and first[3:].isalnum()


async def test_settings_default_dispatch_uses_the_settings(settings: Settings) -> None:
    notifier = default_notifier_factory(settings)("https://hooks.example/x")
    assert type(notifier).__name__ == "WebhookNotifier"
    assert type(default_notifier_factory(settings)("slack://a/b/c")).__name__ == "AppriseNotifier"


async def test_an_adhoc_run_makes_the_same_record_and_stores_nothing(redis: Redis) -> None:
    outcome = await run_adhoc(ScriptedPipeline("fail", "pass"), "https://a.example", "see", "cli")

    record = outcome.record
    assert record is not None and outcome.exception is None
    assert (record.test_id, record.triggered_by, record.outcome) == ("adhoc", "cli", "failed")
    assert record.details == "1 of 2 steps passed. Step 2 failed: text 'Welcome' not found"
    assert record.attempts == 1, "an ad-hoc run is not retried"
    assert await redis.dbsize() == 0


async def test_an_adhoc_run_that_cannot_finish_is_an_error_record_with_its_exception() -> None:
    outcome = await run_adhoc(ScriptedPipeline("raise"), "https://a.example", "see", "cli")

    assert isinstance(outcome.exception, BrowserUnavailable)
    assert outcome.record is not None and outcome.record.outcome == "error"
    assert outcome.record.error == "Chromium is not installed"
    bad = await run_adhoc(ScriptedPipeline("pass"), "ftp://a.example", "see", "cli")
    assert bad.record is not None and bad.record.error == (
        "url 'ftp://a.example' must start with http:// or https://"
    )
