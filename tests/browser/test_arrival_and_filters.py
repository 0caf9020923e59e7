"""What a step does after an action that leads elsewhere, and the list widgets of admin sites:
a navigation a script starts after the click, an "Add filter" menu, a row whose name is plain
text, a sorted header whose first control is hidden — against the demo site, in Chromium."""

from __future__ import annotations

import asyncio

from tests.pipeline.plans import pipeline_settings, plan, step
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.models import BrowserResult, EventType, PlanStep
from vigil.pipeline.ports import discard_events


async def run(
    executor: PlaywrightExecutor, base: str, path: str, *steps: PlanStep
) -> BrowserResult:
    return await executor.execute(
        plan(base, step("navigate", value=f"{base}{path}"), *steps), discard_events
    )


def details(result: BrowserResult) -> list[str]:
    return [s.details for s in result.steps]


# --- a click whose navigation comes a moment later ------------------------------------------


async def test_the_step_after_a_click_looks_at_the_page_the_click_led_to(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/journey",
        step("click", "Set off"),
        step("assert_text", value="You have arrived"),
    )
    assert result.success, details(result)
    assert result.final_url == f"{demo_site}/journey/next"


async def test_a_claim_true_only_on_the_page_being_left_fails(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    """The start page says "Pack your bag"; the page the button leads to does not. Looked at
    right after the click, the old page would have passed the claim."""
    result = await run(
        executor,
        demo_site,
        "/journey",
        step("click", "Set off"),
        step("assert_text", value="Pack your bag"),
    )
    assert [s.passed for s in result.steps] == [True, True, False], details(result)
    assert "text 'Pack your bag' not found on the page" in result.steps[2].details
    assert result.final_url == f"{demo_site}/journey/next"


async def test_a_click_after_the_navigation_lands_on_the_new_pages_control(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    """Both pages have a "Continue" link; the one meant is on the page the button led to."""
    result = await run(
        executor,
        demo_site,
        "/journey",
        step("click", "Set off"),
        step("click", "Continue"),
        step("assert_text", value="The end of the journey"),
    )
    assert result.success, details(result)
    assert result.final_url == f"{demo_site}/journey/end"


async def test_text_that_appears_late_on_the_new_page_is_still_found(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/journey",
        step("click", "Set off"),
        step("assert_text", value="Late news: the road is open"),
    )
    assert result.success, details(result)
    assert result.steps[2].retry_count > 0, "the text came a second after the page loaded"


async def test_a_missing_text_on_the_new_page_still_fails_once_it_has_settled(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/journey",
        step("click", "Set off"),
        step("assert_text", value="Late news: the road is closed"),
    )
    assert not result.success
    assert "text 'Late news: the road is closed' not found" in result.steps[2].details
    # Decided once the late text was in and the page quiet: well before the retry budget
    # would have run out, and never on the start page.
    assert result.final_url == f"{demo_site}/journey/next"


async def test_a_failing_claim_on_a_settled_page_fails_at_the_first_unchanged_look(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(executor, demo_site, "/second", step("assert_visible", "Facet by this"))
    assert [s.passed for s in result.steps] == [True, False]
    assert "no element matching 'Facet by this'" in result.steps[1].details
    # One look at a page quiet and unchanged throughout it (two if it was still settling).
    assert result.steps[1].retry_count <= 1, result.steps[1]


# --- opening the same address twice -----------------------------------------------------------


async def test_opening_the_page_just_opened_does_not_load_it_again(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/second",
        step("navigate", value=f"{demo_site}/second"),
        step("assert_text", value="second page"),
    )
    assert result.success, details(result)
    assert result.steps[1].details.startswith(f"already at {demo_site}/second")
    assert [n.url for n in result.navigations] == [f"{demo_site}/second"]


async def test_opening_the_same_page_after_an_action_loads_it_again(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/journey",
        step("click", "Set off"),
        step("navigate", value=f"{demo_site}/journey"),
        step("navigate", value=f"{demo_site}/journey"),
        step("assert_text", value="Pack your bag"),
    )
    assert result.success, details(result)
    assert result.steps[2].details.startswith("loaded")
    assert result.steps[3].details.startswith("already at")


# --- an "Add filter" widget -------------------------------------------------------------------


async def test_a_filter_is_added_through_the_add_filter_menu(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/gear",
        step("select", "Category", "Cooking"),
        step("assert_text", value="Canister Stove"),
        step("assert_no_text", value="Rain Shell"),
        step("assert_count", value="3"),
    )
    assert result.success, details(result)
    said = result.steps[1].details
    assert "'Add Filter'" in said and "chose 'Category'" in said and "'Apply'" in said, said
    assert result.final_url is not None and "flt_category=Cooking" in result.final_url


async def test_a_claim_the_filter_disproves_fails(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/gear",
        step("select", "Maker", "Alpine Works"),
        step("assert_text", value="Canister Stove"),
    )
    assert [s.passed for s in result.steps] == [True, True, False], details(result)


async def test_a_filter_on_a_field_the_menu_does_not_offer_fails_and_says_so(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(executor, demo_site, "/gear", step("select", "Colour", "Red"))
    assert not result.success
    assert "no 'Colour' appeared" in result.steps[1].details, details(result)


# --- a row whose name is plain text -----------------------------------------------------------


async def test_opening_a_record_uses_its_view_link_never_its_delete_link(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/gear",
        step("click", "Canister Stove"),
        step("assert_text", value="Viewing Canister Stove"),
    )
    assert result.success, details(result)
    assert "View Record" in result.steps[1].details
    assert result.final_url == f"{demo_site}/gear/view?id=2"


# --- a sorted header with a hidden first control ----------------------------------------------


async def test_sorting_clicks_the_headers_visible_name_not_its_hidden_icon(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/gear",
        step("click", "Name", column="Name", order="descending"),
        step("assert_cell", value="Trail Shoe", nth=0),
    )
    assert result.success, details(result)
    assert result.final_url == f"{demo_site}/gear?sort=-name"


# --- the next run's browser context -----------------------------------------------------------


async def test_the_next_runs_context_is_opened_after_a_run_not_during_it(demo_site: str) -> None:
    pool = BrowserPool(pipeline_settings())
    executor = PlaywrightExecutor(pipeline_settings(), pool=pool, screenshots=False)
    spare_during: list[bool] = []

    async def sink(
        type: EventType, message: str, *, step_number: int | None = None, passed: bool | None = None
    ) -> None:
        spare_during.append(pool._spare is not None)

    try:
        p = plan(demo_site, step("navigate", value=f"{demo_site}/second"))
        first = await executor.execute(p, sink)
        assert first.success
        assert not any(spare_during), "nothing is opened beside the first run"
        for _ in range(100):  # opened once the run's context is closed, in the background
            if pool._spare is not None:
                break
            await asyncio.sleep(0.05)
        assert pool._spare is not None
        second = await executor.execute(p, discard_events)
        assert second.success
    finally:
        await pool.aclose()
