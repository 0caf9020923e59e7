"""Liveness for load balancers and `make run`: open to all, reports Redis."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from redis.exceptions import RedisError

from vigil import __version__
from vigil.api.deps import RedisDep

router = APIRouter(tags=["health"])


@router.get("/api/health")
async def health(redis: RedisDep) -> JSONResponse:
    try:
        await redis.ping()
    except (RedisError, OSError) as exc:
        body = {"status": "degraded", "redis": f"unreachable: {type(exc).__name__}"}
        return JSONResponse({**body, "version": __version__}, status_code=503)
    return JSONResponse({"status": "ok", "redis": "ok", "version": __version__})
