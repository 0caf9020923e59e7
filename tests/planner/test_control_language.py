"""Controls and their states, tags and a record's status, in words from other domains than
the apps they were seen on (an HR leave form, a recipe filter, a shipping settings page):
setting a field that may be a dropdown the page draws, filtering a named list, switches and
boxes named by their label, the only items left, a record's tags and status, an action told
by its purpose and its means. The look-alikes stay errors: a reading that guessed would
check something the goal did not ask.
"""

from __future__ import annotations

import pytest

from tests.planner.test_everyday_corpus import brief
from vigil.models import TestPlan
from vigil.planner.rule_planner import plan_goal

URL = "http://127.0.0.1:8000/"


def briefs(plan: TestPlan) -> list[str]:
    """The steps after opening the URL; a whole-text match is marked `exact`."""
    steps = plan.steps[1:] if plan.steps and plan.steps[0].action == "navigate" else plan.steps
    return [brief(s) + (" exact" if s.exact else "") for s in steps]


READ: list[tuple[str, list[str]]] = [
    # Setting a field: typed into a text box, chosen in a dropdown (the executor decides).
    (
        "Open 'Leave request 12' and set Leave type to Annual leave",
        ["click 'Leave request 12'", "fill 'Leave type' = 'Annual leave'"],
    ),
    ("change its status to Approved", ["fill 'status' = 'Approved'"]),
    ("close the order by choosing Shipped as the status", ["select 'status' = 'Shipped'"]),
    (
        "open 'Leave request 12' and approve it by setting the status to Approved",
        ["click 'Leave request 12'", "fill 'status' = 'Approved'"],
    ),
    # Filtering a named list by a field and a value.
    (
        "filter the recipes list by cuisine Thai",
        ["click 'recipes' ground=page", "select 'cuisine' = 'Thai'"],
    ),
    (
        "filter the Recipes by diet Vegan",
        ["click 'Recipes' ground=page", "select 'diet' = 'Vegan'"],
    ),
    # Switches and boxes named by their label, in sentence case.
    (
        "Shipping settings: Express delivery is on",
        ["click 'Shipping settings' ground=page", "assert_checked 'Express delivery'"],
    ),
    ("Gift wrapping is off", ["assert_unchecked 'Gift wrapping'"]),
    ("Saturday delivery should be switched on", ["assert_checked 'Saturday delivery'"]),
    ("Saturday delivery should still be on", ["assert_checked 'Saturday delivery'"]),
    ("Gift wrapping should not still be on", ["assert_unchecked 'Gift wrapping'"]),
    ("turn Saturday delivery on", ["check 'Saturday delivery'"]),
    ("switch off Gift wrapping", ["uncheck 'Gift wrapping'"]),
    # Several items said to be the only ones.
    (
        "Pad Thai, Green Curry and Tom Yum should be the only ones left",
        [
            "assert_text = 'Pad Thai'",
            "assert_text = 'Green Curry'",
            "assert_text = 'Tom Yum'",
            "assert_count = '3' eq",
        ],
    ),
    (
        "'Pad Thai' and 'Green Curry' are the only results",
        ["assert_text = 'Pad Thai'", "assert_text = 'Green Curry'", "assert_count = '2' eq"],
    ),
    # A record's tags: an element whose whole text is the tag, in the record's row.
    (
        "open 'Pad Thai'; the recipe should carry the vegan tag",
        ["click 'Pad Thai'", "assert_visible 'vegan' in row:'Pad Thai' exact"],
    ),
    (
        "'Pad Thai' is tagged vegan and quick",
        [
            "assert_visible 'vegan' in row:'Pad Thai' exact",
            "assert_visible 'quick' in row:'Pad Thai' exact",
        ],
    ),
    (
        "'Green Curry' should not carry the gluten-free tag",
        ["assert_not_visible 'gluten-free' in row:'Green Curry' exact"],
    ),
    (
        "Pad Thai has the labels 'spicy' and 'quick'",
        [
            "assert_visible 'spicy' in row:'Pad Thai' exact",
            "assert_visible 'quick' in row:'Pad Thai' exact",
        ],
    ),
    # A record's publishing status, and its status field.
    ("'Spring menu' is live", ["assert_cell = 'live' in row:'Spring menu'"]),
    ("Winter Menu is still a draft", ["assert_cell = 'draft' in row:'Winter Menu'"]),
    (
        "open 'Leave request 12'. Status should be Approved",
        ["click 'Leave request 12'", "assert_value 'Status' = 'Approved'"],
    ),
    (
        "open 'Leave request 12'. The priority should not be Urgent",
        ["click 'Leave request 12'", "assert_value 'priority' = 'Urgent' not"],
    ),
    # The field is never what a later "the request" points back to: the record opened is.
    (
        "open 'Leave request 12'. Status should be Approved and the request should carry the "
        "annual tag",
        [
            "click 'Leave request 12'",
            "assert_value 'Status' = 'Approved'",
            "assert_visible 'annual' in row:'Leave request 12' exact",
        ],
    ),
    ("Status should be Approved", ["assert_value 'Status' = 'Approved'"]),
]

UNREAD = [
    "the order is complete",  # a sentence, not a control
    "the promotion is on",
    "the sale is on",
    "Shipping should still be fast",
    "the recipe should carry the day",  # no tag noun after the tag
    "prove the site works by clicking",  # the means names nothing to click
]


@pytest.mark.parametrize(("goal", "steps"), READ)
def test_a_control_phrasing_reads_as_its_steps(goal: str, steps: list[str]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert briefs(plan) == steps


@pytest.mark.parametrize("goal", UNREAD)
def test_a_look_alike_stays_an_error(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == [f"could not understand: '{goal}'"]
