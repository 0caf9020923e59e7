"""Executor port over TinyFish's `/v1/automation/run-sse`.

TinyFish gets the check's URL and goal (not Vigil's steps: it plans for itself), plus an
`output_schema` asking for an explicit `goal_met` boolean, because COMPLETED only means the
infrastructure worked (integrations.md). The mapping:

- COMPLETE with COMPLETED and goal_met true: the one step passes;
- COMPLETED with goal_met false, or no readable verdict: the step fails (never pass unsure);
- FAILED / CANCELLED, HTTP errors, a broken connection or a stream that ends before COMPLETE:
  ExecutorServiceError, so the run is an `error`, not a failure of the site.
"""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from vigil.errors import ExecutorServiceError
from vigil.models import BrowserResult, StepResult, TestPlan
from vigil.pipeline.ports import EventSink
from vigil.tinyfish.sse import events as sse_events
from vigil.tinyfish.sse import pick

RUN_SSE = "/v1/automation/run-sse"
OUTPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "goal_met": {"type": "boolean", "description": "Whether the goal was fully achieved"},
        "reason": {"type": "string", "description": "What was seen that shows it"},
    },
    "required": ["goal_met", "reason"],
}
_GOAL_SUFFIX = (
    "\n\nFinally report whether the goal was fully achieved as `goal_met` (true/false) and "
    "what you saw that shows it as `reason`."
)


class TinyFishExecutor:
    def __init__(self, api_key: str, *, base_url: str = "https://agent.tinyfish.ai") -> None:
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        # Reads may pause between PROGRESS events; HEARTBEATs keep a live stream inside this.
        self.timeout = httpx.Timeout(30.0, read=120.0)

    async def execute(self, plan: TestPlan, events: EventSink) -> BrowserResult:
        clock = time.monotonic()
        body = {"url": plan.url, "goal": plan.goal + _GOAL_SUFFIX, "output_schema": OUTPUT_SCHEMA}
        headers = {"X-API-Key": self.api_key, "Accept": "text/event-stream"}
        await events("browser_start", "Sending the goal to the TinyFish web agent")
        try:
            async with (
                httpx.AsyncClient(timeout=self.timeout) as client,
                client.stream("POST", self.base_url + RUN_SSE, json=body, headers=headers) as resp,
            ):
                if resp.status_code >= 400:
                    await resp.aread()
                    raise _api_error(resp)
                final = await _follow(sse_events(resp.aiter_lines()), events)
        except httpx.HTTPError as exc:
            raise ExecutorServiceError(f"TinyFish could not be reached: {exc!r}") from exc
        result = _result(final, int((time.monotonic() - clock) * 1000))
        verdict = result.steps[0]
        await events("step_complete", verdict.details, step_number=1, passed=verdict.passed)
        await events("browser_complete", verdict.details, passed=result.success)
        return result


async def _follow(stream: Any, events: EventSink) -> dict[str, Any]:
    """Relay progress as events; return the COMPLETE event."""
    async for event in stream:
        kind = event.get("type")
        if kind == "STARTED":
            run_id = pick(event, "run_id", "runId")
            await events("step_start", f"TinyFish run {run_id} started", step_number=1)
        elif kind == "STREAMING_URL":
            live = pick(event, "streaming_url", "streamingUrl")
            await events("step_start", f"Live view: {live}", step_number=1)
        elif kind == "PROGRESS":
            purpose = pick(event, "purpose") or "working"
            await events("step_start", f"TinyFish: {purpose}", step_number=1)
        elif kind == "COMPLETE":
            return dict(event)
    raise ExecutorServiceError("the TinyFish stream stopped before the run finished")


def _result(final: dict[str, Any], duration_ms: int) -> BrowserResult:
    status = pick(final, "status")
    if status != "COMPLETED":
        error = pick(final, "error")
        if isinstance(error, dict):
            error = error.get("message")
        raise ExecutorServiceError(
            f"TinyFish run ended {status or 'without a status'}: {error or 'no reason given'}"
        )
    goal_met, reason = _verdict(pick(final, "result", "resultJson"))
    if goal_met is None:
        details = f"TinyFish finished but did not say whether the goal was met: {reason}"
        passed = False
    elif goal_met:
        details = f"TinyFish reports the goal was met: {reason}"
        passed = True
    else:
        details = f"TinyFish reports the goal was not met: {reason}"
        passed = False
    step = StepResult(
        step_number=1,
        passed=passed,
        details=details,
        error=None if passed else details,
        duration_ms=duration_ms,
    )
    return BrowserResult(success=passed, steps=[step], duration_ms=duration_ms)


def _verdict(result: Any) -> tuple[bool | None, str]:
    """(goal_met, reason) from the run's result, which may arrive as an object or JSON text."""
    if isinstance(result, str):
        try:
            result = json.loads(result)
        except ValueError:
            return None, result[:500]
    if not isinstance(result, dict):
        return None, "no result"
    met = pick(result, "goal_met", "goalMet")
    reason = str(pick(result, "reason") or "no reason given")
    return (met if isinstance(met, bool) else None), reason


def _api_error(resp: httpx.Response) -> ExecutorServiceError:
    code, message = "", resp.text[:300]
    try:
        error = resp.json().get("error")
    except ValueError:
        error = None
    if isinstance(error, dict):
        code = str(error.get("code") or "")
        message = str(error.get("message") or message)
    elif isinstance(error, str):
        message = error
    what = {401: "refused the API key", 403: "refused the API key", 429: "is rate-limiting us"}
    said = what.get(resp.status_code, "refused the run")
    detail = f"{code}: {message}" if code else message
    return ExecutorServiceError(
        f"TinyFish {said} (HTTP {resp.status_code}, {detail})", status=resp.status_code
    )
