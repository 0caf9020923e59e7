"""A sign-in the goal expects to work is marked so (PlanStep.signs_in) on the step that
submits it; an attempt, or a goal that speaks of the sign-in being refused, is not."""

from __future__ import annotations

import pytest

from vigil.planner.rule_planner import plan_goal

URL = "http://127.0.0.1:8000/"


def _submits(goal: str) -> list[tuple[str, bool]]:
    plan = plan_goal(URL, goal)
    assert not plan.errors, plan.errors
    return [(s.action, s.signs_in) for s in plan.steps if s.action in ("press", "click")]


@pytest.mark.parametrize(
    "goal",
    [
        "log in as ana / pw-1 and open Invoices",
        "sign in with ana@example.com and the password pw-1; the Reports page should load",
        "as ana with password pw-1, open Settings",
    ],
)
def test_a_sign_in_expected_to_work_is_marked(goal: str) -> None:
    assert _submits(goal)[0] == ("press", True)


def test_the_button_that_submits_carries_the_mark() -> None:
    assert _submits("log in as ana / pw-1 and click 'Sign in'; open Invoices")[0] == (
        "click",
        True,
    )


@pytest.mark.parametrize(
    "goal",
    [
        "try to log in as ana / old-pw, then check 'Log in' is shown",
        "log in as ana / old-pw; the error 'Invalid password' should appear",
        "An old password must not work: log in as ana / old-pw",
        "sign in as ana / typo-pw; I should stay on the login page",
        "log in as ana / pw-1 and check that 'Access denied' is shown",
        "Log in as ana with the password 'pw-1' — the page should ask for a correct username",
        "log in as ana / pw-1 and check that 'Enter the correct password' is shown",
    ],
)
def test_an_attempt_or_an_expected_refusal_is_not(goal: str) -> None:
    assert _submits(goal)[0][1] is False
