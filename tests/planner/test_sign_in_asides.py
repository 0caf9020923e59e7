"""Credentials told the way people write them in a check's goal: an aside in parentheses
("(sales / pipe-line-9)", "(teacher, chalk-dust-3)", "(login: …)"), a pair heading the goal
("auditor / ledger-44 -> Transfers: …"), a note after the claims ("User x, password y."), a
condition told after the claim ("… once sales logs in (password …)") or after a heading
("Grades check - after signing in as …"). The sign-in is done first, the claims after it; the
credentials are never a claim, a target, a typed value or part of a search.

Goals are from a CRM, a school portal and a bank's back office. Look-alikes ("Reports /
Monthly", "50 / 50", "(read/write)", "(TCP/IP)", dates, "(red, 12-pack)") are never read as
credentials.
"""

from __future__ import annotations

import pytest

from tests.planner.test_goal_language import URL, Step, shape, st
from tests.planner.test_real_app_language import signed_in
from vigil.models import TestPlan
from vigil.planner.rule_planner import plan_goal


def go(page: str, ground: str | None = None) -> Step:
    return st("click", page, ground=ground)


SALES = signed_in("sales", "pipe-line-9")
TEACHER = signed_in("teacher", "chalk-dust-3")
AUDITOR = signed_in("auditor", "ledger-44")

ASIDES = [
    # A pair in parentheses after the claim, with no word for signing in.
    (
        "The Leads list should show 'Acme Corp' (sales / pipe-line-9)",
        [*SALES, go("Leads", "page"), st("assert_text", value="Acme Corp")],
    ),
    (
        "Check 'Pending' is shown on the Approvals page (auditor/ledger-44)",
        [*AUDITOR, go("Approvals", "page"), st("assert_cell", value="Pending")],
    ),
    # A comma pair in parentheses.
    (
        "Open Contacts (sales, pipe-line-9) and check 'Ada Lovelace' is listed",
        [*SALES, go("Contacts"), st("assert_text", value="Ada Lovelace")],
    ),
    # A search told before the aside: the aside is never part of the search words.
    (
        "Search for Lee (teacher / chalk-dust-3) and check 'Mina Lee' is shown",
        [*TEACHER, st("fill", None, "Lee", ground="search"), st("assert_text", value="Mina Lee")],
    ),
    # "(login: …)" at the end of the goal.
    (
        "Open Timetable and check 'Room 12' is shown (login: teacher, chalk-dust-3)",
        [*TEACHER, go("Timetable"), st("assert_text", value="Room 12")],
    ),
    # A heading with the pair in parentheses.
    (
        "Ledger check (auditor / ledger-44): 'Balanced' is shown",
        [*AUDITOR, go("Ledger", "page"), st("assert_text", value="Balanced")],
    ),
    # A pair heading the goal, then an arrow or a colon.
    (
        "sales / pipe-line-9 -> Leads: 'Acme Corp' is shown",
        [*SALES, go("Leads", "page"), st("assert_text", value="Acme Corp")],
    ),
    (
        "sales/pipe-line-9 → Leads → 'Acme Corp' is shown",
        [*SALES, go("Leads", "page"), st("assert_text", value="Acme Corp")],
    ),
    (
        "auditor / ledger-44: on Transfers, 'TX-1042' is shown",
        [*AUDITOR, go("Transfers", "page"), st("assert_text", value="TX-1042")],
    ),
    # Two lowercase words heading the goal are a pair too: "admin / secret: …".
    (
        "clerk / counter: open Payments and check 'Cleared' is shown",
        [*signed_in("clerk", "counter"), go("Payments"), st("assert_text", value="Cleared")],
    ),
    # The sign-in told as a condition after the claim.
    (
        "The Transfers page should list 'TX-1042' once I'm signed in as auditor / ledger-44",
        [*AUDITOR, go("Transfers", "page"), st("assert_text", value="TX-1042")],
    ),
    (
        "'Term 2' should be shown on the Grades page once teacher logs in (password chalk-dust-3)",
        [*TEACHER, go("Grades", "page"), st("assert_cell", value="Term 2")],
    ),
    # A heading, then "after signing in as …" and the claim.
    (
        "Grades check - after signing in as teacher/chalk-dust-3 'Term 2' must be shown",
        [*TEACHER, go("Grades", "page"), st("assert_text", value="Term 2")],
    ),
    (
        "On Approvals, after logging in as auditor with password ledger-44, 'Pending' is shown",
        [*AUDITOR, go("Approvals", "page"), st("assert_text", value="Pending")],
    ),
    # A note after the claims.
    (
        "Timetable: 'Room 12' is shown. User teacher, password chalk-dust-3.",
        [*TEACHER, go("Timetable", "page"), st("assert_text", value="Room 12")],
    ),
    (
        "Open Payments and check 'Cleared' is shown. auditor / ledger-44",
        [*AUDITOR, go("Payments"), st("assert_text", value="Cleared")],
    ),
]


