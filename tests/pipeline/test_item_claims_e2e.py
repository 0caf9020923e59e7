"""Status claims on an item, "no matching" counts and editing verbs through the whole
pipeline on the demo site's orders table. Each reading has a trap proving it cannot pass
what it did not check: a Paid order is not "still Overdue", a table with rows has matching
results, a page without a Publish control or a confirmation cannot be published or confirmed.
"""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

# Sign in (3 steps after opening the page), then open the orders table: the claim is step 6.
IN = "log in as demo / demo, open the Order history. "

GOALS = {
    "an item's status is in its row": Goal("/login", IN + "INV-204 is still Overdue", True),
    "TRAP another row's status": Goal("/login", IN + "INV-201 is still Overdue", False, 6),
    "the list shows an item as a status": Goal(
        "/login", IN + "the list shows INV-201 as Paid", True
    ),
    "TRAP the list shows another status": Goal(
        "/login", IN + "the list shows INV-204 as Paid", False, 6
    ),
    "TRAP no matching results when rows are shown": Goal(
        "/login", IN + "there should be no matching orders", False, 6
    ),
    "TRAP publish without a Publish control": Goal("/login", IN + "publish it", False, 6),
    "TRAP confirm with no confirmation shown": Goal("/login", IN + "confirm", False, 6),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
