"""Delivering alerts over real sockets: signed webhooks, retries, Apprise, egress refusals."""

from __future__ import annotations

import asyncio
import base64
import time
from datetime import UTC, datetime

import pytest
from standardwebhooks import Webhook

from tests.alert_receiver import Receiver
from vigil.alerts.apprise_notify import AppriseNotifier
from vigil.alerts.payload import Alert, build_alert
from vigil.alerts.webhook import WebhookNotifier, WebhookOptions, signer
from vigil.config import Settings
from vigil.egress import check_egress
from vigil.errors import DeliveryError
from vigil.models import Check, PlanStep, RunRecord, StepResult, TestPlan

SECRET = "whsec_" + base64.b64encode(b"a very secret webhook key 123456").decode()
FAST = WebhookOptions(timeout_s=0.5, attempts=3, backoff_s=0.01)

TEST = Check(
    id="abc12345",
    name="Login",
    url="https://shop.example",
    goal="log in",
    created_at="2026-02-14T10:00:00.000Z",
    updated_at="2026-02-14T10:00:00.000Z",
)
RECORD = RunRecord(
    run_id="a1b2c3d4",
    test_id="abc12345",
    passed=False,
    duration_ms=1200,
    steps_passed=1,
    steps_total=2,
    details="1 of 2 steps passed. Step 2 failed: button not found",
    step_results=[
        StepResult(step_number=1, passed=True, details="ok", screenshot=True),
        StepResult(
            step_number=2,
            passed=False,
            details="no button",
            error="button not found",
            screenshot=True,
        ),
    ],
    error="Step 2 failed: button not found",
    triggered_by="manual",
    started_at="2026-02-14T10:00:00.000Z",
    completed_at="2026-02-14T10:00:01.200Z",
    outcome="failed",
)
PLAN = TestPlan(
    url="https://shop.example",
    goal="log in",
    steps=[
        PlanStep(step_number=1, action="navigate", description="Open the shop"),
        PlanStep(step_number=2, action="click", description="Click 'Sign in'", target="Sign in"),
    ],
    total_steps=2,
)


def failure_alert(settings: Settings) -> Alert:
    return build_alert(settings, "test_failed", TEST, RECORD, plan=PLAN, consecutive_failures=1)


def test_the_failure_payload_has_the_original_fields_the_failing_step_and_its_screenshot(
    settings: Settings,
) -> None:
    payload = failure_alert(settings.model_copy(update={"public_url": "https://vigil.example"}))
    body = payload.payload
    assert body["event"] == "test_failed"
    assert body["test"] == {"id": "abc12345", "name": "Login", "url": "https://shop.example"}
    assert body["result"] == {
        "run_id": "a1b2c3d4",
        "passed": False,
        "steps_passed": 1,
        "steps_total": 2,
        "details": "1 of 2 steps passed. Step 2 failed: button not found",
        "error": "Step 2 failed: button not found",
    }
    assert body["timestamp"].endswith("Z")
    assert body["failing_step"] == {
        "number": 2,
        "description": "Click 'Sign in'",
        "error": "button not found",
        "screenshot_url": "https://vigil.example/api/runs/a1b2c3d4/steps/2/screenshot",
    }


def test_without_a_public_url_links_point_at_the_bound_address(settings: Settings) -> None:
    link = failure_alert(settings).payload["failing_step"]["screenshot_url"]
    assert link == f"http://{settings.host}:{settings.port}/api/runs/a1b2c3d4/steps/2/screenshot"


async def test_a_webhook_is_signed_per_standard_webhooks(settings: Settings) -> None:
    alert = failure_alert(settings)
    async with Receiver() as receiver:
        await WebhookNotifier(receiver.url, secret=SECRET, options=FAST).send(alert)
        [request] = receiver.requests

    assert request.method == "POST"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["webhook-id"] == "test_failed_a1b2c3d4"
    assert abs(int(request.headers["webhook-timestamp"]) - time.time()) < 10
    verified = Webhook(SECRET).verify(request.body, request.headers)
    assert verified == alert.payload


async def test_a_tampered_webhook_does_not_verify(settings: Settings) -> None:
    async with Receiver() as receiver:
        await WebhookNotifier(receiver.url, secret=SECRET, options=FAST).send(
            failure_alert(settings)
        )
        [request] = receiver.requests
    with pytest.raises(Exception, match="signature"):
        Webhook(SECRET).verify(request.body.replace(b"Login", b"Logout"), request.headers)


def test_a_secret_without_its_prefix_or_not_in_base64_still_signs() -> None:
    body = '{"event":"test_failed"}'
    now = datetime.now(UTC)
    expected = Webhook(SECRET).sign("m1", now, body)
    assert signer(SECRET.removeprefix("whsec_")).sign("m1", now, body) == expected
    plain = signer("not base64!")
    assert plain.sign("m1", now, body) == Webhook(b"not base64!").sign("m1", now, body)


