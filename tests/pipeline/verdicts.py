"""How the end-to-end goal tables judge a goal on the demo site: the verdict a person would
expect, and for a failure the step that failed and the reason shown to the user. One place,
so every table holds its goals to the same standard."""

from __future__ import annotations

from dataclasses import dataclass

from vigil.pipeline.pipeline import Pipeline


@dataclass(frozen=True)
class Goal:
    path: str
    goal: str
    passes: bool
    failed_step: int | None = None  # the step that fails, counted in the plan
    reason: str = ""  # a phrase the failure's reason must contain


async def assert_verdict(pipeline: Pipeline, demo_site: str, g: Goal) -> None:
    """Run `g` and check its verdict; a credential never reaches the result."""
    plan, browser, result = await pipeline.run_check(demo_site + g.path, g.goal)
    steps = [(s.step_number, s.passed, s.details) for s in browser.steps]
    assert not plan.errors, plan.errors
    shown = {s.value for s in plan.steps if not s.secret}
    for secret in {s.value for s in plan.steps if s.secret and s.value} - shown:
        assert secret not in browser.model_dump_json(), "a credential leaked into the result"
    assert result.passed is g.passes, steps
    if g.passes:
        assert result.details == "All steps passed successfully."
        assert result.steps_passed == result.steps_total == plan.total_steps
        return
    assert g.failed_step is not None, "a goal expected to fail names the step that fails"
    failed = [s for s in browser.steps if not s.passed]
    assert failed[0].step_number == g.failed_step, steps
    assert g.reason in failed[0].details, failed[0].details
    assert result.details.startswith(
        f"{g.failed_step - 1} of {plan.total_steps} steps passed. Step {g.failed_step} failed: "
    )
    assert result.error == failed[0].details
