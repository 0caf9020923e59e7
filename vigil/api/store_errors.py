"""A Redis outage becomes a JSON 503, on every route (issue #14).

Code below the routes raises StoreUnavailable where it decides something by an outage (run-now:
"the run was not stored"); any other call that meets an unreachable Redis surfaces redis-py's
own connection or timeout error, which the store names in vigil.store.redis.UNAVAILABLE so
that this module maps it without importing redis. Either way the caller gets `{"detail": …}`
with 503 and a Retry-After, never a plain 500 or a dropped connection.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from vigil.errors import StoreUnavailable
from vigil.store.redis import OUTAGE_DETAIL, UNAVAILABLE

log = logging.getLogger(__name__)

# Seconds a client should wait before trying again: about one Redis restart.
RETRY_AFTER_S = 5


def _unavailable(detail: str) -> JSONResponse:
    return JSONResponse(
        {"detail": detail}, status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)}
    )


def install(app: FastAPI) -> None:
    async def store_unavailable(_: Request, exc: Exception) -> JSONResponse:
        return _unavailable(str(exc))

    async def redis_unavailable(request: Request, exc: Exception) -> JSONResponse:
        log.warning("%s %s: Redis unavailable (%s)", request.method, request.url.path, exc)
        return _unavailable(OUTAGE_DETAIL)

    # Registered for the exact class: Starlette picks the most specific handler, so this wins
    # over the VigilError handler of api/errors.py.
    app.add_exception_handler(StoreUnavailable, store_unavailable)
    for kind in UNAVAILABLE:
        app.add_exception_handler(kind, redis_unavailable)
