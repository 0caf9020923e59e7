"""What every agent of a run is bounded by, in one object the planner, healer and evaluator
share (VIGIL_LLM_MAX_CALLS, VIGIL_LLM_MAX_TOKENS, VIGIL_LLM_TIMEOUT).

The three agents spend one per-run budget, so they must agree on its size; passing them one
object instead of the same four numbers three times keeps them from drifting apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from vigil.config import Settings


@dataclass(frozen=True)
class LLMLimits:
    """`max_calls`/`max_tokens`: the run's budget over all its model calls; `timeout_s`: one
    call; `output_retries`: how often an invalid answer is sent back before the run errors."""

    max_calls: int = 8
    max_tokens: int = 60_000
    timeout_s: float = 60.0
    output_retries: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMLimits:
        return cls(
            max_calls=settings.llm_max_calls,
            max_tokens=settings.llm_max_tokens,
            timeout_s=settings.llm_timeout_s,
        )
