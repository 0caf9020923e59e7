"""Goal language that names a place, a row's cell, a filter or a sign-in in everyday words.

Each family is tested in its own domain (a bakery, a library, a help desk, a garden shop),
never with the wording of a benchmark goal, and each has look-alikes that must stay unread
or keep their other meaning: a reading that guesses is worse than an error.
"""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import URL, Step, shape, st
from tests.planner.test_real_app_language import signed_in
from vigil.planner.rule_planner import plan_goal


def go(page: str) -> Step:
    """Go to the page named so, unless already on it."""
    return st("click", page, ground="page")


FAMILIES = [
    # A place the rest happens on: go there unless already there.
    (
        "place",
        "On the Loaves page, 'Spelt' should be listed",
        [go("Loaves"), st("assert_text", value="Spelt")],
    ),
    (
        "place",
        "in shelves, sort by height descending",
        [go("shelves"), st("click", "height", column="height", order="descending")],
    ),
    (
        "place",
        "in Members sort by Joined, newest first",
        [go("Members"), st("click", "Joined", column="Joined", order="descending")],
    ),
    (
        "place",
        "in the Loans list search for 'Dune'",
        [go("Loans"), st("fill", value="Dune", ground="search")],
    ),
    ("place", "search loans for 'Dune'", [go("loans"), st("fill", value="Dune", ground="search")]),
    (
        "place",
        "Shelves -> add a filter on Floor for Second",
        [go("Shelves"), st("select", "Floor", "Second")],
    ),
    ("place", "have a look at the Seeds table", [go("Seeds")]),
    ("place", "view the Members page", [go("Members")]),
    (
        "place claim",
        "the Loans list should contain exactly 3 loans",
        [go("Loans"), st("assert_count", "loans", "3", count_op="eq")],
    ),
    (
        "place claim",
        "the Members page shows Ravi Menon based in Pune",
        [go("Members"), st("assert_cell", value="Pune", scope=("row", "Ravi Menon"))],
    ),
    (
        "place claim",
        "the Members page should not show Ravi Menon",
        [go("Members"), st("assert_no_text", value="Ravi Menon")],
    ),
    (
        "place claim",
        "remove the 'Basil' seed and make sure it's no longer in the Seeds list",
        [
            st("click", "Remove", scope=("row", "Basil")),
            st("click", "Confirm", "if asked"),
            go("Seeds"),
            st("assert_no_text", value="Basil"),
        ],
    ),
    (
        "place claim",
        "check that the novel Dune is still listed under Loans",
        [go("Loans"), st("assert_cell", value="Dune")],
    ),
    # A row and one of its cells, with the column named in everyday words.
    (
        "cell",
        "Rye Sourdough should show a weight of 800g",
        [st("assert_cell", value="800g", scope=("row", "Rye Sourdough"), column="weight")],
    ),
    (
        "cell",
        "Ravi Menon should be listed with the city Pune",
        [st("assert_cell", value="Pune", scope=("row", "Ravi Menon"), column="city")],
    ),
    (
        "cell",
        "check that the issue 'Wifi drops' has severity major",
        [st("assert_cell", value="major", scope=("row", "Wifi drops"), column="severity")],
    ),
    (
        "cell",
        "The Loans list should then show 14 for Dune",
        [go("Loans"), st("assert_cell", value="14", scope=("row", "Dune"))],
    ),
    (
        "cell",
        "Ravi Menon belongs to the Night team",
        [st("assert_cell", value="Night", scope=("row", "Ravi Menon"))],
    ),
    (
        "cell",
        "in Shelves sort by Height, largest first; Tall Oak should be first",
        [
            go("Shelves"),
            st("click", "Height", column="Height", order="descending"),
            st("assert_cell", value="Tall Oak", nth=0),
        ],
    ),
    # Presence in everyday words.
    (
        "presence",
        "both 'Kale' and 'Chard' should come up",
        [st("assert_text", value="Kale"), st("assert_text", value="Chard")],
    ),
    ("presence", "'Chard' should appear there", [st("assert_text", value="Chard")]),
    (
        "presence",
        "Kale, Chard and Leek are all there",
        [
            st("assert_text", value="Kale"),
            st("assert_text", value="Chard"),
            st("assert_text", value="Leek"),
        ],
    ),
    (
        "presence",
        "expect Kale and Chard and nothing else",
        [
            st("assert_text", value="Kale"),
            st("assert_text", value="Chard"),
            st("assert_count", value="2", count_op="eq"),
        ],
    ),
    # Filters.
    (
        "filter",
        "filter seeds by Season 'Early spring'",
        [go("seeds"), st("select", "Season", "Early spring")],
    ),
    ("filter", "add a Floor filter for Second", [st("select", "Floor", "Second")]),
    ("filter", "filter floor = Second", [st("select", "floor", "Second")]),
    ("filter", "narrow it to severity major", [st("select", "severity", "major")]),
    # Numbered steps on one line.
    (
        "numbered",
        "1) open Seeds 2) search for 'kale' 3) expect Red Kale and nobody else",
        [
            st("click", "Seeds"),
            st("fill", value="kale", ground="search"),
            st("assert_text", value="Red Kale"),
            st("assert_count", value="1", count_op="eq"),
        ],
    ),
    # A record named with its kind, without quotes.
    (
        "record",
        "delete the member Ravi Menon",
        [st("click", "Delete", scope=("row", "Ravi Menon")), st("click", "Confirm", "if asked")],
    ),
    (
        "record",
        "Remove the Rye Sourdough loaf",
        [st("click", "Remove", scope=("row", "Rye Sourdough")), st("click", "Confirm", "if asked")],
    ),
    # Sign-in told in other ways.
    ("sign in", "sign in as baker with 'flour-77'", signed_in("baker", "flour-77")),
    ("sign in", "log in as baker, pw-88", signed_in("baker", "pw-88")),
    (
        "sign in",
        "After logging in as baker / flour-77 the Loaves page should show Spelt",
        [*signed_in("baker", "flour-77"), go("Loaves"), st("assert_text", value="Spelt")],
    ),
    (
        "sign in",
        "delete the member Ravi Menon (sign in as clerk / desk-55 first)",
        [
            *signed_in("clerk", "desk-55"),
            st("click", "Delete", scope=("row", "Ravi Menon")),
            st("click", "Confirm", "if asked"),
        ],
    ),
    (
        "sign in",
        "I want to be sure the Members page shows Ravi Menon based in Pune, after signing in "
        "as clerk with the password desk-55.",
        [
            *signed_in("clerk", "desk-55"),
            go("Members"),
            st("assert_cell", value="Pune", scope=("row", "Ravi Menon")),
        ],
    ),
    # A record's edit form, and what it then shows.
    (
        "edit form",
        "open Rye Sourdough's edit form; its weight should be 800g",
        [
            st("click", "Edit", scope=("row", "Rye Sourdough")),
            st("assert_value", "weight", "800g"),
        ],
    ),
    (
        "edit form",
        "open the edit page for 'INV-7'",
        [st("click", "Edit", scope=("row", "INV-7"))],
    ),
    (
        "details",
        "view the details of Rye Loaf -2B: the weight should be 800g and the baker Ana Ruiz",
        [
            st("click", "Rye Loaf -2B"),
            st("assert_value", "weight", "800g"),
            st("assert_value", "baker", "Ana Ruiz"),
        ],
    ),
    (
        "cell",
        "Spelt's price should be 4.20 and the stock 12",
        [
            st("assert_cell", value="4.20", scope=("row", "Spelt"), column="price"),
            st("assert_cell", value="12", scope=("row", "Spelt"), column="stock"),
        ],
    ),
    # Where the user ends up, with a control that should be there.
    (
        "where",
        "log out; you should be back on the login page with a 'Log in' button",
        [
            st("click", "Log out"),
            st("assert_visible", "login", ground="page"),
            st("assert_visible", "Log in", role="button"),
        ],
    ),
    # Creating: a name without quotes, and a form saved before it is claimed about.
    (
        "create",
        "create a shelf named Poetry; you should see 'Saved'",
        [
            st("click", "Add shelf", ground="new_item"),
            st("fill", "Name", "Poetry"),
            st("click", "Save"),
            st("assert_text", value="Saved"),
        ],
    ),
    (
        "create",
        "create a member named Olu Ade with city Lagos, then check Olu Ade appears in the list",
        [
            st("click", "Add member", ground="new_item"),
            st("fill", "Name", "Olu Ade"),
            st("fill", "city", "Lagos"),
            st("click", "Save"),
            st("assert_cell", value="Olu Ade"),
        ],
    ),
    (
        "create",
        "Dune should show up in the Loans table",
        [go("Loans"), st("assert_cell", value="Dune")],
    ),
    # "check that when someone does A and B, <claim>": A and B, then the claim.
    (
        "when then",
        "Hello! Can you verify that when our baker signs in (baker, flour-77) and opens the "
        "Loaves page, Spelt, Rye and Oat are all there?",
        [
            *signed_in("baker", "flour-77"),
            st("click", "Loaves"),
            st("assert_text", value="Spelt"),
            st("assert_text", value="Rye"),
            st("assert_text", value="Oat"),
        ],
    ),
    # Outcome first: the claim is checked after the steps that lead to it.
    (
        "outcome first",
        "Rye Sourdough's weight should read 800g - sign in as baker / flour-77 and look at "
        "the Loaves list.",
        [
            *signed_in("baker", "flour-77"),
            go("Loaves"),
            st("assert_cell", value="800g", scope=("row", "Rye Sourdough"), column="weight"),
        ],
    ),
    (
        "outcome first",
        "Ravi Menon is on the Night team: sign in as clerk / desk-55, open Members and check "
        "his team.",
        [
            *signed_in("clerk", "desk-55"),
            st("click", "Members"),
            st("assert_cell", value="Night", scope=("row", "Ravi Menon")),
        ],
    ),
]


