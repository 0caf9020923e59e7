"""Plain-language goals through the whole pipeline (rule planner, Chromium, rule evaluator)
against the demo site, each with the verdict a person would expect.

About a third are meant to fail, in the ways real sites fail a check: the wrong text, a
missing element, a 500, text that must not appear but does, and the traps of issue #8 (the
right text on the wrong page, a value in another row, an off-by-one count, a hidden element,
a failed sign-in followed by a success check). A failed verdict is asserted
together with the step that failed and the reason shown to the user.
"""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

LOGIN = "type 'demo' into the Username field; type '{pw}' into the Password field; click 'Sign in'"

GOALS = {
    "logging in shows the welcome": Goal(
        "/login", LOGIN.format(pw="demo") + "; verify the page shows 'Welcome, demo'", True
    ),
    "a wrong password shows the error": Goal(
        "/login",
        LOGIN.format(pw="nope") + "; verify the page shows 'Invalid username or password'",
        True,
    ),
    "the login compound submits whatever the button says": Goal(
        "/login", "log in with username 'demo' and password 'demo'; verify 'Welcome, demo'", True
    ),
    "the design's own example logs in and sees the dashboard": Goal(
        "/login", "log in as demo / demo and verify the dashboard says 'Welcome'", True
    ),
    "the login compound with a wrong password does not get in": Goal(
        "/login", "log in as demo / wrong and verify the page shows 'Welcome'", False, 5, "Welcome"
    ),
    "a slow server-side search is waited for before its results are read": Goal(
        "/people", "search for 'Carl' and check that Carl Sagan is listed", True
    ),
    "a slow search's results are read, not the list it replaces": Goal(
        "/people",
        "search for 'Carl' and check that Richard Dawkins is listed",
        False,
        3,
        "Richard Dawkins",
    ),
    "the title names the shop": Goal("/", "the title should contain 'Demo Shop'", True),
    "the homepage has the shop name": Goal("/", "Check that the homepage has 'Demo Shop'", True),
    "a link leads to the second page": Goal(
        "/", "click 'Second page' then the URL should contain '/second'", True
    ),
    "going to a path shows its text": Goal(
        "/", "go to /second; verify the page shows 'You made it to the second page'", True
    ),
    "the second add to cart counts one item": Goal(
        "/products",
        "click the second 'Add to cart' button then verify the page shows 'Cart: 1 items'",
        True,
    ),
    "searching hides other products": Goal(
        "/products", "fill Search products with kettle; 'Coffee Mug' should not appear", True
    ),
    "hovering a product keeps its price shown": Goal(
        "/products", "hover over 'Tea Kettle'; verify the page shows '$35'", True
    ),
    "the contact form echoes its values": Goal(
        "/form",
        "fill Name with Alice; select 'Japan' from Country; check 'Subscribe to newsletter'; "
        "click 'Send'; verify the page shows 'Thanks, Alice! Country: Japan, Newsletter: yes'",
        True,
    ),
    "an unchecked newsletter box is echoed as no": Goal(
        "/form",
        "check 'Subscribe to newsletter'; uncheck 'Subscribe to newsletter'; click 'Send'; "
        "verify the page shows 'Newsletter: no'",
        True,
    ),
    "a typed email is held by its field": Goal(
        "/form", "fill Email with a@b.c; the Email field should contain 'a@b.c'", True
    ),
    "late content is waited for": Goal("/delayed", "verify the page shows 'Data loaded'", True),
    "a late button can be clicked": Goal(
        "/delayed", "click 'Show details'; verify the page shows 'Details are shown'", True
    ),
    "a dialog opens with its close button": Goal(
        "/modal", "click 'Open dialog'; find a button labeled 'Close'", True
    ),
    "a closed dialog's text is not shown": Goal(
        "/modal", "'Are you sure you want to order?' should not appear", True
    ),
    "a goal that asks only for the page checks that it loads": Goal(
        "/", "make sure the homepage loads", True
    ),
    "the page loads": Goal("/second", "the page should load", True),
    # --- expected to fail ---------------------------------------------------------------------
    "a wrong password does not reach the dashboard": Goal(
        "/login",
        LOGIN.format(pw="nope") + "; verify the page shows 'Welcome, demo'",
        False,
        5,
        "text 'Welcome, demo' not found on the page",
    ),
    "text the page does not have": Goal(
        "/", "verify the page shows 'Free shipping'", False, 2, "'Free shipping' not found"
    ),
    "a button the page does not have": Goal(
        "/login", "click 'Sign up'", False, 2, "closest: button 'Sign in'"
    ),
    "a page answering 500": Goal("/broken", "the page should load", False, 1, "HTTP 500"),
    "text that must not appear but does": Goal(
        "/products", "'Coffee Mug' should not appear", False, 2, "appears on the page"
    ),
    "a title the page does not have": Goal(
        "/", "the title should contain 'Checkout'", False, 2, "expected it to contain 'Checkout'"
    ),
    "the wrong cart count": Goal(
        "/products",
        "click the second 'Add to cart' button; verify the page shows 'Cart: 2 items'",
        False,
        3,
        'closest text on the page: "Cart: 1 items"',
    ),
    "an option the select does not offer": Goal(
        "/form", "select 'Atlantis' from Country", False, 2, "no option 'Atlantis'"
    ),
    "a field holding something else": Goal(
        "/form",
        "fill Name with Alice; the Name field should contain 'Bob'",
        False,
        3,
        "holds 'Alice', expected 'Bob'",
    ),
    "a dialog button that does not exist": Goal(
        "/modal",
        "click 'Open dialog'; find a button labeled 'Delete account'",
        False,
        3,
        "no button matching 'Delete account'",
    ),
}

