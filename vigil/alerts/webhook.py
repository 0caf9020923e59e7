"""http(s) alert targets: a JSON POST signed per the Standard Webhooks spec (DESIGN §6).

Retries are for what can get better by waiting: 5xx, 429 and a connection that failed or
timed out. Any other 4xx means the receiver rejected this payload and will again, so it fails
at once. Redirects are not followed: a redirect could lead past the egress check.

The POST goes through an egress proxy (vigil/egress/proxy.py) that resolves the host, judges
every address and connects to a judged one, so a DNS answer that changes after the check
(rebinding) cannot steer the request to a refused address.
"""

from __future__ import annotations

import asyncio
import binascii
import functools
import json
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime

import certifi
import httpx
from standardwebhooks import Webhook
from standardwebhooks.webhooks import EmptyWebhookSecretError

from vigil import __version__
from vigil.alerts.payload import Alert
from vigil.egress.policy import Egress, check_host
from vigil.egress.proxy import EgressProxy
from vigil.egress.targets import alert_hosts
from vigil.errors import DeliveryError

_RETRY_AFTER_CAP_S = 30.0


def signer(secret: str) -> Webhook:
    """The Standard Webhooks signer for a secret: `whsec_` + base64 as the spec says. A value
    that is not base64 signs with its UTF-8 bytes, so such a secret keeps working."""
    try:
        return Webhook(secret)
    except (binascii.Error, ValueError, EmptyWebhookSecretError):
        return Webhook(secret.removeprefix("whsec_").encode())


@functools.cache
def _tls() -> ssl.SSLContext:
    """One verifying TLS context for every delivery: building one (loading the CA bundle)
    costs ~40 ms of CPU on the event loop, which a delivery in the background would take from
    the runs being answered meanwhile (issue #14)."""
    return ssl.create_default_context(cafile=certifi.where())


@dataclass(frozen=True)
class WebhookOptions:
    timeout_s: float = 10.0
    attempts: int = 3
    backoff_s: float = 1.0  # doubled after each failed attempt
    block_private_networks: bool = False
    egress: Egress | None = None  # default: the policy with block_private_networks


class WebhookNotifier:
    def __init__(self, url: str, *, secret: str | None, options: WebhookOptions) -> None:
        self.url = url
        self._signer = signer(secret) if secret else None
        self._options = options

    async def send(self, alert: Alert) -> None:
        opts = self._options
        egress = opts.egress or Egress(block_private=opts.block_private_networks)
        for target in alert_hosts(self.url):  # a clear, permanent refusal before any attempt
            await check_host(target.host, target.port, egress)
        proxy = EgressProxy(egress)
        try:
            await self._post(alert, await proxy.start(), proxy)
        finally:
            await proxy.aclose()

    async def _post(self, alert: Alert, proxy_url: str, proxy: EgressProxy) -> None:
        body = json.dumps(alert.payload, separators=(",", ":")).encode()
        opts = self._options
        delay = opts.backoff_s
        last = "no attempt made"
        async with httpx.AsyncClient(
            timeout=opts.timeout_s,
            follow_redirects=False,
            proxy=proxy_url,
            trust_env=False,
            verify=_tls(),
        ) as client:
            for attempt in range(1, opts.attempts + 1):
                wait = delay
                try:
                    response = await client.post(
                        self.url, content=body, headers=self._headers(alert, body)
                    )
                except httpx.TimeoutException:
                    last = f"timed out after {opts.timeout_s:g} s"
                except httpx.TransportError as exc:
                    if proxy.refusals:
                        raise DeliveryError(str(proxy.refusals[-1]), permanent=True) from None
                    last = f"connection failed: {type(exc).__name__}: {exc}".rstrip(": ")
                else:
                    if proxy.refusals:  # the name now resolves somewhere refused
                        raise DeliveryError(str(proxy.refusals[-1]), permanent=True)
                    status = response.status_code
                    if status < 300:
                        return
                    last = f"HTTP {status} from the webhook"
                    if status != 429 and status < 500:
                        raise DeliveryError(last, permanent=True)
                    wait = max(delay, _retry_after(response) or 0.0)
                if attempt < opts.attempts:
                    await asyncio.sleep(min(wait, _RETRY_AFTER_CAP_S))
                    delay *= 2
        raise DeliveryError(f"{last} ({opts.attempts} attempts)")

    def _headers(self, alert: Alert, body: bytes) -> dict[str, str]:
        headers = {"content-type": "application/json", "user-agent": f"Vigil/{__version__}"}
        headers["webhook-id"] = alert.message_id
        if self._signer is not None:
            # Signed per attempt: the timestamp says when this attempt was made.
            now = datetime.now(UTC).replace(microsecond=0)
            headers["webhook-timestamp"] = str(int(now.timestamp()))
            headers["webhook-signature"] = self._signer.sign(alert.message_id, now, body.decode())
        return headers


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
