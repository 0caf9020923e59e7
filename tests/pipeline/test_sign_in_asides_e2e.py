"""Credentials told the way people write them in a check's goal, through the whole pipeline
on the demo site: as an aside in parentheses, a pair heading the goal, a note after the
claims, or "once … signs in (password …)". The sign-in is done first, every claim after it.
Each reading has a trap that must fail, never pass: a wrong password in the aside followed
by a success claim (it fails at the sign-in, never on the sign-in page), and a claim that
holds only before signing in. A sidebar is an aside (even one whose menu is fixed to the
edge and has no box of its own), else the navigation landmark."""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

_REFUSED = "the sign-in did not get through"

GOALS = {
    "a pair in parentheses after the claim": Goal(
        "/login", "'You have 3 new messages' should be shown (clerk / till-42)", True
    ),
    "TRAP a wrong password in the aside, then a success claim": Goal(
        "/login", "'You have 3 new messages' should be shown (clerk / till-43)", False, 4, _REFUSED
    ),
    "TRAP a claim that holds only before signing in": Goal(
        "/login", "'Back home' should be shown (clerk / till-42)", False, 5, "Back home"
    ),
    "once … signs in (password …) told last": Goal(
        "/login",
        "The dashboard should say 'Welcome, clerk' once clerk signs in (password till-42)",
        True,
    ),
    "TRAP once … signs in with a wrong password": Goal(
        "/login",
        "The dashboard should say 'Welcome, clerk' once clerk signs in (password till-24)",
        False,
        4,
        _REFUSED,
    ),
    "a pair heading a path": Goal(
        "/login", "clerk / till-42 -> Order history: 'INV-203' is shown", True
    ),
    "TRAP a pair heading a path to an invoice that is not there": Goal(
        "/login", "clerk / till-42 -> Order history: 'INV-999' is shown", False, 6, "INV-999"
    ),
    "a heading, then after signing in as …": Goal(
        "/login",
        "Dashboard check - after signing in as clerk/till-42 'You have 3 new messages' is shown",
        True,
    ),
    "credentials as a last sentence": Goal(
        "/login", "Order history: 'INV-203' is listed. User clerk, password till-42.", True
    ),
    "TRAP a comma pair with a wrong password, told last": Goal(
        "/login",
        "Go to Order history and check 'INV-203' is listed (clerk, till-4)",
        False,
        4,
        _REFUSED,
    ),
    "a sidebar with no box of its own": Goal(
        "/backoffice", "the sidebar should not offer Reports", True
    ),
    "TRAP a link that is in the sidebar": Goal(
        "/backoffice", "the sidebar should not offer Transfers", False, 2, "Transfers"
    ),
    "a side menu that is only a navigation landmark": Goal(
        "/login", "Log in as demo / demo. The side menu should not offer Messages", True
    ),
    "TRAP a link in the navigation landmark": Goal(
        "/login",
        "Log in as demo / demo. The side menu should not offer Settings",
        False,
        5,
        "Settings",
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