# The goal language of issue #8 on the demo site's to-do list, catalog table, settings
# (sections and a dialog), search and signed-in order history. The failing ones are traps a
# careless monitor would pass: the right text on the wrong page, a value in another row or
# section, an off-by-one count, a hidden element, a failed sign-in followed by a success
# check.
SIGN_IN = "log in as demo / demo"
LANGUAGE = {
    # --- to-do list: add, complete, delete (hover-revealed), edit in place ------------------
    "items put on the list are counted": Goal(
        "/todo",
        "put 'Rye', 'Spelt' and 'Oat' on the list, then check that it shows exactly 6 items",
        True,
    ),
    "three tasks are created and listed": Goal(
        "/todo", "create three tasks: Mix, Knead and Shape; check that 'Knead' is listed", True
    ),
    "a named task is added": Goal(
        "/todo", "add a task called 'Proof the dough'; 'Proof the dough' should be listed", True
    ),
    "a task marked as done leaves one open": Goal(
        "/todo", "mark 'Buy flour' as done; '1 item left' should be shown", True
    ),
    "the last task is completed": Goal(
        "/todo", "complete the last one; '1 item left' should be shown", True
    ),
    "a deleted task is no longer listed": Goal(
        "/todo", "delete 'Bake bread'; 'Bake bread' is no longer listed", True
    ),
    "a task is edited in place": Goal(
        "/todo",
        "edit 'Buy flour' in place (double-click) so it reads 'Buy rye flour'; "
        "verify 'Buy rye flour' is shown",
        True,
    ),
    "the list holds exactly its three tasks": Goal(
        "/todo", "only 'Buy flour', 'Feed the starter' and 'Bake bread' are shown", True
    ),
    "there are three tasks": Goal("/todo", "there are exactly 3 tasks", True),
    "an unticked checkbox next to a task": Goal(
        "/todo", "the checkbox next to 'Bake bread' should be unchecked", True
    ),
    "an added task is gone after a reload": Goal(
        "/todo", "add 'Rye' to the list; reload the page; 'Rye' is no longer listed", True
    ),
    # --- catalog table: sort, filter, rows and cells, the edit dialog -------------------------
    "sorted newest first, the top row is the newest": Goal(
        "/catalog", "sort by date, newest first; the top row is 'Oat'", True
    ),
    "sorted by price lowest first, the last row is the dearest": Goal(
        "/catalog",
        "sort the table by price, lowest first, and the last row should be 'Spelt'",
        True,
    ),
    "a filter leaves the pastry rows": Goal(
        "/catalog", "filter by Category: Pastry; shows 2 rows", True
    ),
    "a filter leaves one drink": Goal(
        "/catalog", "filter by Category: Drinks; exactly 1 row is shown", True
    ),
    "a row is listed with its price": Goal(
        "/catalog", "'Spelt' is listed with a price of 4.20", True
    ),
    "a row's state in the State column": Goal(
        "/catalog", "the row for Spelt shows 'Sold out' in the State column", True
    ),
    "a row that should not show a state": Goal(
        "/catalog", "the row for 'Latte' should not show 'Sold out'", True
    ),
    "the table shows its products": Goal("/catalog", "the table shows 6 products", True),
    "a price edited in the dialog is saved in its row": Goal(
        "/catalog",
        "click 'Edit' in the row for 'Spelt'; type 5.00 into Price; click the Save button in "
        "the dialog; the row for Spelt shows '5.00' in the Price column",
        True,
    ),
    # --- settings: sections, a disabled button, the password dialog ---------------------------
    "a field and its Save button by section": Goal(
        "/settings",
        "type bills@example.com into the Email field in the Billing section, then click Save "
        "in the Billing section; verify 'Billing saved (bills@example.com)'",
        True,
    ),
    "a button disabled until something changes": Goal(
        "/settings",
        "the Save button in the Notifications section should be disabled; tick 'Text me about "
        "orders'; the Save button in the Notifications section should be enabled",
        True,
    ),
    "the Save button in the dialog changes the password": Goal(
        "/settings",
        "click 'Change password', type 'hunter22' into New password, click the Save button "
        "in the dialog; verify 'Password changed'",
        True,
    ),
    # --- search ---------------------------------------------------------------------------------
    "a search shows its results": Goal("/search", "search for 'rye'; it shows 3 results", True),
    "a search shows one match and not the others": Goal(
        "/search", "search for 'pastry'; 'Danish pastry' is listed and 'Latte' is not", True
    ),
    "the search box looks up one result": Goal(
        "/search", "look up 'oat' with the search box; it shows 1 result", True
    ),
    "a search without hits says so": Goal(
        "/search", "search for 'bagel'; 'No results' should be shown", True
    ),
    # --- sign-in, landing pages, navigation by name ---------------------------------------------
    "signing in lands on the dashboard": Goal(
        "/login", f"{SIGN_IN} and confirm I end up on the Dashboard", True
    ),
    "the order history shows an overdue invoice": Goal(
        "/login",
        f"{SIGN_IN}, open the Order history, and verify the row for INV-204 shows 'Overdue' in "
        "the State column",
        True,
    ),
    "the order history counts its orders": Goal(
        "/login",
        "sign in as demo (password demo); open the Order history page; there are 3 orders",
        True,
    ),
    "an invoice opens from its row": Goal(
        "/login",
        "as demo with password demo, open the order history and open the row for 'INV-204'; "
        "the page shows 'Invoice INV-204'",
        True,
    ),
    "a failed sign-in says why": Goal(
        "/login",
        "try to sign in as demo with 'wrong'; 'Invalid username or password' should be shown",
        True,
    ),
    "logging out lands on the home page": Goal(
        "/login", f"{SIGN_IN}, then log out; the title should contain 'Demo Shop'", True
    ),
    "a page opened by name": Goal("/", "open the Settings page; I am on the Settings page", True),
    "going back leaves the page": Goal(
        "/", "open the Catalog, then go back; the URL should not contain /catalog", True
    ),
    # --- expected to fail: traps ----------------------------------------------------------------
    "TRAP the right text on the wrong page": Goal(
        "/login",
        f"{SIGN_IN}; I should land on the order history",
        False,
        5,
        "not on the 'order history' page",
    ),
    "TRAP a failed sign-in followed by a success check": Goal(
        "/login",
        "try to sign in as demo with 'wrong'; I end up on the Dashboard",
        False,
        5,
        "not on the 'Dashboard' page",
    ),
    "TRAP a failed sign-in then the orders URL": Goal(
        "/login",
        "log in as demo with password nope; the URL contains /orders",
        False,
        4,  # the sign-in is expected to work, and it did not get past the form
        "the sign-in did not get through",
    ),
    "TRAP a value that is in another row": Goal(
        "/catalog",
        "the row for Spelt shows '3.80' in the Price column",
        False,
        2,
        "holds '4.20', not '3.80'",
    ),
    "TRAP an invoice state that belongs to another invoice": Goal(
        "/login",
        f"{SIGN_IN}, open the Order history, and verify the row for INV-203 shows 'Overdue'",
        False,
        6,
        "not 'Overdue'",
    ),
    "TRAP a value that is in another section": Goal(
        "/settings",
        "in the Billing section, the Email field should contain 'ana@example.com'",
        False,
        2,
        "holds '', expected 'ana@example.com'",
    ),
    "TRAP one result too many": Goal(
        "/search", "search for 'rye'; it shows 4 results", False, 3, "counted 3 items"
    ),
    "TRAP one row too many after a filter": Goal(
        "/catalog", "filter by Category: Pastry; shows 3 rows", False, 3, "counted 2 items"
    ),
    "TRAP one task too many after a delete": Goal(
        "/todo",
        "delete 'Bake bread'; there are exactly 3 tasks",
        False,
        4,
        "counted 2 items in list 'Tasks'",
    ),
    "TRAP the wrong number of open tasks": Goal(
        "/todo",
        "mark 'Buy flour' as done; '2 items left' should be shown",
        False,
        3,
        'closest text on the page: "1 item left"',
    ),
    "TRAP a sort that puts another row on top": Goal(
        "/catalog",
        "sort by date, newest first; the top row is 'Rye'",
        False,
        3,
        "the first row 'Oat",
    ),
    "TRAP a hidden element": Goal(
        "/catalog", "'Seeded rye' should be visible", False, 2, "no element matching 'Seeded rye'"
    ),
    "TRAP a hover-only button is not visible": Goal(
        "/todo",
        "the 'Delete' button in the row for 'Buy flour' should be visible",
        False,
        2,
        "no button matching 'Delete'",
    ),
    "TRAP a checkbox that is not ticked": Goal(
        "/todo",
        "the checkbox next to 'Buy flour' should be checked",
        False,
        2,
        "is unchecked, expected checked",
    ),
    "TRAP a button that stays disabled": Goal(
        "/settings",
        "the Save button in the Notifications section should be enabled",
        False,
        2,
        "is disabled, expected enabled",
    ),
    "TRAP text that is there but should not be": Goal(
        "/login",
        f"{SIGN_IN}, open the Order history; 'Paid' should be shown and 'Overdue' should not",
        False,
        7,
        "appears on the page but should not",
    ),
    "TRAP a deleted task that is still there": Goal(
        "/todo",
        "delete 'Bake bread'; 'Buy flour' is no longer listed",
        False,
        4,
        "holds 'Buy flour', which it should not",
    ),
    # Fields shown beside their labels, dropdowns, counters, landmarks and named forms.
    "a work email is read beside its term": Goal(
        "/employee", "her work email is dana.okafor@corp.test", True
    ),
    "a record's manager is read from its table of fields": Goal(
        "/employee", "Dana's manager should be Luis Ortega", True
    ),
    "a total is read beside its label": Goal("/employee", "the total is 420", True),
    "TRAP the subtotal is not the total": Goal(
        "/employee", "the total is 300", False, 2, "holds '420', expected '300'"
    ),
    "TRAP a department read beside its term is another": Goal(
        "/employee", "the department is Sales", False, 2, "holds 'Payroll'"
    ),
    "a record's dropdown reads as its chosen option": Goal(
        "/employee", "Dana Okafor's office is Lisbon", True
    ),
    "TRAP a dropdown holding another option": Goal(
        "/employee", "Dana Okafor's office should be Leeds", False, 2, "holds 'Lisbon'"
    ),
    "TRAP a radio group with the other option checked": Goal(
        "/employee", "her contract is Full time", False, 2, "holds 'Part time'"
    ),
    "a link in the unnamed footer": Goal("/employee", "the footer has a link to Help centre", True),
    "TRAP a footer link looked for in the header": Goal(
        "/employee", "the header has a link to Privacy notice", False, 2, "Privacy notice"
    ),
    "the second item with an add button goes into the basket": Goal(
        "/storefront",
        "Add the second tea to the basket and check the basket count is 1, then the page "
        "says 'Rooibos is in your basket'",
        True,
    ),
    "TRAP an off-by-one basket count": Goal(
        "/storefront",
        "add the first tea to the basket; the basket count should be 2",
        False,
        3,
        "not found in link",
    ),
    "a title-cased All is page text": Goal(
        "/storefront", "the page shows All Systems Operational", True
    ),
    "a form named by its heading appears": Goal("/storefront", "the signup form appears", True),
    "TRAP a hidden form": Goal(
        "/storefront", "the newsletter form is shown", False, 2, "no section 'newsletter'"
    ),
    "a named form is filled and submitted with unquoted values": Goal(
        "/storefront",
        "Submit the contact form with name 'Test' and email test@example.com, then the page "
        "should say 'Thanks, Test (test@example.com)'",
        True,
    ),
    "a form whose last field is a text area is still submitted": Goal(
        "/storefront",
        "Fill in the contact form with name 'Jo' and message 'Hello there' and send it; verify "
        "'Thanks, Jo'",
        True,
    ),
    "TRAP a counter showing 12 is not 1": Goal(
        "/storefront", "the unread messages count is 1", False, 2, "not found"
    ),
    "TRAP a heading that is not a footer link": Goal(
        "/storefront", "the footer has a link to Contact us", False, 2, "Contact us"
    ),
}
GOALS.update(LANGUAGE)


def test_about_a_third_of_the_goals_are_expected_to_fail() -> None:
    failing = sum(not g.passes for g in GOALS.values())
    assert len(GOALS) >= 60
    assert 0.3 <= failing / len(GOALS) <= 0.45


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
