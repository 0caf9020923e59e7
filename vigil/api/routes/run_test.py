"""`POST /api/run-test`: an ad-hoc check (the Run Test page), nothing stored (DESIGN §3)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict

from vigil.api.deps import ServicesDep, require_token
from vigil.models import BrowserResult, Goal, TestPlan, TestResult, Url
from vigil.runs import run_adhoc

router = APIRouter(tags=["runs"])


class RunTestRequest(BaseModel):
    """A URL and a goal; unknown fields are refused so a typo does not silently do nothing."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    url: Url
    goal: Goal


class RunTestResponse(BaseModel):
    """The plan, what the browser did and the verdict. Screenshots are not inlined: the
    response of an ad-hoc run stays small, and nothing is stored to fetch them from later."""

    plan: TestPlan
    browser_result: BrowserResult
    result: TestResult


@router.post(
    "/api/run-test",
    response_model=RunTestResponse,
    dependencies=[Depends(require_token)],
    summary="Run a check once without storing it",
)
async def run_test(body: RunTestRequest, services: ServicesDep) -> RunTestResponse:
    """Plans, runs and judges the goal in a real browser. A goal the planner cannot map, a
    missing browser or a run timeout answer with an error (mapped from the pipeline's)."""
    outcome = await run_adhoc(services.pipeline, body.url, body.goal, "manual")
    if outcome.exception is not None:
        raise outcome.exception
    assert outcome.plan is not None and outcome.browser_result is not None
    assert outcome.result is not None
    return RunTestResponse(
        plan=outcome.plan, browser_result=outcome.browser_result, result=outcome.result
    )