@pytest.mark.parametrize(
    ("family", "goal", "expected"), FAMILIES, ids=[f"{f}: {g}" for f, g, _ in FAMILIES]
)
def test_a_goal_plans_to_the_steps_it_means(family: str, goal: str, expected: list[Step]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert shape(plan) == expected


# Look-alikes: each stays unread (an error) or keeps its other meaning, never a guess.
STAYS_UNREAD = [
    "check that when our baker frobnicates the oven, Spelt is there",  # a step nobody reads
    "you should not be on the login page with a 'Log in' button",  # which half is denied?
    "In short, click Save",  # a phrase, not a page
    "once logged in as clerk / desk-55 frobnicate the widget",  # the rest does not read
    "Ravi Menon should be listed with the nickname Rav",  # "nickname" is no column noun
    "the issue 'Wifi drops' is not gone from the Issues list",  # a double negative
]


@pytest.mark.parametrize("goal", STAYS_UNREAD)
def test_a_look_alike_stays_unread(goal: str) -> None:
    assert plan_goal(URL, goal).errors


def test_a_generic_place_is_never_gone_to() -> None:
    """ "search the site for …", "the runs table lists …": no page to go to."""
    for goal in ("search the site for 'kale'", "the runs table lists 3 runs"):
        plan = plan_goal(URL, goal)
        assert plan.errors == []
        assert not any(step.ground == "page" for step in plan.steps), goal


def test_a_quoted_word_is_a_password_only_when_written_like_one() -> None:
    plan = plan_goal(URL, "sign in as baker with 'Google'")
    assert not any(step.secret for step in plan.steps)


def test_a_step_told_after_is_not_moved_when_it_checks_something() -> None:
    """ "'Welcome' is shown: click Logout": a click on the page is no way of getting there,
    so the claim keeps its place before the click."""
    plan = plan_goal(URL, "'Welcome' is shown: click Logout")
    assert [s.action for s in shape(plan)] == ["assert_text", "click"]


def test_then_inside_a_claim_orders_nothing() -> None:
    plan = plan_goal(URL, "click Save. The banner should then say 'Paid'")
    assert plan.errors == []
    assert "should" not in [s.value for s in plan.steps]


def test_a_deleted_item_is_what_it_points_back_to_not_the_page() -> None:
    """Going to the list is a control step: "it" is still the item deleted."""
    plan = plan_goal(URL, "delete 'Basil' and confirm it's gone from the Seeds list")
    assert plan.errors == []
    claim = shape(plan)[-1]
    assert claim == st("assert_no_text", value="Basil")
    # The delete is still confirmed although a click (going to the list) follows it.
    assert st("click", "Confirm", "if asked") in shape(plan)


def test_going_to_a_page_says_so() -> None:
    plan = plan_goal(URL, "On the Loaves page, 'Spelt' should be listed")
    assert "unless already on it" in plan.steps[1].description


def test_an_edit_form_of_no_named_record_is_not_an_edit_click() -> None:
    plan = plan_goal(URL, "open the edit form for the first one")
    assert not any(step.target == "Edit" and step.scope for step in plan.steps)
