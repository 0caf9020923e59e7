"""A count of something the page does not show at all proves nothing: "there should be no
broken images" on a page where nothing is called so must not pass by counting zero."""

from __future__ import annotations

from tests.pipeline.plans import plan, step
from vigil.browser.executor import PlaywrightExecutor
from vigil.pipeline.ports import discard_events


async def test_zero_of_something_nothing_on_the_page_names_is_not_a_pass(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    for op, value in (("eq", "0"), ("lt", "3"), ("le", "1")):
        count = step("assert_count", "broken images", value).model_copy(update={"count_op": op})
        p = plan(demo_site, step("navigate", value=f"{demo_site}/patterns"), count)
        result = await executor.execute(p, discard_events)
        assert not result.success, (op, result.steps[-1].details)
        assert "cannot be checked" in result.steps[-1].details


async def test_a_count_of_what_the_page_does_show_still_passes(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    count = step("assert_count", "Delete", "1").model_copy(update={"count_op": "ge"})
    p = plan(demo_site, step("navigate", value=f"{demo_site}/patterns"), count)
    result = await executor.execute(p, discard_events)
    assert result.success, result.steps[-1].details
