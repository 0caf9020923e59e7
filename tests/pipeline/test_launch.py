"""A one-shot process's pipeline (`vigil run`): Chromium launched while the rest is built."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.pipeline.plans import pipeline_settings
from tests.pipeline.test_faults import chromium_browser_pids
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.errors import BrowserUnavailable, ConfigError
from vigil.services import launch_pipeline


def pool_of(executor: object) -> BrowserPool:
    assert isinstance(executor, PlaywrightExecutor)
    return executor.pool


async def test_the_run_uses_the_browser_launched_early_and_closing_leaves_none(
    demo_site: str,
) -> None:
    others = set(chromium_browser_pids())  # e.g. the session's shared browser
    pipeline = await launch_pipeline(pipeline_settings(), screenshots=False)
    try:
        _, browser_result, result = await pipeline.run_check(
            f"{demo_site}/second", "verify the page shows 'second page'"
        )
        assert result.passed, result.details
        assert [s.screenshot_jpeg for s in browser_result.steps] == [None, None]
        assert pool_of(pipeline.executor).launches == 1, "one browser: the early one"
    finally:
        await pipeline.aclose()
    assert set(chromium_browser_pids()) - others == set()


async def test_closing_while_the_early_launch_is_under_way_leaves_no_browser() -> None:
    others = set(chromium_browser_pids())
    pool = BrowserPool(pipeline_settings(), prewarm=False)
    pool.launch_soon()
    await pool.aclose()  # at once: the launch has barely started
    launching = [
        task
        for task in asyncio.all_tasks()
        if getattr(task.get_coro(), "__qualname__", "") == "BrowserPool._launch_early"
    ]
    assert launching == [], "the launch finished before aclose returned, not after"
    assert set(chromium_browser_pids()) - others == set()


async def test_a_failed_early_launch_is_reported_by_the_run_itself() -> None:
    settings = pipeline_settings(chromium_path=Path("/nonexistent/chromium"))
    pipeline = await launch_pipeline(settings)
    try:
        with pytest.raises(BrowserUnavailable, match="VIGIL_CHROMIUM_PATH"):
            await pipeline.run_check("http://127.0.0.1:9/", "the page should load")
        assert pool_of(pipeline.executor).launches == 0
    finally:
        await pipeline.aclose()


async def test_a_pipeline_that_cannot_be_built_launches_nothing() -> None:
    others = set(chromium_browser_pids())
    with pytest.raises(ConfigError, match="TINYFISH_API_KEY"):
        await launch_pipeline(pipeline_settings(executor="tinyfish"))
    assert set(chromium_browser_pids()) - others == set()
