"""Record-level goal language, family by family, in domains other than the benchmark's:
records named with their kind, fields of the record at hand, yes/no and empty cells,
states spelled out in brackets, "the invoice" pointing back, page topics and titles, sort
order claims, lists of things, creating a record with named fields, and list absence.
Each family has look-alikes that must not be read as it (or must be an error)."""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import URL, Step, shape, st
from vigil.planner.rule_planner import plan_goal


def steps(goal: str) -> list[Step]:
    plan = plan_goal(URL, goal)
    assert plan.errors == [], plan.errors
    return shape(plan)


def kinds(goal: str) -> list[str | None]:
    return [s.kind for s in plan_goal(URL, goal).steps[1:]]


CASES = [
    # fields of the record at hand
    (
        "open the row for Blue Mug and check the page shows a price of 12",
        [st("click", "Blue Mug", scope=("row", "Blue Mug")),
         st("assert_cell", value="12", scope=("row", "Blue Mug"), column="price")],
    ),
    (
        "search for 'mug', then open its row; quantity should be 7",
        [st("fill", value="mug", ground="search"), st("click", "mug", scope=("row", "mug")),
         st("assert_cell", value="7", scope=("row", "mug"), column="quantity")],
    ),
    # yes/no columns and empty cells
    (
        "open Invoices; INV-9 should be marked as not paid",
        [st("click", "Invoices"),
         st("assert_cell", value="no", scope=("row", "INV-9"), column="paid")],
    ),
    (
        "The Old Lighthouse should be published",
        [st("assert_cell", value="yes", scope=("row", "The Old Lighthouse"), column="published")],
    ),
    (
        "Espresso Cup is unavailable",
        [st("assert_cell", value="no", scope=("row", "Espresso Cup"), column="available")],
    ),
    (
        "check the invoice 'INV-7' has no due date",
        [st("assert_cell", value="", scope=("row", "INV-7"), column="due date")],
    ),
    # a state spelled out in brackets
    (
        "make sure the Teapot is sold out (quantity 0)",
        [st("assert_cell", value="0", scope=("row", "Teapot"), column="quantity")],
    ),
    # the page as a whole
    (
        "this page should be about the Blue Mug",
        [st("assert_visible", "Blue Mug", ground="page")],
    ),
    (
        "open Staff and I should end up on a page titled Staff that says 4 rows",
        [st("click", "Staff"), st("assert_title", value="Staff"),
         st("assert_count", "rows", "4", count_op="eq")],
    ),
    (
        "the invoices table is sorted by due, oldest first",
        [st("assert_cell", column="due", order="ascending")],
    ),
    (
        "the dashboard should list the shop account with its users, roles and keys sections",
        [st("assert_text", value=v) for v in ("shop", "users", "roles", "keys")],
    ),
    (
        "log in as ana / pw-1 and check the welcome message appears",
        [st("fill", "Username", "ana"), st("fill", "Password", "pw-1", secret=True),
         st("press", "Password", "Enter"), st("assert_text", value="Welcome")],
    ),
    (
        "the report says there are 12 invoices in 2 folders",
        [st("assert_text", value="12 invoices in 2 folders")],
    ),
    (
        "open Billing: you should land on the sign-in page, which asks for an email and password",
        [st("click", "Billing"), st("assert_visible", "sign-in", ground="page"),
         st("assert_visible", "email"), st("assert_visible", "password")],
    ),
    # list absence: the rows, not the page (a message may name the record just deleted)
    (
        "open the invoice 'INV-3', click Delete, then click OK; the invoice should be gone "
        "from the list",
        [st("click", "INV-3"), st("click", "Delete"), st("click", "OK"),
         st("assert_cell", value="INV-3", negate=True)],
    ),
    (
        "the first page of the order list should show 'A-17'",
        [st("assert_cell", value="A-17")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("goal", "expected"), CASES, ids=[g for g, _ in CASES])
def test_a_record_goal_plans_to_the_steps_it_means(goal: str, expected: list[Step]) -> None:
    assert steps(goal) == expected


def test_a_records_kind_rides_on_the_steps_that_need_its_list() -> None:
    assert kinds("open the invoice INV-9") == ["invoice"]
    assert kinds("edit the customer 'Ana Lima'") == ["customer"]
    assert kinds("delete the product 'Blue Mug'") == ["product", None]
    assert kinds("open Invoices") == [None]


def test_a_record_is_created_with_the_fields_the_goal_names() -> None:
    goal = (
        "create a new invoice titled 'March rent' for customer 'Ana Lima' (status draft, "
        "currency EUR), save it, and check it was added successfully"
    )
    plan = plan_goal(URL, goal)
    assert plan.errors == []
    assert shape(plan) == [
        st("click", "Add invoice", ground="new_item"),
        st("fill", "Title", "March rent"),
        st("fill", "customer", "Ana Lima"),
        st("fill", "status", "draft"),
        st("fill", "currency", "EUR"),
        st("click", "Save"),
        st("assert_text", value="March rent"),
        st("assert_text", value="added"),
        st("assert_text", value="successfully"),
    ]
    assert plan.steps[1].kind == "invoice"


def test_without_choosing_leaves_a_field_alone() -> None:
    plan = plan_goal(URL, "add a product named 'Jug' without choosing a supplier, then save")
    assert plan.errors == []
    assert [s.target for s in plan.steps[1:]] == ["Add product", "Name", "Save"]


# Look-alikes: each must be an error (or read as something else), never a pass-able check
# on a guessed record.
UNRESOLVED = [
    "the invoice should be gone from the list",  # no invoice named before
    "quantity should be 7",  # no record at hand
    "the page shows a price of 12",
]


@pytest.mark.parametrize("goal", UNRESOLVED)
def test_a_field_of_no_record_is_an_error(goal: str) -> None:
    assert plan_goal(URL, goal).errors


def test_the_kind_of_the_record_pointed_back_to_must_match() -> None:
    """ "the customer" cannot point back to an invoice."""
    plan = plan_goal(URL, "open the invoice INV-9. the customer should be gone from the list")
    assert plan.errors


def test_a_title_claim_is_not_a_field() -> None:
    assert steps("the title should be Orders") == [st("assert_title", value="Orders")]


def test_add_called_without_fields_stays_a_new_list_item() -> None:
    assert steps("add a note called 'Call Bob'") == [
        st("fill", value="Call Bob", ground="new_item")
    ]


def test_an_unquoted_name_does_not_swallow_the_next_step() -> None:
    plan = plan_goal(URL, "go to Invoices and frobnicate the widget")
    assert plan.errors == ["could not understand: 'frobnicate the widget'"]
    assert [s.target for s in plan.steps[1:]] == ["Invoices"]
    assert steps("open Terms and conditions") == [st("click", "Terms and conditions")]


@pytest.mark.parametrize(
    ("goal", "number"),
    [("go to the second page", "2"), ("open the 3rd page of results", "3"), ("go to page 4", "4")],
)
def test_a_page_of_results_is_its_pagination_link(goal: str, number: str) -> None:
    assert steps(goal) == [st("click", number, role="link")]


def test_a_total_is_a_count_of_what_the_page_states() -> None:
    assert steps("the list should say there are 13 invoices in total") == [
        st("assert_count", "invoices in total", "13", count_op="eq")
    ]


def test_a_delete_answers_a_confirmation_only_when_the_goal_does_not() -> None:
    assert steps("delete the product 'Blue Mug' and check it is no longer listed") == [
        st("click", "Delete", scope=("row", "Blue Mug")),
        st("click", "Confirm", "if asked"),
        st("assert_cell", value="Blue Mug", negate=True),
    ]
    # The goal deals with the confirmation itself: nothing is answered for it.
    assert steps("delete the product 'Blue Mug', then click Cancel") == [
        st("click", "Delete", scope=("row", "Blue Mug")),
        st("click", "Cancel"),
    ]
    assert steps("click Delete, then confirm when asked") == [
        st("click", "Delete"),
        st("click", "Confirm"),
    ]


def test_a_delete_says_where_its_control_is() -> None:
    plan = plan_goal(URL, "delete 'Rye'")
    assert [s.description for s in plan.steps[1:]] == [
        "Click 'Delete' in the item 'Rye' (hovering it first if the control hides)",
        "Confirm if the app asks (its yes control), else go on",
    ]


def test_a_place_the_checks_url_already_is_opens_that_url() -> None:
    plan = plan_goal("https://desk.example/admin/ticket/list", "open the ticket list")
    assert plan.errors == []
    assert [(s.action, s.value) for s in plan.steps] == [
        ("navigate", "https://desk.example/admin/ticket/list")
    ]
    # Anywhere else, the place is a link to click.
    other = plan_goal("https://desk.example/admin/", "open the ticket list")
    assert [(s.action, s.target) for s in other.steps[1:]] == [("click", "ticket")]
