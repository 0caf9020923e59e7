"""`POST /api/tests/{id}/run`: run a stored check now, store it, alert (DESIGN §3).

It answers once the run is stored; the alert, if the policy sends one, is delivered after that
in the background (a slow receiver cannot hold the caller) and its outcome is recorded on the
run's incident. If Redis stays away the answer is a 503 saying the run was not stored.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from vigil.api import errors
from vigil.api.deps import ServicesDep, require_token
from vigil.models import BrowserResult, TestPlan, TestResult
from vigil.runs import execute_run

router = APIRouter(prefix="/api/tests", tags=["runs"], dependencies=[Depends(require_token)])


class RunResponse(BaseModel):
    """`plan` and `browser_result` are null when Vigil could not get that far (an `error`
    run); `result` is always there and says why."""

    run_id: str
    plan: TestPlan | None
    browser_result: BrowserResult | None
    result: TestResult


@router.post(
    "/{test_id}/run",
    responses=errors.responses(404, 409, 503),
)
async def run_now(test_id: str, services: ServicesDep) -> RunResponse:
    outcome = await execute_run(services, test_id, "manual", alert_in_background=True)
    assert outcome.result is not None  # a manual run is never skipped nor a duplicate
    return RunResponse(
        run_id=outcome.run_id,
        plan=outcome.plan,
        browser_result=outcome.browser_result,
        result=outcome.result,
    )
