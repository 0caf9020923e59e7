"""`POST /api/run-test`: an ad-hoc check (the Run Test page), nothing stored (DESIGN §3).

`POST /api/run-test/stream` runs the same check and streams its events as Server-Sent Events
while it runs, then the verdict: an ad-hoc run has no `events:{id}` stream to follow (nothing
is stored), so the response itself carries them.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict

from vigil.api import sse
from vigil.api.deps import ServicesDep, require_token
from vigil.api.errors import responses, status_for
from vigil.api.sse import EventStreamResponse, opening
from vigil.errors import VigilError
from vigil.models import BrowserResult, EventType, Goal, TestPlan, TestResult, Url, iso, utc_now
from vigil.runs import RunOutcome, run_adhoc

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
    # A browser that cannot start, a run over its timeout, a model or hosted executor failing.
    responses=responses(502, 503, 504),
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


class _QueueSink:
    """An EventSink that hands each event to the response as it happens."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[str] = asyncio.Queue()

    async def __call__(
        self,
        type: EventType,
        message: str,
        *,
        step_number: int | None = None,
        passed: bool | None = None,
    ) -> None:
        event = {
            "type": type,
            "message": message,
            "timestamp": iso(utc_now()),
            "step_number": step_number,
            "passed": passed,
        }
        self.queue.put_nowait(f"event: progress\ndata: {json.dumps(event)}\n\n")


def _verdict(outcome: RunOutcome) -> str:
    """The closing frame: `result` with the same body as POST /api/run-test, or `failure`
    with the status and detail that route would have answered."""
    exc = outcome.exception
    if exc is not None:
        status = status_for(exc) if isinstance(exc, VigilError) else 500
        detail = str(exc) if isinstance(exc, VigilError) else type(exc).__name__
        body = json.dumps({"status": status, "detail": detail})
        return f"event: failure\ndata: {body}\n\n"
    assert outcome.plan is not None and outcome.browser_result is not None
    assert outcome.result is not None
    response = RunTestResponse(
        plan=outcome.plan, browser_result=outcome.browser_result, result=outcome.result
    )
    return f"event: result\ndata: {response.model_dump_json()}\n\n"


async def _stream(services: ServicesDep, body: RunTestRequest) -> AsyncIterator[str]:
    sink = _QueueSink()
    run = asyncio.create_task(
        run_adhoc(services.pipeline, body.url, body.goal, "manual", events=sink)
    )
    try:
        yield opening()
        while not (run.done() and sink.queue.empty()):
            getter = asyncio.ensure_future(sink.queue.get())
            await asyncio.wait({getter, run}, return_when=asyncio.FIRST_COMPLETED)
            if getter.done():
                yield getter.result()
            else:
                getter.cancel()
        yield _verdict(run.result())
    finally:
        # The client left before the end: stop the browser work it no longer waits for.
        if not run.done():
            run.cancel()


@router.post(
    "/api/run-test/stream",
    dependencies=[Depends(require_token)],
    summary="Run a check once without storing it, streaming its steps as they happen",
    response_class=EventStreamResponse,
    responses=sse.documented(
        "`event: progress` frames, then `event: result` or `event: failure`",
        {"type": "object"},
    ),
)
async def run_test_stream(body: RunTestRequest, services: ServicesDep) -> EventStreamResponse:
    """`event: progress` frames carry the run's events (plan, each step, evaluation); the
    last frame is `event: result` (the body POST /api/run-test answers) or `event: failure`
    (`{status, detail}`: the error that route would have answered)."""
    return EventStreamResponse(_stream(services, body))
