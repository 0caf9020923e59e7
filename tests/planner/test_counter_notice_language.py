"""Counters read by their label, summaries, notifications, "the <place> says …", only-sets,
positions of titles that hold a verb, and presence under a tab, in phrasings from domains of
their own (a library, a CRM, an inbox), with the look-alikes that must stay errors.

Where each lands: a counter is an `assert_text` with the label as `target` and the number as
`value` (the executor reads the number in that element or beside it in its tile); a page the
counter is said to be on is gone to first unless already there (a `click` with ground
"page"); a notification is an `assert_text` with role NOTIFICATION, checked in a notification
shown since the last action, never as text anywhere; a summary's words are looked for inside
the section named so.
"""

from __future__ import annotations

import pytest

from tests.planner.test_everyday_corpus import briefs
from vigil.planner.rule_planner import plan_goal

URL = "http://127.0.0.1:8000/"

READ: list[tuple[str, list[str]]] = [
    # Counters by their label, on a named page or where the steps are.
    (
        "the Overdue count on the dashboard should read 3",
        ["click 'dashboard' ground=page", "assert_text 'Overdue' = '3'"],
    ),
    (
        "The Unread counter on the Messages page should still be 12 afterwards",
        ["click 'Messages' ground=page", "assert_text 'Unread' = '12'"],
    ),
    ("the Escalated counter should not be 0", ["assert_no_text 'Escalated' = '0'"]),
    ("the Holds count is 4", ["assert_text 'Holds' = '4'"]),
    (
        "the Reserved count in the overview should say 7",
        ["click 'overview' ground=page", "assert_text 'Reserved' = '7'"],
    ),
    # What a named summary says, inside it.
    (
        "the Library summary must say 1204 books",
        ["assert_text = '1204 books' in section:'Library summary'"],
    ),
    (
        "the Account overview should read 3 open deals",
        ["assert_text = '3 open deals' in section:'Account overview'"],
    ),
    (
        "the Loan stats should not say '3 overdue'",
        ["assert_no_text = '3 overdue' in section:'Loan stats'"],
    ),
    # Notifications: in one, since the last action.
    (
        "A 'Deal moved to Won' notification should pop up",
        ["assert_text = 'Deal moved to Won' role=alert"],
    ),
    (
        "You should get a Draft discarded notification",
        ["assert_text = 'Draft discarded' role=alert"],
    ),
    ("I should see a 'Book renewed' toast", ["assert_text = 'Book renewed' role=alert"]),
    ("a snackbar saying Message archived appears", ["assert_text = 'Message archived' role=alert"]),
    ("we should receive a Hold placed notification", ["assert_text = 'Hold placed' role=alert"]),
    ("the toast 'Contact merged' should show up", ["assert_text = 'Contact merged' role=alert"]),
    # "the <place> says …": the words, with their comma, on the page the steps are on.
    ("check the inbox says Good morning, Priya", ["assert_text = 'Good morning, Priya'"]),
    ("the home page should read Hello, reader", ["assert_text = 'Hello, reader'"]),
    # Only these, both of these.
    (
        "search for dune. Only 'Dune Messiah' should come up.",
        ["fill = 'dune' ground=search", "assert_text = 'Dune Messiah'", "assert_count = '1' eq"],
    ),
    ("Only the oat milk should be left", ["assert_text = 'oat milk'", "assert_count = '1' eq"]),
    (
        "only Ana Lima and Rui Costa turn up",
        ["assert_text = 'Ana Lima'", "assert_text = 'Rui Costa'", "assert_count = '2' eq"],
    ),
    (
        "check that both 'Quarterly report is late' and 'Lunch on Friday' show up",
        ["assert_text = 'Quarterly report is late'", "assert_text = 'Lunch on Friday'"],
    ),
    # A title holding a verb of its own, at a position.
    ("Printer never prints should be at the top", ["assert_cell = 'Printer never prints' nth=0"]),
    (
        "Deal with Acme has slipped should be the first deal",
        ["assert_cell = 'Deal with Acme has slipped' nth=0"],
    ),
    # Under a tab (the executor opens it to look).
    (
        "'Dune' should show up under the Returned tab",
        ["assert_text = 'Dune' in section:'Returned'"],
    ),
    ("'Dune' is gone from the On loan tab", ["assert_no_text = 'Dune' in section:'On loan'"]),
    ("Dune should show up under Returned", ["assert_text = 'Dune' in section:'Returned'"]),
]

# Descriptions, kinds and sentences: nothing here says which words or which number.
UNREAD = [
    "a success notification should pop up",
    "you should receive a notification that the order was placed",
    "an error toast should appear",
    "only the first one should be left",
    "the Overdue count on the inbox should read 3",
    "Loan is overdue should be at the top",
]


@pytest.mark.parametrize(("goal", "steps"), READ, ids=[g for g, _ in READ])
def test_each_phrasing_is_read(goal: str, steps: list[str]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert briefs(plan) == steps


@pytest.mark.parametrize("goal", UNREAD)
def test_a_look_alike_stays_an_error(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == [f"could not understand: '{goal}'"]


def test_show_up_under_a_place_is_never_the_text_up() -> None:
    plan = plan_goal(URL, "Dune should show up under Fiction")

    assert "assert_text = 'up'" not in briefs(plan)
    assert briefs(plan) == ["assert_text = 'Dune' in section:'Fiction'"]
