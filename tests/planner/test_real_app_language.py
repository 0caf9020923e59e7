"""Goal language met on real admin apps, family by family, in our own domains.

The wordings here are deliberately not those of the real-app benchmark: each family is
tested with other nouns (invoices, to-dos, shops, teams) so that the planner learns the
phrasing, never a sentence.
"""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import URL, Step, shape, st
from vigil.planner.rule_planner import plan_goal


def signed_in(user: str, password: str) -> list[Step]:
    return [
        st("fill", "Username", user),
        st("fill", "Password", password, secret=True),
        st("press", "Password", "Enter"),
    ]


SIGN_IN_VARIANTS = [
    ("sign in as maria (password s3cret#)", signed_in("maria", "s3cret#")),
    (
        "Log in (owner / tea-pot-9), open Invoices",
        [*signed_in("owner", "tea-pot-9"), st("click", "Invoices")],
    ),
    ("owner / tea-pot-9. Go to Orders", [*signed_in("owner", "tea-pot-9"), st("click", "Orders")]),
    ("clerk/fr0g: open Teams", [*signed_in("clerk", "fr0g"), st("click", "Teams")]),
    (
        "as clerk with password fr0g-7: open Invoices",
        [*signed_in("clerk", "fr0g-7"), st("click", "Invoices")],
    ),
    ("as clerk (fr0g-7) open Teams", [*signed_in("clerk", "fr0g-7"), st("click", "Teams")]),
    ("sign in as clerk (fr0g-7)", signed_in("clerk", "fr0g-7")),
    ("log on as clerk using fr0g-7", signed_in("clerk", "fr0g-7")),
    ("try logging in as maria with the wrong password 'nope'", signed_in("maria", "nope")),
    ("try signing in as maria with an incorrect password 'x1'", signed_in("maria", "x1")),
    (
        "once logged in as maria (s3cret#), open Invoices",
        [*signed_in("maria", "s3cret#"), st("click", "Invoices")],
    ),
    ("Without signing in, go to Invoices", [st("click", "Invoices")]),
    ("Can maria (password s3cret#) get in?", signed_in("maria", "s3cret#")),
]

PRESENCE_OF_NAMES = [
    ("check that Invoice 2031 is among the results", [st("assert_cell", value="Invoice 2031")]),
    ("make sure Buy Milk is still shown", [st("assert_text", value="Buy Milk")]),
    ("verify Team Falcon appears", [st("assert_text", value="Team Falcon")]),
    ("confirm Olga de la Cruz shows up", [st("assert_text", value="Olga de la Cruz")]),
    ("Green Tea Kettle should turn up", [st("assert_text", value="Green Tea Kettle")]),
    (
        "Paper Towels should not be in the results",
        [st("assert_cell", value="Paper Towels", negate=True)],
    ),
    ("'INV-77' is on the first page", [st("assert_text", value="INV-77")]),
    ("make sure Reports is in the menu", [st("assert_text", value="Reports")]),
    ("Payroll should not be listed on the dashboard", [st("assert_no_text", value="Payroll")]),
    (
        "confirm Red Mug, Blue Mug and Teapot are all listed",
        [st("assert_text", value=v) for v in ("Red Mug", "Blue Mug", "Teapot")],
    ),
    (
        "open Teams, then check J. R. Okafor is listed",
        [st("click", "Teams"), st("assert_text", value="J. R. Okafor")],
    ),
]

COUNTS_AND_ONLY = [
    ("There should be 5 of them", [st("assert_count", value="5", count_op="eq")]),
    ("there must be at least 2", [st("assert_count", value="2", count_op="ge")]),
    ("Four invoices should match", [st("assert_count", "invoices", "4", count_op="eq")]),
    ("exactly 3 tasks should remain", [st("assert_count", "tasks", "3", count_op="eq")]),
    (
        "confirm exactly 20 rows are listed on the first page",
        [st("assert_count", "rows", "20", count_op="eq")],
    ),
    (
        "Expect 3 orders: Order 1001, Order 1002 and Order 1010",
        [
            *(st("assert_text", value=f"Order {n}") for n in (1001, 1002, 1010)),
            st("assert_count", value="3", count_op="eq"),
        ],
    ),
    (
        "I should see 2 teams: 'Falcon' and 'Heron'",
        [
            st("assert_text", value="Falcon"),
            st("assert_text", value="Heron"),
            st("assert_count", value="2", count_op="eq"),
        ],
    ),
    (
        "Water Filter should be the only result",
        [st("assert_text", value="Water Filter"), st("assert_count", value="1", count_op="eq")],
    ),
    (
        "make sure only Buy Milk and Call Mum are listed",
        [
            st("assert_text", value="Buy Milk"),
            st("assert_text", value="Call Mum"),
            st("assert_count", value="2", count_op="eq"),
        ],
    ),
]

