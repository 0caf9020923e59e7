"""The goal language of issue #8, family by family: goals as people write them -> plans.

Each table holds goals in varied voice (terse commands, chatty sentences, outcome-first,
numbered steps) and the steps they must plan to, after the opening of the check's URL. The
tables test the language, not particular sentences: each family has several phrasings, and
the traps at the end are goals whose claims cannot be read and so must be plan errors,
never a pass.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from vigil.models import Action, CountOp, PlanStep, Scope, ScopeKind, SortOrder, TestPlan
from vigil.planner.rule_planner import plan_goal, read_goal

URL = "https://shop.example/app/"


class Step(NamedTuple):
    """Every field a plan step is judged on (descriptions and sources are tested apart)."""

    action: Action
    target: str | None = None
    value: str | None = None
    role: str | None = None
    nth: int | None = None
    scope: tuple[ScopeKind, str] | None = None
    ground: str | None = None
    column: str | None = None
    order: SortOrder | None = None
    count_op: CountOp | None = None
    negate: bool = False
    secret: bool = False


st = Step
# The confirmation a delete answers when the app asks for one.
ASKED = Step("click", "Confirm", "if asked")


def row(text: str) -> tuple[ScopeKind, str]:
    return ("row", text)


def section(text: str) -> tuple[ScopeKind, str]:
    return ("section", text)


def near(text: str) -> tuple[ScopeKind, str]:
    return ("near", text)


def dialog(text: str = "") -> tuple[ScopeKind, str]:
    return ("dialog", text)


def _scope(scope: Scope | None) -> tuple[ScopeKind, str] | None:
    return (scope.kind, scope.text) if scope else None


def _step(s: PlanStep) -> Step:
    return Step(
        s.action, s.target, s.value, s.role, s.nth, _scope(s.scope), s.ground, s.column,
        s.order, s.count_op, s.negate, s.secret,
    )  # fmt: skip


def shape(plan: TestPlan) -> list[Step]:
    """The plan's steps after the opening of the check's URL (when the plan opens it)."""
    steps = plan.steps
    if steps and steps[0].action == "navigate" and steps[0].value == URL:
        steps = steps[1:]
    return [_step(s) for s in steps]


NAVIGATION = [
    ("go to Orders", [st("click", "Orders")]),
    ("Go to Invoices.", [st("click", "Invoices")]),
    ("open the Invoices page", [st("click", "Invoices")]),
    ("please open the Customers list", [st("click", "Customers")]),
    ("could you head to the Reports view", [st("click", "Reports")]),
    ("switch to the Archived tab", [st("click", "Archived")]),
    ("visit the Billing tab", [st("click", "Billing")]),
    ("navigate to the Settings screen", [st("click", "Settings")]),
    ("open 'Order history'", [st("click", "Order history")]),
    ("go back to the product list", [st("click", "product")]),
    # The list is usually elsewhere: go there, then open the record.
    ("open Priya's profile from the Team list", [st("click", "Team"), st("click", "Priya")]),
    ("open Ana's invoices", [st("click", "invoices", scope=row("Ana"))]),
    ("open the row for 'INV-204'", [st("click", "INV-204", scope=row("INV-204"))]),
    ("open the record for 'ACME Corp'", [st("click", "ACME Corp", scope=row("ACME Corp"))]),
    ("open the homepage", [st("navigate", None, "https://shop.example/app/")]),
    ("go back", [st("go_back")]),
    ("navigate back", [st("go_back")]),
    ("click the browser's back button", [st("go_back")]),
    ("reload the page", [st("reload")]),
    ("Refresh.", [st("reload")]),
    ("refresh the page", [st("reload")]),
    (
        "go to /orders?status=open",
        [st("navigate", None, "https://shop.example/orders?status=open")],
    ),
    ("open https://docs.example/start", [st("navigate", None, "https://docs.example/start")]),
]

SIGN_IN = [
    (
        "log in as ana / hunter2",
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "hunter2", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "sign in as ana (password hunter2)",
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "hunter2", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "log in as ana with the password hunter2",
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "hunter2", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "with the email a@b.io and the password s3cret, sign in",
        [
            st("fill", "Email", "a@b.io"),
            st("fill", "Password", "s3cret", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "sign in with email ana@x.io and password pw123",
        [
            st("fill", "Email", "ana@x.io"),
            st("fill", "Password", "pw123", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "login using username admin and password admin123",
        [
            st("fill", "Username", "admin"),
            st("fill", "Password", "admin123", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        'sign in with username "root" and the password "toor"',
        [
            st("fill", "Username", "root"),
            st("fill", "Password", "toor", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "Log into the app as 'ana@x.io' with password 'pw 1'",
        [
            st("fill", "Email", "ana@x.io"),
            st("fill", "Password", "pw 1", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "authenticate as ana / pw",
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "pw", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "try to sign in as ana with 'wrong'",
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "wrong", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "attempt to log in as ana with 'nope', then 'Invalid credentials' should appear",
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "nope", secret=True),
            st("press", "Password", "Enter"),
            st("assert_text", None, "Invalid credentials"),
        ],
    ),
    (
        "As ana with password hunter2, open Invoices",
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "hunter2", secret=True),
            st("press", "Password", "Enter"),
            st("click", "Invoices"),
        ],
    ),
    (
        'log in as "ana" with password "hunter2" and click \'Sign in\'',
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "hunter2", secret=True),
            st("click", "Sign in"),
        ],
    ),
    ("log out", [st("click", "Log out")]),
    ("sign out", [st("click", "Sign out")]),
    (
        "log off and verify the 'Log in' link is visible",
        [st("click", "Log out"), st("assert_visible", "Log in", role="link")],
    ),
    (
        "Once signed in, log out again and verify 'Signed out'",
        [st("click", "Log out"), st("assert_text", None, "Signed out")],
    ),
    (
        "After logging in as demo / demo, go to Orders.",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
            st("click", "Orders"),
        ],
    ),
]

COLLECTIONS = [
    (
        "put 'Rye', 'Spelt' and 'Oat' on the list",
        [
            st("fill", None, "Rye", ground="new_item"),
            st("fill", None, "Spelt", ground="new_item"),
            st("fill", None, "Oat", ground="new_item"),
        ],
    ),
    ("add 'Buy milk' to my todo list", [st("fill", None, "Buy milk", ground="new_item")]),
    ("add a note called 'Call Bob'", [st("fill", None, "Call Bob", ground="new_item")]),
    ('add an item called "Pay rent"', [st("fill", None, "Pay rent", ground="new_item")]),
    ("create a task 'Call mom'", [st("fill", None, "Call mom", ground="new_item")]),
    (
        "create three tasks: Buy milk, Walk dog and Read book",
        [
            st("fill", None, "Buy milk", ground="new_item"),
            st("fill", None, "Walk dog", ground="new_item"),
            st("fill", None, "Read book", ground="new_item"),
        ],
    ),
    (
        "add 3 items: Eggs, Ham and Jam",
        [
            st("fill", None, "Eggs", ground="new_item"),
            st("fill", None, "Ham", ground="new_item"),
            st("fill", None, "Jam", ground="new_item"),
        ],
    ),
    (
        "create two notes: 'A' and 'B'",
        [st("fill", None, "A", ground="new_item"), st("fill", None, "B", ground="new_item")],
    ),
    (
        "create three tasks: A, B and C (type each into 'New task' and press Enter)",
        [
            st("fill", "New task", "A", ground="new_item"),
            st("fill", "New task", "B", ground="new_item"),
            st("fill", "New task", "C", ground="new_item"),
        ],
    ),
    ("add 'Milk' and press Enter", [st("fill", None, "Milk", ground="new_item")]),
    ("tick 'Rye'", [st("check", "Rye")]),
    ("mark 'Rye' as done", [st("check", scope=row("Rye"))]),
    ("check off 'Eggs'", [st("check", scope=row("Eggs"))]),
    ("cross off 'Ham'", [st("check", scope=row("Ham"))]),
    ("complete the last one", [st("check", role="checkbox", nth=-1)]),
    ("tick off the first one", [st("check", role="checkbox", nth=0)]),
    ("mark the last one as complete", [st("check", role="checkbox", nth=-1)]),
    ("mark 'Rye' as not done", [st("uncheck", scope=row("Rye"))]),
    ("untick 'Rye'", [st("uncheck", "Rye")]),
    (
        "create 2 tasks: 'Rye' and 'Oat'; mark the first one as done; 'Rye' should be completed",
        [
            st("fill", None, "Rye", ground="new_item"),
            st("fill", None, "Oat", ground="new_item"),
            st("check", scope=row("Rye")),
            st("assert_checked", scope=row("Rye")),
        ],
    ),
    (
        "put 'A', 'B' and 'C' on the list and complete the last one",
        [
            st("fill", None, "A", ground="new_item"),
            st("fill", None, "B", ground="new_item"),
            st("fill", None, "C", ground="new_item"),
            st("check", scope=row("C")),
        ],
    ),
    ("delete 'Spelt'", [st("click", "Delete", scope=row("Spelt")), ASKED]),
    ("remove 'Jam' from the list", [st("click", "Remove", scope=row("Jam")), ASKED]),
    ("get rid of 'Ham'", [st("click", "Remove", scope=row("Ham")), ASKED]),
    ("delete the 'Eggs' task", [st("click", "Delete", scope=row("Eggs")), ASKED]),
    (
        "add 'Rye' then delete it",
        [
            st("fill", None, "Rye", ground="new_item"),
            st("click", "Delete", scope=row("Rye")),
            ASKED,
        ],
    ),
    (
        "add 'Rye' then remove it and verify it is gone",
        [
            st("fill", None, "Rye", ground="new_item"),
            st("click", "Remove", scope=row("Rye")),
            ASKED,
            st("assert_no_text", None, "Rye"),
        ],
    ),
    (
        "edit 'Rye' in place (double-click) so it reads 'Dark rye'",
        [
            st("double_click", "Rye"),
            st("fill", None, "Dark rye", scope=row("Rye")),
            st("press", None, "Enter"),
        ],
    ),
    (
        "rename 'Rye' to 'Dark rye'",
        [
            st("double_click", "Rye"),
            st("fill", None, "Dark rye", scope=row("Rye")),
            st("press", None, "Enter"),
        ],
    ),
    (
        "change 'Eggs' to 'Duck eggs'",
        [
            st("double_click", "Eggs"),
            st("fill", None, "Duck eggs", scope=row("Eggs")),
            st("press", None, "Enter"),
        ],
    ),
    (
        "edit 'Ham' so it says 'Parma ham'",
        [
            st("double_click", "Ham"),
            st("fill", None, "Parma ham", scope=row("Ham")),
            st("press", None, "Enter"),
        ],
    ),
    ("double-click 'Rye'", [st("double_click", "Rye")]),
]

SEARCH_FILTER_SORT = [
    ("search for 'rye'", [st("fill", None, "rye", ground="search")]),
    ("search the catalog for 'spelt'", [st("fill", None, "spelt", ground="search")]),
    ("look up order 1042 with the search box", [st("fill", None, "1042", ground="search")]),
    ("look up 'INV-204'", [st("fill", None, "INV-204", ground="search")]),
    ("use the search box to find 'INV-204'", [st("fill", None, "INV-204", ground="search")]),
    ("type 'rye' into the search box", [st("fill", None, "rye", ground="search")]),
    ("search 'rye' and press Enter", [st("fill", None, "rye", ground="search")]),
    ("filter by Category: Pastry", [st("select", "Category", "Pastry")]),
    (
        "in the filter panel pick Category → Pastry",
        [st("select", "Category", "Pastry", scope=section("filter"))],
    ),
    ("filter the list by Status = Open", [st("select", "Status", "Open")]),
    ("filter Status by Paid", [st("select", "Status", "Paid")]),
    ("filter by 'Pastry'", [st("click", "Pastry")]),
    ("select 'Pastry' from the Category dropdown", [st("select", "Category", "Pastry")]),
    ("sort by date, newest first", [st("click", "date", column="date", order="descending")]),
    (
        "sort the table by price (cheapest first)",
        [st("click", "price", column="price", order="ascending")],
    ),
    ("sort by Price, high to low", [st("click", "Price", column="Price", order="descending")]),
    ("sort by name A to Z", [st("click", "name", column="name", order="ascending")]),
    (
        "sort the Price column descending",
        [st("click", "Price", column="Price", order="descending")],
    ),
    ("order by date (oldest first)", [st("click", "date", column="date", order="ascending")]),
    ("arrange by date, latest first", [st("click", "date", column="date", order="descending")]),
    ("sort by Name", [st("click", "Name", column="Name")]),
    ("click the Price header", [st("click", "Price", role="columnheader")]),
]

SCOPES = [
    ("click 'Edit' in the row for 'INV-204'", [st("click", "Edit", scope=row("INV-204"))]),
    ("click 'Archive' in the 'INV-204' row", [st("click", "Archive", scope=row("INV-204"))]),
    ("click 'Edit' for 'INV-204'", [st("click", "Edit", scope=row("INV-204"))]),
    ("In the row for 'INV-204', click 'Edit'", [st("click", "Edit", scope=row("INV-204"))]),
    (
        "click the Delete button in the row for 'Rye'",
        [st("click", "Delete", role="button", scope=row("Rye"))],
    ),
    ("check the checkbox next to 'Spelt'", [st("check", role="checkbox", scope=near("Spelt"))]),
    ("tick the checkbox beside 'Oat'", [st("check", role="checkbox", scope=near("Oat"))]),
    ("uncheck the box next to 'Rye'", [st("uncheck", scope=near("Rye"))]),
    ("click Delete next to 'Rye'", [st("click", "Delete", scope=near("Rye"))]),
    ("click 'Save' next to the Email field", [st("click", "Save", scope=near("Email"))]),
    (
        "click 'Pastry' in the category filter list",
        [st("click", "Pastry", scope=section("category"))],
    ),
    (
        "in the Billing section type 'x@y.z' into Email",
        [st("fill", "Email", "x@y.z", scope=section("Billing"))],
    ),
    (
        "type 'x' into the Notes field in the Billing section",
        [st("fill", "Notes", "x", scope=section("Billing"))],
    ),
    (
        "in the Shipping section, select 'Express' from Method",
        [st("select", "Method", "Express", scope=section("Shipping"))],
    ),
    ("in the footer click 'Privacy'", [st("click", "Privacy", scope=section("footer"))]),
    ("click Save in the sidebar", [st("click", "Save", scope=section("sidebar"))]),
    ("click the 'Save' button in the dialog", [st("click", "Save", role="button", scope=dialog())]),
    ("in the dialog, click 'Confirm'", [st("click", "Confirm", scope=dialog())]),
    ("click 'OK' in the confirmation dialog", [st("click", "OK", scope=dialog("confirmation"))]),
    ("click the second 'Add to cart'", [st("click", "Add to cart", nth=1)]),
    ("click the third 'Buy' button", [st("click", "Buy", role="button", nth=2)]),
    ("click the last 'Edit' link", [st("click", "Edit", role="link", nth=-1)]),
]

ROWS_AND_CELLS = [
    (
        "'Spelt' is listed with a price of 4.20",
        [st("assert_cell", None, "4.20", scope=row("Spelt"), column="price")],
    ),
    (
        "'Oat' is listed with a status of 'In stock'",
        [st("assert_cell", None, "In stock", scope=row("Oat"), column="status")],
    ),
    (
        "the row for INV-204 shows 'Overdue' in the State column",
        [st("assert_cell", None, "Overdue", scope=row("INV-204"), column="State")],
    ),
    (
        "the row for 'Spelt' shows 4.20 in the Price column",
        [st("assert_cell", None, "4.20", scope=row("Spelt"), column="Price")],
    ),
    (
        "the row containing 'INV-7' should show 'Paid'",
        [st("assert_cell", None, "Paid", scope=row("INV-7"))],
    ),
    (
        "the row for 'INV-204' does not show 'Paid'",
        [st("assert_cell", None, "Paid", scope=row("INV-204"), negate=True)],
    ),
    (
        "Spelt's price is 4.20",
        [st("assert_cell", None, "4.20", scope=row("Spelt"), column="price")],
    ),
    (
        "Spelt's price should not be 5.00",
        [st("assert_cell", None, "5.00", scope=row("Spelt"), column="price", negate=True)],
    ),
    (
        "INV-204's status is 'Overdue'",
        [st("assert_cell", None, "Overdue", scope=row("INV-204"), column="status")],
    ),
    (
        "the status of INV-204 is Overdue",
        [st("assert_cell", None, "Overdue", scope=row("INV-204"), column="status")],
    ),
    (
        "the price of Spelt should be 4.20",
        [st("assert_cell", None, "4.20", scope=row("Spelt"), column="price")],
    ),
    (
        "verify that the price of 'Spelt' is 4.20",
        [st("assert_cell", None, "4.20", scope=row("Spelt"), column="price")],
    ),
    ("the top row is 'Oat'", [st("assert_cell", None, "Oat", nth=0)]),
    ("the first row should read 'Croissant'", [st("assert_cell", None, "Croissant", nth=0)]),
    ("the second row shows 'Spelt'", [st("assert_cell", None, "Spelt", nth=1)]),
    ("'Oat' is the first row", [st("assert_cell", None, "Oat", nth=0)]),
    ("'Oat' is at the top", [st("assert_cell", None, "Oat", nth=0)]),
    ("the last row is 'Rye'", [st("assert_cell", None, "Rye", nth=-1)]),
]

PRONOUNS = [
    (
        "add 'Rye'. It should be listed. Complete it. Its checkbox should be checked",
        [
            st("fill", None, "Rye", ground="new_item"),
            st("assert_text", None, "Rye"),
            st("check", scope=row("Rye")),
            st("assert_checked", scope=row("Rye")),
        ],
    ),
    (
        "search for 'Spelt' and check that its price is 4.20",
        [
            st("fill", None, "Spelt", ground="search"),
            st("assert_cell", None, "4.20", scope=row("Spelt"), column="price"),
        ],
    ),
    ("click 'Save'. It should be disabled", [st("click", "Save"), st("assert_disabled", "Save")]),
    (
        "open the row for 'INV-204' and delete it",
        [
            st("click", "INV-204", scope=row("INV-204")),
            st("click", "Delete", scope=row("INV-204")),
            ASKED,
        ],
    ),
]

COUNTS = [
    ("shows 3 results", [st("assert_count", "results", "3", count_op="eq")]),
    ("exactly 2 items", [st("assert_count", "items", "2", count_op="eq")]),
    ("there should be 4 rows in the table", [st("assert_count", "rows", "4", count_op="eq")]),
    ("at least 2 results are shown", [st("assert_count", "results", "2", count_op="ge")]),
    ("no more than 5 items are listed", [st("assert_count", "items", "5", count_op="le")]),
    ("there are no results", [st("assert_count", "results", "0", count_op="eq")]),
    ("the list is empty", [st("assert_count", None, "0", count_op="eq")]),
    ("I should see 3 tasks", [st("assert_count", "tasks", "3", count_op="eq")]),
    ("the cart has 2 items", [st("assert_count", "items", "2", count_op="eq")]),
    ("the results show 2 rows", [st("assert_count", "rows", "2", count_op="eq")]),
    ("the search returns exactly one result", [st("assert_count", "result", "1", count_op="eq")]),
    ("the table has more than 3 rows", [st("assert_count", "rows", "3", count_op="gt")]),
    ("fewer than 10 orders are listed", [st("assert_count", "orders", "10", count_op="lt")]),
    ("I see 4 products", [st("assert_count", "products", "4", count_op="eq")]),
    ("there should be at least one result", [st("assert_count", "result", "1", count_op="ge")]),
    (
        "only 'A' and 'B' are shown",
        [
            st("assert_text", None, "A"),
            st("assert_text", None, "B"),
            st("assert_count", None, "2", count_op="eq"),
        ],
    ),
    (
        "only 'Rye' remains",
        [st("assert_text", None, "Rye"), st("assert_count", None, "1", count_op="eq")],
    ),
    (
        "the list shows only 'Rye' and 'Oat'",
        [
            st("assert_text", None, "Rye"),
            st("assert_text", None, "Oat"),
            st("assert_count", None, "2", count_op="eq"),
        ],
    ),
    ("the page shows '3 items left'", [st("assert_text", None, "3 items left")]),
]

STATES = [
    ("'Save' is disabled", [st("assert_disabled", "Save")]),
    ("'Submit' is greyed out", [st("assert_disabled", "Submit")]),
    ("'Delete' should be disabled", [st("assert_disabled", "Delete")]),
    ("the 'Next' button is enabled", [st("assert_enabled", "Next", role="button")]),
    ("the Save button should not be disabled", [st("assert_enabled", "Save", role="button")]),
    (
        "the 'Remember me' checkbox is checked",
        [st("assert_checked", "Remember me", role="checkbox")],
    ),
    (
        "the 'Subscribe' checkbox is not checked",
        [st("assert_unchecked", "Subscribe", role="checkbox")],
    ),
    ("the 'Newsletter' box should be unticked", [st("assert_unchecked", "Newsletter")]),
    ("the 'Dark mode' switch is on", [st("assert_checked", "Dark mode", role="switch")]),
    ("'Express' is selected", [st("assert_checked", "Express")]),
    ("the 'Spinner' should be hidden", [st("assert_not_visible", "Spinner")]),
    ("'Rye' is not checked", [st("assert_unchecked", "Rye")]),
    ("'Rye' should not be done", [st("assert_unchecked", scope=row("Rye"))]),
    (
        "'Cart' and 'Help' should be visible",
        [st("assert_visible", "Cart"), st("assert_visible", "Help")],
    ),
    ("'A' is visible and 'B' isn't", [st("assert_visible", "A"), st("assert_not_visible", "B")]),
    ("a 'Repeat email' field appears", [st("assert_visible", "Repeat email")]),
]

FIELD_VALUES = [
    ("her email address is ana@x.io", [st("assert_value", "email address", "ana@x.io")]),
    ("my email should be ana@x.io", [st("assert_value", "email", "ana@x.io")]),
    ("his name should be 'Bob'", [st("assert_value", "name", "Bob")]),
    ("the Email field holds 'ana@x.io'", [st("assert_value", "Email", "ana@x.io")]),
    ("the email field should read 'ana@x.io'", [st("assert_value", "email", "ana@x.io")]),
    ("the Email field is empty", [st("assert_value", "Email", "")]),
    ("the Name field should not be empty", [st("assert_value", "Name", "", negate=True)]),
]

WHERE = [
    ("I end up on the Dashboard", [st("assert_visible", "Dashboard", ground="page")]),
    (
        "confirm he lands on his order history",
        [st("assert_visible", "order history", ground="page")],
    ),
    ("you end up on the Checkout page", [st("assert_visible", "Checkout", ground="page")]),
    ("Ana lands on her Dashboard", [st("assert_visible", "Dashboard", ground="page")]),
    ("I'm on the Orders page", [st("assert_visible", "Orders", ground="page")]),
    ("we should be taken to the login page", [st("assert_visible", "login", ground="page")]),
    (
        "he should be redirected to the sign-in page",
        [st("assert_visible", "sign-in", ground="page")],
    ),
    ("we stay on the Login page", [st("assert_visible", "Login", ground="page")]),
    ("I should not be on the login page", [st("assert_not_visible", "login", ground="page")]),
    ("the Orders page opens", [st("assert_visible", "Orders", ground="page")]),
    ("the Profile screen is shown", [st("assert_visible", "Profile", ground="page")]),
    ("I am redirected to /dashboard", [st("assert_url", None, "/dashboard")]),
    ("the user is sent to /login", [st("assert_url", None, "/login")]),
    ("the URL contains /orders", [st("assert_url", None, "/orders")]),
    ("the URL ends with /done", [st("assert_url", None, "/done")]),
    ("the address should contain 'tab=archived'", [st("assert_url", None, "tab=archived")]),
    ("the URL should not contain /login", [st("assert_url", None, "/login", negate=True)]),
    ("the title should not contain 'Error'", [st("assert_title", None, "Error", negate=True)]),
    ("make sure the homepage loads", [st("wait", None, "load")]),
    ("the site is up", [st("wait", None, "load")]),
    ("the site is online", [st("wait", None, "load")]),
    ("make sure the app is up and running", [st("wait", None, "load")]),
    ("the homepage returns 200", [st("wait", None, "load")]),
    ("the site should be reachable", [st("wait", None, "load")]),
    ("the Dashboard opens", [st("assert_visible", "Dashboard", ground="page")]),
    ("check that the dashboard loads", [st("assert_visible", "dashboard", ground="page")]),
]

NEGATIONS = [
    ("'Rye' is no longer listed", [st("assert_cell", None, "Rye", negate=True)]),
    ("'Rye' has disappeared", [st("assert_no_text", None, "Rye")]),
    ("'Rye' was removed from the list", [st("assert_cell", None, "Rye", negate=True)]),
    ("'Error' is not on the page", [st("assert_no_text", None, "Error")]),
    ("I no longer see 'Pending'", [st("assert_no_text", None, "Pending")]),
    ("the page doesn't show 'Error'", [st("assert_no_text", None, "Error")]),
    ("'Rye' is still there", [st("assert_text", None, "Rye")]),
]

COMPOUNDS = [
    (
        "'Paid' should be shown and 'Overdue' should not",
        [st("assert_text", None, "Paid"), st("assert_no_text", None, "Overdue")],
    ),
    (
        "'Rye' should appear, but 'Spelt' should not",
        [st("assert_text", None, "Rye"), st("assert_no_text", None, "Spelt")],
    ),
    (
        "verify 'A' is shown but not 'B'",
        [st("assert_text", None, "A"), st("assert_no_text", None, "B")],
    ),
    (
        "'Paid' and 'Sent' are shown but 'Overdue' isn't",
        [
            st("assert_text", None, "Paid"),
            st("assert_text", None, "Sent"),
            st("assert_no_text", None, "Overdue"),
        ],
    ),
    (
        "'Save' should be enabled and 'Delete' should not",
        [st("assert_enabled", "Save"), st("assert_disabled", "Delete")],
    ),
    (
        "check that 'A', 'B' and 'C' are listed",
        [st("assert_text", None, "A"), st("assert_text", None, "B"), st("assert_text", None, "C")],
    ),
    ("'A' should be listed; 'B' too", [st("assert_text", None, "A"), st("assert_text", None, "B")]),
    ("verify 'A', then 'B'", [st("assert_text", None, "A"), st("assert_text", None, "B")]),
    (
        "type 'ana' into Name and 'ana@x.io' into Email",
        [st("fill", "Name", "ana"), st("fill", "Email", "ana@x.io")],
    ),
    (
        "fill First name with Ana and Last name with Lee",
        [st("fill", "First name", "Ana"), st("fill", "Last name", "Lee")],
    ),
    (
        "select 'Large' from Size and 'Red' from Colour",
        [st("select", "Size", "Large"), st("select", "Colour", "Red")],
    ),
    (
        "click 'Save' (the page should then say 'Saved')",
        [st("click", "Save"), st("assert_text", None, "Saved")],
    ),
    ("open the Settings menu and click 'Logout'", [st("click", "Settings"), st("click", "Logout")]),
    (
        "click on the 'Orders' tab and check that 'Order #1' is listed",
        [st("click", "Orders", role="tab"), st("assert_text", None, "Order #1")],
    ),
    (
        "Verify the homepage loads and shows 'Demo Shop'",
        [st("wait", None, "load"), st("assert_text", None, "Demo Shop")],
    ),
    (
        "Sign in as admin / changeme, then go to Users and check that 'bob' is listed",
        [
            st("fill", "Username", "admin"),
            st("fill", "Password", "changeme", secret=True),
            st("press", "Password", "Enter"),
            st("click", "Users"),
            st("assert_text", None, "bob"),
        ],
    ),
    (
        "Go to /shop, add 'Rye' to the list, and make sure it shows up.",
        [
            st("navigate", None, "https://shop.example/shop"),
            st("fill", None, "Rye", ground="new_item"),
            st("assert_text", None, "Rye"),
        ],
    ),
]

STEP_LISTS = [
    (
        "1. log in as demo / demo\n2. go to Orders\n3. verify 'Order #1042' is shown",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
            st("click", "Orders"),
            st("assert_text", None, "Order #1042"),
        ],
    ),
    (
        "- go to /todo\n- add 'Rye'\n- complete it\n- verify 'Rye' is done",
        [
            st("navigate", None, "https://shop.example/todo"),
            st("fill", None, "Rye", ground="new_item"),
            st("check", scope=row("Rye")),
            st("assert_checked", scope=row("Rye")),
        ],
    ),
    (
        "Step 1: open /catalog\nStep 2: sort by price (cheapest "
        "first)\nStep 3: the top row is 'Croissant'",
        [
            st("navigate", None, "https://shop.example/catalog"),
            st("click", "price", column="price", order="ascending"),
            st("assert_cell", None, "Croissant", nth=0),
        ],
    ),
    (
        "* search for 'rye'\n* there should be 2 results\n* the top row is 'Dark rye'",
        [
            st("fill", None, "rye", ground="search"),
            st("assert_count", "results", "2", count_op="eq"),
            st("assert_cell", None, "Dark rye", nth=0),
        ],
    ),
]

FRAMING = [
    (
        "Make sure a customer can check out:\n- add 'Rye' to the cart "
        "list\n- click 'Checkout'\n- verify 'Thank you'",
        [
            st("fill", None, "Rye", ground="new_item"),
            st("click", "Checkout"),
            st("assert_text", None, "Thank you"),
        ],
    ),
    (
        "Ana should be able to reach her invoices. Log in as ana / pw, "
        "go to Invoices and verify 'INV-204' is listed.",
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "pw", secret=True),
            st("press", "Password", "Enter"),
            st("click", "Invoices"),
            st("assert_text", None, "INV-204"),
        ],
    ),
    (
        "An old password must not work: try to sign in as ana with "
        "'old-pw' and verify 'Invalid password' appears",
        [
            st("fill", "Username", "ana"),
            st("fill", "Password", "old-pw", secret=True),
            st("press", "Password", "Enter"),
            st("assert_text", None, "Invalid password"),
        ],
    ),
    (
        "Make sure a customer can check out and ends up on the dashboard",
        [st("assert_visible", "dashboard", ground="page")],
    ),
    (
        "Ensure users can log in: log in as demo / demo and check that the page says 'Welcome'",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
            st("assert_text", None, "Welcome"),
        ],
    ),
    (
        "Scenario: buying bread\n1. go to /shop\n2. add 'Rye' "
        "to the list\n3. verify 'Rye' is listed",
        [
            st("navigate", None, "https://shop.example/shop"),
            st("fill", None, "Rye", ground="new_item"),
            st("assert_text", None, "Rye"),
        ],
    ),
    (
        "As a shopper, I want to buy bread. Go to /shop and verify 'Bread' is shown.",
        [st("navigate", None, "https://shop.example/shop"), st("assert_text", None, "Bread")],
    ),
    (
        "I want to make sure the Save button works: click 'Save' and verify 'Saved'",
        [st("click", "Save"), st("assert_text", None, "Saved")],
    ),
    (
        "A customer can log in as demo / demo",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
]


REAL_APP_VOICE = [
    (
        "Open the User list and check that there are 10 rows",
        [st("click", "User"), st("assert_count", "rows", "10", count_op="eq")],
    ),
    (
        "Go to the Users page, search for 'ana' and verify exactly one row is shown",
        [
            st("click", "Users"),
            st("fill", None, "ana", ground="search"),
            st("assert_count", "row", "1", count_op="eq"),
        ],
    ),
    (
        "Go to Experiments, open 'Default' and make sure the runs table lists 3 runs",
        [
            st("click", "Experiments"),
            st("click", "Default"),
            st("assert_count", "runs", "3", count_op="eq"),
        ],
    ),
    (
        "Open the Wagtail admin, log in as admin / changeme and "
        "confirm the Dashboard heading is visible",
        [
            st("click", "Wagtail admin"),
            st("fill", "Username", "admin"),
            st("fill", "Password", "changeme", secret=True),
            st("press", "Password", "Enter"),
            st("assert_visible", "Dashboard", role="heading"),
        ],
    ),
    (
        'Click "Pages" in the sidebar, then click "Home", '
        'and verify the page title contains "Home"',
        [
            st("click", "Pages", scope=section("sidebar")),
            st("click", "Home"),
            st("assert_title", None, "Home"),
        ],
    ),
    (
        "Enter 'hello' in the Textbox and click Submit; the output should say 'Hello hello!'",
        [
            st("fill", "Textbox", "hello"),
            st("click", "Submit"),
            st("assert_text", None, "Hello hello!"),
        ],
    ),
    (
        "Type hello into the input and hit Submit. The Output should contain 'hello'",
        [st("fill", "input", "hello"), st("click", "Submit"), st("assert_text", None, "hello")],
    ),
    (
        "type 3 in the Quantity box then press Tab",
        [st("fill", "Quantity", "3"), st("press", None, "Tab")],
    ),
    (
        "Navigate to /admin/user/ and delete the user 'bob'",
        [
            st("navigate", None, "https://shop.example/admin/user/"),
            st("click", "Delete", scope=row("bob")),
            ASKED,
        ],
    ),
    (
        "Verify that 'bob' no longer appears in the list",
        [st("assert_cell", None, "bob", negate=True)],
    ),
    (
        "The page heading reads 'Site administration'",
        [st("assert_visible", "Site administration", role="heading")],
    ),
    ("Expect a heading 'Experiments'", [st("assert_visible", "Experiments", role="heading")]),
    ("The Save button is visible", [st("assert_visible", "Save", role="button")]),
    ("The first row's Name is Ana", [st("assert_cell", None, "Ana", nth=0, column="Name")]),
    (
        "Ana's email should be ana@example.com",
        [st("assert_cell", None, "ana@example.com", scope=row("Ana"), column="email")],
    ),
    (
        "click Next and verify the URL contains page=2",
        [st("click", "Next"), st("assert_url", None, "page=2")],
    ),
    ("press Escape to close the dialog", [st("press", None, "Escape")]),
    ("close the dialog", [st("click", "Close", scope=dialog())]),
    (
        "Make sure the form can't be submitted without a name: click "
        "Save and verify 'This field is required.' shows",
        [st("click", "Save"), st("assert_text", None, "This field is required.")],
    ),
    ("choose 'Dark' in the Theme dropdown", [st("select", "Theme", "Dark")]),
    ("toggle 'Dark mode'", [st("click", "Dark mode")]),
    ("turn on 'Notifications'", [st("check", "Notifications")]),
    ("enable the 'Beta features' switch", [st("check", "Beta features", role="switch")]),
    ("turn 'Notifications' off", [st("uncheck", "Notifications")]),
    ("expand 'Advanced options'", [st("click", "Advanced options")]),
    (
        "open the 'Actions' menu and choose 'Export'",
        [st("click", "Actions"), st("click", "Export")],
    ),
    ('I see the text "Welcome, Ana"', [st("assert_text", None, "Welcome, Ana")]),
    ('"Welcome, Ana" is visible on the page', [st("assert_visible", "Welcome, Ana")]),
    ("the page contains the words Welcome back", [st("assert_text", None, "Welcome back")]),
    ("click the link with the text 'Read more'", [st("click", "Read more", role="link")]),
    ("click the button labelled 'Continue'", [st("click", "Continue", role="button")]),
    ("press the Save button", [st("click", "Save", role="button")]),
    ("the 'Loading…' text goes away", [st("assert_no_text", None, "Loading…")]),
    ("wait until the 'Loading' text disappears", [st("assert_no_text", None, "Loading")]),
]

SIGN_IN_MORE = [
    (
        "Log in. Username: demo, password: demo.",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "Use demo/demo to log in",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "username demo password demo",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    (
        "Enter username 'demo' and password 'demo' and click Login",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("click", "Login"),
        ],
    ),
    (
        "enter demo as the username and demo as the password, then click Sign in",
        [
            st("fill", "username", "demo"),
            st("fill", "password", "demo", secret=True),
            st("click", "Sign in"),
        ],
    ),
]


PARTS_OF_THE_PAGE = [
    ("the dialog says 'Are you sure?'", [st("assert_text", None, "Are you sure?", scope=dialog())]),
    ("the sidebar shows 'Reports'", [st("assert_text", None, "Reports", scope=section("sidebar"))]),
    (
        "'Reports' appears in the sidebar",
        [st("assert_text", None, "Reports", scope=section("sidebar"))],
    ),
    (
        "the footer contains 'Privacy'",
        [st("assert_text", None, "Privacy", scope=section("footer"))],
    ),
    (
        "there is a 'Sign up' link in the header",
        [st("assert_visible", "Sign up", role="link", scope=section("header"))],
    ),
    (
        "the header has a 'Sign up' link",
        [st("assert_visible", "Sign up", role="link", scope=section("header"))],
    ),
    (
        "in the sidebar, 'Reports' is visible",
        [st("assert_visible", "Reports", scope=section("sidebar"))],
    ),
    (
        "Under Billing, the Email field contains 'ana@x.io'",
        [st("assert_value", "Email", "ana@x.io", scope=section("Billing"))],
    ),
    (
        "the Email field in the Billing section holds 'ana@x.io'",
        [st("assert_value", "Email", "ana@x.io", scope=section("Billing"))],
    ),
    (
        "Make sure the 'Buy' button on the Pro plan is enabled",
        [st("assert_enabled", "Buy", role="button", scope=section("Pro plan"))],
    ),
    ("click Buy on the Pro plan", [st("click", "Buy", scope=section("Pro plan"))]),
    (
        "click the 'Buy' button under 'Pro'",
        [st("click", "Buy", role="button", scope=section("Pro"))],
    ),
    (
        "the pricing page mentions 'Enterprise'",
        [st("assert_visible", "pricing", ground="page"), st("assert_text", None, "Enterprise")],
    ),
    (
        "the order history page shows 'INV-204'",
        [st("assert_visible", "order history", ground="page"), st("assert_text", None, "INV-204")],
    ),
    (
        "On the Orders page, 'A-1042' is listed",
        [st("click", "Orders", ground="page"), st("assert_text", None, "A-1042")],
    ),
    (
        "From the home page, click 'Pricing' and make sure 'Enterprise' is there",
        [
            st("navigate", None, "https://shop.example/app/"),
            st("click", "Pricing"),
            st("assert_text", None, "Enterprise"),
        ],
    ),
]

MESSAGES = [
    ("the success message 'Saved!' appears", [st("assert_text", None, "Saved!")]),
    ("an error 'Invalid email' is shown", [st("assert_text", None, "Invalid email")]),
    (
        "an error saying 'Invalid email' should be displayed",
        [st("assert_visible", "Invalid email")],
    ),
    ("the 'Invalid email' error should not appear", [st("assert_no_text", None, "Invalid email")]),
    # Among the results: a row of what the search listed, not the words anywhere on the page.
    ("'Dark rye loaf' is among the results", [st("assert_cell", None, "Dark rye loaf")]),
    ("'Rye' costs 4.20", [st("assert_cell", None, "4.20", scope=row("Rye"))]),
    (
        "the price of Rye is $4.20",
        [st("assert_cell", None, "$4.20", scope=row("Rye"), column="price")],
    ),
    ("4 results for 'rye' are shown", [st("assert_count", "results", "4", count_op="eq")]),
    ("there are 4 results for 'rye'", [st("assert_count", "results", "4", count_op="eq")]),
    ("the first result is 'Dark rye loaf'", [st("assert_cell", None, "Dark rye loaf", nth=0)]),
    ("the last item in the list is 'Oat'", [st("assert_cell", None, "Oat", nth=-1)]),
    (
        "Hey, can you check the pricing page mentions 'Enterprise'?",
        [st("assert_visible", "pricing", ground="page"), st("assert_text", None, "Enterprise")],
    ),
    (
        "Visit /pricing; you should see three plans",
        [
            st("navigate", None, "https://shop.example/pricing"),
            st("assert_count", "plans", "3", count_op="eq"),
        ],
    ),
]


NEGATION_EDGES = [
    ("the table no longer has 'ana'", [st("assert_no_text", None, "ana")]),
    ("the list no longer shows 'Rye'", [st("assert_no_text", None, "Rye")]),
    (
        "'Save' is not disabled and 'Delete' is",
        [st("assert_enabled", "Save"), st("assert_disabled", "Delete")],
    ),
    (
        "'A' is not shown and 'B' isn't either",
        [st("assert_no_text", None, "A"), st("assert_no_text", None, "B")],
    ),
    (
        "'Error' and 'Warning' should not appear",
        [st("assert_no_text", None, "Error"), st("assert_no_text", None, "Warning")],
    ),
    ("verify there's no 'Error'", [st("assert_no_text", None, "Error")]),
    ("the list does not contain 'Rye'", [st("assert_cell", None, "Rye", negate=True)]),
    ("'Rye' isn't in the list anymore", [st("assert_cell", None, "Rye", negate=True)]),
    ("there should not be a 'Delete' button", [st("assert_not_visible", "Delete", role="button")]),
    ("the 'Delete' button should be gone", [st("assert_not_visible", "Delete", role="button")]),
    ("I shouldn't be able to see 'Admin'", [st("assert_no_text", None, "Admin")]),
    ("'Admin' must never be visible", [st("assert_not_visible", "Admin")]),
    ("the user does not see 'Admin'", [st("assert_no_text", None, "Admin")]),
    ("click 'Rye and Spelt'", [st("click", "Rye and Spelt")]),
    (
        "click Terms and Conditions and verify 'Accepted'",
        [st("click", "Terms and Conditions"), st("assert_text", None, "Accepted")],
    ),
    ("type 'rock and roll' into Genre", [st("fill", "Genre", "rock and roll")]),
    ("set Notes to 'a, b and c'", [st("fill", "Notes", "a, b and c")]),
    ("verify 'Tom & Jerry' is listed", [st("assert_text", None, "Tom & Jerry")]),
    ('verify the title is "Tom\'s page"', [st("assert_title", None, "Tom's page")]),
    ('click "Don\'t save"', [st("click", "Don't save")]),
    ("https://shop.example/cart", [st("navigate", None, "https://shop.example/cart")]),
]


LONGER_GOALS = [
    (
        "Log in as demo / demo, open Orders, sort by date (newest first) and check that the "
        "first row is 'A-1042' and it shows 'Shipped' in the Status column",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
            st("click", "Orders"),
            st("click", "date", column="date", order="descending"),
            st("assert_cell", None, "A-1042", nth=0),
            st("assert_cell", None, "Shipped", scope=row("A-1042"), column="Status"),
        ],
    ),
    (
        "Add three todos: 'Buy milk', 'Walk dog' and 'Read'. Complete 'Walk dog'. "
        "Then 'Walk dog' should be checked and 'Read' should not.",
        [
            st("fill", None, "Buy milk", ground="new_item"),
            st("fill", None, "Walk dog", ground="new_item"),
            st("fill", None, "Read", ground="new_item"),
            st("check", scope=row("Walk dog")),
            st("assert_checked", scope=row("Walk dog")),
            st("assert_unchecked", scope=row("Read")),
        ],
    ),
    (
        "1) Sign in as ana@x.io / pw\n2) Open Settings\n3) In the Profile section, type "
        "'Ana Lee' into Name and click Save\n4) 'Profile saved' appears",
        [
            st("fill", "Email", "ana@x.io"),
            st("fill", "Password", "pw", secret=True),
            st("press", "Password", "Enter"),
            st("click", "Settings"),
            st("fill", "Name", "Ana Lee", scope=section("Profile")),
            st("click", "Save", scope=section("Profile")),
            st("assert_text", None, "Profile saved"),
        ],
    ),
    (
        'Search for "oat" and make sure exactly one result comes back',
        [
            st("fill", None, "oat", ground="search"),
            st("assert_count", "result", "1", count_op="eq"),
        ],
    ),
    (
        "Filter the catalog by Category = Bread and verify that "
        "'Croissant' is not listed but 'Rye' is",
        [
            st("select", "Category", "Bread"),
            st("assert_cell", None, "Croissant", negate=True),
            st("assert_cell", None, "Rye"),
        ],
    ),
    (
        "Create a note titled 'Groceries', then delete it, and confirm it is gone",
        [
            st("fill", None, "Groceries", ground="new_item"),
            st("click", "Delete", scope=row("Groceries")),
            ASKED,
            st("assert_no_text", None, "Groceries"),
        ],
    ),
    (
        "Go to Invoices and confirm INV-204 is marked Overdue",
        [st("click", "Invoices"), st("assert_cell", None, "Overdue", scope=row("INV-204"))],
    ),
]


POSITIONS_AND_HEADINGS = [
    ("click the first link in the list", [st("click", None, role="link", nth=0)]),
    ("the first checkbox is checked", [st("assert_checked", None, role="checkbox", nth=0)]),
    ("the second item is 'Spelt'", [st("assert_cell", None, "Spelt", nth=1)]),
    ("the 3rd row shows 'Oat'", [st("assert_cell", None, "Oat", nth=2)]),
    ("press the first 'Buy' button", [st("click", "Buy", role="button", nth=0)]),
    (
        "the price column shows 4.20 for Spelt",
        [st("assert_cell", None, "4.20", scope=row("Spelt"), column="price")],
    ),
    ("Spelt costs $4.20", [st("assert_cell", None, "$4.20", scope=row("Spelt"))]),
    ("the heading is 'Orders'", [st("assert_visible", "Orders", role="heading")]),
    ("the main heading says 'Orders'", [st("assert_visible", "Orders", role="heading")]),
    ("the h1 is 'Orders'", [st("assert_visible", "Orders", role="heading")]),
]

UNQUOTED_ITEMS = [
    ("delete Rye", [st("click", "Delete", scope=row("Rye")), ASKED]),
    ("complete Buy flour", [st("check", scope=row("Buy flour"))]),
    ("mark Buy milk as done", [st("check", scope=row("Buy milk"))]),
    ("remove Spelt from the list", [st("click", "Remove", scope=row("Spelt")), ASKED]),
    (
        "edit Rye so it reads 'Dark rye'",
        [
            st("double_click", "Rye"),
            st("fill", None, "Dark rye", scope=row("Rye")),
            st("press", None, "Enter"),
        ],
    ),
]

FORMS = [
    (
        "click 'Add user' and fill in the form: Name 'Ana', Email 'a@b.io'",
        [st("click", "Add user"), st("fill", "Name", "Ana"), st("fill", "Email", "a@b.io")],
    ),
    (
        "fill the form with Name 'Ana' and Email 'a@b.io'",
        [st("fill", "Name", "Ana"), st("fill", "Email", "a@b.io")],
    ),
    (
        "enter 'Ana' as the name and 'a@b.io' as the email",
        [st("fill", "name", "Ana"), st("fill", "email", "a@b.io")],
    ),
    (
        "set the Name to Ana and the Email to a@b.io",
        [st("fill", "Name", "Ana"), st("fill", "Email", "a@b.io")],
    ),
    ("pick 'Admin' from the Role list", [st("select", "Role", "Admin")]),
    ("the Role dropdown shows 'Admin'", [st("assert_value", "Role", "Admin")]),
    ("the number of rows is 9", [st("assert_count", "rows", "9", count_op="eq")]),
    (
        "the count of results should be at least 3",
        [st("assert_count", "results", "3", count_op="ge")],
    ),
    ("delete the row for 'ana'", [st("click", "Delete", scope=row("ana")), ASKED]),
    ("click OK in the confirm dialog", [st("click", "OK", scope=dialog("confirm"))]),
    (
        "reload the page and verify 'Ana' is still there",
        [st("reload"), st("assert_text", None, "Ana")],
    ),
    ("wait 1 second then reload", [st("wait", None, "1000"), st("reload")]),
]


NARRATIVE = [
    (
        "Given I am on the login page\nWhen I log in as demo / demo\nThen I "
        "should see 'Welcome'\nAnd I should be on the Dashboard",
        [
            st("assert_visible", "login", ground="page"),
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
            st("assert_text", None, "Welcome"),
            st("assert_visible", "Dashboard", ground="page"),
        ],
    ),
    (
        "Given I'm logged in as demo / demo, when I open Orders, then 'A-1' is listed",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
            st("click", "Orders"),
            st("assert_text", None, "A-1"),
        ],
    ),
    (
        "When I search for 'rye', I get 3 results",
        [
            st("fill", None, "rye", ground="search"),
            st("assert_count", "results", "3", count_op="eq"),
        ],
    ),
    (
        "I log in as demo / demo and I see 'Welcome'",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
            st("assert_text", None, "Welcome"),
        ],
    ),
    ("I click 'Save' and I see 'Saved'", [st("click", "Save"), st("assert_text", None, "Saved")]),
    ("I go to Orders", [st("click", "Orders")]),
    ("I add 'Rye' to the list", [st("fill", None, "Rye", ground="new_item")]),
    ("I type 'x' into Name", [st("fill", "Name", "x")]),
    ("user clicks 'Save'", [st("click", "Save")]),
    (
        "the user logs in as demo / demo",
        [
            st("fill", "Username", "demo"),
            st("fill", "Password", "demo", secret=True),
            st("press", "Password", "Enter"),
        ],
    ),
    ("the user searches for 'rye'", [st("fill", None, "rye", ground="search")]),
    ("the user opens the Invoices page", [st("click", "Invoices")]),
]


FAMILIES = {
    "navigation": NAVIGATION,
    "sign-in": SIGN_IN,
    "collections": COLLECTIONS,
    "search, filter, sort": SEARCH_FILTER_SORT,
    "scopes": SCOPES,
    "rows and cells": ROWS_AND_CELLS,
    "pronouns": PRONOUNS,
    "counts": COUNTS,
    "states": STATES,
    "field values": FIELD_VALUES,
    "where you are": WHERE,
    "negations": NEGATIONS,
    "compounds": COMPOUNDS,
    "step lists": STEP_LISTS,
    "framing": FRAMING,
    "real-app voice": REAL_APP_VOICE,
    "sign-in, more": SIGN_IN_MORE,
    "parts of the page": PARTS_OF_THE_PAGE,
    "messages": MESSAGES,
    "negation edges": NEGATION_EDGES,
    "longer goals": LONGER_GOALS,
    "forms": FORMS,
    "unquoted items": UNQUOTED_ITEMS,
    "positions and headings": POSITIONS_AND_HEADINGS,
    "narrative and gherkin": NARRATIVE,
}
CASES = [(family, goal, steps) for family, cases in FAMILIES.items() for goal, steps in cases]


@pytest.mark.parametrize(
    ("family", "goal", "expected"), CASES, ids=[f"{f}: {g}" for f, g, _ in CASES]
)
def test_a_goal_plans_to_the_steps_it_means(family: str, goal: str, expected: list[Step]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert shape(plan) == expected


# --- never pass what was not checked ----------------------------------------------------------

# Goals whose claims (or steps) cannot be read: each is an error naming what was not read.
TRAPS: list[tuple[str, list[str]]] = [
    ("confirm the order went through", ["confirm the order went through"]),
    ("make sure everything works", ["make sure everything works"]),
    ("verify the checkout flow works", ["verify the checkout flow works"]),
    ("the user can see their balance", ["the user can see their balance"]),
    ("click 'Sign in' and confirm the order went through", ["confirm the order went through"]),
    ("the total should be 12", ["the total should be 12"]),
    ("verify Welcome back", ["verify Welcome back"]),
    ("log in as demo and verify 'Welcome'", ["log in as demo"]),
    ("log in with the password 'x'", ["log in with the password 'x'"]),
    ("swipe left on the carousel", ["swipe left on the carousel"]),
    ("upload 'a.pdf'", ["upload 'a.pdf'"]),
    ("drag 'A' onto 'B'", ["drag 'A' onto 'B'"]),
    ("an error message appears", ["an error message appears"]),
    ("create three tasks: A and B", ["create three tasks: A and B"]),
    ("the banner says 'Sale' or 'Offer'", ["the banner says 'Sale' or 'Offer'"]),
    ("nothing here should mention 'Error'", ["nothing here should mention 'Error'"]),
    ("verify 1 item is checked", ["verify 1 item is checked"]),
    ("Make sure a customer can check out:", ["Make sure a customer can check out"]),
    ("Ana should be able to reach her invoices.", ["Ana should be able to reach her invoices"]),
    ("click 'Save' (it is at the bottom)", ["it is at the bottom"]),
    ("the price is right", ["the price is right"]),
    ("he sees his orders", ["he sees his orders"]),
    ("the order total matches the cart", ["the order total matches the cart"]),
    ("wait until the page is ready", ["wait until the page is ready"]),
    ("the 'Save' button is maybe enabled", ["the 'Save' button is maybe enabled"]),
    ("'Paid' might be shown", ["'Paid' might be shown"]),
    ("go to Orders and confirm the right ones are there", ["confirm the right ones are there"]),
    ("the report looks correct", ["the report looks correct"]),
    ("the row for 'INV-1' is fine", ["the row for 'INV-1' is fine"]),
    ("verify that his order history appears", ["verify that his order history appears"]),
    ("Ana sees her invoices", ["Ana sees her invoices"]),
    ("confirm that every row says 'Active'", ["confirm that every row says 'Active'"]),
    ("all the orders are paid", ["all the orders are paid"]),
    ("the counter shows 3", ["the counter shows 3"]),
    ("Select the checkbox for 'bob' and frobnicate", ["frobnicate"]),
    ("Wait until the chart renders", ["Wait until the chart renders"]),
    (
        "the 'Next' link should not be visible on the last page",
        ["the 'Next' link should not be visible on the last page"],
    ),
]


@pytest.mark.parametrize(("goal", "unread"), TRAPS, ids=[goal for goal, _ in TRAPS])
def test_an_unread_clause_is_an_error_naming_it(goal: str, unread: list[str]) -> None:
    plan = plan_goal(URL, goal)

    # An error may go on to say what is missing ("… needs its password").
    assert len(plan.errors) == len(unread), plan.errors
    for error, clause in zip(plan.errors, unread, strict=True):
        assert error.startswith(f"could not understand: '{clause}'"), error


def test_the_tables_hold_at_least_150_new_cases() -> None:
    assert len(CASES) + len(TRAPS) >= 150


def test_a_goal_that_reads_nothing_never_falls_back_to_a_pass() -> None:
    """The old fallback opened the URL and passed: "confirm he lands on his order history"
    would have passed on the login page. Now it is read, and what is not read is an error."""
    plan = plan_goal(URL, "check the flux capacitor hums")

    assert plan.errors == ["could not understand: 'check the flux capacitor hums'"]
    assert plan.steps == []


@pytest.mark.parametrize("goal", ["delete it", "its status should be 'Paid'", "It is listed"])
def test_a_pronoun_with_nothing_named_before_it_is_an_error(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert len(plan.errors) == 1
    assert plan.errors[0].startswith("could not tell what")


def test_framing_alone_asks_nothing_checkable_and_is_an_error() -> None:
    reading = read_goal(URL, "Scenario: checkout")

    assert reading.plan().errors == ["could not understand: 'Scenario: checkout'"]


def test_skipped_framing_is_shown_not_dropped_silently() -> None:
    reading = read_goal(URL, "Make sure a customer can check out:\n- click 'Checkout'")

    assert reading.framing == ["Make sure a customer can check out"]
    assert reading.unread == []


# --- secrets ----------------------------------------------------------------------------------


def test_a_password_is_never_asserted_as_page_text() -> None:
    plan = plan_goal(URL, "Log in as ana / hunter2. Verify 'hunter2' is shown")

    assert plan.errors == ["a password is never checked as page text: 'Verify '••••••••' is shown'"]


@pytest.mark.parametrize(
    "goal",
    [
        "log in as ana / hunter2",
        "sign in as ana (password hunter2)",
        "with the email a@b.io and the password hunter2, sign in",
        "try to sign in as ana with 'hunter2'",
    ],
)
def test_a_password_is_secret_and_never_in_a_description_or_source(goal: str) -> None:
    plan = plan_goal(URL, goal)

    secret_steps = [s for s in plan.steps if s.secret]
    assert [s.value for s in secret_steps] == ["hunter2"]
    assert all("hunter2" not in s.description for s in plan.steps)
    assert all("hunter2" not in (s.source or "") for s in plan.steps)


# --- sources and descriptions ---------------------------------------------------------------


def test_every_step_says_the_words_it_came_from() -> None:
    plan = plan_goal(URL, "go to Orders, sort by date (newest first) and the top row is 'A-7'")

    assert [s.source for s in plan.steps] == [
        None,
        "go to Orders",
        "sort by date (newest first)",
        "the top row is 'A-7'",
    ]


def test_an_elliptical_half_has_its_own_words_as_source() -> None:
    plan = plan_goal(URL, "'Paid' should be shown and 'Overdue' should not")

    assert [s.source for s in plan.steps[1:]] == ["'Paid' should be shown", "'Overdue' should not"]


@pytest.mark.parametrize(
    ("goal", "description"),
    [
        ("go to Orders", "Go to 'Orders' (the link, tab or button named so)"),
        ("add 'Rye' to the list", "Add 'Rye' (type it into the new-item input and press Enter)"),
        ("search for 'rye'", "Search for 'rye'"),
        ("delete 'Rye'", "Confirm if the app asks (its yes control), else go on"),
        ("sort by date, newest first", "Sort by 'date', descending (click the "
                                       "column header until it holds)"),
        ("the row for 'A-7' shows 'Paid' in the State column",
         "Check the row for 'A-7' shows 'Paid' in the 'State' column"),
        ("there are at least 2 results", "Check there are at least 2 of 'results'"),
        ("I end up on the Dashboard", "Check the current page is 'Dashboard'"),
        ("'Save' is disabled", "Check 'Save' is disabled"),
        ("go back", "Go back to the previous page"),
        ("the URL should not contain /login", "Check the URL does not contain '/login'"),
        ("click 'Save' in the dialog", "Click 'Save' in the dialog"),
    ],
)  # fmt: skip
def test_each_new_step_describes_itself(goal: str, description: str) -> None:
    assert plan_goal(URL, goal).steps[-1].description == description


# --- the plan as a whole ----------------------------------------------------------------------


def test_a_named_sign_in_button_submits_the_form_instead_of_enter() -> None:
    plan = plan_goal(URL, "type 'ana' into Username, type 'pw' into Password, click 'Log in'")

    assert [s.action for s in plan.steps] == ["navigate", "fill", "fill", "click"]


def test_a_grounded_entry_is_one_step_because_the_executor_presses_enter() -> None:
    plan = plan_goal(URL, "add 'Rye' to the list and press Enter")

    assert shape(plan) == [st("fill", None, "Rye", ground="new_item")]


def test_a_press_enter_elsewhere_is_kept() -> None:
    plan = plan_goal(URL, "type 'Rye' into 'New item' and press Enter")

    assert shape(plan) == [st("fill", "New item", "Rye"), st("press", None, "Enter")]


def test_a_goal_whose_first_step_opens_a_url_after_framing_does_not_open_the_check_url() -> None:
    plan = plan_goal(URL, "Scenario: the shop\n1. go to /shop\n2. verify 'Bread' is shown")

    assert [s.action for s in plan.steps] == ["navigate", "assert_text"]
    assert plan.steps[0].value == "https://shop.example/shop"
