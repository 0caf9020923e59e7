"""Every non-http alert target is an Apprise URL (Slack, Discord, Teams, e-mail, …).

Apprise is synchronous (it uses `requests`), so a notification runs in a worker thread and
never blocks the event loop that is serving the API and running checks.
"""

from __future__ import annotations

import asyncio

import apprise

from vigil.alerts.payload import Alert
from vigil.egress.policy import Egress, check_host
from vigil.egress.targets import alert_hosts
from vigil.errors import DeliveryError


def _notify(url: str, alert: Alert, timeout_s: float) -> str | None:
    """Send once; the reason it failed, or None. Raises a permanent DeliveryError for a URL
    Apprise does not understand: trying again cannot help."""
    sender = apprise.Apprise()
    if not sender.add(url):
        raise DeliveryError("not a valid Apprise URL", permanent=True)
    failed = alert.event != "test_recovered"
    result = sender.notify(
        body=alert.body,
        title=alert.title,
        notify_type=apprise.NotifyType.FAILURE if failed else apprise.NotifyType.SUCCESS,
        timeout=timeout_s,
    )
    if result:
        return None
    problems = [e.message for e in result.logs() if e.level in ("WARNING", "ERROR")]
    return problems[-1] if problems else f"Apprise reported {result.status.name.lower()}"


class AppriseNotifier:
    def __init__(
        self,
        url: str,
        *,
        timeout_s: float = 10.0,
        attempts: int = 2,
        backoff_s: float = 1.0,
        block_private_networks: bool = False,
        egress: Egress | None = None,
    ) -> None:
        self.url = url
        self._timeout_s = timeout_s
        self._attempts = attempts
        self._backoff_s = backoff_s
        self._egress = egress or Egress(block_private=block_private_networks)

    async def send(self, alert: Alert) -> None:
        """Judge every host the target will contact (targets.py), then deliver.

        Apprise opens its own connections and resolves names again, so a DNS server that
        answers differently the second time could still steer it; network-level egress
        filtering closes that gap for deployments that need it (README "Egress").
        """
        for target in alert_hosts(self.url):
            await check_host(target.host, target.port, self._egress)
        reason = "no attempt made"
        for attempt in range(1, self._attempts + 1):
            failure = await asyncio.to_thread(_notify, self.url, alert, self._timeout_s)
            if failure is None:
                return
            reason = failure
            if attempt < self._attempts:
                await asyncio.sleep(self._backoff_s * 2 ** (attempt - 1))
        raise DeliveryError(f"{reason} ({self._attempts} attempts)")