ROW_POSITIONS = [
    ("the first one should be Green Tea", [st("assert_cell", value="Green Tea", nth=0)]),
    ("the top invoice should be Acme Ltd's", [st("assert_cell", value="Acme Ltd", nth=0)]),
    ("check the last task is Water Plants", [st("assert_cell", value="Water Plants", nth=-1)]),
    (
        "the second member should not be Olu Ade",
        [st("assert_cell", value="Olu Ade", nth=1, negate=True)],
    ),
    (
        "check the first invoice in the list has amount 120",
        [st("assert_cell", value="120", nth=0, column="amount")],
    ),
    (
        "the top row shows Blue Mug with a price of 9.50",
        [
            st("assert_cell", value="Blue Mug", nth=0),
            st("assert_cell", value="9.50", nth=0, column="price"),
        ],
    ),
]

NAVIGATION_BY_RECORD = [
    ("open the invoice INV-2031", [st("click", "INV-2031")]),
    ("open task 'Water plants'", [st("click", "Water plants")]),
    ("go to member Olu Ade", [st("click", "Olu Ade")]),
    ("open Invoices and go to page 3", [st("click", "Invoices"), st("click", "3", role="link")]),
    ("open Acme Ltd from the Customers list", [st("click", "Customers"), st("click", "Acme Ltd")]),
    (
        "in Invoices, click 'New invoice'",
        [st("click", "Invoices", ground="page"), st("click", "New invoice")],
    ),
    (
        "in the Teams list, Falcon should be listed",
        [st("click", "Teams", ground="page"), st("assert_text", value="Falcon")],
    ),
    ("In the Billing section, click 'Pay'", [st("click", "Pay", scope=("section", "Billing"))]),
]

FILTERS = [
    ("filter by colour Red", [st("select", "colour", "Red")]),
    ("filter the invoices to state overdue", [st("select", "state", "overdue")]),
    ("click Kitchen in the room facet", [st("select", "room", "Kitchen")]),
    ("pick 'urgent' from the priority facet", [st("select", "priority", "urgent")]),
]

COMPOUNDS_AND_ELLIPSIS = [
    (
        "open the shop database and then the orders table",
        [st("click", "shop"), st("click", "orders")],
    ),
    ("go to Members, then Olu Ade", [st("click", "Members"), st("click", "Olu Ade")]),
    (
        "Green Tea should be shown as a product and Black Tea should not",
        [st("assert_text", value="Green Tea"), st("assert_no_text", value="Black Tea")],
    ),
    (
        "search invoices for 'acme' \u2014 Acme Ltd should come up",
        [
            st("click", "invoices", ground="page"),
            st("fill", value="acme", ground="search"),
            st("assert_text", value="Acme Ltd"),
        ],
    ),
    (
        "search orders for 'mug'",
        [st("click", "orders", ground="page"), st("fill", value="mug", ground="search")],
    ),
    (
        "sort by name A\u2013Z",
        [st("click", "name", column="name", order="ascending")],
    ),
]

VERBS_FOR_COLUMNS = [
    ("check Olu Ade lives in Lagos", [st("assert_cell", value="Lagos", scope=("row", "Olu Ade"))]),
    (
        "'INV-9' should be assigned to Dana Reyes",
        [st("assert_cell", value="Dana Reyes", scope=("row", "INV-9"))],
    ),
    (
        "the task 'Water plants' is not assigned to Sam",
        [st("assert_cell", value="Sam", scope=("row", "Water plants"), negate=True)],
    ),
    (
        "Olu Ade is on the Design team",
        [st("assert_cell", value="Design", scope=("row", "Olu Ade"))],
    ),
    ("Blue Mug costs 9.50", [st("assert_cell", value="9.50", scope=("row", "Blue Mug"))]),
    (
        "the row for Green Tea shows a price of 3.20",
        [st("assert_cell", value="3.20", scope=("row", "Green Tea"), column="price")],
    ),
    (
        "Teapot is listed with a price of 12 and stock 5",
        [
            st("assert_cell", value="12", scope=("row", "Teapot"), column="price"),
            st("assert_cell", value="5", scope=("row", "Teapot"), column="stock"),
        ],
    ),
    (
        "open Green Tea's row, go back, and confirm you're on the products list with 9 rows",
        [
            st("click", "Green Tea", scope=("row", "Green Tea")),
            st("go_back"),
            st("assert_visible", "products", ground="page"),
            st("assert_count", value="9", count_op="eq"),
        ],
    ),
    (
        "open the row for Olu Ade",
        [st("click", "Olu Ade", scope=("row", "Olu Ade"))],
    ),
    ("the top invoice is for Acme Ltd", [st("assert_cell", value="Acme Ltd", nth=0)]),
    (
        "open Acme Ltd, check its city field says Porto",
        [st("click", "Acme Ltd"), st("assert_value", "city", "Porto")],
    ),
]

