"""Liveness for load balancers and `make run`: open to all, reports Redis."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from vigil import __version__
from vigil.api.deps import RedisDep
from vigil.store.redis import ping

router = APIRouter(tags=["health"])


@router.get("/api/health")
async def health(redis: RedisDep) -> JSONResponse:
    problem = await ping(redis)
    if problem is not None:
        body = {"status": "degraded", "redis": f"unreachable: {problem}"}
        return JSONResponse({**body, "version": __version__}, status_code=503)
    return JSONResponse({"status": "ok", "redis": "ok", "version": __version__})
