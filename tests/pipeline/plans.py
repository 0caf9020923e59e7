"""Hand-built plans for executor tests, so they do not depend on the planner's phrasing."""

from __future__ import annotations

from vigil.config import Settings, load_settings
from vigil.models import PlanStep, TestPlan

STEP_TIMEOUT_S = 5.0


def pipeline_settings(**overrides: object) -> Settings:
    """Settings independent of the machine's environment, with a short step timeout."""
    values: dict[str, object] = {"step_timeout_s": STEP_TIMEOUT_S, "concurrency": 2}
    values.update(overrides)
    return load_settings({}, **values)


def step(
    action: str, target: str | None = None, value: str | None = None, **hints: object
) -> PlanStep:
    """A step; numbered later by `plan`. `hints` are role/nth/exact."""
    return PlanStep.model_validate(
        {
            "step_number": 0,
            "action": action,
            "description": f"{action} {target or value or ''}".strip(),
            "target": target,
            "value": value,
            **hints,
        }
    )


def plan(url: str, *steps: PlanStep) -> TestPlan:
    numbered = [s.model_copy(update={"step_number": i}) for i, s in enumerate(steps, start=1)]
    return TestPlan(url=url, goal="hand-built", steps=numbered, total_steps=len(numbered))
