"""Per-run page instrumentation for the Playwright executor: what the page did besides our
steps (navigations, console errors, failed requests) and the screenshot after each step.

Part of the browser adapter with browser.py, hence its Playwright imports.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
from dataclasses import dataclass, field

from playwright.async_api import (
    CDPSession,
    ConsoleMessage,
    Page,
    Request,
    Response,
)
from playwright.async_api import Error as PlaywrightError

from vigil.models import Navigation, StepResult

SCREENSHOT_QUALITY = 70
# Bounded lists: a page that logs in a loop must not grow a run record without limit.
MAX_RECORDED = 50


@dataclass
class Recorder:
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


# Counts DOM changes and user-visible events per document, so a step that changed nothing
# (an assertion, a wait) can reuse the previous screenshot instead of paying for a capture.
# The time of the last change tells `settle` when the page went quiet. The executor's own
# scope marks (`data-vigil-*` attributes) are not changes of the page.
CHANGE_COUNTER_JS = """(() => {
  if (window.__vigilChanges !== undefined) return;
  window.__vigilChanges = 0;
  window.__vigilLastChange = performance.now();
  const bump = () => {
    window.__vigilChanges += 1;
    window.__vigilLastChange = performance.now();
  };
  const ours = (r) => r.type === 'attributes' && (r.attributeName || '').startsWith('data-vigil');
  new MutationObserver((records) => { if (!records.every(ours)) bump(); }).observe(document,
    {subtree: true, childList: true, attributes: true, characterData: true});
  for (const t of ['input', 'change', 'scroll', 'resize', 'focusin', 'focusout']) {
    addEventListener(t, bump, true);
  }
})();"""
_STAMP_EXPR = "[performance.timeOrigin, window.__vigilChanges ?? -1]"
_STAMP_JS = f"() => {_STAMP_EXPR}"
READ_ONLY_ACTIONS = frozenset(
    {
        "assert_text",
        "assert_no_text",
        "assert_visible",
        "assert_not_visible",
        "assert_value",
        "assert_url",
        "assert_title",
        "wait",
    }
)


class Shots:
    """The screenshot after each step, captured while the next step is still only looking.

    A capture costs tens of milliseconds on a small machine. The next step's target
    resolution and every assertion only read the page, so the capture runs alongside them;
    `settle()` is awaited before anything that changes the page and at the end of the run,
    so each image is exactly the state its step left behind. A read-only step after which
    the document has not changed at all reuses the previous image.

    The document stamp that makes reuse safe is only read when a read-only step comes next
    (`stamp=True`), and then over the same CDP session just before the capture request, so
    it costs no extra wait: the stamp never postdates the image it is stored with.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self._cdp: CDPSession | None = None
        self._opening: asyncio.Task[CDPSession] | None = None
        self._pending: asyncio.Task[None] | None = None
        self._last: tuple[object, bytes] | None = None  # (document stamp or None, image)

    def prepare(self) -> None:
        """Open the CDP session now, alongside the first step, not on the first capture."""
        if self._cdp is None and self._opening is None:
            opening = self.page.context.new_cdp_session(self.page)
            task = asyncio.get_running_loop().create_task(opening)
            task.add_done_callback(lambda t: t.cancelled() or t.exception())  # seen, not lost
            self._opening = task

    async def take(self, result: StepResult, *, read_only: bool, stamp: bool = True) -> None:
        """Start the capture for `result`; `stamp`: the next step may want to reuse it."""
        now: object = None
        if read_only and self._last is not None:
            # Read after the step and compared once the pending capture (and its stamp) is
            # in: equal stamps mean nothing changed from that image to the step's end.
            now, _ = await asyncio.gather(self._stamp(), self.settle())
            if now is not None and self._last is not None and now == self._last[0]:
                result.screenshot_jpeg, result.screenshot = self._last[1], True
                return
        await self.settle()
        # A stamp read just now (before the capture) is valid for the new image as well.
        task = self._capture(result, now, want_stamp=stamp and now is None)
        self._pending = asyncio.get_running_loop().create_task(task)

    async def settle(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            await pending

    def cancel(self) -> None:
        for task in (self._pending, self._opening):
            if task is not None:
                task.cancel()

    async def _session(self) -> CDPSession:
        """The CDP session, shared by concurrent callers while it is being opened."""
        if self._cdp is None:
            self.prepare()
            opening = self._opening
            assert opening is not None
            try:
                self._cdp = await opening
            finally:
                if self._opening is opening:
                    self._opening = None
        return self._cdp

    async def _stamp(self) -> object:
        """(time origin, change count) of the current document, or None when unknown."""
        with contextlib.suppress(PlaywrightError, TimeoutError):
            return await asyncio.wait_for(self._cdp_stamp(await self._session()), 5)
        self._cdp = None
        try:
            stamp = await asyncio.wait_for(self.page.evaluate(_STAMP_JS), 5)
        except (PlaywrightError, TimeoutError):
            return None
        return None if stamp[1] == -1 else tuple(stamp)

    async def _capture(self, result: StepResult, stamp: object, *, want_stamp: bool) -> None:
        data: bytes | None = None
        with contextlib.suppress(PlaywrightError, TimeoutError, KeyError):
            cdp = await self._session()
            if want_stamp:
                # Sent first on the same session, so the renderer reads it before it draws the
                # frame the capture waits for; both replies are then awaited together.
                stamp, data = await asyncio.wait_for(
                    asyncio.gather(self._cdp_stamp(cdp), self._cdp_grab(cdp)), 5
                )
            else:
                data = await asyncio.wait_for(self._cdp_grab(cdp), 5)
        if data is None:
            self._cdp = None  # detached by a navigation to another process, or not painted yet
            if want_stamp:
                stamp = await self._stamp()
            data = await self._fallback_grab()
        result.screenshot_jpeg = data
        result.screenshot = data is not None
        self._last = (stamp, data) if data is not None else None

    @staticmethod
    async def _cdp_stamp(cdp: CDPSession) -> object:
        reply = await cdp.send(
            "Runtime.evaluate", {"expression": _STAMP_EXPR, "returnByValue": True}
        )
        value = reply.get("result", {}).get("value")
        return None if not isinstance(value, list) or value[1] == -1 else tuple(value)

    @staticmethod
    async def _cdp_grab(cdp: CDPSession) -> bytes:
        """The viewport as JPEG over CDP: one round trip."""
        params = {"format": "jpeg", "quality": SCREENSHOT_QUALITY, "optimizeForSpeed": True}
        reply = await cdp.send("Page.captureScreenshot", params)
        return base64.b64decode(reply["data"])

    async def _fallback_grab(self) -> bytes | None:
        """Playwright's own screenshot, e.g. before the first paint. A failed capture costs
        the step nothing."""
        try:
            return await self.page.screenshot(
                type="jpeg", quality=SCREENSHOT_QUALITY, scale="css", caret="initial", timeout=5_000
            )
        except PlaywrightError:
            return None
