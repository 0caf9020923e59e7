"""The run pipeline: plan, execute, evaluate, with events and one whole-run timeout (DESIGN §1).

Every trigger (API, schedule, QStash, CLI) runs a check through `Pipeline.run_check`, so the
error contract lives here once: anything that stops a run emits an `error` event and is
re-raised as a PipelineError subclass for the caller to store as an `error` run.
"""

from __future__ import annotations

import asyncio
import contextlib

from vigil.errors import PipelineError, PlanningError, RunTimeout
from vigil.models import BrowserResult, TestPlan, TestResult
from vigil.pipeline.ports import (
    Evaluator,
    EventSink,
    Executor,
    Planner,
    discard_events,
    run_scope,
)

# The whole-run timeout when the caller gives none (a test's `timeout_s` default).
DEFAULT_RUN_TIMEOUT_S = 120.0


class Pipeline:
    """Planner -> Executor -> Evaluator for one check at a time; safe to share across tasks."""

    def __init__(
        self,
        planner: Planner,
        executor: Executor,
        evaluator: Evaluator,
        *,
        run_timeout_s: float = DEFAULT_RUN_TIMEOUT_S,
    ) -> None:
        self.planner = planner
        self.executor = executor
        self.evaluator = evaluator
        self.run_timeout_s = run_timeout_s

    async def run_check(
        self,
        url: str,
        goal: str,
        *,
        events: EventSink | None = None,
        timeout_s: float | None = None,
        test_id: str | None = None,
    ) -> tuple[TestPlan, BrowserResult, TestResult]:
        """Run one check; without `events` (an ad-hoc run) nothing is logged. `test_id`
        names the stored test being run (DESIGN's `run_test(url, goal, test_id)`): adapters
        that keep state on the test, such as the plan cache, read it from the run scope.

        Raises PlanningError (the goal has clauses the planner could not map), RunTimeout
        (the whole run took longer than `timeout_s`) or another PipelineError (browser missing
        or crashed); an `error` event precedes each.
        """
        sink: EventSink = events if events is not None else discard_events
        limit = self.run_timeout_s if timeout_s is None else timeout_s
        deadline = asyncio.timeout(limit)
        try:
            try:
                with run_scope(test_id):
                    async with deadline:
                        return await self._run(url, goal, sink)
            except TimeoutError:
                if not deadline.expired():
                    raise
                raise RunTimeout(f"the run did not finish within its {limit:g} s timeout") from None
        except BaseException as exc:
            if isinstance(exc, Exception):
                message = str(exc) or type(exc).__name__
                if not isinstance(exc, PipelineError):
                    message = f"{type(exc).__name__}: {message}"
                with contextlib.suppress(Exception):
                    await sink("error", message)
            raise

    async def _run(
        self, url: str, goal: str, sink: EventSink
    ) -> tuple[TestPlan, BrowserResult, TestResult]:
        # The goal is not echoed: it may hold a password ("log in as ana / hunter2"), and
        # events are shown to anyone watching the live view.
        await sink("plan_start", "Planning steps from the goal")
        plan = await self.planner.plan(url, goal)
        if plan.errors:
            clauses = "; ".join(plan.errors)
            raise PlanningError(f"could not understand part of the goal: {clauses}")
        await sink("plan_complete", f"Planned {plan.total_steps} steps ({plan.source})")
        browser_result = await self.executor.execute(plan, sink)
        await sink("eval_start", "Evaluating the result")
        result = await self.evaluator.evaluate(plan, browser_result)
        await sink("eval_complete", result.details, passed=result.passed)
        return plan, browser_result, result

    async def aclose(self) -> None:
        """Release the executor's browser (and anything else holding resources)."""
        for part in (self.planner, self.executor, self.evaluator):
            closer = getattr(part, "aclose", None)
            if closer is not None:
                await closer()
