"""The per-run model budget (VIGIL_LLM_MAX_CALLS, VIGIL_LLM_MAX_TOKENS).

The planner, the healer and the evaluator of one run share one budget, but the pipeline is
shared by concurrent runs and its ports carry no run object. The pipeline marks each run with
a RunScope in the run's task context (vigil/pipeline/ports.py); the budget lives beside it in
a ContextVar and belongs to that scope, so whichever agent of a run asks first starts it and
the others, awaited later in the same task, see it — and the next run, even in the same
task, starts afresh.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field

from pydantic_ai.usage import RunUsage, UsageLimits

from vigil.agents.limits import LLMLimits
from vigil.pipeline.ports import RunScope, current_run


@dataclass
class RunBudget:
    """Limits plus what one run has used so far (pydantic-ai adds to `usage` in place)."""

    max_calls: int
    max_tokens: int
    usage: RunUsage = field(default_factory=RunUsage)
    run: RunScope | None = None

    def limits(self) -> UsageLimits:
        return UsageLimits(request_limit=self.max_calls, total_tokens_limit=self.max_tokens)

    @property
    def calls(self) -> int:
        return self.usage.requests

    @property
    def tokens(self) -> int:
        return self.usage.input_tokens + self.usage.output_tokens


_current: ContextVar[RunBudget | None] = ContextVar("vigil_llm_budget", default=None)


def begin_run(limits: LLMLimits) -> RunBudget:
    """Start the budget of a new run in the current task."""
    budget = RunBudget(limits.max_calls, limits.max_tokens, run=current_run())
    _current.set(budget)
    return budget


def current_budget(limits: LLMLimits) -> RunBudget:
    """The running run's budget; a fresh one when this run has none yet (the rules planned,
    or a lone evaluate outside any run)."""
    budget = _current.get()
    run = current_run()
    if budget is None or (run is not None and budget.run is not run):
        return begin_run(limits)
    return budget


def run_usage() -> tuple[int, int]:
    """(model calls, tokens) of the current run so far; (0, 0) when no model was used."""
    budget = _current.get()
    if budget is None or budget.run is not current_run():
        return (0, 0)
    return (budget.calls, budget.tokens)
