"""Goals that name their page, through the whole pipeline on the demo site: the page is gone
to only when the browser is not already on it (so a filter applied there is kept), and the
row claims told in everyday words are checked in their rows."""

from __future__ import annotations

import pytest

from tests.pipeline.test_goals_e2e import Goal
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
    g = GOALS[name]
    plan, browser, result = await pipeline.run_check(demo_site + g.path, g.goal)
    steps = [(s.step_number, s.passed, s.details) for s in browser.steps]
    assert not plan.errors
    assert result.passed is g.passes, steps
    if g.passes:
        assert result.steps_passed == result.steps_total == plan.total_steps
        return
    failed = [s for s in browser.steps if not s.passed]
    assert failed[0].step_number == g.failed_step, steps
    assert g.reason in failed[0].details, failed[0].details
