"""`GET /metrics`: Prometheus exposition (issue #13).

Outside `/api` because that is where scrapers look, but never open: it names every check.
A scraper may use the API token or a separate `VIGIL_METRICS_TOKEN`, so the credential kept
in Prometheus's config cannot change anything.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from vigil.api.deps import ServicesDep, bearer_token, is_authorized
from vigil.auth import token_matches
from vigil.errors import Unauthorized
from vigil.metrics import CONTENT_TYPE, render
from vigil.store.checks import list_checks
from vigil.store.metrics import read_metrics

router = APIRouter(tags=["metrics"])


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE: {}}}, 401: {"description": "no valid token"}},
)
async def metrics(request: Request, services: ServicesDep) -> Response:
    scrape_token = services.settings.secret("metrics_token")
    allowed = is_authorized(request) or (
        scrape_token is not None and token_matches(scrape_token, bearer_token(request))
    )
    if not allowed:
        raise Unauthorized("send 'Authorization: Bearer <API token or VIGIL_METRICS_TOKEN>'")
    tests = await list_checks(services.redis)
    queue = await services.scheduler.queue_depth()
    body = render(await read_metrics(services.redis, tests), queue=queue)
    return Response(body, media_type=CONTENT_TYPE)
