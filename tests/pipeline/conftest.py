"""Fixtures for pipeline tests: the demo site and one shared Chromium for the session.

Launching Chromium costs most of a second and the machine has two cores, so every test that
needs a browser shares one pool; each run still gets its own fresh context.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from tests.site.server import DemoServer
from vigil.config import Settings, load_settings
from vigil.pipeline.browser import BrowserPool, PlaywrightExecutor
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.planner import RulePlanner
from vigil.pipeline.run import Pipeline

STEP_TIMEOUT_S = 5.0


def settings(**overrides: object) -> Settings:
    """Settings independent of the machine's environment, with a short step timeout."""
    values: dict[str, object] = {"step_timeout_s": STEP_TIMEOUT_S, "concurrency": 2}
    values.update(overrides)
    return load_settings({}, **values)


@pytest.fixture(scope="session")
def demo_site() -> Iterator[str]:
    """Base URL of the demo site (tests/site), served from a thread for the session."""
    server = DemoServer().start()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
async def browser_pool() -> AsyncIterator[BrowserPool]:
    pool = BrowserPool(settings())
    yield pool
    await pool.aclose()


@pytest.fixture(scope="session")
def executor(browser_pool: BrowserPool) -> PlaywrightExecutor:
    return PlaywrightExecutor(settings(), pool=browser_pool)


@pytest.fixture(scope="session")
def pipeline(browser_pool: BrowserPool) -> Pipeline:
    """The real pipeline (rule planner, Playwright, rule evaluator) on the shared browser."""
    return Pipeline(
        RulePlanner(), PlaywrightExecutor(settings(), pool=browser_pool), RuleEvaluator()
    )
