"""FastAPI dependencies: the process's Services and the bearer-token check."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from vigil.auth import (
    CSRF_HEADER,
    SESSION_COOKIE,
    csrf_matches,
    session_matches,
    token_matches,
)
from vigil.errors import Unauthorized
from vigil.services import Services
from vigil.store.redis import RedisClient

_bearer = HTTPBearer(auto_error=False, description="VIGIL_API_TOKEN, or the generated token")


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_redis(request: Request) -> RedisClient:
    return get_services(request).redis


ServicesDep = Annotated[Services, Depends(get_services)]
RedisDep = Annotated[RedisClient, Depends(get_redis)]


def bearer_token(request: Request) -> str | None:
    """The token of an `Authorization: Bearer` header, or None."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def is_authorized(request: Request) -> bool:
    return token_matches(request.app.state.api_token, bearer_token(request))


_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def has_session(request: Request) -> bool:
    """The dashboard's session cookie (vigil/web) is valid."""
    return session_matches(request.app.state.api_token, request.cookies.get(SESSION_COOKIE))


def is_browser_authorized(request: Request) -> bool:
    """A dashboard page calling the API: the session cookie, plus the CSRF header for anything
    that changes state (a cross-site form can send the cookie but not a custom header)."""
    if not has_session(request):
        return False
    if request.method in _SAFE_METHODS:
        return True
    return csrf_matches(request.app.state.api_token, request.headers.get(CSRF_HEADER))


UNAUTHORIZED = "missing or invalid API token (send 'Authorization: Bearer <token>')"


def request_authorized(request: Request) -> bool:
    """The bearer token, or the dashboard's session cookie (with the CSRF header on unsafe
    methods): what the gate (api/gate.py) and `require_token` both accept."""
    return is_authorized(request) or is_browser_authorized(request)


async def require_token(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Every protected /api route depends on this. The gate has already refused a stranger
    before the body was read; this repeats the check where the route is declared (so a
    route mounted outside the gate's paths is still closed) and puts the bearer scheme in
    the OpenAPI document."""
    if not request_authorized(request):
        raise Unauthorized(UNAUTHORIZED)
