"""The Playwright executor: one Chromium per process, a fresh context per run (DESIGN §4).

Launching Chromium costs most of a second, so the browser is shared by every run of the
process and isolated per run by a new browser context (cookies, storage, cache). The pool
relaunches a browser that crashed or was killed, and recycles it every
`browser_recycle_runs` runs so a slow leak in a long-lived Chromium cannot accumulate.

A run during which Chromium dies raises PipelineError: that is Vigil failing (`error`), not
the site failing (`failed`), and the next run gets a fresh browser.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from playwright.async_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Playwright,
    Request,
    Response,
    async_playwright,
)
from playwright.async_api import Error as PlaywrightError

from vigil.config import Settings
from vigil.errors import BrowserUnavailable, PipelineError
from vigil.models import BrowserResult, Navigation, PlanStep, StepResult, TestPlan
from vigil.pipeline.browser_steps import Outcome, PageGone, StepEnv, perform
from vigil.pipeline.locate import Page
from vigil.pipeline.ports import EventSink

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
VIEWPORT = {"width": 1280, "height": 720}
SCREENSHOT_QUALITY = 70
# Bounded lists: a page that logs in a loop must not grow a run record without limit.
MAX_RECORDED = 50


@dataclass
class _Instance:
    """One launched Chromium and the runs using it, so a retired one closes when idle."""

    browser: Browser
    runs: int = 0
    active: int = 0
    retired: bool = False


class BrowserPool:
    """Hands out isolated browser contexts on a shared, lazily launched Chromium."""

    def __init__(self, settings: Settings) -> None:
        self._path = settings.chromium_path
        self._recycle = settings.browser_recycle_runs
        self._sem = asyncio.Semaphore(settings.concurrency)
        self._lock = asyncio.Lock()
        self._pw: Playwright | None = None
        self._current: _Instance | None = None
        self._closing: set[asyncio.Task[None]] = set()
        self.launches = 0

    def _check_binary(self) -> None:
        if not (self._path.is_file() and os.access(self._path, os.X_OK)):
            raise BrowserUnavailable(
                f"Chromium not found at {self._path}: install it with `apt-get install chromium`"
                " or set VIGIL_CHROMIUM_PATH to the browser's path"
            )

    async def _launch(self) -> _Instance:
        self._check_binary()
        if self._pw is None:
            self._pw = await async_playwright().start()
        try:
            browser = await self._pw.chromium.launch(
                executable_path=str(self._path), headless=True, args=LAUNCH_ARGS, timeout=30_000
            )
        except PlaywrightError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            raise BrowserUnavailable(
                f"Chromium at {self._path} could not start ({first}); check the binary or set "
                "VIGIL_CHROMIUM_PATH (Debian: `apt-get install chromium`)"
            ) from None
        self.launches += 1
        return _Instance(browser)

    def _retire(self, inst: _Instance) -> None:
        inst.retired = True
        if inst.active == 0:
            self._close_later(inst.browser)

    def _close_later(self, browser: Browser) -> None:
        task = asyncio.get_running_loop().create_task(self._close_browser(browser))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    @staticmethod
    async def _close_browser(browser: Browser) -> None:
        with contextlib.suppress(PlaywrightError, asyncio.TimeoutError):
            await asyncio.wait_for(browser.close(), 10)

    async def _acquire(self) -> _Instance:
        async with self._lock:
            inst = self._current
            if inst is not None and (not inst.browser.is_connected() or inst.runs >= self._recycle):
                self._retire(inst)
                inst = None
            if inst is None:
                inst = self._current = await self._launch()
            inst.runs += 1
            inst.active += 1
            return inst

    def _release(self, inst: _Instance) -> None:
        inst.active -= 1
        if inst.retired and inst.active == 0:
            self._close_later(inst.browser)

    @contextlib.asynccontextmanager
    async def context(self) -> AsyncIterator[tuple[BrowserContext, Browser]]:
        """A fresh context for one run, within the concurrency bound; always closed."""
        async with self._sem:
            inst = await self._acquire()
            ctx: BrowserContext | None = None
            try:
                ctx = await inst.browser.new_context(
                    viewport=VIEWPORT,  # type: ignore[arg-type]
                    service_workers="block",
                )
                yield ctx, inst.browser
            except PlaywrightError as exc:
                if not inst.browser.is_connected():
                    raise PipelineError(f"Chromium stopped unexpectedly: {exc}") from exc
                raise
            finally:
                if ctx is not None:
                    with contextlib.suppress(PlaywrightError, asyncio.TimeoutError):
                        await asyncio.wait_for(ctx.close(), 10)
                self._release(inst)

    async def aclose(self) -> None:
        async with self._lock:
            if self._current is not None:
                await self._close_browser(self._current.browser)
                self._current = None
            if self._closing:
                await asyncio.gather(*self._closing, return_exceptions=True)
            if self._pw is not None:
                with contextlib.suppress(Exception):
                    await self._pw.stop()
                self._pw = None


@dataclass
class _Recorder:
    """What the page did besides our steps: navigations, console errors, failed requests."""

    page: Page
    navigations: list[Navigation] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def attach(self) -> None:
        page = self.page
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_failed)
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self._add(self.console_errors, f"uncaught: {exc}"))

    @staticmethod
    def _add(items: list[str], text: str) -> None:
        if len(items) < MAX_RECORDED:
            items.append(text[:500])

    def _main_navigation(self, request: Request) -> bool:
        return request.is_navigation_request() and request.frame == self.page.main_frame

    def _on_response(self, response: Response) -> None:
        req = response.request
        if self._main_navigation(req):
            if len(self.navigations) < MAX_RECORDED:
                self.navigations.append(Navigation(url=req.url, status=response.status))
        elif response.status >= 400:
            self._add(self.failed_requests, f"{req.method} {req.url} -> HTTP {response.status}")

    def _on_failed(self, request: Request) -> None:
        if self._main_navigation(request) and len(self.navigations) < MAX_RECORDED:
            self.navigations.append(Navigation(url=request.url, status=None))
        failure = request.failure or "failed"
        self._add(self.failed_requests, f"{request.method} {request.url} -> {failure}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self._add(self.console_errors, message.text)


def _step_message(step: PlanStep, outcome: Outcome | None = None) -> str:
    head = f"Step {step.step_number}: {step.description}"
    if outcome is None:
        return head
    return f"{head} — {'passed' if outcome.passed else 'failed'}: {outcome.details}"


class PlaywrightExecutor:
    """Runs a TestPlan in a real Chromium; see the module docstring for crash semantics."""

    def __init__(self, settings: Settings, pool: BrowserPool | None = None) -> None:
        self.pool = pool or BrowserPool(settings)
        self.step_timeout_s = settings.step_timeout_s

    async def aclose(self) -> None:
        await self.pool.aclose()

    async def execute(self, plan: TestPlan, events: EventSink) -> BrowserResult:
        started = time.perf_counter()
        await events("browser_start", f"Opening {plan.url} in Chromium")
        results: list[StepResult] = []
        async with self.pool.context() as (ctx, browser):
            ctx.set_default_timeout(self.step_timeout_s * 1000)
            page = await ctx.new_page()
            recorder = _Recorder(page)
            recorder.attach()
            env = StepEnv(page, plan.url, self.step_timeout_s)
            for step in plan.steps:
                await events("step_start", _step_message(step), step_number=step.step_number)
                result = await self._step(step, env, browser)
                results.append(result)
                await events(
                    "step_complete",
                    _step_message(step, Outcome(result.passed, result.details)),
                    step_number=step.step_number,
                    passed=result.passed,
                )
                if not result.passed:
                    break  # later steps build on this one; running them would only mislead
            final_url, title = await _final_state(page)
        success = len(results) == len(plan.steps) and all(r.passed for r in results)
        duration = int((time.perf_counter() - started) * 1000)
        passed_n = sum(r.passed for r in results)
        await events(
            "browser_complete",
            f"Browser finished: {passed_n} of {len(plan.steps)} steps passed in {duration} ms",
            passed=success,
        )
        return BrowserResult(
            success=success,
            steps=results,
            final_url=final_url,
            page_title=title,
            navigations=recorder.navigations,
            console_errors=recorder.console_errors,
            failed_requests=recorder.failed_requests,
            duration_ms=duration,
        )

    async def _step(self, step: PlanStep, env: StepEnv, browser: Browser) -> StepResult:
        t0 = time.perf_counter()
        try:
            # Backstop above the per-call timeouts, for anything that ignores them.
            async with asyncio.timeout(self.step_timeout_s + 5):
                outcome = await perform(step, env)
        except TimeoutError:
            outcome = Outcome(False, f"step did not finish within {self.step_timeout_s:g} s")
        except (PageGone, PlaywrightError) as exc:
            if not browser.is_connected() or isinstance(exc, PageGone):
                raise PipelineError(
                    f"Chromium stopped during step {step.step_number} ({step.description}): "
                    "it crashed or was killed; the next run starts a new browser"
                ) from exc
            outcome = Outcome(False, f"{step.action} failed: {exc}")
        duration = int((time.perf_counter() - t0) * 1000)
        shot = await _screenshot(env.page)
        return StepResult(
            step_number=step.step_number,
            passed=outcome.passed,
            details=outcome.details,
            retry_count=outcome.retry_count,
            action=step.action,
            target=step.target,
            duration_ms=duration,
            screenshot=shot is not None,
            error=None if outcome.passed else outcome.details,
            screenshot_jpeg=shot,
        )


async def _screenshot(page: Page) -> bytes | None:
    """The viewport as JPEG; a page that cannot be captured costs the step nothing more."""
    try:
        return await page.screenshot(
            type="jpeg", quality=SCREENSHOT_QUALITY, scale="css", caret="initial", timeout=5_000
        )
    except PlaywrightError:
        return None


async def _final_state(page: Page) -> tuple[str | None, str | None]:
    try:
        return page.url, await asyncio.wait_for(page.title(), 2)
    except (PlaywrightError, TimeoutError):
        return (None if page.is_closed() else page.url), None
