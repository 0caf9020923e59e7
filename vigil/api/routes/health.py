"""Liveness for load balancers and `make run`: open to all, reports Redis and the browser.

It answers within VIGIL_REDIS_TIMEOUT even when Redis is frozen (one bounded PING, no
retries), so a load balancer takes a replica out quickly. Only Redis decides the 503: without
it nothing can be stored or read; a missing browser still leaves the API and the dashboard
working, so it shows as `degraded` with 200.
"""

from __future__ import annotations

import os
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from vigil import __version__
from vigil.api.deps import ServicesDep
from vigil.config import Settings
from vigil.store.redis import ping

router = APIRouter(tags=["health"])


class HealthBody(BaseModel):
    """The same shape with 200 and 503; `redis` says why when it is the cause."""

    status: Literal["ok", "degraded"]
    redis: str
    browser: str
    version: str


def browser_status(settings: Settings) -> str:
    """Whether this process could drive a browser, without starting one (health is polled)."""
    if settings.executor == "tinyfish":
        return "tinyfish"  # hosted: no local browser involved
    path = settings.chromium_path
    if path.is_file() and os.access(path, os.X_OK):
        return "ok"
    return f"unavailable: Chromium not found at {path}"


@router.get(
    "/api/health",
    response_model=HealthBody,
    responses={503: {"model": HealthBody, "description": "Redis is unreachable"}},
)
async def health(services: ServicesDep) -> JSONResponse:
    settings = services.settings
    problem = await ping(services.redis, within_s=settings.redis_timeout_s)
    browser = browser_status(settings)
    body: dict[str, str] = {
        "status": "ok" if browser in ("ok", "tinyfish") else "degraded",
        "redis": "ok",
        "browser": browser,
        "version": __version__,
    }
    if problem is not None:
        body.update(status="degraded", redis=f"unreachable: {problem}")
        return JSONResponse(body, status_code=503)
    return JSONResponse(body)
