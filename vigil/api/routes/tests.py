"""Check CRUD at /api/tests (DESIGN §3; DESIGN calls a check a "test suite"): create, list,
read, update, pause, resume, delete.

Changes go through vigil/scheduling/lifecycle.py so the check's schedule follows at once;
reads add `next_run_at` from the scheduler.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from vigil.api.deps import ServicesDep, require_token
from vigil.api.errors import responses
from vigil.models import Check, CheckCreate, CheckUpdate
from vigil.scheduling import lifecycle
from vigil.store import checks

# Every route reads or writes Redis (503 while it is unreachable); a change to a test is
# sent to QStash first in qstash mode (502 when it refuses, the test left as it was).
router = APIRouter(
    prefix="/api/tests",
    tags=["tests"],
    dependencies=[Depends(require_token)],
    responses=responses(503),
)


@router.post("", status_code=201, responses=responses(502))
async def create_test(spec: CheckCreate, services: ServicesDep) -> Check:
    return await lifecycle.create_test(services, spec)


@router.get("")
async def list_tests(services: ServicesDep) -> list[Check]:
    return await lifecycle.with_next_runs(services, await checks.list_checks(services.redis))


@router.get("/{test_id}", responses=responses(404))
async def get_test(test_id: str, services: ServicesDep) -> Check:
    test = await checks.get_check(services.redis, test_id)
    return (await lifecycle.with_next_runs(services, [test]))[0]


@router.patch("/{test_id}", responses=responses(404, 502))
async def update_test(test_id: str, changes: CheckUpdate, services: ServicesDep) -> Check:
    return await lifecycle.update_test(services, test_id, changes)


@router.delete("/{test_id}", status_code=204, responses=responses(404, 502))
async def delete_test(test_id: str, services: ServicesDep) -> Response:
    await lifecycle.delete_test(services, test_id)
    return Response(status_code=204)


@router.post("/{test_id}/pause", responses=responses(404, 502))
async def pause_test(test_id: str, services: ServicesDep) -> Check:
    return await lifecycle.set_status(services, test_id, "paused")


@router.post("/{test_id}/resume", responses=responses(404, 502))
async def resume_test(test_id: str, services: ServicesDep) -> Check:
    return await lifecycle.set_status(services, test_id, "active")
