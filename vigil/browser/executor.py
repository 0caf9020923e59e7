"""The Playwright executor: one Chromium per process, a fresh context per run (DESIGN §4).

Launching Chromium costs most of a second, so the browser is shared by every run of the
process and isolated per run by a new browser context (cookies, storage, cache). The pool
relaunches a browser that crashed or was killed, and recycles it every
`browser_recycle_runs` runs so a slow leak in a long-lived Chromium cannot accumulate.

A run during which Chromium dies raises PipelineError: that is Vigil failing (`error`), not
the site failing (`failed`), and the next run gets a fresh browser.

Every context reaches the network only through its own egress proxy (vigil/egress/proxy.py),
which judges every request of the run against the egress policy. A request it refused fails
the step during which it happened, with the proxy's "blocked: …" reason: a page that reaches
for a refused address is either misconfigured or hostile, and reporting it as passing would
hide that.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlsplit

from playwright.async_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    async_playwright,
)
from playwright.async_api import Error as PlaywrightError

from vigil.browser.healing import Healing
from vigil.browser.notices import NOTICES_JS
from vigil.browser.recorder import CHANGE_COUNTER_JS, READ_ONLY_ACTIONS, Recorder, Shots
from vigil.browser.settle import ACTIVITY_JS
from vigil.browser.step_base import masked, secrets_of
from vigil.browser.steps import PageGone, StepEnv, StepOutcome, perform
from vigil.config import Settings
from vigil.egress.policy import Egress
from vigil.egress.proxy import EgressProxy
from vigil.errors import BrowserUnavailable, PipelineError
from vigil.models import BrowserResult, Heal, PlanStep, StepResult, TestPlan
from vigil.pipeline.ports import EventSink, StepHealer

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    # WebRTC could send UDP straight to any address, past the egress proxy: UDP only through a
    # proxy (an HTTP proxy carries none), so it cannot.
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
]
VIEWPORT = {"width": 1280, "height": 720}


@dataclass
class _Instance:
    """One launched Chromium and the runs using it, so a retired one closes when idle."""

    browser: Browser
    runs: int = 0
    active: int = 0
    retired: bool = False


@dataclass
class _Opened:
    """A browser context with its page and the egress proxy all its requests go through."""

    context: BrowserContext
    page: Page
    proxy: EgressProxy

    async def close(self) -> None:
        try:
            with contextlib.suppress(PlaywrightError, asyncio.TimeoutError):
                await asyncio.wait_for(self.context.close(), 10)
        finally:
            await self.proxy.aclose()


@dataclass
class Lease:
    """One run's fresh browser context, its page, the browser they live in, and the egress
    proxy that saw (and judged) every request of the run."""

    context: BrowserContext
    page: Page
    browser: Browser
    proxy: EgressProxy


class BrowserPool:
    """Hands out isolated browser contexts on a shared, lazily launched Chromium.

    With `prewarm`, the context and page for the next run are opened in the background once
    a run is over (opening them is a fifth of a short check's time), in the pause between
    checks rather than beside a run, where on a small machine it would slow that run's pages
    down; each is still used by exactly one run and closed after it. The pool's first run
    opens its own. A one-shot process (`vigil run`) turns it off.
    """

    def __init__(
        self, settings: Settings, *, prewarm: bool = True, egress: Egress | None = None
    ) -> None:
        self._prewarm = prewarm
        self.egress = egress or Egress(block_private=settings.block_private_networks)
        self._spare: tuple[_Instance, asyncio.Task[_Opened]] | None = None
        self._path = settings.chromium_path
        self._recycle = settings.browser_recycle_runs
        self._sem = asyncio.Semaphore(settings.concurrency)
        self._lock = asyncio.Lock()
        self._pw: Playwright | None = None
        self._current: _Instance | None = None
        self._closing: set[asyncio.Task[None]] = set()
        self._finishing: set[asyncio.Task[None]] = set()  # run contexts being closed
        self._early: asyncio.Task[None] | None = None
        self.launches = 0

    def launch_soon(self) -> None:
        """Start launching Chromium now, in the background, for a process that will run a
        check next (`vigil run`): Playwright's driver and the browser take most of a second to
        start, and that can overlap importing and planning instead of following them.

        A launch that fails here is dropped: the run's own launch tries again and reports it.
        """
        if self._early is None:
            self._early = asyncio.get_running_loop().create_task(self._launch_early())

    async def _launch_early(self) -> None:
        async with self._lock:
            if self._current is None:
                with contextlib.suppress(Exception):
                    self._current = await self._launch()

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

    async def _open(self, browser: Browser) -> _Opened:
        proxy = EgressProxy(self.egress)
        server = await proxy.start()
        try:
            # Playwright adds `<-loopback>` to the bypass list, so loopback goes through the
            # proxy too. There is no fallback to a direct connection: with the proxy gone,
            # requests fail.
            ctx = await browser.new_context(
                viewport=VIEWPORT,  # type: ignore[arg-type]
                service_workers="block",
                proxy={"server": server},
            )
        except BaseException:
            proxy.close()
            raise
        try:
            # Part of opening, so a pre-opened context has it ready before its run starts.
            await ctx.add_init_script(script=CHANGE_COUNTER_JS)
            await ctx.add_init_script(script=ACTIVITY_JS)
            await ctx.add_init_script(script=NOTICES_JS)
            return _Opened(ctx, await ctx.new_page(), proxy)
        except PlaywrightError:
            with contextlib.suppress(PlaywrightError, TimeoutError):
                await asyncio.wait_for(ctx.close(), 5)
            await proxy.aclose()
            raise
        except BaseException:  # cancelled (e.g. a dropped spare): the context goes with it
            proxy.close()
            raise

    async def _take_spare(self, inst: _Instance) -> _Opened | None:
        """The pre-opened context, if it belongs to `inst` and survived; else None.

        A spare of a browser that died is dropped without being awaited: Playwright calls
        on a killed browser can stay pending forever.
        """
        spare, self._spare = self._spare, None
        if spare is None:
            return None
        owner, task = spare
        if owner is not inst or not inst.browser.is_connected():
            task.cancel()
            task.add_done_callback(_close_spare_proxy)
            return None
        try:
            opened = await asyncio.wait_for(task, 10)
        except (PlaywrightError, TimeoutError):
            return None
        if inst.browser.is_connected() and not opened.page.is_closed():
            return opened
        await opened.close()
        return None

    def _make_spare(self, inst: _Instance) -> None:
        if self._prewarm and self._spare is None and inst.runs < self._recycle:
            task = asyncio.get_running_loop().create_task(self._open(inst.browser))
            self._spare = (inst, task)

    @contextlib.asynccontextmanager
    async def context(self) -> AsyncIterator[Lease]:
        """A fresh context for one run, within the concurrency bound; always closed.

        The close happens after the run has its result, in the background: the run's slot in
        the concurrency bound is only freed once the context is gone, so the bound still
        holds, but nobody waits for Chromium to tear the context down.
        """
        await self._sem.acquire()
        inst: _Instance | None = None
        opened: _Opened | None = None
        try:
            inst = await self._acquire()
            opened = await self._take_spare(inst) or await self._open(inst.browser)
            yield Lease(opened.context, opened.page, inst.browser, opened.proxy)
        except PlaywrightError as exc:
            if inst is not None and not inst.browser.is_connected():
                raise PipelineError(f"Chromium stopped unexpectedly: {exc}") from exc
            raise
        finally:
            self._finish_later(inst, opened)

    def _finish_later(self, inst: _Instance | None, opened: _Opened | None) -> None:
        task = asyncio.get_running_loop().create_task(self._finish(inst, opened))
        self._finishing.add(task)
        task.add_done_callback(self._finishing.discard)

    async def _finish(self, inst: _Instance | None, opened: _Opened | None) -> None:
        """Close a run's context, then give its browser use and concurrency slot back and
        open the next run's context while the scheduler is between checks."""
        try:
            if opened is not None:
                await opened.close()
        finally:
            if inst is not None:
                self._release(inst)
            self._sem.release()
        if inst is not None and not inst.retired and inst.browser.is_connected():
            self._make_spare(inst)

    async def aclose(self) -> None:
        # An early launch still under way finishes first, so its browser is closed below
        # rather than left running.
        early, self._early = self._early, None
        if early is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await early
        async with self._lock:
            if self._finishing:
                await asyncio.gather(*self._finishing, return_exceptions=True)
            spare, self._spare = self._spare, None
            if spare is not None:
                spare[1].cancel()
                with contextlib.suppress(PlaywrightError, asyncio.CancelledError, TimeoutError):
                    await (await asyncio.wait_for(spare[1], 5)).proxy.aclose()
            if self._current is not None:
                await self._close_browser(self._current.browser)
                self._current = None
            if self._closing:
                await asyncio.gather(*self._closing, return_exceptions=True)
            if self._pw is not None:
                with contextlib.suppress(Exception):
                    await self._pw.stop()
                self._pw = None


def _close_spare_proxy(task: asyncio.Task[_Opened]) -> None:
    """A dropped spare of a dead browser: its context went with the browser, its proxy's
    socket has to be closed here."""
    if not task.cancelled() and task.exception() is None:
        task.result().proxy.close()


def _step_message(
    step: PlanStep, secrets: frozenset[str], outcome: StepOutcome | None = None
) -> str:
    """The event text for a step; secret values are masked even if the plan's description
    quoted them."""
    head = f"Step {step.step_number}: {step.description}"
    if outcome is not None:
        head = f"{head} — {'passed' if outcome.passed else 'failed'}: {outcome.details}"
    return masked(head, secrets)


class PlaywrightExecutor:
    """Runs a TestPlan in a real Chromium; see the module docstring for crash semantics.

    With a `healer` (LLM mode), a step whose element is not found is offered to it, at most
    `settings.llm_max_heals` times per run (see healing.py); claims are never offered.
    """

    def __init__(
        self,
        settings: Settings,
        pool: BrowserPool | None = None,
        *,
        screenshots: bool = True,
        healer: StepHealer | None = None,
    ) -> None:
        self.pool = pool or BrowserPool(settings)
        self.step_timeout_s = settings.step_timeout_s
        self.screenshots = screenshots
        self.healer = healer
        self.max_heals = settings.llm_max_heals

    async def aclose(self) -> None:
        await self.pool.aclose()

    async def execute(self, plan: TestPlan, events: EventSink) -> BrowserResult:
        started = time.perf_counter()
        await events("browser_start", f"Opening {plan.url} in Chromium")
        results: list[StepResult] = []
        async with self.pool.context() as lease:
            ctx, page, browser = lease.context, lease.page, lease.browser
            ctx.set_default_timeout(self.step_timeout_s * 1000)
            recorder = Recorder(page)
            recorder.attach()
            shots = Shots(page)
            if self.screenshots:
                shots.prepare()
            secrets = secrets_of(plan.steps)
            env = StepEnv(
                page,
                plan.url,
                self.step_timeout_s,
                settle=shots.settle,
                secrets=secrets,
                network_failure=partial(_network_failure, lease.proxy),
            )
            seen = 0  # refusals of the proxy already charged to a step
            healing = (
                Healing(self.healer, plan.goal, self.max_heals, secrets)
                if self.healer is not None
                else None
            )

            def crashed(_: Page) -> None:
                env.crashed = True

            page.on("crash", crashed)
            try:
                for i, step in enumerate(plan.steps):
                    await events(
                        "step_start", _step_message(step, secrets), step_number=step.step_number
                    )
                    result = await self._step(step, env, browser, healing)
                    result, seen = _charge_refusals(result, lease.proxy, seen)
                    if self.screenshots:
                        await shots.take(
                            result,
                            read_only=step.action in READ_ONLY_ACTIONS,
                            stamp=_reads_next(plan.steps, i),
                        )
                    results.append(result)
                    await events(
                        "step_complete",
                        _step_message(step, secrets, StepOutcome(result.passed, result.details)),
                        step_number=step.step_number,
                        passed=result.passed,
                    )
                    if not result.passed:
                        break  # later steps build on this one; running them would mislead
                # The title is read while the last screenshot is still being captured.
                (final_url, title), _ = await asyncio.gather(_final_state(page), shots.settle())
                if results:  # a request refused after the last step still fails the run
                    results[-1], seen = _charge_refusals(results[-1], lease.proxy, seen)
            finally:
                shots.cancel()
        success = len(results) == len(plan.steps) and all(r.passed for r in results)
        duration = int((time.perf_counter() - started) * 1000)
        passed_n = sum(r.passed for r in results)
        await events(
            "browser_complete",
            f"Browser finished: {passed_n} of {len(plan.steps)} steps passed in {duration} ms",
            passed=success,
        )
        # A form sent with GET puts the password in the address: every URL and page text the
        # result carries is masked like the steps' details.
        return BrowserResult(
            success=success,
            steps=results,
            final_url=masked(final_url, secrets) if final_url else final_url,
            page_title=masked(title, secrets) if title else title,
            navigations=[
                n.model_copy(update={"url": masked(n.url, secrets)}) for n in recorder.navigations
            ],
            console_errors=[masked(c, secrets) for c in recorder.console_errors],
            failed_requests=[masked(r, secrets) for r in recorder.failed_requests],
            duration_ms=duration,
            heals=healing.heals if healing is not None else [],
        )

    async def _step(
        self, step: PlanStep, env: StepEnv, browser: Browser, healing: Healing | None
    ) -> StepResult:
        t0 = time.perf_counter()
        outcome = await self._perform(step, env, browser)
        heal: Heal | None = None
        if healing is not None and outcome.unresolved:
            # Outside the step's backstop: a model call may take longer than a step; the
            # whole-run timeout still bounds it.
            outcome, heal = await healing.repair(
                step, outcome, env.page, lambda s: self._perform(s, env, browser)
            )
        duration = int((time.perf_counter() - t0) * 1000)
        return StepResult(
            step_number=step.step_number,
            passed=outcome.passed,
            details=outcome.details,
            retry_count=outcome.retry_count,
            action=heal.step.action if heal and heal.step else step.action,
            target=heal.step.target if heal and heal.step else step.target,
            duration_ms=duration,
            error=None if outcome.passed else outcome.details,
            healed=heal is not None,
            healed_from=heal.before if heal else None,
        )

    async def _perform(self, step: PlanStep, env: StepEnv, browser: Browser) -> StepOutcome:
        try:
            # Backstop above the per-call timeouts, for anything that ignores them.
            async with asyncio.timeout(self.step_timeout_s + 5):
                outcome = await perform(step, env)
        except TimeoutError:
            outcome = StepOutcome(False, f"step did not finish within {self.step_timeout_s:g} s")
        except (PageGone, PlaywrightError) as exc:
            if not browser.is_connected() or isinstance(exc, PageGone):
                raise PipelineError(
                    f"Chromium stopped during step {step.step_number} ({step.description}): "
                    "it crashed or was killed; the next run starts a new browser"
                ) from exc
            outcome = StepOutcome(False, f"{step.action} failed: {exc}")
        return outcome


def _network_failure(proxy: EgressProxy, url: str) -> str | None:
    """Why the proxy could not reach `url`'s host, in the words a direct connection's error
    would have had (so a refused connection still says "connection refused")."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return None
    failure = proxy.failure_for(parts.hostname or "", port)
    if failure is None:
        return None
    return str(failure.refused) if failure.refused else f"net::{failure.code}"


def _charge_refusals(result: StepResult, proxy: EgressProxy, seen: int) -> tuple[StepResult, int]:
    """Fail `result` for the requests the egress proxy refused since the last step.

    Whatever asked for it (the document, a redirect, an image, a fetch, a WebSocket), the
    page reached for an address Vigil must not contact; nothing was sent there, and the
    step says so in the policy's words ("blocked: … is a cloud metadata address").
    """
    fresh = proxy.refusals[seen:]
    if not fresh:
        return result, seen
    reasons = list(dict.fromkeys(str(r) for r in fresh))
    blocked = "; ".join(reasons)
    if blocked in result.details:
        details = result.details
    elif result.passed:
        details = f"{blocked} (a request made by the page during this step; nothing was sent)"
    else:
        details = f"{blocked}; {result.details}"
    changed = result.model_copy(update={"passed": False, "details": details, "error": details})
    return changed, len(proxy.refusals)


def _reads_next(steps: list[PlanStep], i: int) -> bool:
    """Whether the step after `steps[i]` only looks, so it may reuse step i's screenshot."""
    return i + 1 < len(steps) and steps[i + 1].action in READ_ONLY_ACTIONS


async def _final_state(page: Page) -> tuple[str | None, str | None]:
    try:
        return page.url, await asyncio.wait_for(page.title(), 2)
    except (PlaywrightError, TimeoutError):
        return (None if page.is_closed() else page.url), None
