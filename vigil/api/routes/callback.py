"""`POST /api/callback/{id}`: the QStash trigger (DESIGN §3, §5).

With QStash signing keys configured, the signature is checked before anything else (even
whether the test exists), so an unsigned caller learns nothing. Without keys, the callback
takes the API bearer token instead. QStash delivers at least once: the run id is derived from
`Upstash-Message-Id`, so a retried message returns the stored run instead of running again.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel

from vigil.api.deps import ServicesDep, is_authorized
from vigil.api.errors import responses
from vigil.errors import Unauthorized
from vigil.runs import execute_run, qstash_run_id
from vigil.scheduling.qstash_signature import verify_signature

router = APIRouter(tags=["callback"])


class CallbackResponse(BaseModel):
    status: Literal["completed", "skipped"]
    test_id: str
    passed: bool | None = None
    run_id: str | None = None
    reason: str | None = None


@router.post(
    "/api/callback/{test_id}",
    response_model_exclude_none=True,
    # Not behind the gate: the signature (or the token) is checked here, so 401 is declared.
    responses=responses(401, 404, 409, 503),
)
async def qstash_callback(
    test_id: str, request: Request, services: ServicesDep
) -> CallbackResponse:
    settings = services.settings
    current = settings.secret("qstash_current_signing_key")
    upcoming = settings.secret("qstash_next_signing_key")
    if current or upcoming:
        # `sub` is the URL QStash was told to call: the public URL when set, because behind a
        # proxy the URL this process sees differs from it.
        url = (
            f"{settings.public_url}/api/callback/{test_id}"
            if settings.public_url
            else str(request.url)
        )
        verify_signature(
            request.headers.get("upstash-signature"),
            body=await request.body(),
            url=url,
            current_key=current,
            next_key=upcoming,
        )
    elif not is_authorized(request):
        raise Unauthorized("send a QStash signature or 'Authorization: Bearer <token>'")
    message_id = request.headers.get("upstash-message-id")
    run_id = qstash_run_id(message_id) if message_id else None
    # A 503 (Redis away: the run was not stored) makes QStash deliver the message again, and
    # its id maps to the same run id: stored once. The alert goes out after the answer.
    outcome = await execute_run(
        services, test_id, "qstash", run_id=run_id, alert_in_background=True
    )
    if outcome.skipped:
        return CallbackResponse(status="skipped", test_id=test_id, reason=outcome.reason)
    assert outcome.record is not None
    return CallbackResponse(
        status="completed", test_id=test_id, passed=outcome.record.passed, run_id=outcome.run_id
    )
