"""`GET /badge/{test_id}.svg`: status and 24-hour uptime for a README (issue #13).

A badge is embedded in pages anyone can read, so it is served without a token, but only for
a test whose owner set `public_badge: true`. Any other test answers 404 to an anonymous
caller, exactly as an unknown id does, so the badge URL does not reveal which ids exist; with
the API token every test's badge is available (to preview it before publishing).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from vigil.api.badge_svg import render_badge
from vigil.api.deps import ServicesDep, is_authorized
from vigil.api.errors import responses
from vigil.errors import NotFound
from vigil.models import Check, utc_now
from vigil.store.checks import get_check
from vigil.store.uptime import HOURLY_WINDOW, uptime_counts

router = APIRouter(tags=["badge"])


def _status(test: Check) -> str:
    if test.status == "paused":
        return "paused"
    return {"passed": "passing", "failed": "failing", "error": "error"}.get(
        test.last_result or "", "no data"
    )


@router.get(
    "/badge/{test_id}.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}, **responses(404, 503)},
)
async def badge(test_id: str, request: Request, services: ServicesDep) -> Response:
    try:
        test = await get_check(services.redis, test_id)
    except NotFound:
        test = None
    if test is None or not (test.public_badge or is_authorized(request)):
        raise NotFound("no public badge for this id")
    counts = await uptime_counts(services.redis, test.id, HOURLY_WINDOW, utc_now())
    # Vigil's own errors are not in `total` (they say nothing about the site).
    pct = None if counts.total == 0 else 100.0 * counts.passed / counts.total
    svg = render_badge(test.name, _status(test), pct)
    # Image proxies (GitHub's camo) cache aggressively; a status badge must not be stale.
    headers = {"Cache-Control": "no-cache, max-age=0"}
    return Response(svg, media_type="image/svg+xml", headers=headers)
