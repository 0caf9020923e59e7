"""Records and the places they are opened from (vigil/planner/record_places.py), in domains
other than the benchmark's: invoices, recipes, library books, staff records. A place named
beside a record or before the rest is gone to first; "the invoice" after opening one points
back to it; a record is renamed in its edit form; a form is filled in prose. Look-alikes
(a part of the page, a time, a dropdown) must not be read as a place, and a rest that cannot
be read keeps the whole clause an error."""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import ASKED, URL, Step, shape, st
from vigil.planner.rule_planner import plan_goal


def page(name: str) -> Step:
    """A page step: skipped on the live page when already there."""
    return st("click", name, ground="page")


def steps(goal: str) -> list[Step]:
    plan = plan_goal(URL, goal)
    assert plan.errors == [], plan.errors
    return shape(plan)


CASES = [
    # a record opened from a named place: quoted, title case, sentence case, with its kind
    ("open 'INV-2041' from the Ledger", [page("Ledger"), st("click", "INV-2041")]),
    (
        "view Lemon Drizzle Cake on the Cookbook",
        [page("Cookbook"), st("click", "Lemon Drizzle Cake")],
    ),
    (
        "pull up the recipe Lemon tart with thyme from the cookbook",
        [page("cookbook"), st("click", "Lemon tart with thyme")],
    ),
    (
        "Open the book Dust jacket slightly torn on delivery from the catalogue",
        [page("catalogue"), st("click", "Dust jacket slightly torn on delivery")],
    ),
    (
        "open Staff rota needs a second reviewer on the Rota",
        [page("Rota"), st("click", "Staff rota needs a second reviewer")],
    ),
    (
        "open the Lemon Drizzle Cake recipe from the Cookbook",
        [page("Cookbook"), st("click", "Lemon Drizzle Cake")],
    ),
    # a place named first, in lowercase, without a comma, or as a return
    (
        "on the ledger open 'INV-2041'. Its amount should be 1,200.00",
        [page("ledger"), st("click", "INV-2041"), st("assert_value", "amount", "1,200.00")],
    ),
    (
        "On the shelf, filter Genre to Poetry",
        [page("shelf"), st("select", "Genre", "Poetry")],
    ),
    (
        "From the payroll, open 'Mina Osei'",
        [page("payroll"), st("click", "Mina Osei")],
    ),
    (
        "Back on the Ledger, 'INV-2041' should not be listed",
        [st("click", "Ledger"), st("assert_cell", value="INV-2041", negate=True)],
    ),
    (
        "On the Archived tab of the ledger open 'INV-1999'",
        [page("ledger"), st("click", "Archived", role="tab"), st("click", "INV-1999")],
    ),
    # "the invoice" after opening one; deleting it, confirming, and its absence from a place
    (
        "open 'INV-2041' from the Ledger, delete the invoice and confirm, then verify it's "
        "gone from the ledger",
        [
            page("Ledger"),
            st("click", "INV-2041"),
            st("click", "Delete", scope=("row", "INV-2041")),
            st("click", "Confirm"),
            st("click", "ledger"),
            st("assert_cell", value="INV-2041", negate=True),
        ],
    ),
    (
        "open the recipe 'Rye loaf' and delete the recipe",
        [st("click", "Rye loaf"), st("click", "Delete", scope=("row", "Rye loaf")), ASKED],
    ),
    (
        "delete the 'Opening hours' page",
        [st("click", "Delete", scope=("row", "Opening hours")), ASKED],
    ),
    # renaming a record in its edit form
    (
        "Rename the Lemon Drizzle Cake recipe to 'Lime Drizzle Cake' and click Save",
        [
            st("click", "Edit", scope=("row", "Lemon Drizzle Cake")),
            st("fill", "Lemon Drizzle Cake", "Lime Drizzle Cake"),
            st("click", "Save"),
        ],
    ),
    (
        "rename the employee Mina Osei to 'Mina Osei-Park'",
        [
            st("click", "Edit", scope=("row", "Mina Osei")),
            st("fill", "Mina Osei", "Mina Osei-Park"),
        ],
    ),
    ("edit Opening hours", [st("click", "Edit", scope=("row", "Opening hours"))]),
    # a form filled in prose
    (
        "On the Ledger click New invoice, give it the customer 'Acme Ltd' and currency EUR, "
        "and create it",
        [
            page("Ledger"),
            st("click", "New invoice"),
            st("fill", "customer", "Acme Ltd"),
            st("fill", "currency", "EUR"),
            st("click", "Create"),
        ],
    ),
    (
        "give it the title 'Sula', a due date of 2025-03-01 and the shelf Fiction",
        [
            st("fill", "title", "Sula"),
            st("fill", "due date", "2025-03-01"),
            st("fill", "shelf", "Fiction"),
        ],
    ),
    # the means of an action told after its purpose
    (
        "open 'INV-1999' and reopen it by setting the status to Draft",
        [st("click", "INV-1999"), st("fill", "status", "Draft")],
    ),
    ("archive the invoice by ticking Archived", [st("check", "Archived")]),
    (
        "create a new invoice 'INV-3000' from the Ledger",
        [page("Ledger"), st("fill", value="INV-3000", ground="new_item")],
    ),
]


