"""No error on the page, said without naming it ("loads without errors", "there's no error
message"): passes where only notices of success are shown, and fails on a page showing an
error in any of the usual shapes. Before, "loads without errors" only waited for the load,
so a checkout page saying "Your card was declined" passed.
"""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

GOALS = {
    "a page with only a success notice": Goal("/notices", "the page loads without errors", True),
    "no error message on a clean page": Goal(
        "/notices", "make sure there's no error message", True
    ),
    "TRAP a page that loads but shows an error": Goal(
        "/declined", "the page loads without errors", False, 3
    ),
    "TRAP an error styled as danger": Goal("/declined", "no errors are shown", False, 2),
    "a sign-in without any error": Goal("/login", "log in as demo / demo without any error", True),
    "TRAP a refused sign-in said to have no error": Goal(
        "/login", "try to log in as demo / wrong-pw without any error", False, 5
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
