"""No error on the page, said without naming the message: each reading checks that no
alert, error, danger or invalid element is visible (besides whatever step it follows), and
a page-loads claim with "without errors" is never only a load."""

from __future__ import annotations

import pytest

from vigil.models import WAIT_FOR_LOAD, PlanStep
from vigil.planner.no_errors import ERROR_INDICATORS
from vigil.planner.rule_planner import plan_goal

URL = "http://127.0.0.1:9/app"


def _no_error_check(step: PlanStep) -> bool:
    return step.action == "assert_not_visible" and step.target == ERROR_INDICATORS


@pytest.mark.parametrize(
    "goal",
    [
        "make sure there's no error message",
        "there is no error message",
        "no errors are shown",
        "verify that no error banner is displayed",
        "there should be no validation errors",
        "the page shows no errors",
        "Check there are no errors on the page",
    ],
)
def test_a_claim_of_no_error_checks_for_error_messages(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert [s.action for s in plan.steps] == ["navigate", "assert_not_visible"]
    assert _no_error_check(plan.steps[-1])


@pytest.mark.parametrize(
    "goal",
    [
        "the homepage loads without errors",
        "make sure the app loads without any error",
        "the site should load without any errors",
    ],
)
def test_loading_without_errors_also_checks_for_error_messages(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert plan.steps[1].action == "wait" and plan.steps[1].value == WAIT_FOR_LOAD
    assert _no_error_check(plan.steps[-1])


@pytest.mark.parametrize(
    ("goal", "first"),
    [
        ("log in as rosa / tulip-42 without any error", "fill"),
        ("search for 'invoices' without errors", "fill"),
        ("click 'Export CSV' without any error message", "click"),
    ],
)
def test_a_step_without_errors_is_the_step_then_the_check(goal: str, first: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert plan.steps[1].action == first
    assert _no_error_check(plan.steps[-1])
    assert all("tulip-42" not in (s.source or "") + s.description for s in plan.steps)


@pytest.mark.parametrize(
    "goal",
    [
        "an error message appears",  # which message? the goal should quote it
        "the error count is 0",  # a number on the page, not a message
        "no errors in the browser console",  # the console, not the page
    ],
)
def test_other_talk_of_errors_is_not_this_claim(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert not any(_no_error_check(s) for s in plan.steps)
