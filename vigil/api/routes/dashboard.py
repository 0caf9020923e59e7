"""`GET /api/dashboard` (DESIGN §3): test counts by state and the newest runs across tests."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from vigil.api.deps import RedisDep, require_token
from vigil.api.errors import responses
from vigil.store import keys
from vigil.store.dashboard import dashboard as read_dashboard
from vigil.views import Dashboard

router = APIRouter(
    prefix="/api",
    tags=["dashboard"],
    dependencies=[Depends(require_token)],
    responses=responses(503),
)


@router.get("/dashboard")
async def dashboard(
    redis: RedisDep,
    recent: Annotated[int, Query(ge=0, le=keys.RECENT_KEEP, description="recent runs")] = 20,
) -> Dashboard:
    """Counts (total, passing, failing, error, paused, never run) and the most recent runs,
    read in one Redis round trip whatever the number of tests."""
    return await read_dashboard(redis, recent=recent)
