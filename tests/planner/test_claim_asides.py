"""A claim written in brackets after a step ("Open Billing (the balance should be $0.00)") is
checked after the step; before, the brackets became part of the link's name. Brackets that
are part of a name, a note, or a sign-in keep their own readings."""

from __future__ import annotations

import pytest

from tests.planner.test_everyday_corpus import briefs
from vigil.planner.rule_planner import plan_goal

URL = "http://127.0.0.1:9/app"


@pytest.mark.parametrize(
    ("goal", "steps"),
    [
        (
            "Open Billing (the balance should be $0.00)",
            ["click 'Billing'", "assert_value 'balance' = '$0.00'"],
        ),
        (
            "go to Members (there should be 12 members)",
            ["click 'Members'", "assert_count 'members' = '12' eq"],
        ),
        (
            "click 'Archive' (then 'Archived' must appear)",
            ["click 'Archive'", "assert_text = 'Archived'"],
        ),
    ],
)
def test_a_claim_in_brackets_is_checked_after_the_step(goal: str, steps: list[str]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert [b.split(" ground=")[0] for b in briefs(plan)[1:]] == steps


@pytest.mark.parametrize(
    ("goal", "first"),
    [
        ("click Save (draft)", "click 'Save (draft)'"),  # part of the name
        ("Open Billing (clerk / till-0042) and check the balance is $0.00", "fill"),  # sign-in
    ],
)
def test_other_brackets_keep_their_readings(goal: str, first: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert briefs(plan)[1].startswith(first)


def test_brackets_that_are_neither_stay_unread() -> None:
    plan = plan_goal(URL, "click 'Save' (it is at the bottom)")

    assert plan.errors == ["could not understand: 'it is at the bottom'"]
