"""A test's history (DESIGN §3): runs, response times, uptime, incidents, one run, screenshots.

Every answer comes from the store in one round trip (two for a run by id) and never scans
more runs than it returns: uptime reads the roll-ups, pages follow a cursor.
"""

from __future__ import annotations

import json
import re
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response

from vigil.api.deps import RedisDep, ServicesDep, require_token
from vigil.api.errors import responses
from vigil.api.params import parse_instant
from vigil.errors import InvalidInput
from vigil.models import IncidentRecord, RunRecord, utc_now
from vigil.store import keys
from vigil.store.history import Cursor, find_run, incidents_of, results_page, timing_points
from vigil.store.screenshots import get_screenshot
from vigil.store.uptime import uptime_counts
from vigil.views import ResultsPage, TimingPoint, Uptime, UptimeWindow, uptime_of

router = APIRouter(
    prefix="/api",
    tags=["history"],
    dependencies=[Depends(require_token)],
    responses=responses(503),  # everything is read from Redis
)

_NOT_FOUND: dict[int | str, dict[str, Any]] = responses(404)


# `score:run_id` as Cursor writes it: a finite number (bounded, so it cannot overflow to
# infinity), a colon, the run id. The route refuses what this does not match, so the published
# pattern is the whole rule (empty: the first page).
CURSOR_PATTERN = (
    r"^(?:[+-]?(?:[0-9]{1,200}(?:\.[0-9]{0,50})?|\.[0-9]{1,50})(?:[eE][+-]?[0-9]{1,2})?"
    r":[\s\S]+)?$"
)


class JPEGResponse(Response):
    media_type = "image/jpeg"


@router.get("/tests/{test_id}/results", responses=_NOT_FOUND)
async def list_results(
    test_id: str,
    redis: RedisDep,
    limit: Annotated[int, Query(ge=1, le=500, description="runs per page")] = 50,
    before: Annotated[
        str | None,
        Query(
            max_length=300,
            description="`next_cursor` of the previous page",
            json_schema_extra={"pattern": CURSOR_PATTERN},
        ),
    ] = None,
) -> ResultsPage:
    """Run history, newest first, each item the full run record. Follow `next_cursor` with
    `before=` for older runs; runs stored while you walk never cause a repeat or a gap."""
    if before and not re.fullmatch(CURSOR_PATTERN[1:-1], before):
        raise InvalidInput("before", "is not a cursor from a previous page's next_cursor")
    cursor = Cursor.parse(before) if before else None
    records, next_cursor = await results_page(redis, test_id, limit=limit, before=cursor)
    return ResultsPage(items=records, next_cursor=None if next_cursor is None else str(next_cursor))


@router.get(
    "/tests/{test_id}/timing",
    response_model=list[TimingPoint],
    responses=_NOT_FOUND,
)
async def timing(
    test_id: str,
    redis: RedisDep,
    since: Annotated[
        str | None, Query(description="ISO 8601 or unix seconds; default: the oldest kept run")
    ] = None,
    until: Annotated[
        str | None, Query(description="ISO 8601 or unix seconds; default: no end")
    ] = None,
) -> Response:
    """Response times for a chart, oldest first, both bounds inclusive. A window holding more
    than 5,000 runs is thinned evenly to 5,000 points (the first and last always kept)."""
    start, end = parse_instant("since", since), parse_instant("until", until)
    if start is not None and end is not None and start > end:
        raise InvalidInput("since", "must not be after until")
    points = await timing_points(redis, test_id, since=start, until=end)
    # Thousands of points: serialised in one pass from trusted values, instead of being
    # validated into models and then re-validated by FastAPI against the response model.
    rows = [
        {"timestamp": _iso(score), "duration_ms": duration_ms, "run_id": run_id}
        for score, run_id, duration_ms in points
    ]
    return Response(json.dumps(rows, separators=(",", ":")), media_type="application/json")


def _iso(score: float) -> str:
    """Unix seconds as ISO 8601 UTC with milliseconds, as vigil.models.iso writes every other
    timestamp (spelled out here because it runs thousands of times per chart)."""
    seconds, millis = divmod(round(score * 1000), 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{millis:03d}Z"


@router.get("/tests/{test_id}/uptime", responses=_NOT_FOUND)
async def uptime(
    test_id: str,
    redis: RedisDep,
    window: Annotated[UptimeWindow, Query(description="24h (hourly), 7d, 30d or 90d")] = "24h",
) -> Uptime:
    """Availability from the hourly / daily roll-ups (UTC). `uptime_pct` is passed / runs
    over the runs that tested the site; Vigil's own errors are counted apart, and a window
    without runs answers null, not 100."""
    counts = await uptime_counts(redis, test_id, window, utc_now())
    return uptime_of(window, total=counts.total, passed=counts.passed, errors=counts.errors)


@router.get("/tests/{test_id}/incidents", responses=_NOT_FOUND)
async def incidents(
    test_id: str,
    redis: RedisDep,
    limit: Annotated[int, Query(ge=1, le=keys.INCIDENTS_KEEP)] = 50,
) -> list[IncidentRecord]:
    """Incidents (failed and error runs), newest first."""
    return await incidents_of(redis, test_id, limit=limit)


@router.get("/runs/{run_id}", responses=responses(404))
async def get_run(run_id: str, redis: RedisDep) -> RunRecord:
    """One stored run by its id, whichever test it belongs to."""
    return await find_run(redis, run_id)


@router.get(
    "/runs/{run_id}/steps/{step_number}/screenshot",
    response_class=JPEGResponse,
    responses={
        200: {
            "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}},
            "description": "the JPEG taken after the step",
        },
        **responses(404),
    },
)
async def screenshot(
    run_id: str, step_number: Annotated[int, Path(ge=1, le=10_000)], services: ServicesDep
) -> JPEGResponse:
    """The screenshot taken after a step. Kept for failed runs and each test's latest run,
    for a limited time (7 days by default)."""
    data = await get_screenshot(services.raw_redis, run_id, step_number)
    return JPEGResponse(content=data, headers={"Cache-Control": "private, max-age=3600"})