@pytest.mark.parametrize(("goal", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_record_and_its_place_are_read(goal: str, expected: list[Step]) -> None:
    assert steps(goal) == expected


def test_a_record_opened_from_a_place_names_what_its_fields_are_read_on() -> None:
    """The record's own page answers for "its amount": a field beside its label there, never
    a cell of another row."""
    plan = plan_goal(URL, "open 'INV-2041' from the Ledger. Its status should be Paid")
    claim = plan.steps[-1]
    assert (claim.action, claim.target, claim.value, claim.scope) == (
        "assert_value",
        "status",
        "Paid",
        None,
    )


def test_a_kind_after_a_sentence_case_title_stays_part_of_the_name() -> None:
    """ "Flaky test in checkout flow" is one title: its last word is not a kind of record."""
    plan = plan_goal(URL, "open Dough fails to rise overnight on the Cookbook")
    assert [(s.target, s.kind) for s in plan.steps[1:]] == [
        ("Cookbook", None),
        ("Dough fails to rise overnight", None),
    ]


NOT_A_PLACE = [
    # a part of the page, a position or a time: never a page to go to
    ("open 'Invoice' in a new tab", "new"),
    ("open 'Notes' from the sidebar", "sidebar"),
    ("On Monday, 'Closed' should be shown", "Monday"),
    ("select 'Fiction' from Genre", "Genre"),
    ("remove Blue mug from the cart", "cart"),
]


@pytest.mark.parametrize(("goal", "place"), NOT_A_PLACE, ids=[c[0] for c in NOT_A_PLACE])
def test_a_part_of_the_page_or_a_time_is_not_a_place(goal: str, place: str) -> None:
    plan = plan_goal(URL, goal)
    assert not any(s.ground == "page" and s.target == place for s in plan.steps)


UNREAD = [
    # the rest cannot be read: the whole clause is an error, never a bare navigation
    ("On the ledger, frobnicate the totals", "On the ledger, frobnicate the totals"),
    ("On the left, click 'Export'", "On the left"),
    ("Back on the Ledger it should glow", "Back on the Ledger it should glow"),
    # "delete the invoice" with no invoice named before points back to nothing
    ("delete the invoice", "delete the invoice"),
    # "give it a name": which name is not said
    ("give it a name", "give it a name"),
    # a means nobody reads
    ("reopen it by frobbing the status", "reopen it by frobbing the status"),
]


@pytest.mark.parametrize(("goal", "words"), UNREAD, ids=[c[0] for c in UNREAD])
def test_what_cannot_be_read_stays_an_error_naming_it(goal: str, words: str) -> None:
    plan = plan_goal(URL, goal)
    assert plan.errors, plan.steps
    assert any(words in error for error in plan.errors), plan.errors


def test_an_elliptical_show_up_is_never_text_to_look_for() -> None:
    """ "it should show up under Archived" says where it is, never "up under Archived"."""
    plan = plan_goal(URL, "open 'INV-7'. it should show up under Archived")
    assert all(s.value != "up under Archived" for s in plan.steps)
