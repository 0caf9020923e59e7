"""Goal language about a goal's structure: where the sign-in is told, numbered steps on one
line, a heading naming the place, a path through menus, and "Label: value" claims.

Goals are from a shop, a to-do app, a help desk and an HR tool, never a benchmark's wording;
each family has look-alikes that must keep their other meaning or stay unread.
"""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import URL, Step, shape, st
from tests.planner.test_real_app_language import signed_in
from vigil.planner.rule_planner import plan_goal


def go(page: str) -> Step:
    return st("click", page)


FAMILIES = [
    # A sign-in told last, meant first.
    (
        "sign-in last",
        "Open Orders and check 'Paid' is shown. Sign in as clerk / till-42 first.",
        [*signed_in("clerk", "till-42"), go("Orders"), st("assert_text", value="Paid")],
    ),
    (
        "sign-in last",
        "The Tickets list should show 'Printer jam'. Log in as agent with password desk-7",
        [
            *signed_in("agent", "desk-7"),
            st("click", "Tickets", ground="page"),
            st("assert_text", value="Printer jam"),
        ],
    ),
    (
        "sign-in last",
        "Verify 'Quarterly review' is listed, log in as hr / pw-99 beforehand",
        [*signed_in("hr", "pw-99"), st("assert_text", value="Quarterly review")],
    ),
    (
        "sign-in in parentheses",
        "Open Employees (log in as hr / pw-99) and check 'Ada Byron' is listed",
        [*signed_in("hr", "pw-99"), go("Employees"), st("assert_text", value="Ada Byron")],
    ),
    (
        "sign-in in parentheses",
        "Open Tickets (sign in: agent, desk-7) and verify 'Printer jam' is shown",
        [*signed_in("agent", "desk-7"), go("Tickets"), st("assert_text", value="Printer jam")],
    ),
    (
        "sign-in in parentheses",
        "Open Tickets (supervisor, user agent pw desk-7) and verify 'Printer jam' is shown",
        [*signed_in("agent", "desk-7"), go("Tickets"), st("assert_text", value="Printer jam")],
    ),
    (
        "user with password beside",
        "Open Payroll as hr (password pw-99) and verify 'June run' is shown",
        [*signed_in("hr", "pw-99"), go("Payroll"), st("assert_text", value="June run")],
    ),
    (
        "user with password beside",
        "When hr logs in (pw pw-99), the Payroll page shows 'June run'",
        [
            *signed_in("hr", "pw-99"),
            st("click", "Payroll", ground="page"),
            st("assert_text", value="June run"),
        ],
    ),
    (
        "sign-in after opening a URL",
        "Go to /admin/orders. 'Refunded' should be shown. Sign in as clerk / till-42 first.",
        [
            st("navigate", None, "https://shop.example/admin/orders"),
            *signed_in("clerk", "till-42"),
            st("assert_text", value="Refunded"),
        ],
    ),
    # Numbered steps on one line.
    (
        "inline numbers",
        "1. Go to Orders 2. Click 'Export' 3. Verify 'Export ready' is shown",
        [go("Orders"), st("click", "Export"), st("assert_text", value="Export ready")],
    ),
    (
        "inline numbers",
        "1. open Tasks 2. sign in as ana / pw-1 3. 'Water plants' should be listed",
        [go("Tasks"), *signed_in("ana", "pw-1"), st("assert_text", value="Water plants")],
    ),
    # A path through menus.
    (
        "menu path",
        "go to Settings > Users",
        [go("Settings"), go("Users")],
    ),
    (
        "menu path",
        "Catalog → Shoes → Boots",
        [st("click", "Catalog", ground="page"), go("Shoes"), go("Boots")],
    ),
    (
        "menu path",
        "open Reports -> Monthly, then verify 'March' is shown",
        [go("Reports"), go("Monthly"), st("assert_text", value="March")],
    ),
    (
        "menu path heading",
        "Settings > Teams: 'Support' should be listed",
        [go("Settings"), go("Teams"), st("assert_text", value="Support")],
    ),
    # A heading naming the place the rest is about.
    (
        "place heading",
        "Orders list: 'Refunded' should be shown",
        [st("click", "Orders", ground="page"), st("assert_text", value="Refunded")],
    ),
    (
        "place heading",
        "Team page - 'Ana Lima' is listed",
        [st("click", "Team", ground="page"), st("assert_text", value="Ana Lima")],
    ),
    (
        "place heading",
        "Invoices: click 'Download'",
        [st("click", "Invoices", ground="page"), st("click", "Download")],
    ),
    # "Label: value" on the page, checked as one text.
    (
        "label value",
        "Delivery time: 3 to 5 days",
        [st("assert_value", "Delivery time", "3 to 5 days")],
    ),
    (
        "label value",
        "Open 'Blue mug'. Stock status: In stock",
        [go("Blue mug"), st("assert_value", "Stock status", "In stock")],
    ),
]


@pytest.mark.parametrize(("family", "goal", "expected"), FAMILIES)
def test_a_goal_plans_to_the_steps_it_means(family: str, goal: str, expected: list[Step]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert shape(plan) == expected


def test_a_sign_in_after_a_sign_out_keeps_its_place() -> None:
    plan = plan_goal(URL, "Log out. Log in as bob / pw-2. 'Hello bob' should be shown.")
    actions = [(s.action, s.target) for s in shape(plan)]
    assert actions[0] == ("click", "Log out")
    assert actions[1] == ("fill", "Username")


def test_a_later_number_never_leaks_into_a_step() -> None:
    plan = plan_goal(URL, "1. Go to Orders 2. Verify 'Paid' is shown")
    assert shape(plan)[0].target == "Orders"


def test_numbers_out_of_order_are_not_steps() -> None:
    """ "version 2. and 4. …": numbers that do not run 1, 2, 3 cut nothing."""
    plan = plan_goal(URL, "1. Go to Orders 3. Verify 'Paid' is shown")
    assert plan.errors or shape(plan)[0].target != "Orders"


STAYS_UNREAD_OR_OTHER = [
    # A comparison is no menu path.
    "the total should be > 5",
    # A heading whose rest reads nothing is no place to go.
    "Orders list: frobnicate the widgets",
    # A label with a value that is a step or a claim is not a "Label: value" claim.
    "Note: archive the old tickets",
]


@pytest.mark.parametrize("goal", STAYS_UNREAD_OR_OTHER)
def test_a_look_alike_is_not_read_as_structure(goal: str) -> None:
    plan = plan_goal(URL, goal)
    assert not any(s.action == "assert_value" for s in plan.steps)
    assert not any(s.action == "click" and s.target in ("Orders", "5") for s in plan.steps)


def test_framing_heading_is_not_a_place() -> None:
    plan = plan_goal(URL, "Make sure a customer can pay: open Cart and click 'Pay'")
    assert [s.target for s in shape(plan)] == ["Cart", "Pay"]


def test_a_password_is_never_a_label_value_claim() -> None:
    plan = plan_goal(URL, "Password: Hunter-2")
    assert not any(s.action == "assert_value" for s in plan.steps)
