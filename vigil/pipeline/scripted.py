"""Test doubles shipped beside the real adapters, as pydantic-ai ships `TestModel`.

`ScriptedPipeline` is the real `Pipeline` (its events, error contract and timeout) around a
scripted planner and executor and the real rule evaluator: each run follows the next entry of
its script, so tests of everything above the pipeline (runs, routes, alerts) need no browser.
`EventRecorder` is an EventSink that keeps what it is told.
"""

from __future__ import annotations

import asyncio
from typing import Literal

from vigil.errors import BrowserUnavailable
from vigil.models import BrowserResult, EventType, PlanStep, StepResult, TestPlan
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.pipeline import Pipeline
from vigil.pipeline.ports import EventSink

# What one scripted run does: pass, fail its second step, raise a PipelineError ("Chromium is
# not installed"), raise something unexpected (ZeroDivisionError), or never finish.
Scripted = Literal["pass", "fail", "raise", "crash", "hang"]


class ScriptedPlanner:
    """Plans every goal as: open the page, see 'Welcome'."""

    async def plan(self, url: str, goal: str) -> TestPlan:
        steps = [
            PlanStep(step_number=1, action="navigate", description="Open the page"),
            PlanStep(step_number=2, action="assert_text", description="See 'Welcome'"),
        ]
        return TestPlan(url=url, goal=goal, steps=steps, total_steps=len(steps))


class ScriptedExecutor:
    """Answers each execute call with the next entry of the script (the last one repeats)."""

    def __init__(self, *script: Scripted, delay_s: float = 0.005) -> None:
        self.script = list(script)
        self.calls = 0
        self.delay_s = delay_s

    async def execute(self, plan: TestPlan, events: EventSink) -> BrowserResult:
        what = self.script[min(self.calls, len(self.script) - 1)]
        self.calls += 1
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        if what == "raise":
            raise BrowserUnavailable("Chromium is not installed")
        if what == "crash":
            raise ZeroDivisionError("division by zero")
        if what == "hang":
            await asyncio.sleep(3600)
        passed = what == "pass"
        steps = [
            StepResult(step_number=1, passed=True, details="ok", screenshot_jpeg=b"\xff\xd8one"),
            StepResult(
                step_number=2,
                passed=passed,
                details="ok" if passed else "text 'Welcome' not found",
                error=None if passed else "text 'Welcome' not found",
                screenshot_jpeg=b"\xff\xd8two",
            ),
        ]
        return BrowserResult(success=passed, steps=steps)


class ScriptedPipeline(Pipeline):
    """The real pipeline with a ScriptedPlanner, a ScriptedExecutor and the rule evaluator."""

    def __init__(self, *script: Scripted, delay_s: float = 0.005) -> None:
        self.scripted = ScriptedExecutor(*script, delay_s=delay_s)
        super().__init__(ScriptedPlanner(), self.scripted, RuleEvaluator())

    @property
    def calls(self) -> int:
        """How many runs reached the executor."""
        return self.scripted.calls


class EventRecorder:
    """An EventSink that keeps what it is told, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[EventType, str, int | None, bool | None]] = []

    async def __call__(
        self,
        type: EventType,
        message: str,
        *,
        step_number: int | None = None,
        passed: bool | None = None,
    ) -> None:
        self.events.append((type, message, step_number, passed))
