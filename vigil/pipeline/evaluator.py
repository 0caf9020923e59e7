"""The rule evaluator (DESIGN §4): a run passed if and only if every planned step passed.

Anything short of that fails the run, including results that are merely incomplete: a step
that never reported, a plan the planner could not fully understand, a run-level browser error
or a browser that says it failed without naming a step. A monitor that passes when it is not
sure is worse than no monitor.
"""

from __future__ import annotations

from vigil.models import BrowserResult, StepResult, TestPlan, TestResult

ALL_PASSED = "All steps passed successfully."


class RuleEvaluator:
    """The offline Evaluator: deterministic, no model."""

    async def evaluate(self, plan: TestPlan, browser_result: BrowserResult) -> TestResult:
        return evaluate_run(plan, browser_result)


def evaluate_run(plan: TestPlan, browser_result: BrowserResult) -> TestResult:
    """Judge a run. `details` reads "2 of 3 steps passed. Step 3 failed: <reason>"."""
    steps = [step.model_copy() for step in browser_result.steps]
    passed_count = sum(1 for step in steps if step.passed)
    problem = _first_problem(plan, browser_result, steps)
    if problem is None:
        details, error = ALL_PASSED, None
    else:
        explanation, error = problem
        details = f"{passed_count} of {plan.total_steps} steps passed. {explanation}"
    return TestResult(
        passed=problem is None,
        steps_passed=passed_count,
        steps_total=plan.total_steps,
        details=details,
        error=error,
        duration_ms=browser_result.duration_ms,
        step_results=steps,
    )


def _first_problem(
    plan: TestPlan, browser_result: BrowserResult, steps: list[StepResult]
) -> tuple[str, str] | None:
    """Why the run did not pass, as (sentence for `details`, `error`); None when it passed.

    Checked in the order the user has to fix things: the goal, then the first failed step,
    then a run that stopped early (browser error, or steps that never reported).
    """
    if plan.errors:
        unplanned = "; ".join(plan.errors)
        return f"The goal could not be fully planned: {unplanned}", unplanned
    if plan.total_steps == 0:
        return _same("The plan has no steps.")
    failed = [step for step in steps if not step.passed]
    if failed:
        first = min(failed, key=lambda step: step.step_number)
        reason = first.error or first.details or "no reason was given"
        return f"Step {first.step_number} failed: {reason}", reason
    if browser_result.error:
        return f"The run stopped: {browser_result.error}", browser_result.error
    reported = {step.step_number for step in steps}
    missing = [n for n in range(1, plan.total_steps + 1) if n not in reported]
    if missing:
        return _same(f"Step {missing[0]} did not run.")
    if not browser_result.success:
        return _same("The browser reported the run as failed without naming a failed step.")
    return None


def _same(sentence: str) -> tuple[str, str]:
    return sentence, sentence
