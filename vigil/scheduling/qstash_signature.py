"""Verifying QStash's `Upstash-Signature` with the `qstash` SDK's Receiver
(reference/integrations.md §2).

The header is an HS256 JWT signed with the current signing key, or the next one during a key
roll. It binds the request to one destination (`sub`) and one body (`body` = base64url of the
body's SHA-256), so a captured callback cannot be replayed against another test or with
another payload. The Receiver does all of that (both keys, iss/sub/exp/nbf, the body hash);
Vigil always passes the URL so `sub` is always checked, and allows a little clock skew.

The Receiver takes the body as text and hashes its UTF-8 encoding, which is the raw bytes for
any UTF-8 body; a body that is not UTF-8 cannot be one QStash signed for Vigil's schedules (an
empty or JSON body) and is refused.
"""

from __future__ import annotations

from qstash import Receiver
from qstash.errors import SignatureError as QStashSignatureError

from vigil.errors import SignatureError

# QStash's clock and ours may disagree a little; the SDK's default is 0 s.
LEEWAY_S = 5


def verify_signature(
    signature: str | None,
    *,
    body: bytes,
    url: str,
    current_key: str | None,
    next_key: str | None,
) -> None:
    """Raise SignatureError unless `signature` is valid for `body` sent to `url` under the
    current or the next signing key. The reason is kept generic on purpose: it is returned to
    whoever sent the request (the SDK's own messages echo claims back)."""
    if not signature:
        raise SignatureError("missing Upstash-Signature header")
    keys = [k for k in (current_key, next_key) if k]
    if not keys:
        raise SignatureError("no QStash signing keys are configured")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise SignatureError("invalid Upstash-Signature") from None
    receiver = Receiver(current_signing_key=keys[0], next_signing_key=keys[-1])
    try:
        receiver.verify(signature=signature, body=text, url=url, clock_tolerance=LEEWAY_S)
    except (QStashSignatureError, KeyError, TypeError, AttributeError):
        # KeyError: a token without a `body` claim (the SDK indexes it directly).
        raise SignatureError("invalid Upstash-Signature") from None
