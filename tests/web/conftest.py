"""The dashboard against a live server: uvicorn on a free 127.0.0.1 port, in the test's own
event loop (so the app shares the session's Chromium pool for its runs), the test Redis, and
a second headless Chromium driving the pages as a user would.

Screenshots of each page go to a temporary folder (VIGIL_WEB_SHOTS, else a pytest temp dir),
never into the repository; the folder is printed at the end of the run."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from playwright.async_api import Browser, BrowserContext, Dialog, Page, async_playwright

from tests.conftest import TOKEN, free_port
from vigil.api.app import create_app
from vigil.browser.executor import LAUNCH_ARGS
from vigil.pipeline.pipeline import Pipeline
from vigil.services import Services


@pytest.fixture(scope="session")
def shots_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    configured = os.environ.get("VIGIL_WEB_SHOTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("web-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
async def live_server(services: Services, pipeline: Pipeline) -> AsyncIterator[str]:
    services._pipeline = pipeline  # runs use the session's shared Chromium
    config = uvicorn.Config(
        create_app(services),
        host="127.0.0.1",
        port=free_port(),
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    yield f"http://127.0.0.1:{config.port}"
    server.should_exit = True
    await asyncio.wait_for(task, timeout=10)


@pytest.fixture(scope="session")
async def ui_browser() -> AsyncIterator[Browser]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=os.environ.get("VIGIL_CHROMIUM_PATH", "/usr/bin/chromium"),
            headless=True,
            args=LAUNCH_ARGS,
        )
        yield browser
        await browser.close()


@dataclass
class UI:
    """A logged-out browser tab on the live server, recording any dialog (none should
    open: an `alert` would mean injected script ran) and console errors (a CSP violation
    shows up there)."""

    base: str
    page: Page
    shots: Path
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    async def login(self) -> None:
        await self.page.goto(f"{self.base}/?token={TOKEN}")

    async def shot(self, name: str, *, full_page: bool = True) -> None:
        await self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=full_page)


@pytest.fixture
async def ui(live_server: str, ui_browser: Browser, shots_dir: Path) -> AsyncIterator[UI]:
    context: BrowserContext = await ui_browser.new_context(viewport={"width": 1200, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(15_000)
    ui = UI(live_server, page, shots_dir)

    async def on_dialog(dialog: Dialog) -> None:
        ui.dialogs.append(dialog.message)
        await dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: ui.console_errors.append(m.text) if m.type == "error" else None)
    yield ui
    await context.close()
