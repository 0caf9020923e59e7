"""Builds the agents (planner, healer, evaluator) from Settings, for the composition root
(vigil/services.py).

`VIGIL_MODEL=test` is pydantic-ai's TestModel (no provider, no key): the whole LLM path runs
end to end offline. Any other value is a pydantic-ai model name (`openai:gpt-4o`,
`anthropic:…`, `ollama:…`); a name pydantic-ai does not know, or a provider without its key,
stops start-up with a ConfigError instead of failing every run later.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic_ai.exceptions import UserError
from pydantic_ai.models import Model, infer_model
from pydantic_ai.models.test import TestModel

from vigil.agents.cache import PlanCache
from vigil.agents.evaluator import LLMEvaluator
from vigil.agents.healer import LLMHealer
from vigil.agents.limits import LLMLimits
from vigil.agents.planner import LLMPlanner, PlannerMode, Snapshots
from vigil.config import Settings
from vigil.errors import ConfigError
from vigil.pipeline.ports import Planner


def build_model(name: str) -> Model:
    if name == "test":
        return TestModel()
    try:
        return infer_model(name)
    except (UserError, ValueError, ImportError) as exc:
        raise ConfigError(f"VIGIL_MODEL: cannot use '{name}': {exc}") from None


@dataclass(frozen=True)
class Agents:
    """The LLM planner, step healer and evaluator of one process; one model, one set of
    limits (one per-run budget), one plan cache."""

    planner: LLMPlanner
    healer: LLMHealer
    evaluator: LLMEvaluator


def build_agents(
    settings: Settings,
    rules: Planner,
    snapshots: Snapshots,
    *,
    model: Model | None = None,
    cache: PlanCache | None = None,
) -> Agents:
    """The agents sharing one model, the run budget settings and the plan cache (None: every
    run plans afresh)."""
    assert settings.model is not None or model is not None
    chosen = model if model is not None else build_model(settings.model or "")
    limits = LLMLimits.from_settings(settings)
    mode: PlannerMode = "llm" if settings.planner == "llm" else "auto"
    return Agents(
        planner=LLMPlanner(chosen, rules, snapshots, mode=mode, limits=limits, cache=cache),
        healer=LLMHealer(chosen, limits=limits),
        evaluator=LLMEvaluator(chosen, limits=limits, cache=cache),
    )
