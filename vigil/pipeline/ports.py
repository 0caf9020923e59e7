"""The pipeline's interfaces (DESIGN §1): Planner, Executor, Evaluator and the event sink.

The pipeline owns these; concrete adapters (rules, Playwright, pydantic-ai, TinyFish) are
chosen by the composition root from Settings. The pipeline never imports Redis: events leave
it through an EventSink the caller supplies.
"""

from __future__ import annotations

from typing import Protocol

from vigil.models import BrowserResult, EventType, TestPlan, TestResult


class EventSink(Protocol):
    """Receives the run's events (DESIGN §2 event stream); the store writes them with XADD."""

    async def __call__(
        self,
        type: EventType,
        message: str,
        *,
        step_number: int | None = None,
        passed: bool | None = None,
    ) -> None: ...


class Planner(Protocol):
    async def plan(self, url: str, goal: str) -> TestPlan: ...


class Executor(Protocol):
    async def execute(self, plan: TestPlan, events: EventSink) -> BrowserResult: ...


class Evaluator(Protocol):
    async def evaluate(self, plan: TestPlan, browser_result: BrowserResult) -> TestResult: ...


async def discard_events(
    type: EventType,
    message: str,
    *,
    step_number: int | None = None,
    passed: bool | None = None,
) -> None:
    """The sink of an ad-hoc run: nothing is stored (DESIGN §1)."""
