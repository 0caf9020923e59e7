"""A place that should load, open or come up is a claim about where the user is, never the
framing of a purpose: read as framing, "log in …; the dashboard should load" passed on a
sign-in that failed, with nothing checked after it."""

from __future__ import annotations

import pytest

from vigil.planner.rule_planner import plan_goal

URL = "http://127.0.0.1:8000/"


@pytest.mark.parametrize(
    ("goal", "place"),
    [
        ("log in as ana / pw-1; the dashboard should load", "dashboard"),
        ("sign in as ana / pw-1. The Reports screen should open.", "Reports"),
        ("the inbox should come up", "inbox"),
        ("Go to Invoices - the Invoices page should load", "Invoices"),
        ("after saving, the Orders page must load", "Orders"),
    ],
)
def test_a_place_that_should_load_is_checked(goal: str, place: str) -> None:
    plan = plan_goal(URL, goal)
    assert not plan.errors
    last = plan.steps[-1]
    assert (last.action, last.ground) == ("assert_visible", "page")
    # The executor reads the name without its article ("The Reports" names 'Reports').
    assert (last.target or "").casefold().removeprefix("the ") == place.casefold()


@pytest.mark.parametrize(
    "goal",
    [
        "log in as ana / pw-1; the menu should open",
        "log in as ana / pw-1; the checkout should load quickly",
    ],
)
def test_what_is_not_a_place_stays_unread(goal: str) -> None:
    assert plan_goal(URL, goal).errors
