"""Families added to the goal language: fields of a record or page by their natural names,
counters, the nth item added to a cart, landmark-scoped links, named forms (shown, filled,
submitted), title-cased "All …" text, and steps told as done first ("after opening X, …").

Domains vary on purpose (HR, shop, tracker, blog, library): the tables test the family,
not a sentence. The traps at the end are look-alikes that must stay unread — an error
naming them — because reading them would be a guess.
"""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import URL, Step, row, section, shape
from vigil.planner.rule_planner import plan_goal

st = Step
ENTER = st("press", None, "Enter")

CASES: list[tuple[str, list[Step]]] = [
    # A field of the page, by its label (a form field or the value shown beside it).
    ("the delivery date is 2024-05-01", [st("assert_value", "delivery date", "2024-05-01")]),
    ("the balance shows $40.00", [st("assert_value", "balance", "$40.00")]),
    ("the due date should read 2024-05-01", [st("assert_value", "due date", "2024-05-01")]),
    (
        "the reply-to address says help@shop.test",
        [st("assert_value", "reply-to address", "help@shop.test")],
    ),
    ("the ISBN is 978-0-14-118776-1", [st("assert_value", "ISBN", "978-0-14-118776-1")]),
    ("the assignee is not Priya", [st("assert_value", "assignee", "Priya", negate=True)]),
    ("his phone number is 555-0100", [st("assert_value", "phone number", "555-0100")]),
    # A field of a record named before ("the order", "the Lamp", "its").
    (
        "open order 1042; the order's status is Shipped",
        [
            st("click", "1042"),
            st("assert_cell", None, "Shipped", scope=row("1042"), column="status"),
        ],
    ),
    (
        "the price of the Desk Lamp is 39.99",
        [st("assert_cell", None, "39.99", scope=row("Desk Lamp"), column="price")],
    ),
    (
        "open the post 'Hello World'; its author should read Mina",
        [
            st("click", "Hello World"),
            st("assert_cell", None, "Mina", scope=row("Hello World"), column="author"),
        ],
    ),
    (
        "Rye's price shows 4.20",
        [st("assert_cell", None, "4.20", scope=row("Rye"), column="price")],
    ),
    (
        "open the ticket 'VPN down'; its priority should not read Low",
        [
            st("click", "VPN down"),
            st("assert_cell", None, "Low", scope=row("VPN down"), column="priority", negate=True),
        ],
    ),
    # Counters: a number a named thing shows.
    ("the cart count is 1", [st("assert_text", "cart", "1")]),
    ("the basket badge shows 3", [st("assert_text", "basket", "3")]),
    ("the notification counter should be 0", [st("assert_text", "notification", "0")]),
    ("the inbox count is not 4", [st("assert_no_text", "inbox", "4")]),
    # The nth item into a cart or list of favourites.
    ("Add the first product to the cart", [st("click", "Add to cart", nth=0)]),
    ("add the 3rd book to my wishlist", [st("click", "Add to wishlist", nth=2)]),
    (
        "put the last course in the basket and check the basket count is 1",
        [st("click", "Add to basket", nth=-1), st("assert_text", "basket", "1")],
    ),
    # Links and text in an unnamed landmark.
    (
        "the footer has a link to Privacy Policy",
        [st("assert_visible", "Privacy Policy", role="link", scope=section("footer"))],
    ),
    (
        "there is a link to the Careers page in the footer",
        [st("assert_visible", "Careers page", role="link", scope=section("footer"))],
    ),
    (
        "the sidebar should have a link to Reports",
        [st("assert_visible", "Reports", role="link", scope=section("sidebar"))],
    ),
    # A form by its name.
    (
        "the signup form appears",
        [st("assert_visible", None, role="textbox", scope=section("signup"))],
    ),
    (
        "a feedback form should be shown",
        [st("assert_visible", None, role="textbox", scope=section("feedback"))],
    ),
    (
        "Submit the contact form with name 'Test' and email test@example.com",
        [
            st("fill", "name", "Test", scope=section("contact")),
            st("fill", "email", "test@example.com", scope=section("contact")),
            ENTER,
        ],
    ),
    (
        "fill in the booking form with guests 4 and note 'window seat', then submit it",
        [
            st("fill", "guests", "4", scope=section("booking")),
            st("fill", "note", "window seat", scope=section("booking")),
            ENTER,
        ],
    ),
    (
        "send the support form with subject 'Refund', order 1042 and email a@b.io",
        [
            st("fill", "subject", "Refund", scope=section("support")),
            st("fill", "order", "1042", scope=section("support")),
            st("fill", "email", "a@b.io", scope=section("support")),
            ENTER,
        ],
    ),
    (
        "fill in the login form with username 'ana' and password 'pw'",
        [st("fill", "username", "ana"), st("fill", "password", "pw", secret=True)],
    ),
    # A leading "All" written as a title is the page's text.
    (
        "the page shows All Systems Operational",
        [st("assert_text", None, "All Systems Operational")],
    ),
    (
        "the banner reads All Orders Shipped",
        [st("assert_text", None, "All Orders Shipped", scope=section("banner"))],
    ),
    # A heading named without quotes is a heading, not the word anywhere on the page.
    ("The page heading reads Dashboard", [st("assert_visible", "Dashboard", role="heading")]),
    (
        "the main heading should read Team Members",
        [st("assert_visible", "Team Members", role="heading")],
    ),
    # After an action on a quoted thing, a quoted thing with a verb of its own is a claim.
    (
        "open 'INV-7' and 'Paid' should be shown",
        [st("click", "INV-7"), st("assert_text", None, "Paid")],
    ),
    # A step told as done first.
    (
        "After opening the ticket 'Printer jam', 'High' should be shown",
        [st("click", "Printer jam"), st("assert_text", None, "High")],
    ),
    (
        "once you've searched for 'lamp', 'Desk Lamp' is listed",
        [st("fill", None, "lamp", ground="search"), st("assert_text", None, "Desk Lamp")],
    ),
]


@pytest.mark.parametrize(("goal", "expected"), CASES, ids=[g for g, _ in CASES])
def test_a_goal_plans_to_the_steps_it_means(goal: str, expected: list[Step]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert shape(plan) == expected


TRAPS = [
    # Quantifiers: one match on the page would not prove them.
    "All rows should say Active",
    "the page shows all the orders",
    "the banner says All items in stock",
    # Not a value: a state or a judgement.
    "the cart is full",
    "the door is open",
    "the price is right",
    # A counter that counts rows, and a cart place too vague for a control's name.
    "the item count is 3",
    "add the first task to the list",
    # A form with nothing to name it, and values that may be words of a field's name.
    "the form appears",
    "submit the form with name Jo",
    # Descriptions of messages, not their text.
    "a confirmation message is shown",
    "I see a success message",
    # A part of the page is not the record named before.
    "Go to Reports > Monthly and check the chart is visible",
    # A step told as done first whose verb is ambiguous ("checking" the page or a box).
    "When checking the page, 'Error' should not appear",
]


@pytest.mark.parametrize("goal", TRAPS)
def test_a_look_alike_stays_unread(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors, shape(plan)


def test_a_counter_step_says_what_it_checks() -> None:
    plan = plan_goal(URL, "the cart count is 1")

    assert plan.steps[-1].description == "Check the cart counter shows 1"


def test_a_submitted_form_says_how_it_is_submitted() -> None:
    plan = plan_goal(URL, "Submit the contact form with name 'Test'")

    assert (
        plan.steps[-1].description == "Submit the form (press Enter in the field last typed into)"
    )
