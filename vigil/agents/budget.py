"""The per-run model budget (VIGIL_LLM_MAX_CALLS, VIGIL_LLM_MAX_TOKENS).

The planner and the evaluator of one run share one budget, but the pipeline is shared by
concurrent runs and its ports carry no run object. A ContextVar gives each run its own: a run
is one task, `begin_run` (called by the planner, which always goes first) sets a fresh budget
in that task's context, and the evaluator, awaited later in the same task, sees it.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field

from pydantic_ai.usage import RunUsage, UsageLimits


@dataclass
class RunBudget:
    """Limits plus what one run has used so far (pydantic-ai adds to `usage` in place)."""

    max_calls: int
    max_tokens: int
    usage: RunUsage = field(default_factory=RunUsage)

    def limits(self) -> UsageLimits:
        return UsageLimits(request_limit=self.max_calls, total_tokens_limit=self.max_tokens)

    @property
    def calls(self) -> int:
        return self.usage.requests

    @property
    def tokens(self) -> int:
        return self.usage.input_tokens + self.usage.output_tokens


_current: ContextVar[RunBudget | None] = ContextVar("vigil_llm_budget", default=None)


def begin_run(max_calls: int, max_tokens: int) -> RunBudget:
    """Start the budget of a new run in the current task."""
    budget = RunBudget(max_calls, max_tokens)
    _current.set(budget)
    return budget


def current_budget(max_calls: int, max_tokens: int) -> RunBudget:
    """The running run's budget, or a fresh one when nothing began a run (a lone evaluate)."""
    budget = _current.get()
    return budget if budget is not None else begin_run(max_calls, max_tokens)


def run_usage() -> tuple[int, int]:
    """(model calls, tokens) of the current run so far; (0, 0) when no model was used."""
    budget = _current.get()
    return (budget.calls, budget.tokens) if budget is not None else (0, 0)
