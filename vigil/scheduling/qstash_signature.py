"""Verifying QStash's `Upstash-Signature` (reference/integrations.md §2), as its SDK does.

The header is an HS256 JWT signed with the current signing key, or the next one during a key
roll. It binds the request to one destination (`sub`) and one body (`body` = base64url of the
body's SHA-256), so a captured callback cannot be replayed against another test or with
another payload. The body hash is taken over the raw bytes received, never re-serialised JSON.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

import jwt

from vigil.errors import SignatureError

# QStash's clock and ours may disagree a little; the SDK's default is 0 s.
LEEWAY_S = 5.0


def body_hash(body: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(body).digest()).decode().rstrip("=")


def _check(token: str, key: str, *, body: bytes, url: str) -> None:
    claims = jwt.decode(
        token,
        key,
        algorithms=["HS256"],
        issuer="Upstash",
        options={"require": ["iss", "sub", "exp", "nbf"]},
        leeway=LEEWAY_S,
    )
    if claims.get("sub") != url:
        raise SignatureError("signature is for another URL")
    claimed = str(claims.get("body", "")).rstrip("=")
    if not hmac.compare_digest(claimed, body_hash(body)):
        raise SignatureError("body does not match the signature")


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
    whoever sent the request."""
    if not signature:
        raise SignatureError("missing Upstash-Signature header")
    keys = [k for k in (current_key, next_key) if k]
    if not keys:
        raise SignatureError("no QStash signing keys are configured")
    for key in keys:
        try:
            _check(signature, key, body=body, url=url)
            return
        except (jwt.PyJWTError, SignatureError):
            continue
    raise SignatureError("invalid Upstash-Signature")
