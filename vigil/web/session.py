"""Logging in to the dashboard, and what every page response carries.

The token (from `vigil serve`'s printed URL or typed in) is exchanged for an HttpOnly,
SameSite=Strict cookie whose value is derived from the token (vigil.auth.session_value), so the
token itself never sits in the browser's cookie jar. Forms carry a CSRF value; the API takes
the same cookie with the same value in the X-CSRF-Token header (vigil.api.deps).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, quote

from fastapi import Request
from fastapi.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vigil.api.deps import has_session
from vigil.auth import SESSION_COOKIE, csrf_matches, csrf_value, session_value, token_matches

# No inline script or style anywhere; images are our own (screenshots) or inline SVG.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    # The login URL carries the token: never send it to another site as a Referer.
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
# FastAPI's interactive docs load Swagger UI from a CDN with an inline script; they keep their
# own headers rather than weakening the dashboard's policy.
_DOCS_PATHS = ("/docs", "/redoc", "/openapi.json")


class SecurityHeaders:
    """Pure ASGI (not BaseHTTPMiddleware), so streamed responses such as the live view's
    Server-Sent Events pass through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope["path"]).startswith(_DOCS_PATHS):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class LoginRequired(Exception):
    """Raised by a page without a valid session; answered with a redirect to /login."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def api_token(request: Request) -> str:
    token: str = request.app.state.api_token
    return token


def require_session(request: Request) -> None:
    """Dependency of every page."""
    if not has_session(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(target)


def csrf_token(request: Request) -> str:
    return csrf_value(api_token(request))


def csrf_ok(request: Request, presented: object) -> bool:
    return isinstance(presented, str) and csrf_matches(api_token(request), presented)


def token_ok(request: Request, presented: str | None) -> bool:
    return token_matches(api_token(request), presented)


def safe_next(path: str | None) -> str:
    """Only a local path: `?next=https://evil.example` must not turn login into a redirector."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


def login_redirect(request: Request, next_path: str) -> RedirectResponse:
    response = RedirectResponse(safe_next(next_path), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_value(api_token(request)),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
        max_age=30 * 24 * 3600,
    )
    return response


def logout_redirect() -> RedirectResponse:
    response = RedirectResponse("/login?bye=1", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response


def to_login(next_path: str) -> RedirectResponse:
    return RedirectResponse(f"/login?next={quote(next_path, safe='')}", status_code=303)


MAX_FORM_BYTES = 64 * 1024


async def read_form(request: Request) -> dict[str, str]:
    """An `application/x-www-form-urlencoded` body (the only kind the pages post), read without
    python-multipart; an oversized or undecodable body reads as empty and fails the CSRF check."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    try:
        pairs = parse_qsl(body.decode(), keep_blank_values=True, max_num_fields=100)
    except (UnicodeDecodeError, ValueError):
        return {}
    return dict(pairs)
