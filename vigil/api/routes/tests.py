"""Check CRUD at /api/tests (DESIGN §3; DESIGN calls a check a "test suite"): create, list,
read, update, pause, resume, delete."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from vigil.api.deps import RedisDep, require_token
from vigil.models import Check, CheckCreate, CheckUpdate
from vigil.store import checks

router = APIRouter(prefix="/api/tests", tags=["tests"], dependencies=[Depends(require_token)])


@router.post("", status_code=201)
async def create_test(spec: CheckCreate, redis: RedisDep) -> Check:
    return await checks.create_check(redis, spec)


@router.get("")
async def list_tests(redis: RedisDep) -> list[Check]:
    return await checks.list_checks(redis)


@router.get("/{test_id}")
async def get_test(test_id: str, redis: RedisDep) -> Check:
    return await checks.get_check(redis, test_id)


@router.patch("/{test_id}")
async def update_test(test_id: str, changes: CheckUpdate, redis: RedisDep) -> Check:
    return await checks.update_check(redis, test_id, changes)


@router.delete("/{test_id}", status_code=204)
async def delete_test(test_id: str, redis: RedisDep) -> Response:
    await checks.delete_check(redis, test_id)
    return Response(status_code=204)


@router.post("/{test_id}/pause")
async def pause_test(test_id: str, redis: RedisDep) -> Check:
    return await checks.set_status(redis, test_id, "paused")


@router.post("/{test_id}/resume")
async def resume_test(test_id: str, redis: RedisDep) -> Check:
    return await checks.set_status(redis, test_id, "active")
