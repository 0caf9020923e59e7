"""http(s) alert targets: a JSON POST signed per the Standard Webhooks spec (DESIGN §6).

Retries are for what can get better by waiting: 5xx, 429 and a connection that failed or
timed out. Any other 4xx means the receiver rejected this payload and will again, so it fails
at once. Redirects are not followed: a redirect could lead past the egress check.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

import httpx

from vigil import __version__
from vigil.alerts.payload import Alert
from vigil.egress import check_egress
from vigil.errors import DeliveryError

_SECRET_PREFIX = "whsec_"
_RETRY_AFTER_CAP_S = 30.0


def secret_bytes(secret: str) -> bytes:
    """The HMAC key of a Standard Webhooks secret: `whsec_` + base64, decoded as the
    reference libraries do. A value that is not base64 is used as its UTF-8 bytes."""
    value = secret.removeprefix(_SECRET_PREFIX)
    try:
        key = base64.b64decode(value + "==", validate=False)
    except (binascii.Error, ValueError):
        key = b""
    return key or value.encode()


def signature_headers(secret: str, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_bytes(secret), signed, hashlib.sha256).digest()
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": f"v1,{base64.b64encode(digest).decode()}",
    }


@dataclass(frozen=True)
class WebhookOptions:
    timeout_s: float = 10.0
    attempts: int = 3
    backoff_s: float = 1.0  # doubled after each failed attempt
    block_private_networks: bool = False


class WebhookNotifier:
    def __init__(self, url: str, *, secret: str | None, options: WebhookOptions) -> None:
        self.url = url
        self._secret = secret
        self._options = options

    async def send(self, alert: Alert) -> None:
        await check_egress(self.url, block_private=self._options.block_private_networks)
        body = json.dumps(alert.payload, separators=(",", ":")).encode()
        opts = self._options
        delay = opts.backoff_s
        last = "no attempt made"
        async with httpx.AsyncClient(timeout=opts.timeout_s, follow_redirects=False) as client:
            for attempt in range(1, opts.attempts + 1):
                wait = delay
                try:
                    response = await client.post(
                        self.url, content=body, headers=self._headers(alert, body)
                    )
                except httpx.TimeoutException:
                    last = f"timed out after {opts.timeout_s:g} s"
                except httpx.TransportError as exc:
                    last = f"connection failed: {type(exc).__name__}: {exc}".rstrip(": ")
                else:
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
        if self._secret:
            # Signed per attempt: the timestamp says when this attempt was made.
            headers |= signature_headers(self._secret, alert.message_id, int(time.time()), body)
        else:
            headers["webhook-id"] = alert.message_id
        return headers


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
