"""Test-suite CRUD (DESIGN §3): create, list, read, update, pause, resume, delete."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from vigil.api.deps import RedisDep, require_token
from vigil.models import TestSuite, TestSuiteCreate, TestSuiteUpdate
from vigil.store import suites

router = APIRouter(prefix="/api/tests", tags=["tests"], dependencies=[Depends(require_token)])


@router.post("", status_code=201)
async def create_test(spec: TestSuiteCreate, redis: RedisDep) -> TestSuite:
    return await suites.create_test(redis, spec)


@router.get("")
async def list_tests(redis: RedisDep) -> list[TestSuite]:
    return await suites.list_tests(redis)


@router.get("/{test_id}")
async def get_test(test_id: str, redis: RedisDep) -> TestSuite:
    return await suites.get_test(redis, test_id)


@router.patch("/{test_id}")
async def update_test(test_id: str, changes: TestSuiteUpdate, redis: RedisDep) -> TestSuite:
    return await suites.update_test(redis, test_id, changes)


@router.delete("/{test_id}", status_code=204)
async def delete_test(test_id: str, redis: RedisDep) -> Response:
    await suites.delete_test(redis, test_id)
    return Response(status_code=204)


@router.post("/{test_id}/pause")
async def pause_test(test_id: str, redis: RedisDep) -> TestSuite:
    return await suites.set_status(redis, test_id, "paused")


@router.post("/{test_id}/resume")
async def resume_test(test_id: str, redis: RedisDep) -> TestSuite:
    return await suites.set_status(redis, test_id, "active")
