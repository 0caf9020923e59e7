"""After a run is stored: decide by policy whether it alerts, deliver, record the outcome.

Deciding and delivering are two steps on purpose. The decision changes the test's alert state
and is taken while the run still holds the test's run lock, so runs of one test advance the
state in order. Delivery can take tens of seconds against a slow receiver and happens after
the lock is released; its outcome is recorded on the run's incident (found by run id) and on
the test hash, and a failed delivery is never raised to the caller: the run is already stored.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from vigil.alerts.payload import Alert, build_alert
from vigil.alerts.policy import AlertEvent, Decision, decide_run, undelivered
from vigil.alerts.ports import Notifier
from vigil.config import Settings
from vigil.errors import DeliveryError, NotFound
from vigil.models import AlertState, Check, RunRecord, TestPlan, iso, utc_now
from vigil.store import keys
from vigil.store.alert_state import update_alert_state
from vigil.store.checks import set_fields
from vigil.store.incidents import mark_alert_sent
from vigil.store.metrics import record_delivery
from vigil.store.redis import RedisClient

if TYPE_CHECKING:
    from vigil.alerts.webhook import WebhookOptions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingAlert:
    alert: Alert
    target: str
    has_incident: bool  # failed and error runs have one; a recovery (a passed run) has not


@dataclass(frozen=True)
class DeliveryReport:
    event: AlertEvent
    sent: bool
    error: str | None = None
    at: str | None = None  # when the attempt ended


def default_notifier_factory(
    settings: Settings, options: WebhookOptions | None = None
) -> Callable[[str], Notifier]:
    """http(s) targets get a signed webhook; every other scheme goes through Apprise."""
    # The channels are imported when a dispatcher is made, not with this module: `vigil run`
    # imports it (through vigil.runs) but never alerts, and httpx and Apprise load slowly.
    from vigil.alerts.webhook import WebhookNotifier, WebhookOptions

    webhook = options or WebhookOptions(
        timeout_s=settings.webhook_timeout_s,
        block_private_networks=settings.block_private_networks,
    )

    def notifier_for(target: str) -> Notifier:
        if urlsplit(target).scheme.lower() in ("http", "https"):
            return WebhookNotifier(
                target, secret=settings.secret("webhook_secret"), options=webhook
            )
        from vigil.alerts.apprise_notify import AppriseNotifier  # only for Apprise targets

        return AppriseNotifier(
            target,
            timeout_s=webhook.timeout_s,
            backoff_s=webhook.backoff_s,
            block_private_networks=webhook.block_private_networks,
            egress=webhook.egress,
        )

    return notifier_for


class AlertDispatcher:
    def __init__(
        self,
        redis: RedisClient,
        settings: Settings,
        *,
        notifier_for: Callable[[str], Notifier] | None = None,
    ) -> None:
        self._redis = redis
        self._settings = settings
        self._notifier_for = notifier_for or default_notifier_factory(settings)

    async def decide(
        self, test: Check, record: RunRecord, plan: TestPlan | None = None
    ) -> PendingAlert | None:
        """Advance the test's alert state by this stored run; the alert to send, if any."""
        target = test.alert_webhook

        def step(state: AlertState) -> tuple[AlertState, Decision]:
            decision = decide_run(state, record.outcome, test.policy, can_alert=bool(target))
            return decision.state, decision

        decision = await update_alert_state(self._redis, test.id, step)
        if decision is None or decision.event is None:
            return None
        alert = build_alert(
            self._settings,
            decision.event,
            test,
            record,
            plan=plan,
            reminder=decision.reminder,
            consecutive_failures=decision.state.failures,
        )
        return PendingAlert(alert, target, has_incident=not record.passed)

    async def deliver(self, pending: PendingAlert) -> DeliveryReport:
        alert = pending.alert
        error: str | None = None
        try:
            await self._notifier_for(pending.target).send(alert)
        except DeliveryError as exc:
            error = str(exc)
        except Exception as exc:  # a notifier bug must not lose the record of the attempt
            log.exception("alert delivery for test %s crashed", alert.test_id)
            error = f"unexpected {type(exc).__name__}: {exc}"
        return await self._conclude(pending, error)

    async def abandon(self, pending: PendingAlert, reason: str) -> DeliveryReport:
        """Record a delivery that will not finish (the process is shutting down) as not
        delivered, so the incident says so instead of staying pending forever."""
        return await self._conclude(pending, reason)

    async def _conclude(self, pending: PendingAlert, error: str | None) -> DeliveryReport:
        alert = pending.alert
        report = DeliveryReport(alert.event, sent=error is None, error=error, at=iso(utc_now()))
        if error is not None:
            log.warning("alert %s for test %s not delivered: %s", alert.event, alert.test_id, error)
            event = alert.event
            await update_alert_state(
                self._redis, alert.test_id, lambda state: (undelivered(state, event), None)
            )
        await self._record(pending, report)
        try:
            await record_delivery(self._redis, alert.test_id, sent=report.sent)
        except Exception:  # a lost count must not hide the delivery's own outcome
            log.warning("counting the delivery for /metrics failed", exc_info=True)
        return report

    async def _record(self, pending: PendingAlert, report: DeliveryReport) -> None:
        alert = pending.alert
        if pending.has_incident:
            # Trimmed or deleted meanwhile: the test hash below still gets the outcome.
            with contextlib.suppress(NotFound):
                await mark_alert_sent(
                    self._redis,
                    alert.test_id,
                    alert.run_id,
                    sent=report.sent,
                    delivery_error=report.error,
                    at=report.at,
                )
        last = {
            "event": report.event,
            "run_id": alert.run_id,
            "sent": report.sent,
            "error": report.error,
            "at": report.at,
        }
        await set_fields(
            self._redis, alert.test_id, {keys.ALERT_LAST_DELIVERY_FIELD: json.dumps(last)}
        )