RECORDS = [
    ("edit the invoice 'INV-9'", [st("click", "Edit", scope=("row", "INV-9"))]),
    (
        "change the amount of 'INV-9' to 120, save",
        [
            st("click", "Edit", scope=("row", "INV-9")),
            st("fill", "amount", "120"),
            st("click", "Save"),
        ],
    ),
    (
        "open the member Olu Ade, change her team to Falcon, save it",
        [st("click", "Olu Ade"), st("fill", "team", "Falcon"), st("click", "Save")],
    ),
    (
        "edit the task 'Water plants' and set its due date to 2024-05-01; after saving, its "
        "row shows 2024-05-01",
        [
            st("click", "Edit", scope=("row", "Water plants")),
            st("fill", "due date", "2024-05-01"),
            st("click", "Save"),
            st("assert_cell", value="2024-05-01", scope=("row", "Water plants")),
        ],
    ),
    (
        "Remove the product 'Red Mug' (confirm when asked). It should be gone from the product "
        "list.",
        [
            st("click", "Remove", scope=("row", "Red Mug")),
            st("click", "Confirm"),
            st("assert_cell", value="Red Mug", negate=True),
        ],
    ),
    (
        "click Archive but then change your mind (Keep it)",
        [st("click", "Archive"), st("click", "Keep it")],
    ),
    ("click Delete, then cancel", [st("click", "Delete"), st("click", "Cancel")]),
    (
        "save, and verify the table shows 120 on the INV-9 row",
        [st("click", "Save"), st("assert_cell", value="120", scope=("row", "INV-9"))],
    ),
    ("After saving, 'Stored' appears", [st("click", "Save"), st("assert_text", value="Stored")]),
    ("open The Green Mile", [st("click", "The Green Mile")]),
    (
        "fill Name with 'Olu Ade', Team 'Falcon', Role 'lead'",
        [st("fill", "Name", "Olu Ade"), st("fill", "Team", "Falcon"), st("fill", "Role", "lead")],
    ),
]

CASES = [
    *[("records", goal, steps) for goal, steps in RECORDS],
    *[("verbs for columns", goal, steps) for goal, steps in VERBS_FOR_COLUMNS],
    *[("compounds", goal, steps) for goal, steps in COMPOUNDS_AND_ELLIPSIS],
    *[("navigation", goal, steps) for goal, steps in NAVIGATION_BY_RECORD],
    *[("filters", goal, steps) for goal, steps in FILTERS],
    *[("row positions", goal, steps) for goal, steps in ROW_POSITIONS],
    *[("counts", goal, steps) for goal, steps in COUNTS_AND_ONLY],
    *[("sign-in", goal, steps) for goal, steps in SIGN_IN_VARIANTS],
    *[("presence", goal, steps) for goal, steps in PRESENCE_OF_NAMES],
]


@pytest.mark.parametrize(
    ("family", "goal", "expected"), CASES, ids=[f"{f}: {g}" for f, g, _ in CASES]
)
def test_a_real_app_goal_plans_to_the_steps_it_means(
    family: str, goal: str, expected: list[Step]
) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert shape(plan) == expected


# Look-alikes that must not be read as the family they resemble.
NOT_THE_FAMILY = [
    "log in as ana with Google",  # a plain word after "with" is no password
    "go to /reports / 2024",  # a path, not a user and a password
]

# Words that read like a sentence, not a name, are never a text to look for.
NOT_A_NAME = [
    "the first name should be Ana",  # a field named with an ordinal, not a row
    "the first page should be Home",
    "open Members: Olu Ade is the lead",  # a colon ends the place; the claim is not read
    "everything is listed",
    "nothing appears",
    "Some rows appear",
    "Any row shows up",
]


@pytest.mark.parametrize("goal", NOT_A_NAME)
def test_a_description_is_not_a_name_to_find(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors
    assert not any(step.action == "assert_text" for step in plan.steps)


@pytest.mark.parametrize("goal", NOT_THE_FAMILY)
def test_a_look_alike_is_not_read_as_the_family(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert not any(step.secret for step in plan.steps)