async def test_an_unsigned_webhook_has_no_signature_headers(settings: Settings) -> None:
    async with Receiver() as receiver:
        await WebhookNotifier(receiver.url, secret=None, options=FAST).send(failure_alert(settings))
        [request] = receiver.requests
    assert "webhook-signature" not in request.headers
    assert request.json()["event"] == "test_failed"


@pytest.mark.parametrize("status", [500, 503, 429])
async def test_server_errors_and_429_are_retried(settings: Settings, status: int) -> None:
    async with Receiver(statuses=[status, status, 200]) as receiver:
        await WebhookNotifier(receiver.url, secret=SECRET, options=FAST).send(
            failure_alert(settings)
        )
        assert len(receiver.requests) == 3
        ids = {r.headers["webhook-id"] for r in receiver.requests}
    assert ids == {"test_failed_a1b2c3d4"}  # the same message on every attempt


@pytest.mark.parametrize("status", [400, 401, 404, 410])
async def test_other_client_errors_are_not_retried(settings: Settings, status: int) -> None:
    async with Receiver(statuses=[status]) as receiver:
        with pytest.raises(DeliveryError, match=f"HTTP {status}") as caught:
            await WebhookNotifier(receiver.url, secret=None, options=FAST).send(
                failure_alert(settings)
            )
        assert len(receiver.requests) == 1
    assert caught.value.permanent


async def test_persistent_500s_fail_after_every_attempt(settings: Settings) -> None:
    async with Receiver(statuses=[500]) as receiver:
        with pytest.raises(DeliveryError, match=r"HTTP 500.*3 attempts") as caught:
            await WebhookNotifier(receiver.url, secret=None, options=FAST).send(
                failure_alert(settings)
            )
        assert len(receiver.requests) == 3
    assert not caught.value.permanent


async def test_a_slow_receiver_times_out(settings: Settings) -> None:
    options = WebhookOptions(timeout_s=0.2, attempts=2, backoff_s=0.01)
    async with Receiver(delay_s=2) as receiver:
        with pytest.raises(DeliveryError, match=r"timed out after 0\.2 s"):
            await WebhookNotifier(receiver.url, secret=None, options=options).send(
                failure_alert(settings)
            )
        assert len(receiver.requests) == 2


async def test_a_receiver_that_is_down_is_a_connection_error(settings: Settings) -> None:
    async with Receiver() as receiver:
        url = receiver.url
    with pytest.raises(DeliveryError, match="connection failed"):
        await WebhookNotifier(url, secret=None, options=FAST).send(failure_alert(settings))


async def test_apprise_json_delivers_to_a_local_receiver(settings: Settings) -> None:
    alert = failure_alert(settings)
    async with Receiver() as receiver:
        target = receiver.url.replace("http://", "json://")
        await AppriseNotifier(target, timeout_s=5).send(alert)
        [request] = receiver.requests
    sent = request.json()
    assert request.path == "/hook"
    assert sent["title"] == "[Vigil] FAILED: Login"
    assert "Step 2 failed: button not found" in sent["message"]
    assert sent["type"] == "failure"


async def test_apprise_reports_a_failed_delivery(settings: Settings) -> None:
    async with Receiver(statuses=[500]) as receiver:
        target = receiver.url.replace("http://", "json://")
        with pytest.raises(DeliveryError, match="2 attempts"):
            await AppriseNotifier(target, timeout_s=5, backoff_s=0.01).send(failure_alert(settings))
        assert len(receiver.requests) == 2


async def test_a_url_apprise_does_not_understand_fails_at_once(settings: Settings) -> None:
    notifier = AppriseNotifier("nosuchscheme://x", backoff_s=5)
    with pytest.raises(DeliveryError, match=r"^not a valid Apprise URL$") as info:
        await asyncio.wait_for(notifier.send(failure_alert(settings)), 2)
    assert info.value.permanent


@pytest.mark.parametrize(
    "url",
    ["http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/", "http://169.254.1.1/"],
)
async def test_metadata_addresses_are_always_refused(url: str) -> None:
    with pytest.raises(DeliveryError, match="metadata") as caught:
        await check_egress(url, block_private=False)
    assert caught.value.permanent


async def test_private_and_loopback_targets_are_refused_only_when_blocking(
    settings: Settings,
) -> None:
    for url in ("http://127.0.0.1:9/", "http://10.1.2.3/", "http://localhost/", "http://[::1]/"):
        await check_egress(url, block_private=False)
        with pytest.raises(DeliveryError, match="private or loopback"):
            await check_egress(url, block_private=True)
    blocked = WebhookOptions(block_private_networks=True)
    async with Receiver() as receiver:
        with pytest.raises(DeliveryError, match="private"):
            await WebhookNotifier(receiver.url, secret=None, options=blocked).send(
                failure_alert(settings)
            )
        with pytest.raises(DeliveryError, match="private"):
            await AppriseNotifier(
                receiver.url.replace("http://", "json://"), block_private_networks=True
            ).send(failure_alert(settings))
        assert receiver.requests == []
