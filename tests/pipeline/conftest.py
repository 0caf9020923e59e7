"""Fixtures for pipeline tests: the demo site and one shared Chromium for the session.

Launching Chromium costs most of a second and the machine has two cores, so every test that
needs a browser shares one pool; each run still gets its own fresh context.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from tests.pipeline.plans import pipeline_settings
from tests.site.server import DemoServer
from vigil.pipeline.browser import BrowserPool, PlaywrightExecutor
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.planner import RulePlanner
from vigil.pipeline.run import Pipeline


@pytest.fixture(scope="session")
def demo_site() -> Iterator[str]:
    """Base URL of the demo site (tests/site), served from a thread for the session."""
    server = DemoServer().start()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
async def browser_pool() -> AsyncIterator[BrowserPool]:
    pool = BrowserPool(pipeline_settings())
    yield pool
    await pool.aclose()


@pytest.fixture(scope="session")
def executor(browser_pool: BrowserPool) -> PlaywrightExecutor:
    return PlaywrightExecutor(pipeline_settings(), pool=browser_pool)


@pytest.fixture(scope="session")
def pipeline(browser_pool: BrowserPool) -> Pipeline:
    """The real pipeline (rule planner, Playwright, rule evaluator) on the shared browser."""
    return Pipeline(
        RulePlanner(), PlaywrightExecutor(pipeline_settings(), pool=browser_pool), RuleEvaluator()
    )
