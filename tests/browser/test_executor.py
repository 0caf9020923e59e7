"""The Playwright executor against the demo site, with hand-built plans."""

from __future__ import annotations

import asyncio
import struct

from tests.pipeline.plans import plan, step
from vigil.browser.executor import PlaywrightExecutor
from vigil.models import PlanStep
from vigil.pipeline.ports import discard_events
from vigil.pipeline.scripted import EventRecorder


def jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from a JPEG's start-of-frame marker."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2 : i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    raise AssertionError("no frame header")


def login(base: str, password: str) -> list[PlanStep]:
    return [
        step("navigate", value=f"{base}/login"),
        step("fill", "Username", "demo"),
        step("fill", "Password", password),
        step("click", "Sign in", role="button"),
    ]


async def test_a_login_with_the_right_password_passes_every_step(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(demo_site, *login(demo_site, "demo"), step("assert_text", value="Welcome, demo"))
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    assert [s.step_number for s in result.steps] == [1, 2, 3, 4, 5]
    assert result.final_url == f"{demo_site}/dashboard"
    assert result.page_title == "Dashboard - Demo Shop"
    assert [(n.url, n.status) for n in result.navigations] == [
        (f"{demo_site}/login", 200),
        (f"{demo_site}/login", 303),
        (f"{demo_site}/dashboard", 200),
    ]
    assert result.duration_ms > 0
    assert all(s.duration_ms >= 0 and s.error is None for s in result.steps)


async def test_a_password_never_appears_in_step_details(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(demo_site, *login(demo_site, "hunter2-secret"))
    result = await executor.execute(p, discard_events)
    assert result.success
    assert "hunter2-secret" not in result.model_dump_json()
    assert "••••••••" in result.steps[2].details
    assert "'demo'" in result.steps[1].details  # a plain field is shown as typed


async def test_every_step_has_a_jpeg_screenshot_at_most_1280_wide(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(demo_site, step("navigate", value=demo_site), step("assert_text", value="Demo Shop"))
    result = await executor.execute(p, discard_events)
    for s in result.steps:
        assert s.screenshot and s.screenshot_jpeg
        width, height = jpeg_size(s.screenshot_jpeg)
        assert width <= 1280 and height > 0
        assert "screenshot_jpeg" not in s.model_dump_json()


async def test_events_follow_the_run_step_by_step(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    sink = EventRecorder()
    p = plan(demo_site, step("navigate", value=demo_site), step("click", "Second page"))
    await executor.execute(p, sink)
    kinds = [(t, n, ok) for t, _, n, ok in sink.events]
    assert kinds == [
        ("browser_start", None, None),
        ("step_start", 1, None),
        ("step_complete", 1, True),
        ("step_start", 2, None),
        ("step_complete", 2, True),
        ("browser_complete", None, True),
    ]
    assert "Second page" in sink.events[3][1]


async def test_a_wrong_password_fails_at_the_assertion_and_shows_what_the_page_said(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        *login(demo_site, "wrong"),
        step("assert_text", value="Welcome, demo"),
        step("click", "Log out"),
    )
    result = await executor.execute(p, discard_events)
    assert not result.success
    assert len(result.steps) == 5, "steps after the first failure are not run"
    last = result.steps[-1]
    # Decided on the login page as it stays (settled, nothing changing while looked at): one
    # look may be enough, and a fixed wait is never what fails it.
    assert not last.passed
    assert "text 'Welcome, demo' not found on the page" in last.details
    assert last.error == last.details


async def test_the_second_add_to_cart_button_is_the_one_clicked(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/products"),
        step("click", "Add to cart", role="button", nth=1),
        step("click", "Add to cart", nth=-1),
        step("assert_text", value="Cart: 2 items"),
        step("click", "Add to cart", nth=7),
    )
    result = await executor.execute(p, discard_events)
    assert [s.passed for s in result.steps] == [True, True, True, True, False]
    assert "(2nd of 4)" in result.steps[1].details
    assert "(last of 4)" in result.steps[2].details
    assert "only 4 element(s) match 'Add to cart'; the step wants the 8th" in (
        result.steps[4].details
    )


async def test_an_ambiguous_target_uses_the_first_match_and_says_so(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/products"),
        step("click", "Add to cart"),
        step("assert_text", value="Cart: 1 items"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success
    assert "4 elements match" in result.steps[1].details
    assert "used the first in document order" in result.steps[1].details


async def test_searching_hides_other_products(executor: PlaywrightExecutor, demo_site: str) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/products"),
        step("fill", "Search products", "kettle"),
        step("press", "Search products", "enter"),
        step("assert_visible", "Tea Kettle"),
        step("assert_not_visible", "Coffee Mug"),
        step("assert_value", "Search", "kettle"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    assert "pressed Enter" in result.steps[2].details


async def test_a_form_with_select_checkbox_and_radio_echoes_the_values(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/form"),
        step("fill", "Name", "Alice"),
        step("select", "Country", "japan"),
        step("check", "Subscribe to newsletter"),
        step("check", "Pro", role="radio"),
        step("assert_value", "Subscribe to newsletter", "checked"),
        step("click", "Send"),
        step("assert_text", value="Thanks, Alice! Country: Japan, Newsletter: yes, Plan: pro"),
        step("uncheck", "Subscribe to newsletter"),
        step("assert_value", "Subscribe to newsletter", "checked"),
    )
    result = await executor.execute(p, discard_events)
    assert [s.passed for s in result.steps] == [True] * 9 + [False]
    assert "unchecked" in result.steps[-1].details


async def test_selecting_a_missing_option_lists_the_options(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/form"),
        step("select", "Country", "Atlantis"),
    )
    result = await executor.execute(p, discard_events)
    assert not result.success
    assert "no option 'Atlantis' (options: Choose…, Germany, France, Japan)" in (
        result.steps[1].details
    )


async def test_content_that_appears_after_a_delay_is_found_by_retrying(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/delayed"),
        step("assert_text", value="Data loaded"),
        step("click", "Show details"),
        step("assert_visible", "Details are shown"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    assert result.steps[1].retry_count > 0
    assert result.steps[1].duration_ms >= 500


async def test_a_modal_opens_and_closes(executor: PlaywrightExecutor, demo_site: str) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/modal"),
        step("assert_not_visible", "Confirm order"),
        step("click", "Open dialog"),
        step("assert_visible", "Are you sure you want to order?"),
        step("click", "Close", role="button"),
        step("assert_not_visible", "Confirm order"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]


async def test_text_that_should_not_appear_but_does_fails(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/second"),
        step("assert_no_text", value="Error"),
        step("assert_no_text", value="second page"),
    )
    result = await executor.execute(p, discard_events)
    assert [s.passed for s in result.steps] == [True, True, False]
    assert "text 'second page' appears on the page but should not" in result.steps[2].details


async def test_a_500_page_fails_the_navigation_with_its_status(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(demo_site, step("navigate", value=f"{demo_site}/broken"))
    result = await executor.execute(p, discard_events)
    assert not result.success
    assert result.steps[0].details == f"{demo_site}/broken answered HTTP 500 Internal Server Error"
    assert result.navigations[0].status == 500


async def test_console_errors_and_failed_requests_are_recorded(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/errors"),
        step("assert_title", value="errors"),
        step("wait", value="300"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    assert "Something broke in errors.html" in result.console_errors
    assert f"GET {demo_site}/missing.png -> HTTP 404" in result.failed_requests
    assert any("refused-resource" in r and "ERR_" in r for r in result.failed_requests)


async def test_a_link_leads_to_the_second_page(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=demo_site),
        step("click", "Second page", role="link"),
        step("assert_url", value="/second"),
        step("assert_title", value="Second page"),
        step("navigate", value="/products"),
        step("assert_url", value="/checkout"),
    )
    result = await executor.execute(p, discard_events)
    assert [s.passed for s in result.steps] == [True] * 5 + [False]
    assert "expected it to contain '/checkout'" in result.steps[5].details
    assert result.final_url == f"{demo_site}/products"


async def test_a_near_miss_name_is_resolved_fuzzily_and_noted(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(demo_site, step("navigate", value=demo_site), step("click", "Login"))
    result = await executor.execute(p, discard_events)
    assert result.success
    assert "used link 'Log in'" in result.steps[1].details
    assert result.final_url == f"{demo_site}/login"


async def test_a_missing_element_names_the_closest_one(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(demo_site, step("navigate", value=f"{demo_site}/login"), step("click", "Sign up"))
    result = await executor.execute(p, discard_events)
    assert not result.success
    assert result.steps[1].details.startswith(
        "no element matching 'Sign up' — closest: button 'Sign in' (0."
    )


async def test_a_page_that_never_finishes_loading_fails_within_the_step_timeout(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(demo_site, step("navigate", value=f"{demo_site}/stuck"))
    t0 = asyncio.get_running_loop().time()
    result = await executor.execute(p, discard_events)
    assert asyncio.get_running_loop().time() - t0 < executor.step_timeout_s + 4
    assert result.steps[0].details == (
        f"{demo_site}/stuck did not finish loading within {executor.step_timeout_s:g} s"
    )


async def test_two_runs_in_parallel_are_isolated(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    logged_in = plan(demo_site, *login(demo_site, "demo"), step("assert_text", value="Welcome"))
    anonymous = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/dashboard"),
        step("assert_url", value="/login"),
    )
    a, b = await asyncio.gather(
        executor.execute(logged_in, discard_events), executor.execute(anonymous, discard_events)
    )
    assert a.success and b.success, "no cookie leaks from one run's context into another"


async def test_a_step_that_changes_nothing_reuses_the_previous_screenshot(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/products"),
        step("assert_text", value="Coffee Mug"),
        step("assert_text", value="Tea Kettle"),
        step("click", "Add to cart", nth=0),
        step("assert_text", value="Cart: 1 items"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success
    shots = [s.screenshot_jpeg for s in result.steps]
    assert all(shots)
    # Compared between two assertions: right after a page load, a fresh browser may still
    # fire a resize or focus event, which (rightly) counts as a change and forces a capture.
    assert shots[2] is shots[1], "an assertion on an unchanged page reuses the image"
    assert shots[3] != shots[2], "a click that changed the page gets a new image"


async def test_runs_one_after_another_never_share_a_context(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    logged_in = plan(demo_site, *login(demo_site, "demo"), step("assert_text", value="Welcome"))
    anonymous = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/dashboard"),
        step("assert_url", value="/login"),
    )
    assert (await executor.execute(logged_in, discard_events)).success
    assert (await executor.execute(anonymous, discard_events)).success


async def test_a_field_left_as_typed_keeps_its_screenshot_for_the_check_after_it(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/form"),
        step("fill", "Name", "Alice"),
        step("assert_value", "Name", "Alice"),
        step("assert_text", value="Country"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    shots = [s.screenshot_jpeg for s in result.steps]
    assert all(shots)
    assert shots[1] != shots[0], "typing changed the page, so the fill has its own image"
    assert shots[2] is shots[1], "the stamp read with the fill's capture allows reuse"
    assert shots[3] is shots[1], "reuse carries on while the document stays unchanged"
