"""Families of actions and framing from issue #8's blind set, each in several phrasings from
other domains, with look-alikes that must stay errors (reading them would be a guess).

Conditions set by an action ("With 'Show archived' checked, …"), a signed-out visitor as
framing ("As a guest, …"), quantities put into a basket and items taken out of it.
"""

from __future__ import annotations

import pytest

from tests.planner.test_everyday_corpus import briefs
from vigil.planner.rule_planner import plan_goal

URL = "http://127.0.0.1:8000/"

FAMILIES: dict[str, list[tuple[str, list[str]]]] = {
    "a condition set first": [
        (
            "With 'Show archived' checked, 'Old invoice' should be shown",
            ["check 'Show archived'", "assert_text = 'Old invoice'"],
        ),
        (
            "with Show archived ticked, 'Old invoice' is listed",
            ["check 'Show archived'", "assert_text = 'Old invoice'"],
        ),
        (
            "With the Vegan filter on, 'Tofu bowl' should be shown",
            ["check 'Vegan'", "assert_text = 'Tofu bowl'"],
        ),
        (
            "With 'Email alerts' switched off, the Save button should be disabled",
            ["uncheck 'Email alerts'", "assert_disabled 'Save' role=button"],
        ),
        ("Having ticked Remember me, click 'Sign in'", ["check 'Remember me'", "click 'Sign in'"]),
        (
            "having switched on Dark mode, 'Theme saved' should appear",
            ["check 'Dark mode'", "assert_text = 'Theme saved'"],
        ),
        (
            "With the 'Beta' toggle enabled, 'Labs' is shown",
            ["check 'Beta' role=switch", "assert_text = 'Labs'"],
        ),
    ],
    "a signed-out visitor frames the goal": [
        (
            "As a visitor who is not signed in, the Checkout button should be disabled",
            ["assert_disabled 'Checkout' role=button"],
        ),
        (
            "As an anonymous user, 'My account' should not be shown",
            ["assert_no_text = 'My account'"],
        ),
        (
            "As a guest, open Pricing and check 'Free plan' is shown",
            ["click 'Pricing'", "assert_text = 'Free plan'"],
        ),
        ("Not logged in, 'Sign in' should be shown", ["assert_text = 'Sign in'"]),
        ("as a logged-out reader: 'Subscribe' should appear", ["assert_text = 'Subscribe'"]),
        (
            "As a user who isn't logged in, 'Welcome back' should not appear",
            ["assert_no_text = 'Welcome back'"],
        ),
    ],
    "quantities into a basket": [
        ("add 2 bagels to the cart", ["click 'Add to cart' in row:'bagel'"] * 2),
        ("add three coffees to my bag", ["click 'Add to bag' in row:'coffee'"] * 3),
        (
            "put 1 Green tea and 2 Cherries in the basket",
            ["click 'Add to basket' in row:'Green tea'"]
            + ["click 'Add to basket' in row:'Cherries'"] * 2,
        ),
        ("put 2 Mangoes in the basket", ["click 'Add to basket' in row:'Mango'"] * 2),
        ("add a Blue mug to the cart", ["click 'Add to cart' in row:'Blue mug'"]),
        ("Add 2 'Oat milk' to the trolley", ["click 'Add to trolley' in row:'Oat milk'"] * 2),
        (
            "add two peaches and 1 lemon to the shopping cart",
            ["click 'Add to cart' in row:'peach'"] * 2 + ["click 'Add to cart' in row:'lemon'"],
        ),
    ],
    "out of the basket": [
        (
            "remove Blue mug from the cart",
            ["click 'Remove' in row:'Blue mug'", "click 'Confirm' = 'if asked'"],
        ),
        (
            "take the Green tea out of the basket",
            ["click 'Remove' in row:'Green tea'", "click 'Confirm' = 'if asked'"],
        ),
        (
            "delete 'Oat milk' from my cart",
            ["click 'Delete' in row:'Oat milk'", "click 'Confirm' = 'if asked'"],
        ),
    ],
    "a place inside a place": [
        (
            "the Archived tab on the Projects page lists Apollo",
            [
                "click 'Projects' ground=page",
                "click 'Archived' role=tab",
                "assert_text = 'Apollo' in section:'Archived'",
            ],
        ),
        (
            "in the Account page's Security section, click 'Enable 2FA'",
            ["click 'Account' ground=page", "click 'Enable 2FA' in section:'Security'"],
        ),
        (
            "on the Reports page's 'Q3' tab: 'Revenue' should be shown",
            [
                "click 'Reports' ground=page",
                "click 'Q3' role=tab",
                "assert_text = 'Revenue' in section:'Q3'",
            ],
        ),
        (
            "the Notifications section of the Profile page has a Save button",
            [
                "click 'Profile' ground=page",
                "assert_visible 'Save' role=button in section:'Notifications'",
            ],
        ),
        ("Projects → Archived tab", ["click 'Projects' ground=page", "click 'Archived' role=tab"]),
        ("Invoices → 'Paid' tab", ["click 'Invoices' ground=page", "click 'Paid' role=tab"]),
    ],
    "a new item with attributes": [
        (
            "add a new ticket 'Printer jam' assigned to Ravi",
            ["fill 'Assign' = 'Ravi'", "fill = 'Printer jam' ground=new_item"],
        ),
        (
            "add 'Call the bank' with priority Urgent",
            ["fill 'priority' = 'Urgent'", "fill = 'Call the bank' ground=new_item"],
        ),
        (
            "create a card 'Fix login' with label Bug and due Friday",
            ["fill 'label' = 'Bug'", "fill 'Due' = 'Friday'", "fill = 'Fix login' ground=new_item"],
        ),
        (
            "add a chore 'Mop' owned by 'Ana Lima', with colour: Green",
            [
                "fill 'Owner' = 'Ana Lima'",
                "fill 'colour' = 'Green'",
                "fill = 'Mop' ground=new_item",
            ],
        ),
    ],
    "a verb and its object name the control": [
        ("place the order", ["click 'Place order'"]),
        ("cancel the booking", ["click 'Cancel booking'"]),
        ("then approve the request", ["click 'Approve request'"]),
    ],
    "a bare page name leads the rest": [
        ("On Invoices, click 'Export'", ["click 'Invoices' ground=page", "click 'Export'"]),
        (
            "on Team Members: 'Ana' should be shown",
            ["click 'Team Members' ground=page", "assert_text = 'Ana'"],
        ),
    ],
}
CASES = [(family, goal, steps) for family, cases in FAMILIES.items() for goal, steps in cases]

