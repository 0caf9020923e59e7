"""The pipeline's interfaces (DESIGN §1): Planner, Executor, Evaluator, the event sink, the
step healer the executor may be given, and the run in progress.

The pipeline owns these; concrete adapters (rules, Playwright, pydantic-ai, TinyFish) are
chosen by the composition root from Settings. The pipeline never imports Redis: events leave
it through an EventSink the caller supplies.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol

from vigil.models import Action, BrowserResult, EventType, PlanStep, TestPlan, TestResult


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


# --- the run in progress -----------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class RunScope:
    """One run of the pipeline: which stored test it belongs to (None: an ad-hoc run).

    Ports carry no run object (a planner is shared by concurrent runs), so the pipeline sets
    this in the run's task context; adapters that keep state per test or per run (the plan
    cache on the test, the model budget) read it with `current_run()`. Each `run_check` makes
    a new one, so identity tells two runs apart even for the same test.
    """

    test_id: str | None = None


_current_run: ContextVar[RunScope | None] = ContextVar("vigil_run", default=None)


def current_run() -> RunScope | None:
    return _current_run.get()


@contextlib.contextmanager
def run_scope(test_id: str | None) -> Iterator[RunScope]:
    """Make a new run current for the duration of the block (the caller's task only)."""
    scope = RunScope(test_id)
    token = _current_run.set(scope)
    try:
        yield scope
    finally:
        _current_run.reset(token)


# --- step healing (DESIGN §4 "LLM mode": a step healer) ---------------------------------------


# The actions whose element a healer may find anew. Claims are not among them: what a goal
# asserts is never changed to make a run pass.
HEALABLE_ACTIONS: frozenset[Action] = frozenset(
    {"click", "double_click", "hover", "check", "uncheck", "fill", "select", "press"}
)


@dataclass(frozen=True)
class HealCandidate:
    """An element the healer may pick, by the reference it was shown in the snapshot."""

    ref: str
    role: str
    name: str


@dataclass(frozen=True)
class HealRequest:
    """A step whose target did not resolve, and the page as it is now.

    `snapshot` is the page's accessibility snapshot with a `[ref=…]` on every element;
    `candidates` are the named ones among them a step can act on. `problem` is how the
    executor reported the miss (shown to the model, never branched on).
    """

    goal: str
    step: PlanStep
    problem: str
    snapshot: str
    candidates: tuple[HealCandidate, ...]


@dataclass(frozen=True)
class HealPick:
    """Act on this candidate instead of the step's target."""

    ref: str
    reason: str


@dataclass(frozen=True)
class HealReplace:
    """Do this step instead (an acting step over the same closed action set; never a claim)."""

    step: PlanStep
    reason: str


@dataclass(frozen=True)
class HealGiveUp:
    """Nothing on the page fits: the step fails as it would without a healer."""

    reason: str


HealDecision = HealPick | HealReplace | HealGiveUp


class StepHealer(Protocol):
    """Repairs a step whose element could not be found (the LLM healer in vigil/agents/).

    Only steps that act on an element are offered; a claim (assert_*) is never healed, so a
    missing text or element the goal asserts stays a failure. Raises ModelError when the
    model cannot help (provider error, budget, answers that stay invalid).
    """

    async def heal(self, request: HealRequest) -> HealDecision: ...
