"""The API token (DESIGN §3): from VIGIL_API_TOKEN, or generated once and kept in the data
directory, as Jupyter does, so a fresh install is never open to anyone who can reach the port."""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from vigil.config import Settings

TOKEN_FILE = "api-token"


def resolve_token(settings: Settings) -> str:
    configured = settings.secret("api_token")
    if configured:
        return configured
    path = settings.data_dir / TOKEN_FILE
    if path.exists():
        return path.read_text().strip()
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    token = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(token + "\n")
    return token


def token_matches(expected: str, presented: str | None) -> bool:
    """Constant-time comparison, so response timing does not leak the token."""
    if not presented:
        return False
    return hmac.compare_digest(expected.encode(), presented.encode())


def token_path(data_dir: Path) -> Path:
    return data_dir / TOKEN_FILE


# --- the dashboard's browser session (DESIGN §9) ------------------------------------------------

SESSION_COOKIE = "vigil_session"
CSRF_HEADER = "x-csrf-token"


def _derive(token: str, purpose: str) -> str:
    return hmac.new(token.encode(), f"vigil:{purpose}:v1".encode(), "sha256").hexdigest()


def session_value(token: str) -> str:
    """The session cookie's value: derived from the token, so a cookie that leaks (a log, a
    screenshot of devtools) is not the API token, and changing the token ends every session."""
    return _derive(token, "session")


def csrf_value(token: str) -> str:
    """The anti-CSRF value pages embed and send back (form field or X-CSRF-Token header).
    A cross-site page can make the browser send the cookie in some cases but cannot read this."""
    return _derive(token, "csrf")


def session_matches(token: str, cookie: str | None) -> bool:
    return token_matches(session_value(token), cookie)


def csrf_matches(token: str, presented: str | None) -> bool:
    return token_matches(csrf_value(token), presented)