@pytest.mark.parametrize(("goal", "expected"), ASIDES)
def test_credentials_told_aside_sign_in_first(goal: str, expected: list[Step]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == []
    assert shape(plan) == expected


def _outside_the_password_field(plan: TestPlan, password: str) -> list[str]:
    """Every place a plan could show the password, except the one field it is typed into."""
    found = [
        f"{s.action} {s.target} {s.value} {s.source} {s.description} {s.kind} {s.column}"
        for s in plan.steps
        if not s.secret
    ]
    found += [f"{s.source} {s.description} {s.target}" for s in plan.steps if s.secret]
    found += plan.errors
    return [text for text in found if password in text]


@pytest.mark.parametrize(("goal", "expected"), ASIDES)
def test_credentials_are_never_a_claim_a_target_or_a_typed_value(
    goal: str, expected: list[Step]
) -> None:
    plan = plan_goal(URL, goal)
    password = next(s.value for s in expected if s.secret)
    assert password is not None
    assert _outside_the_password_field(plan, password) == []


@pytest.mark.parametrize(
    "goal",
    [
        "The Leads list should show 'Acme Corp' (sales / pipe-line-9)",
        "sales / pipe-line-9 -> Leads: 'Acme Corp' is shown",
        "'Term 2' should be shown on the Grades page once teacher logs in (password chalk-dust-3)",
        "Timetable: 'Room 12' is shown. User teacher, password chalk-dust-3.",
    ],
)
def test_the_sign_in_comes_before_every_claim(goal: str) -> None:
    actions = [s.action for s in plan_goal(URL, goal).steps]
    assert actions.index("press") < min(i for i, a in enumerate(actions) if a.startswith("assert"))


NOT_CREDENTIALS = [
    "Open Reports / Monthly and check 'March' is shown",
    "The Access column should say 'Full' (read/write)",
    "The Protocol column shows 'TCP' (TCP/IP)",
    "Pages / Journal: 'Kyoto' is listed",
    "Ratio check - the split must say 50 / 50",
    "Open Hours and check 'Desk' is shown (check-in / check-out)",
    "Basket check - 'Cola' is shown (red, 12-pack)",
    "'Lisbon' is shown (Lisbon, 2024)",
    "'Terms' is shown (optional, non-binding)",
    "Open Statements and check 'Closed' is shown (12/05/2024)",
    "Answer yes/no",
    "Open Plans. 50 / 50",
    "Open Plans. Pages / Journal",
    "'Upgrade' is shown (v1/v2)",
    "the banner should appear when a user signs in",
]


@pytest.mark.parametrize("goal", NOT_CREDENTIALS)
def test_a_slash_or_comma_in_prose_is_no_sign_in(goal: str) -> None:
    plan = plan_goal(URL, goal)
    assert not any(s.secret for s in plan.steps)
    assert not any(s.target in ("Username", "Password") for s in plan.steps)


def test_a_refusal_claimed_after_an_aside_leaves_the_outcome_to_the_claim() -> None:
    plan = plan_goal(URL, "'Invalid password' should appear (auditor / ledger-45)")
    assert shape(plan)[:3] == signed_in("auditor", "ledger-45")
    assert plan.steps[3].signs_in is False
    assert shape(plan)[3:] == [st("assert_text", value="Invalid password")]


def test_an_aside_that_is_expected_to_work_must_get_past_the_form() -> None:
    plan = plan_goal(URL, "The Leads list should show 'Acme Corp' (sales / pipe-line-9)")
    assert [s.signs_in for s in plan.steps if s.action == "press"] == [True]


@pytest.mark.parametrize(
    "goal",
    [
        "admin login, Accounts, check 'Overdue' is shown",
        "Sign in as registrar, then open Grades and check 'Term 2' is shown",
    ],
)
def test_a_sign_in_with_no_password_stays_an_error_naming_it(goal: str) -> None:
    plan = plan_goal(URL, goal)
    assert any("needs its password" in e for e in plan.errors)
    assert not any(s.secret for s in plan.steps)


def test_more_words_after_a_sign_in_told_last_are_not_guessed() -> None:
    """ "… once sales logs in (password x) frobnicates": the sign-in is not cut out of a
    sentence that goes on after it without a heading before it."""
    plan = plan_goal(
        URL, "'Acme Corp' is listed once sales logs in (password pipe-line-9) frobnicates"
    )
    assert plan.errors
