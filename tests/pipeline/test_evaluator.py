"""The rule evaluator: a run passes only when every planned step passed."""

from __future__ import annotations

from vigil.models import BrowserResult, PlanStep, StepResult, TestPlan
from vigil.pipeline.evaluator import ALL_PASSED, RuleEvaluator, evaluate_run

URL = "https://shop.example/"


def plan_of(count: int, errors: list[str] | None = None) -> TestPlan:
    steps = [
        PlanStep(step_number=n, action="click", description=f"Click '{n}'", target=str(n))
        for n in range(1, count + 1)
    ]
    return TestPlan(url=URL, goal="…", steps=steps, total_steps=count, errors=errors or [])


def ok(n: int) -> StepResult:
    return StepResult(step_number=n, passed=True, details=f"Clicked '{n}'", duration_ms=10)


def failed(n: int, error: str | None = None, details: str = "") -> StepResult:
    return StepResult(step_number=n, passed=False, details=details, error=error)


def browser(
    *steps: StepResult, error: str | None = None, success: bool | None = None
) -> BrowserResult:
    all_passed = all(step.passed for step in steps) and error is None
    return BrowserResult(
        success=all_passed if success is None else success,
        steps=list(steps),
        duration_ms=1234,
        error=error,
    )


async def test_a_run_where_every_step_passed_passes() -> None:
    result = await RuleEvaluator().evaluate(plan_of(3), browser(ok(1), ok(2), ok(3)))

    assert result.passed is True
    assert result.details == ALL_PASSED == "All steps passed successfully."
    assert result.error is None
    assert (result.steps_passed, result.steps_total) == (3, 3)
    assert result.duration_ms == 1234


def test_step_results_are_copied_into_the_result() -> None:
    run = browser(ok(1), ok(2))

    result = evaluate_run(plan_of(2), run)

    assert result.step_results == run.steps
    assert all(a is not b for a, b in zip(result.step_results, run.steps, strict=True))


def test_a_failed_step_fails_the_run_and_says_which_and_why() -> None:
    result = evaluate_run(plan_of(3), browser(ok(1), ok(2), failed(3, "no element matching 'Buy'")))

    assert result.passed is False
    assert result.details == "2 of 3 steps passed. Step 3 failed: no element matching 'Buy'"
    assert result.error == "no element matching 'Buy'"
    assert (result.steps_passed, result.steps_total) == (2, 3)


def test_the_first_failed_step_is_the_one_reported() -> None:
    run = browser(ok(1), failed(3, "third"), failed(2, "second"))

    result = evaluate_run(plan_of(3), run)

    assert result.error == "second"
    assert result.details == "1 of 3 steps passed. Step 2 failed: second"


def test_a_failed_step_without_an_error_is_explained_by_its_details() -> None:
    result = evaluate_run(plan_of(1), browser(failed(1, details="Text 'Welcome' not found")))

    assert result.error == "Text 'Welcome' not found"
    assert result.details == "0 of 1 steps passed. Step 1 failed: Text 'Welcome' not found"


def test_a_plan_with_unparsed_clauses_never_passes() -> None:
    plan = plan_of(2, errors=["could not understand: 'frobnicate'"])

    result = evaluate_run(plan, browser(ok(1), ok(2)))

    assert result.passed is False
    assert result.error == "could not understand: 'frobnicate'"
    assert "could not understand: 'frobnicate'" in result.details


def test_a_run_level_browser_error_fails_the_run() -> None:
    result = evaluate_run(plan_of(2), browser(ok(1), error="The run exceeded its 120 s timeout"))

    assert result.passed is False
    assert result.error == "The run exceeded its 120 s timeout"
    assert (
        result.details == "1 of 2 steps passed. The run stopped: The run exceeded its 120 s timeout"
    )


def test_steps_that_never_reported_fail_the_run() -> None:
    result = evaluate_run(plan_of(3), browser(ok(1), ok(2), success=True))

    assert result.passed is False
    assert result.details == "2 of 3 steps passed. Step 3 did not run."
    assert result.steps_total == 3


def test_a_browser_that_reports_failure_without_a_failed_step_fails_the_run() -> None:
    result = evaluate_run(plan_of(1), browser(ok(1), success=False))

    assert result.passed is False
    assert result.error is not None


def test_an_empty_plan_does_not_pass_by_default() -> None:
    result = evaluate_run(plan_of(0), browser())

    assert result.passed is False
    assert result.error == "The plan has no steps."
