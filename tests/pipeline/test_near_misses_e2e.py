"""Near misses a claim must not pass on. Text and cell claims read words and numbers whole,
as a person does: each trap's characters sit inside another word or number on the page
("Paid" in "Unpaid", "3 results" in "13 results", "8.50" in "$28.50"). A sign-in page that
names where it leads ("Sign in to Reports") is not that place, and a sign-in the goal
expects to work must get past the sign-in form before any claim is judged. Otherwise a
claim the page contradicts would pass, the worst verdict a monitor can give. Text moved off
the page, clipped to a pixel or faded to transparent is not shown either.
"""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

GOALS = {
    "a whole word": Goal("/ledger", "check the page says 'Unpaid'", True),
    "TRAP a word inside another word": Goal("/ledger", "check the page says 'Paid'", False, 2),
    "a whole count": Goal("/ledger", "verify '13 results' is shown", True),
    "TRAP a count inside a bigger number": Goal("/ledger", "verify '3 results' is shown", False, 2),
    "TRAP an amount inside a bigger amount": Goal(
        "/ledger", "make sure the page says '18.50'", False, 2
    ),
    "TRAP the decimals of another number": Goal("/ledger", "the page shows '5 kg'", False, 2),
    "a cell by its whole value": Goal("/ledger", "INV-310's amount is $28.50", True),
    "a cell with fewer decimals written": Goal("/ledger", "INV-311's amount is 8.5", True),
    "a cell with no decimals written": Goal("/ledger", "INV-312's amount is 4", True),
    "TRAP a cell holding a bigger amount": Goal("/ledger", "INV-310's amount is 8.50", False, 2),
    "TRAP a cell holding another word": Goal(
        "/ledger", "the row for INV-310 shows 'Paid' in the State column", False, 2
    ),
    "TRAP a cell whose number has other decimals": Goal(
        "/ledger", "INV-312's amount is 4.01", False, 2
    ),
    "text a person sees": Goal("/notices", "check that 'Backup finished' is shown", True),
    "TRAP text moved off the page": Goal(
        "/notices", "verify the page says 'Refund issued'", False, 2
    ),
    "TRAP an element moved off the page": Goal(
        "/notices", "'Refund issued to Ana' should be visible", False, 2
    ),
    "TRAP text clipped to a pixel": Goal("/notices", "the page shows 'Payment failed'", False, 2),
    "TRAP a notification that faded out": Goal(
        "/notices", "a 'Settings saved' message should be shown", False, 2
    ),
    "text no one can see is not shown": Goal(
        "/notices", "'Payment failed' should not appear", True
    ),
    "a styled switch whose native box is transparent": Goal(
        "/notices", "the 'Keep me signed in' checkbox should be checked", True
    ),
    "a counter on one line with its label": Goal(
        "/notices", "the Queued count should read 7", True
    ),
    "a counter whose number comes first": Goal("/notices", "the Failed counter should be 2", True),
    "TRAP a counter's label with another number in a sentence": Goal(
        "/notices", "the Queued count should read 3", False, 2
    ),
    "a claim in brackets after a step": Goal(
        "/", "click 'Second page' (the URL should contain '/second')", True
    ),
    "TRAP a claim in brackets the page contradicts": Goal(
        "/", "click 'Second page' (the URL should contain '/third')", False, 3
    ),
    "on the sign-in page asked for": Goal("/gate", "I should be on the sign-in page", True),
    "TRAP a sign-in page naming where it leads": Goal(
        "/gate", "I should end up on the Reports page", False, 2
    ),
    "TRAP a failed sign-in then where it leads": Goal(
        "/gate",
        "sign in as ana / wrong-pw and check that the Reports page is shown",
        False,
        5,
    ),
    "a place that should load": Goal(
        "/login", "log in as demo / demo; the dashboard should load", True
    ),
    "TRAP a failed sign-in then a place that should load": Goal(
        "/login", "log in as demo / wrong-pw; the dashboard should load", False, 5
    ),
    "TRAP a refused sign-in on a page naming where it leads": Goal(
        "/gate", "log in as ana / pw-1 and verify the page says 'Reports'", False, 4
    ),
    "a sign-in that works, then a claim": Goal(
        "/login", "log in as demo / demo and verify the page says 'Welcome'", True
    ),
    "a refusal the goal checks for": Goal(
        "/login", "log in as demo / wrong-pw; the error 'Invalid username' should be shown", True
    ),
    "an attempt whose outcome the goal judges": Goal(
        "/login", "try to log in as demo / nope, then check that 'Log in' is shown", True
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
