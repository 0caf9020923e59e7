"""Goals that name their page, through the whole pipeline on the demo site: the page is gone
to only when the browser is not already on it (so a filter applied there is kept), and the
row claims told in everyday words are checked in their rows."""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

GOALS = {
    "a named page is gone to first": Goal(
        "/", "On the Catalog page, Spelt should show a price of 4.20", True
    ),
    "a named list is counted after going there": Goal(
        "/", "the Catalog list should contain exactly 6 products", True
    ),
    "already there, a filter applied is kept": Goal(
        "/catalog",
        "filter by Category: Pastry. On the Catalog page, exactly 2 rows are shown",
        True,
    ),
    "TRAP the price is another row's": Goal(
        "/catalog", "Spelt should show a price of 9.99", False, 2, "9.99"
    ),
    "TRAP a page nobody links to is never passed": Goal(
        "/", "On the Warehouse page, 'Spelt' should not be shown", False, 2, "Warehouse"
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
