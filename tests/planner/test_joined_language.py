"""More of the goal language: colons and arrows that join steps, claims about what the steps
just listed ("among them", "the first being …"), counts with the noun left out, cells told as
"has status Paid", pages that "ask me to sign in". Examples come from shops, HR tools and
project trackers; each family also has the readings it must NOT produce, because a claim
read the wrong way round could pass when it should fail.
"""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import URL, Step, row, shape, st
from vigil.planner.rule_planner import plan_goal
from vigil.planner.sign_in import HIDDEN

JOINED = [
    # A colon introduces what follows in the same sentence.
    (
        "open Invoices: 'INV-7' should be shown",
        [st("click", "Invoices"), st("assert_text", value="INV-7")],
    ),
    (
        "go to Employees: there should be 5 employees",
        [st("click", "Employees"), st("assert_count", "employees", "5", count_op="eq")],
    ),
    # …but "Field: value" stays one filter: its halves mean nothing apart.
    ("filter by Department: Sales", [st("select", "Department", "Sales")]),
    # An arrow walks a path of places.
    (
        "open Settings → Billing and make sure 'Visa' is shown",
        [st("click", "Settings"), st("click", "Billing"), st("assert_text", value="Visa")],
    ),
    (
        "go to Admin > Users > 'Roles & Rights'",
        [st("click", "Admin"), st("click", "Users"), st("click", "Roles & Rights")],
    ),
    ("go into projects -> archive", [st("click", "projects"), st("click", "archive")]),
    # Starting "from the … home page" goes back to the check's URL first.
    (
        "From the Acme Shop home page, open Garden and make sure Rake is there",
        [st("navigate", value=URL), st("click", "Garden"), st("assert_text", value="Rake")],
    ),
]

LISTED = [
    ("Casa de los Reyes should be listed", [st("assert_text", value="Casa de los Reyes")]),
    ("make sure Pain au Raisin shows up", [st("assert_text", value="Pain au Raisin")]),
    (
        "confirm Red, Green and Blue all appear",
        [st("assert_text", value=v) for v in ("Red", "Green", "Blue")],
    ),
    (
        "filter to archived projects and make sure Apollo isn't among them",
        [st("click", "archived"), st("assert_no_text", value="Apollo")],
    ),
    ("'Zed' shouldn't be one of them", [st("assert_no_text", value="Zed")]),
    ("Hermes should be among them", [st("assert_text", value="Hermes")]),
    ("check that Sam Lee is now in the people list", [st("assert_text", value="Sam Lee")]),
    ("'Zed' is not now shown", [st("assert_no_text", value="Zed")]),
    ("only show the overdue invoices", [st("click", "overdue")]),
    (
        "show only the remote employees: I expect exactly 4",
        [st("click", "remote"), st("assert_count", value="4", count_op="eq")],
    ),
    (
        "filter to open tickets: exactly 3",
        [st("click", "open"), st("assert_count", value="3", count_op="eq")],
    ),
    ("exactly 2 should remain", [st("assert_count", value="2", count_op="eq")]),
    ("only 2 of them should be shown", [st("assert_count", value="2", count_op="eq")]),
]

POSITIONS = [
    (
        "Sort by salary from highest to lowest; Dana should come first",
        [
            st("click", "salary", column="salary", order="descending"),
            st("assert_cell", value="Dana", nth=0),
        ],
    ),
    (
        "Open the team list: 8 people should be listed, the first being Alice",
        [
            st("click", "team"),
            st("assert_count", "people", "8", count_op="eq"),
            st("assert_cell", value="Alice", nth=0),
        ],
    ),
    ("'Zed' comes last", [st("assert_cell", value="Zed", nth=-1)]),
    ("Ana should be at the bottom", [st("assert_cell", value="Ana", nth=-1)]),
]

