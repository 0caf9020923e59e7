"""Goal language found grounding real apps: the n-th item under a heading, and explanatory
asides that say why rather than what to check.

Goals are from a recipe site, a help desk, a bookshop and a news site, never a benchmark's
wording; each family has look-alikes that must keep their other meaning or stay unread.
"""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import URL, shape, st
from vigil.planner.rule_planner import plan_goal, read_goal


def nth(value: str, n: int, heading: str) -> object:
    return st("assert_cell", value=value, nth=n, scope=("section", heading))


ORDINALS = [
    ("under 'Top recipes' the first recipe is Lemon Tart", [nth("Lemon Tart", 0, "Top recipes")]),
    (
        "in the Open tickets section the second ticket should be Printer jam",
        [nth("Printer jam", 1, "Open tickets")],
    ),
    (
        "the third headline under 'World news' is 'Rain in Oslo'",
        [nth("Rain in Oslo", 2, "World news")],
    ),
    (
        "Sula should be the last book in the Bestsellers list",
        # a list names a page of its own: gone to first, then its main list's last item
        [st("click", "Bestsellers", ground="page"), st("assert_cell", value="Sula", nth=-1)],
    ),
    (
        "below Recently viewed, the 2nd item reads Desk Lamp",
        [nth("Desk Lamp", 1, "Recently viewed")],
    ),
    (
        "under the 'Staff picks' panel, the first book must be 'Beloved'",
        [nth("Beloved", 0, "Staff picks")],
    ),
]


@pytest.mark.parametrize(("goal", "expected"), ORDINALS)
def test_the_nth_item_under_a_heading(goal: str, expected: list[object]) -> None:
    plan = plan_goal(URL, goal)
    assert not plan.errors, plan.errors
    assert shape(plan) == expected


@pytest.mark.parametrize(
    "goal",
    [
        # a position of something that is no item: another reading or an error, never this one
        "in the Contact section the first name is Ana",
        # a heading whose end cannot be told without quotes, a noun or a comma
        "under Latest from the kitchen the first recipe is Lemon Tart",
    ],
)
def test_look_alikes_are_not_read_as_the_nth_item(goal: str) -> None:
    plan = plan_goal(URL, goal)
    assert not any(s.action == "assert_cell" and s.nth is not None for s in plan.steps), plan


ASIDES = [
    (
        "Open Tickets. 'Printer jam' isn't listed (still a draft).",
        [st("click", "Tickets"), st("assert_cell", value="Printer jam", negate=True)],
        ["still a draft"],
    ),
    (
        "search for 'sula': 'No results' should be shown, the book was withdrawn",
        [st("fill", value="sula", ground="search"), st("assert_text", value="No results")],
        ["the book was withdrawn"],
    ),
    (
        "open Recipes (it's under Kitchen) and check 'Lemon Tart' is shown",
        [st("click", "Recipes"), st("assert_text", value="Lemon Tart")],
        ["it's under Kitchen"],
    ),
    (
        "'Desk Lamp' should be shown (there are unsold lamps)",
        [st("assert_text", value="Desk Lamp")],
        ["there are unsold lamps"],
    ),
]


@pytest.mark.parametrize(("goal", "expected", "framed"), ASIDES)
def test_an_explanatory_aside_frames_and_the_rest_is_checked(
    goal: str, expected: list[object], framed: list[str]
) -> None:
    reading = read_goal(URL, goal)
    plan = reading.plan()
    assert not plan.errors, plan.errors
    assert shape(plan) == expected
    assert reading.framing == framed


@pytest.mark.parametrize(
    "goal",
    [
        # a number or a quote may be a claim: never set apart as an aside
        "open Tickets, there are 3 tickets (there are 3 tickets)",
        "'Desk Lamp' should be shown (it's 'Sold out')",
        # a past event that is not a thing taken away is no explanation
        "open Tickets, the page was loaded",
        # an aside after a clause that does not read leaves the clause an error
        "the lamp glows warmly (still a draft)",
    ],
)
def test_asides_that_may_claim_are_never_dropped(goal: str) -> None:
    reading = read_goal(URL, goal)
    assert not any(
        "3 tickets" in f or "Sold out" in f or "loaded" in f or "draft" in f
        for f in reading.framing
    ), reading.framing
    plan = reading.plan()
    if not plan.errors:
        written = " ".join(f"{s.target} {s.value}" for s in plan.steps)
        assert "3" in written or "Sold out" in written, plan


@pytest.mark.parametrize(
    ("goal", "label", "value"),
    [
        ("Go to Shipping. Delivery time: 3 to 5 days.", "Delivery time", "3 to 5 days"),
        ("Open Tours. Best season to visit Crete: May to October.", "Best season to visit Crete",
         "May to October"),
    ],
)  # fmt: skip
def test_a_label_and_value_after_a_step_is_a_claim_not_a_borrowed_click(
    goal: str, label: str, value: str
) -> None:
    plan = plan_goal(URL, goal)
    assert not plan.errors, plan.errors
    assert shape(plan)[-1] == st("assert_value", label, value)
