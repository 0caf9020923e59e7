"""Status claims on an item, counts, named parts of the page and editing verbs, family by
family, in shop / to-do / orders / HR / helpdesk wording (never a benchmark's sentences)."""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import URL, Step, row, shape, st
from vigil.planner.rule_planner import plan_goal

CONFIRM = st("click", "Confirm")

FAMILIES: list[tuple[str, str, list[Step]]] = [
    # C. a named part of the page
    ("part", "the Cart summary panel is visible", [st("assert_visible", "Cart summary")]),
    ("part", "check the store's Order summary is shown", [st("assert_visible", "Order summary")]),
    ("part", "the Weekly stats widget should not be displayed",
     [st("assert_not_visible", "Weekly stats")]),
    ("part", "the sidebar should not offer Reports or Billing",
     [st("assert_no_text", value="Reports", scope=("section", "sidebar")),
      st("assert_no_text", value="Billing", scope=("section", "sidebar"))]),
    ("part", "the navigation must not show Payroll, Audit or Exports",
     [st("assert_no_text", value=v, scope=("section", "navigation"))
      for v in ("Payroll", "Audit", "Exports")]),
    # D. counts
    ("counts", "the dashboard should report 16 orders, 4 refunds and 2 returns",
     [st("assert_text", value="16 orders"), st("assert_text", value="4 refunds"),
      st("assert_text", value="2 returns")]),
    ("counts", "the summary says 3 open tickets and 12 closed tickets",
     [st("assert_text", value="3 open tickets"), st("assert_text", value="12 closed tickets")]),
    ("counts", "the basket shows 2 mugs and 3 plates",
     [st("assert_count", "mugs", "2", count_op="eq"),
      st("assert_count", "plates", "3", count_op="eq")]),
    ("counts", "4 products in total",
     [st("assert_count", "products in total", "4", count_op="eq")]),
    ("counts", "there are 12 employees altogether",
     [st("assert_count", "employees in total", "12", count_op="eq")]),
    ("counts", "10 customers listed", [st("assert_count", "customers", "10", count_op="eq")]),
    ("counts", "Under Archive there are 7 tasks",
     [st("assert_count", "tasks", "7", scope=("section", "Archive"), count_op="eq")]),
    ("counts", "in the Backlog section there should be 3 tickets",
     [st("assert_count", "tickets", "3", scope=("section", "Backlog"), count_op="eq")]),
    # E. status claims on an item
    ("status", "Order 1042 is still a draft",
     [st("assert_cell", value="draft", scope=row("Order 1042"))]),
    ("status", "'Buy milk' is not a draft",
     [st("assert_cell", value="draft", scope=row("Buy milk"), negate=True)]),
    ("status", "Ticket 88 is now Resolved",
     [st("assert_cell", value="Resolved", scope=row("Ticket 88"))]),
    ("status", "open Orders, the list should show INV-7 as Paid",
     [st("click", "Orders"), st("assert_cell", value="Paid", scope=row("INV-7"))]),
    ("status", "add 'Walk dog', the list shows it as Open",
     [st("fill", value="Walk dog", ground="new_item"),
      st("assert_cell", value="Open", scope=row("Walk dog"))]),
    ("status", "Buy milk should show OPEN + URGENT",
     [st("assert_cell", value="OPEN", scope=row("Buy milk")),
      st("assert_cell", value="URGENT", scope=row("Buy milk"))]),
    ("status", "Ana Silva should have Manager access level",
     [st("assert_cell", value="Manager", scope=row("Ana Silva"), column="access level")]),
    ("status", "Rye and Oat are the ones with In stock True",
     [st("assert_cell", value="True", scope=row("Rye"), column="In stock"),
      st("assert_cell", value="True", scope=row("Oat"), column="In stock"),
      st("assert_count", "True", "2", count_op="eq")]),
    ("status", "Rye Loaf should be the one matching result",
     [st("assert_text", value="Rye Loaf"), st("assert_count", value="1", count_op="eq")]),
    ("status", "searching for 'zzz' should find no matching products",
     [st("fill", value="zzz", ground="search"),
      st("assert_count", "products", "0", count_op="eq")]),
    ("status", "the search should return no matching orders",
     [st("assert_count", "orders", "0", count_op="eq")]),
    # F. editing verbs
    ("editing", "open Rye Loaf for editing", [st("click", "Edit", scope=row("Rye Loaf"))]),
    ("editing", "open 'INV-7' in the editor", [st("click", "Edit", scope=row("INV-7"))]),
    ("editing", "bring up the ticket Printer Jam in the ticket editor",
     [st("click", "Edit", scope=row("Printer Jam"))]),
    ("editing", "open 'INV-7' in the editor, publish it",
     [st("click", "Edit", scope=row("INV-7")), st("click", "Publish")]),
    ("editing", "delete 'Rye', confirm, and verify it's gone",
     [st("click", "Delete", scope=row("Rye")), CONFIRM, st("assert_no_text", value="Rye")]),
    ("editing", "Expect the message that the order 'A-1' has been updated",
     [st("assert_text", value="A-1"), st("assert_text", value="has been updated")]),
    ("editing", "you should see a message saying 'Saved'", [st("assert_text", value="Saved")]),
]  # fmt: skip


@pytest.mark.parametrize(("family", "goal", "expected"), FAMILIES)
def test_the_family_plans_to_the_steps_it_means(
    family: str, goal: str, expected: list[Step]
) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert shape(plan) == expected


# Look-alikes that must not be read as these families: each stays an error (or is read
# some other way that checks all of it), never a check of less than was asked.
UNREAD = [
    "the sidebar should offer Reports or Billing",  # which one? nothing definite to check
    "the dashboard should not report 16 orders and 4 refunds",  # which one is wrong?
    "Rye and Oat are the ones with",
    "frobnicate the ticket, confirm",
]


@pytest.mark.parametrize("goal", UNREAD)
def test_a_look_alike_stays_an_error(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors


def test_several_counts_never_drop_one() -> None:
    plan = plan_goal(URL, "the report should say 5 invoices, 2 credit notes and 1 refund")

    assert plan.errors == []
    assert [s.value for s in plan.steps if s.action == "assert_text"] == [
        "5 invoices", "2 credit notes", "1 refund",
    ]  # fmt: skip


def test_a_state_word_is_not_a_status_cell() -> None:
    """ "X is visible" stays a presence claim; only a status word is a cell of X's row."""
    plan = plan_goal(URL, "'Buy milk' is visible")

    assert [s.action for s in plan.steps[1:]] == ["assert_visible"]