CELLS = [
    (
        "'INV-7' should have status overdue",
        [st("assert_cell", value="overdue", scope=row("INV-7"), column="status")],
    ),
    (
        "Payroll export should have high priority",
        [st("assert_cell", value="high", scope=row("Payroll export"), column="priority")],
    ),
    (
        "INV-7 doesn't have status Paid",
        [st("assert_cell", value="Paid", scope=row("INV-7"), column="status", negate=True)],
    ),
    (
        "INV-7 never has status Paid",
        [st("assert_cell", value="Paid", scope=row("INV-7"), column="status", negate=True)],
    ),
]

MORE = [
    ("check that 'Quarterly report' is found", [st("assert_text", value="Quarterly report")]),
    (
        "ops / pw-2024 — in Incidents, filter by severity High; there should be 2 incidents",
        [
            st("fill", "Username", "ops"),
            st("fill", "Password", "pw-2024", secret=True),
            Step("press", "Password", "Enter"),
            st("click", "Incidents", ground="page"),
            st("select", "severity", "High"),
            st("assert_count", "incidents", "2", count_op="eq"),
        ],
    ),
    ("narrow the list to the Garden category", [st("select", "category", "Garden")]),
    ("open the first product", [st("click", "product", nth=0)]),
    (
        "add a new employee named 'Sam Lee' with email sam@x.io on the Billing team",
        [
            st("click", "Add employee", ground="new_item"),
            st("fill", "Name", "Sam Lee"),
            st("fill", "email", "sam@x.io"),
            st("fill", "team", "Billing"),
        ],
    ),
]

FORMS = [
    # "the email field" is a field, not a user named "field" signing in.
    (
        "Click on Sign up, fill in the email field with foo@bar.com, and submit",
        [st("click", "Sign up"), st("fill", "email", "foo@bar.com"), st("press", value="Enter")],
    ),
]

ASKS = [
    ("this page should ask me to sign in", [st("assert_visible", "Password")]),
    ("you should be asked to log in", [st("assert_visible", "Password")]),
    ("the page should not ask me to log in", [st("assert_not_visible", "Password")]),
    (
        "the form should ask for a username and password",
        [st("assert_visible", "username"), st("assert_visible", "password")],
    ),
    # A qualified request is the page's message, not a field that is merely there.
    ("it should ask for a valid email address", [st("assert_text", value="valid email address")]),
]


@pytest.mark.parametrize(
    ("goal", "expected"),
    [*JOINED, *LISTED, *POSITIONS, *CELLS, *MORE, *FORMS, *ASKS],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_the_goal_plans_to_the_steps_it_means(goal: str, expected: list[Step]) -> None:
    plan = plan_goal(URL, goal)
    assert plan.errors == []
    assert shape(plan) == expected


@pytest.mark.parametrize(
    "goal",
    [
        # A negation stranded in a row's words would check the opposite: unread instead.
        "Tom never lives in Leeds",
        "the Rake no longer costs 12",
        # Neither word is a column's name: which is the value cannot be told.
        "'INV-7' should have big wheels",
        # A bare number after a step is not a count of anything.
        "open Orders, 3",
    ],
)
def test_claims_that_cannot_be_read_safely_are_plan_errors(goal: str) -> None:
    assert plan_goal(URL, goal).errors


def test_a_pick_with_an_arrow_is_a_filter_choice_not_a_path() -> None:
    plan = plan_goal(URL, "pick Status → Closed")
    assert shape(plan) == [st("select", "Status", "Closed")]


def test_a_password_in_parentheses_after_log_in_is_a_secret() -> None:
    goal = "log in (maria, s3cret!), go to Projects and check that 'Apollo' is there"
    plan = plan_goal(URL, goal)
    assert plan.errors == []
    assert shape(plan) == [
        st("fill", "Username", "maria"),
        st("fill", "Password", "s3cret!", secret=True),
        Step("press", "Password", "Enter"),
        st("click", "Projects"),
        st("assert_text", value="Apollo"),
    ]
    assert all("s3cret" not in (s.source or "") + s.description for s in plan.steps)
    assert HIDDEN in (plan.steps[1].source or "")
