"""A browser-free pipeline for scheduling tests and the schedule benchmark.

The real Pipeline class with stub adapters: planning, "browsing" (a sleep of `delay_s`) and
evaluation all pass. With `record_url` set, every execution is counted in Redis under the
hash STARTS (run id -> how many times the pipeline started it) and STARTED_BY (run id -> the
pid of the last process that started it), so a test can tell "ran twice" from "stored twice"
across processes.
"""

from __future__ import annotations

import asyncio
import os
import time

from redis.asyncio import Redis

from vigil.models import BrowserResult, PlanStep, StepResult, TestPlan, TestResult
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.pipeline import Pipeline
from vigil.pipeline.ports import EventSink
from vigil.store.redis import connect

STARTS = "stub:starts"
STARTED_BY = "stub:started_by"
STARTED_AT = "stub:started_at"


class StubPlanner:
    async def plan(self, url: str, goal: str) -> TestPlan:
        step = PlanStep(step_number=1, action="navigate", description="open", value=url)
        return TestPlan(url=url, goal=goal, steps=[step], total_steps=1)


class StubExecutor:
    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s

    async def execute(self, plan: TestPlan, events: EventSink) -> BrowserResult:
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        return BrowserResult(
            success=True, steps=[StepResult(step_number=1, passed=True, details="opened")]
        )


class StubPipeline(Pipeline):
    def __init__(self, delay_s: float = 0.0, record_url: str | None = None) -> None:
        super().__init__(StubPlanner(), StubExecutor(delay_s), RuleEvaluator())
        self._record: Redis | None = connect(record_url) if record_url else None

    async def run_check(
        self,
        url: str,
        goal: str,
        *,
        events: EventSink | None = None,
        timeout_s: float | None = None,
        test_id: str | None = None,
    ) -> tuple[TestPlan, BrowserResult, TestResult]:
        run_id = getattr(events, "run_id", None)  # a stored run's EventLog carries its run id
        if self._record is not None and isinstance(run_id, str):
            async with self._record.pipeline(transaction=False) as pipe:
                pipe.hincrby(STARTS, run_id, 1)
                pipe.hset(STARTED_BY, run_id, str(os.getpid()))
                pipe.hsetnx(STARTED_AT, run_id, repr(time.time()))
                await pipe.execute()
        return await super().run_check(
            url, goal, events=events, timeout_s=timeout_s, test_id=test_id
        )

    async def aclose(self) -> None:
        if self._record is not None:
            await self._record.aclose()
        await super().aclose()
