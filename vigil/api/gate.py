"""Authentication before anything else: pure ASGI middleware in front of every /api route.

FastAPI reads and parses a request body before a route's dependencies run, so a token check
done as a dependency answered a stranger's malformed JSON with a 422 describing the body. The
gate answers 401 first, without reading the body. The OpenAPI document (api/openapi.py) lists
the 401 on exactly the paths `protects` names, so the document and the gate cannot disagree.

Open paths (DESIGN §3): health, the checks-as-code JSON Schema (an editor cannot send a
token), and the QStash callback, which checks its own signature (or the token) in its route.
Routes outside /api (the dashboard, /badge, /metrics) decide for themselves.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from vigil.api.deps import UNAUTHORIZED, request_authorized

OPEN_PATHS = frozenset({"/api/health", "/api/schema/checks.json"})
OPEN_PREFIXES = ("/api/callback/",)


def protects(path: str) -> bool:
    """Whether `path` needs the API token (or the dashboard's session) at the gate."""
    if not (path == "/api" or path.startswith("/api/")):
        return False
    return path not in OPEN_PATHS and not path.startswith(OPEN_PREFIXES)


class AuthGate:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        stranger = (
            scope["type"] == "http"
            and protects(scope["path"])
            and not request_authorized(Request(scope))
        )
        if stranger:
            refusal = JSONResponse(
                {"detail": UNAUTHORIZED}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)
