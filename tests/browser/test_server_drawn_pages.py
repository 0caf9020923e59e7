"""Pages their server draws over a WebSocket (Streamlit, LiveView, Blazor): a click sends a
message and the new view arrives a moment later, with the old one on screen meanwhile. A claim
judged in that moment would be judged on the view being left — the false pass these guard."""

from __future__ import annotations

from tests.pipeline.plans import plan, step
from vigil.browser.executor import PlaywrightExecutor
from vigil.models import BrowserResult, PlanStep
from vigil.pipeline.ports import discard_events


async def run(executor: PlaywrightExecutor, base: str, *steps: PlanStep) -> BrowserResult:
    return await executor.execute(
        plan(base, step("navigate", value=f"{base}/socket"), *steps), discard_events
    )


def details(result: BrowserResult) -> list[str]:
    return [s.details for s in result.steps]


async def test_a_claim_true_only_on_the_view_being_left_fails(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        step("assert_text", value="Running low"),
        step("click", "Orders"),
        step("assert_text", value="Running low"),
    )
    assert [s.passed for s in result.steps] == [True, True, True, False], details(result)
    assert "text 'Running low' not found on the page" in result.steps[3].details


async def test_the_view_a_click_asked_the_server_for_is_judged(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        step("click", "Orders"),
        step("assert_text", value="Ava Jones"),
        step("assert_no_text", value="Running low"),
    )
    assert result.success, details(result)


async def test_a_view_the_server_never_sends_is_not_found(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor, demo_site, step("click", "Orders"), step("assert_text", value="Cleo Park")
    )
    assert [s.passed for s in result.steps] == [True, True, False], details(result)
