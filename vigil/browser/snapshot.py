"""The start page's accessibility snapshot, for the LLM planner (vigil/agents/).

A model plans far better from what the page offers (roles and names) than from the goal
alone; Playwright's `aria_snapshot` is compact YAML of exactly that. It uses the executor's
pool, so the page is loaded the same way a run loads it.
"""

from __future__ import annotations

from playwright.async_api import Error as PlaywrightError

from vigil.browser.executor import BrowserPool
from vigil.errors import PipelineError

# A snapshot is input to a model: a page with thousands of nodes must not eat the token budget.
MAX_SNAPSHOT_CHARS = 12_000


class PageSnapshots:
    """`snapshot(url)`: open the URL in a fresh context and return its aria snapshot."""

    def __init__(self, pool: BrowserPool, *, timeout_s: float = 15.0) -> None:
        self.pool = pool
        self.timeout_ms = timeout_s * 1000

    async def snapshot(self, url: str) -> str:
        """The page's accessibility tree as YAML, cut to MAX_SNAPSHOT_CHARS.

        Raises PipelineError when the page cannot be loaded (the plan would be a guess).
        """
        async with self.pool.context() as lease:
            try:
                await lease.page.goto(url, wait_until="load", timeout=self.timeout_ms)
                text = await lease.page.locator("body").aria_snapshot(timeout=self.timeout_ms)
            except PlaywrightError as exc:
                raise PipelineError(f"could not load {url} to plan the goal: {exc}") from exc
        return text[:MAX_SNAPSHOT_CHARS]
