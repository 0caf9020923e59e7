"""Goals whose structure carries meaning, through the whole pipeline on the demo site: a
sign-in told last is done first, numbered steps on one line, a path through menus, a heading
naming the place, a "Label: value" claim. Each reading has a trap that must fail, never pass:
wrong credentials told last, a path to a page that does not exist, a heading naming a place
nobody links to, a value that belongs to another label."""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

GOALS = {
    "a sign-in told last is done first": Goal(
        "/login", "Verify 'You have 3 new messages' is shown. Log in as demo / demo first.", True
    ),
    "TRAP a sign-in told last with a wrong password never passes": Goal(
        "/login",
        "Verify 'You have 3 new messages' is shown. Log in as demo / wrong first.",
        False,
        5,
        "You have 3 new messages",
    ),
    "numbered steps on one line": Goal(
        "/login",
        "1. Log in as demo / demo 2. Go to Order history 3. Verify 'INV-203' is shown",
        True,
    ),
    "a path through menus": Goal(
        "/login", "Log in as demo / demo. Order history > INV-203: 'Thank you' is shown", True
    ),
    "TRAP a path to a page that is not there never passes": Goal(
        "/login",
        "Log in as demo / demo. Order history > INV-999: 'Thank you' is shown",
        False,
        6,
        "INV-999",
    ),
    "a heading names the place": Goal("/", "Catalog: 'Spelt' should be listed", True),
    "TRAP a heading naming a place nobody links to never passes": Goal(
        "/", "Warehouse: 'Spelt' should not be shown", False, 2, "Warehouse"
    ),
    "a label with its value": Goal("/employee", "Total: 420", True),
    "TRAP another label's value is not this label's": Goal(
        "/employee", "Total: 300", False, 2, "420"
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
