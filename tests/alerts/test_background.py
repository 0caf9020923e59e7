"""Alerts delivered after run-now has answered (vigil/alerts/background.py): the run returns
with the alert pending, the outcome lands on the incident, and shutting down waits for
deliveries in flight (bounded), recording those it gives up as not delivered."""

from __future__ import annotations

from tests.alert_receiver import Receiver
from tests.test_runs import dispatcher, make_services, new_test
from vigil.alerts.background import SHUTDOWN_REASON
from vigil.alerts.dispatch import AlertDispatcher, default_notifier_factory
from vigil.alerts.webhook import WebhookOptions
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.runs import execute_run
from vigil.services import Services
from vigil.store import keys
from vigil.store.incidents import list_incidents


async def test_a_background_alert_is_delivered_after_the_run_returns(services: Services) -> None:
    svc = make_services(services, ScriptedPipeline("fail"))
    async with Receiver(delay_s=0.5) as receiver:
        test_id = await new_test(svc.redis, receiver.url, retries=0)
        patient = AlertDispatcher(
            svc.redis,
            svc.settings,
            notifier_for=default_notifier_factory(svc.settings, WebhookOptions(timeout_s=10)),
        )
        outcome = await execute_run(
            svc, test_id, "manual", dispatcher=patient, alert_in_background=True
        )
        [pending] = await list_incidents(svc.redis, test_id)
        assert svc.deliveries.in_flight == 1
        assert await svc.deliveries.drain(10) == 0  # finished within the bound
    assert outcome.alert is None  # not waited for
    assert (pending.alert_sent, pending.delivery_attempts) == (False, 0)
    [incident] = await list_incidents(svc.redis, test_id)
    assert (incident.alert_sent, incident.delivery_attempts) == (True, 1)
    assert incident.delivery_error is None and incident.delivery_at is not None
    assert len(receiver.requests) == 1
    assert await svc.redis.zcard(keys.results(test_id)) == 1


async def test_shutdown_records_a_delivery_it_gives_up_as_not_delivered(
    services: Services,
) -> None:
    svc = make_services(services, ScriptedPipeline("fail"))
    async with Receiver(delay_s=30) as receiver:
        test_id = await new_test(svc.redis, receiver.url, retries=0)
        await execute_run(
            svc, test_id, "manual", dispatcher=dispatcher(svc), alert_in_background=True
        )
        await receiver.wait_for(1)
        assert await svc.deliveries.drain(0.2) == 1
    assert svc.deliveries.in_flight == 0
    [incident] = await list_incidents(svc.redis, test_id)
    assert incident.alert_sent is False
    assert incident.delivery_error == SHUTDOWN_REASON
    assert incident.delivery_attempts == 1
