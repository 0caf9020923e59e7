"""The rule planner: goals in plain words → plans, with nothing dropped silently."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from vigil.models import Action, PlanStep, TestPlan
from vigil.planner.clauses import split_clauses
from vigil.planner.rule_planner import RulePlanner, plan_goal
from vigil.planner.sign_in import PASSWORD_FIELD

URL = "https://shop.example/app/"


class Step(NamedTuple):
    """The fields a plan step is judged on (descriptions are tested separately)."""

    action: Action
    target: str | None = None
    value: str | None = None
    role: str | None = None
    nth: int | None = None
    exact: bool = False


OPEN = Step("navigate", value=URL)
SUBMIT = Step("press", PASSWORD_FIELD, "Enter")


def shape(plan: TestPlan) -> list[Step]:
    return [Step(s.action, s.target, s.value, s.role, s.nth, s.exact) for s in plan.steps]


# Every case starts at the check's URL, so the table lists only what follows OPEN.
PHRASINGS: list[tuple[str, list[Step]]] = [
    # navigation
    ("go to /pricing", [Step("navigate", value="https://shop.example/pricing")]),
    ("navigate to ./faq", [Step("navigate", value="https://shop.example/app/faq")]),
    (
        "Go to '/pricing?plan=pro'",
        [Step("navigate", value="https://shop.example/pricing?plan=pro")],
    ),
    # clicks
    ("click 'Sign in'", [Step("click", "Sign in")]),
    ("click on Sign in", [Step("click", "Sign in")]),
    ("choose 'Pro'", [Step("click", "Pro")]),
    ("choose the 'Pro' radio button", [Step("click", "Pro", role="radio")]),
    ("click the Login link", [Step("click", "Login", role="link")]),
    (
        "click the second 'Add to cart' button",
        [Step("click", "Add to cart", role="button", nth=1)],
    ),
    ("click the 3rd 'Add to cart' button", [Step("click", "Add to cart", role="button", nth=2)]),
    ("click the last 'Remove' link", [Step("click", "Remove", role="link", nth=-1)]),
    ("tap the tenth 'Item'", [Step("click", "Item", nth=9)]),
    ("press the Submit button", [Step("click", "Submit", role="button")]),
    ("click the link that says 'Docs'", [Step("click", "Docs", role="link")]),
    ("click exactly 'Log in'", [Step("click", "Log in", exact=True)]),
    ("click '#checkout .btn-primary'", [Step("click", "#checkout .btn-primary")]),
    # typing
    ("type 'demo' into the Password field", [Step("fill", "Password", "demo")]),
    ("enter demo in the username field", [Step("fill", "username", "demo")]),
    ("fill Email with a@b.c", [Step("fill", "Email", "a@b.c")]),
    ("fill in the email field with 'x'", [Step("fill", "email", "x")]),
    ("set Quantity to 3", [Step("fill", "Quantity", "3")]),
    ('type "O\'Brien & Sons" into Company', [Step("fill", "Company", "O'Brien & Sons")]),
    # lists and boxes
    ("select 'Germany' from Country", [Step("select", "Country", "Germany")]),
    ("choose Germany in the Country dropdown", [Step("select", "Country", "Germany")]),
    ("check the 'I agree' checkbox", [Step("check", "I agree", role="checkbox")]),
    ("tick Remember me", [Step("check", "Remember me")]),
    ("uncheck 'Send me offers'", [Step("uncheck", "Send me offers")]),
    # keys, hover, waits
    ("press Enter", [Step("press", value="Enter")]),
    ("hit the Escape key", [Step("press", value="Escape")]),
    ("press ctrl+a", [Step("press", value="Control+A")]),
    ("press Enter in the 'Search' field", [Step("press", "Search", "Enter")]),
    ("hover over 'Menu'", [Step("hover", "Menu")]),
    ("wait 2 seconds", [Step("wait", value="2000")]),
    ("wait 500ms", [Step("wait", value="500")]),
    ("wait until 'Loaded' appears", [Step("wait", "Loaded")]),
    ("wait for the 'Checkout' button", [Step("wait", "Checkout", role="button")]),
    ("wait for the page to load", [Step("wait", value="load")]),
    # text on the page
    ("verify the page shows 'Welcome'", [Step("assert_text", value="Welcome")]),
    ("check that the page contains 'x'", [Step("assert_text", value="x")]),
    ("should see 'Thanks'", [Step("assert_text", value="Thanks")]),
    ("I should see Welcome back", [Step("assert_text", value="Welcome back")]),
    ("the page should say 'Order placed'", [Step("assert_text", value="Order placed")]),
    ("assert text 'x'", [Step("assert_text", value="x")]),
    ("expect 'Total'", [Step("assert_text", value="Total")]),
    (
        "verify the page shows 'Subtotal' and 'Tax'",
        [Step("assert_text", value="Subtotal"), Step("assert_text", value="Tax")],
    ),
    ("the dashboard says exactly 'Hi, Demo'", [Step("assert_text", value="Hi, Demo", exact=True)]),
    ("'Error' should not appear", [Step("assert_no_text", value="Error")]),
    ("there is no 'Out of stock'", [Step("assert_no_text", value="Out of stock")]),
    ("the page does not show 'x'", [Step("assert_no_text", value="x")]),
    ("I can't see 'Oops'", [Step("assert_no_text", value="Oops")]),
    # elements
    ("make sure 'Cart' is visible", [Step("assert_visible", "Cart")]),
    ("'Spinner' should not be visible", [Step("assert_not_visible", "Spinner")]),
    ("find a button labeled 'Buy'", [Step("assert_visible", "Buy", role="button")]),
    (
        "Find a button labeled 'XYZNONEXISTENT'",
        [Step("assert_visible", "XYZNONEXISTENT", role="button")],
    ),
    ("there is a link 'Docs'", [Step("assert_visible", "Docs", role="link")]),
    ("there is no 'Delete' button", [Step("assert_not_visible", "Delete", role="button")]),
    ("the 'Pricing' heading is displayed", [Step("assert_visible", "Pricing", role="heading")]),
    # title, URL, field values
    ("the title should contain 'Shop'", [Step("assert_title", value="Shop")]),
    ("the page title is 'Shop - Home'", [Step("assert_title", value="Shop - Home")]),
    ("the page title is exactly 'Shop'", [Step("assert_title", value="Shop", exact=True)]),
    ("the URL should contain /dashboard", [Step("assert_url", value="/dashboard")]),
    ("I should be redirected to /welcome", [Step("assert_url", value="/welcome")]),
    ("the Email field should contain 'a@b.c'", [Step("assert_value", "Email", "a@b.c")]),
    ("the Email field has value 'x'", [Step("assert_value", "Email", "x")]),
    ("the username field is empty", [Step("assert_value", "username", "")]),
    ("expect the title to be 'Home'", [Step("assert_title", value="Home")]),
    # logging in
    (
        "log in with username 'demo' and password 'secret'",
        [
            Step("fill", "Username", "demo"),
            Step("fill", PASSWORD_FIELD, "secret"),
            SUBMIT,
        ],
    ),
    (
        "log in as demo / secret",
        [
            Step("fill", "Username", "demo"),
            Step("fill", PASSWORD_FIELD, "secret"),
            SUBMIT,
        ],
    ),
    (
        "sign in as demo@example.com with password demo",
        [
            Step("fill", "Email", "demo@example.com"),
            Step("fill", PASSWORD_FIELD, "demo"),
            SUBMIT,
        ],
    ),
    (
        "log in as demo@example.com / demo and verify the dashboard says 'Welcome'",
        [
            Step("fill", "Email", "demo@example.com"),
            Step("fill", PASSWORD_FIELD, "demo"),
            SUBMIT,
            Step("assert_text", value="Welcome"),
        ],
    ),
    (
        "Login as admin/hunter2",
        [
            Step("fill", "Username", "admin"),
            Step("fill", PASSWORD_FIELD, "hunter2"),
            SUBMIT,
        ],
    ),
    # several actions in one sentence
    (
        "click 'Accept', 'Next' and 'Finish'",
        [Step("click", "Accept"), Step("click", "Next"), Step("click", "Finish")],
    ),
    ("click 'Buy', then 'Confirm'", [Step("click", "Buy"), Step("click", "Confirm")]),
    (
        "type 'laptop' into Search and press Enter",
        [Step("fill", "Search", "laptop"), Step("press", value="Enter")],
    ),
    (
        "fill Email with a@b.c, click Continue, and verify 'Check your inbox'",
        [
            Step("fill", "Email", "a@b.c"),
            Step("click", "Continue"),
            Step("assert_text", value="Check your inbox"),
        ],
    ),
    ("click Terms and Conditions", [Step("click", "Terms and Conditions")]),
    ("select 'Germany' from Country and Region", [Step("select", "Country and Region", "Germany")]),
    (
        "check the homepage loads and shows 'Hello'",
        [Step("wait", value="load"), Step("assert_text", value="Hello")],
    ),
]


@pytest.mark.parametrize(("goal", "expected"), PHRASINGS, ids=[goal for goal, _ in PHRASINGS])
def test_it_maps_a_common_phrasing_onto_steps(goal: str, expected: list[Step]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    # A goal that starts by opening a page needs no opening of the check's URL before it.
    opening = [] if expected[0].action == "navigate" else [OPEN]
    assert shape(plan) == [*opening, *expected]


def test_the_table_covers_at_least_forty_phrasings() -> None:
    assert len(PHRASINGS) >= 40


# --- the plan as a whole --------------------------------------------------------------------


def test_steps_are_numbered_from_one_and_counted() -> None:
    plan = plan_goal(URL, "go to /cart; click 'Checkout'; verify 'Pay now'")

    assert [s.step_number for s in plan.steps] == [1, 2, 3]
    assert plan.total_steps == 3
    assert plan.source == "rules"
    assert (plan.url, plan.goal) == (URL, "go to /cart; click 'Checkout'; verify 'Pay now'")


def test_a_goal_that_opens_an_absolute_url_first_does_not_open_the_check_url() -> None:
    plan = plan_goal(URL, "open https://docs.example/start and click 'Next'")

    assert shape(plan) == [
        Step("navigate", value="https://docs.example/start"),
        Step("click", "Next"),
    ]


def test_a_bare_host_name_counts_as_an_absolute_url() -> None:
    plan = plan_goal(URL, "visit docs.example/start")

    assert shape(plan) == [Step("navigate", value="https://docs.example/start")]


def test_a_goal_that_opens_a_relative_path_first_opens_only_that_page() -> None:
    plan = plan_goal(URL, "go to /pricing")

    assert shape(plan) == [Step("navigate", value="https://shop.example/pricing")]


def test_an_absolute_url_later_in_the_goal_keeps_the_check_url_first() -> None:
    plan = plan_goal(URL, "click 'Docs'. Then go to https://docs.example/")

    assert shape(plan) == [
        OPEN,
        Step("click", "Docs"),
        Step("navigate", value="https://docs.example/"),
    ]


def test_a_url_with_trailing_sentence_punctuation_loses_the_punctuation() -> None:
    plan = plan_goal(URL, "Open https://docs.example/a. Verify 'Docs'.")

    assert shape(plan) == [
        Step("navigate", value="https://docs.example/a"),
        Step("assert_text", value="Docs"),
    ]


async def test_the_rule_planner_plans_like_plan_goal() -> None:
    goal = "click 'Sign in' then verify 'Welcome'"

    plan = await RulePlanner().plan(URL, goal)

    assert plan == plan_goal(URL, goal)
    assert plan.source == "rules"


# --- clause splitting -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("click 'A'\nclick 'B'", ["click 'A'", "click 'B'"]),
        ("click 'A'; click 'B'", ["click 'A'", "click 'B'"]),
        ("click 'A'. Click 'B'.", ["click 'A'", "Click 'B'"]),
        ("click 'A' then click 'B'", ["click 'A'", "click 'B'"]),
        ("click 'A', and then click 'B'", ["click 'A'", "click 'B'"]),
        ("1. click 'A'\n2. click 'B'", ["click 'A'", "click 'B'"]),
        ("First, click 'A'. Finally click 'B'", ["click 'A'", "click 'B'"]),
        ("verify 'Step 1. Done; then relax'", ["verify 'Step 1. Done; then relax'"]),
        ('verify "a; b. c then d"', ['verify "a; b. c then d"']),
        (
            "open https://x.example/a;b.c?q=1. Click 'B'",
            ["open https://x.example/a;b.c?q=1", "Click 'B'"],
        ),
        ("fill Email with a@b.c. Click 'Next'", ["fill Email with a@b.c", "Click 'Next'"]),
        ("click 'Don't save' then verify 'Saved'", ["click 'Don't save'", "verify 'Saved'"]),
    ],
)
def test_clauses_split_only_outside_quotes_urls_and_addresses(
    goal: str, expected: list[str]
) -> None:
    assert [clause.written() for clause in split_clauses(goal)] == expected


def test_quoted_text_is_kept_exactly_even_with_punctuation_inside() -> None:
    plan = plan_goal(URL, "verify the page shows 'Step 1. Done; then relax'; click 'A and B'")

    assert shape(plan)[1:] == [
        Step("assert_text", value="Step 1. Done; then relax"),
        Step("click", "A and B"),
    ]


def test_curly_quotes_are_quotes() -> None:
    plan = plan_goal(URL, "click \u201cSign in\u201d and verify \u2018Welcome back\u2019")

    assert shape(plan)[1:] == [Step("click", "Sign in"), Step("assert_text", value="Welcome back")]


def test_an_email_address_at_a_sentence_end_keeps_its_dots() -> None:
    plan = plan_goal(URL, "fill Email with demo@mail.example.com. Then click 'Next'")

    assert shape(plan)[1:] == [
        Step("fill", "Email", "demo@mail.example.com"),
        Step("click", "Next"),
    ]


# --- what cannot be understood ----------------------------------------------------------------


def test_an_unmapped_clause_is_reported_not_dropped() -> None:
    plan = plan_goal(URL, "click 'Sign in'. Frobnicate the widget. Verify 'Welcome'")

    assert plan.errors == ["could not understand: 'Frobnicate the widget'"]
    assert shape(plan) == [OPEN, Step("click", "Sign in"), Step("assert_text", value="Welcome")]


def test_an_unmapped_half_of_an_and_clause_is_reported_and_the_rest_planned() -> None:
    plan = plan_goal(URL, "click 'A' and frobnicate the widget and click 'B'")

    assert plan.errors == ["could not understand: 'frobnicate the widget'"]
    assert shape(plan) == [OPEN, Step("click", "A"), Step("click", "B")]


def test_every_unmapped_clause_is_reported_with_its_quotes() -> None:
    plan = plan_goal(URL, "go to /cart\nrotate 'Footer'\ndrag the slider")

    assert plan.errors == [
        "could not understand: 'rotate 'Footer''",
        "could not understand: 'drag the slider'",
    ]


def test_a_negated_title_is_planned_as_a_negated_comparison() -> None:
    plan = plan_goal(URL, "click 'Home'. The title should not contain 'Error'")

    assert plan.errors == []
    assert (plan.steps[-1].action, plan.steps[-1].value, plan.steps[-1].negate) == (
        "assert_title",
        "Error",
        True,
    )


@pytest.mark.parametrize(
    ("claim", "action"),
    [("the URL should not contain '/login'", "assert_url"),
     ("the Email field should not contain 'x'", "assert_value")],
)  # fmt: skip
def test_a_negated_comparison_sets_negate(claim: str, action: str) -> None:
    plan = plan_goal(URL, f"click 'Home'. {claim}")

    assert plan.errors == []
    assert (plan.steps[-1].action, plan.steps[-1].negate) == (action, True)


def test_a_not_that_no_phrasing_accounts_for_never_becomes_a_positive_check() -> None:
    claim = "the page should show no 'Error'"
    plan = plan_goal(URL, f"click 'Home'. {claim}")

    assert all(step.action != "assert_text" for step in plan.steps)
    assert plan.errors == [] or plan.errors == [f"could not understand: '{claim}'"]


def test_check_without_a_quoted_name_or_a_box_is_not_a_checkbox() -> None:
    plan = plan_goal(URL, "click 'Home'. Check the weather")

    assert plan.errors == ["could not understand: 'Check the weather'"]


def test_clicking_a_nameless_button_is_not_understood() -> None:
    plan = plan_goal(URL, "go to /a. click the button")

    assert plan.errors == ["could not understand: 'click the button'"]


@pytest.mark.parametrize(
    "goal",
    [
        "Frobnicate the 'Hello' widget with \"World\" please",
        "nothing here should mention 'Error'",
        "the banner says 'Sale' or 'Offer'",
        "make the world a better place",
    ],
)
def test_a_goal_with_nothing_read_is_an_error_never_a_fallback_pass(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == [f"could not understand: '{goal}'"]
    assert not any(step.action.startswith("assert_") for step in plan.steps)


# --- descriptions ---------------------------------------------------------------------------


def describe(goal: str) -> list[str]:
    return [step.description for step in plan_goal(URL, goal).steps]


@pytest.mark.parametrize(
    ("goal", "description"),
    [
        ("click the second 'Add to cart' button", "Click the second button 'Add to cart'"),
        ("click 'Sign in'", "Click 'Sign in'"),
        ("select 'Germany' from Country", "Select 'Germany' in 'Country'"),
        ("wait 1.5 seconds", "Wait 1.5 seconds"),
        ("wait until 'Loaded' appears", "Wait until 'Loaded' appears"),
        ("'Error' should not appear", "Check the page does not show 'Error'"),
        ("the page title is exactly 'Shop'", "Check the page title is 'Shop'"),
        ("the URL should contain /dashboard", "Check the URL contains '/dashboard'"),
        ("find a button labeled 'Buy'", "Check the button 'Buy' is visible"),
    ],
)
def test_each_step_describes_itself_in_words(goal: str, description: str) -> None:
    assert describe(goal)[-1] == description


def test_the_opening_step_says_which_url_it_opens() -> None:
    assert describe("click 'A'")[0] == f"Open {URL}"


def test_a_password_never_appears_in_a_description() -> None:
    plan = plan_goal(URL, "log in with username 'demo' and password 'hunter2'")

    password_step: PlanStep = plan.steps[2]
    assert password_step.value == "hunter2"
    assert all("hunter2" not in step.description for step in plan.steps)
    assert password_step.description == "Type the password into 'Password'"