UNREAD = [
    # A dropdown's option or a row: not a box's state, so not guessed.
    "with Bakery selected, 'Rye' is shown",
    # How many of what is not said.
    "add 2 items to the cart",
    "add 3 of them to the basket",
    # More clicks than any goal means.
    "add 40 bagels to the cart",
    # "the chocolate" names no item written like one.
    "remove the chocolate from the cart",
    # "with love" names no field; an unquoted item's end is a guess.
    "add 'Card' with love",
    "add a new task Wipe the counters assigned to Jo",
    # "On Monday" says when, not where; "archive the page" names no object of a button.
    "On Monday, click 'Export'",
    "archive the page",
    # A named role is someone signed in; without a password it is never guessed.
    "As the manager, the Refund button should be enabled",
]


@pytest.mark.parametrize(("family", "goal", "steps"), CASES, ids=[c[1] for c in CASES])
def test_each_family_reads_its_phrasings(family: str, goal: str, steps: list[str]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == [], family
    assert briefs(plan) == steps, family


@pytest.mark.parametrize("goal", UNREAD)
def test_a_look_alike_stays_an_error(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors, briefs(plan)


@pytest.mark.parametrize(
    ("goal", "clause", "who"),
    [
        ("Sign in as manager, search orders for Ava", "Sign in as manager", "manager"),
        ("log in as the admin first. 'Users' is shown", "log in as the admin first", "admin"),
        ("editor login, Drafts", "editor login, Drafts", "editor"),
        ("As editor: Drafts → remove Old post", "As editor", "editor"),
        ("As the editor, the Publish button should be enabled", "As the editor", "editor"),
    ],
)
def test_a_sign_in_without_a_password_is_an_error_naming_what_is_missing(
    goal: str, clause: str, who: str
) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors[0].startswith(f"could not understand: '{clause}'")
    assert f"a sign-in as '{who}' needs its password" in plan.errors[0]
    assert not any(s.action == "fill" and s.secret for s in plan.steps)


def test_a_sign_in_as_a_kind_of_person_is_not_taken_for_an_account() -> None:
    plan = plan_goal(URL, "log in as a customer")

    assert plan.errors == ["could not understand: 'log in as a customer'"]


def test_a_persona_heading_the_goal_still_frames_it() -> None:
    plan = plan_goal(URL, "As an editor: open Drafts")

    assert plan.errors == []
    assert briefs(plan) == ["click 'Drafts'"]
