"""What each plan action does in the page, and how its outcome is worded.

Every step runs against a deadline (the step timeout), and a *transient* miss — an element
not there yet, a text not shown yet, a page mid-navigation — is retried with a short backoff
before the step fails. Retries are what make checks of real sites (late JavaScript, slow
XHR) stable without a fixed sleep in every goal; their count goes into `retry_count` so a
check that only passes on its fourth look is visible as flaky.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from vigil.models import PlanStep
from vigil.pipeline.locate import (
    Intent,
    Locator,
    Match,
    Miss,
    Page,
    PlaywrightError,
    PlaywrightTimeout,
    closest_text,
    locate,
)

# Waits between looks after a miss: cheap at first (most late content is quick), then longer.
BACKOFF_S = (0.1, 0.2, 0.4, 0.8, 1.5)


class PageGone(Exception):
    """The page, its context or the browser closed under the step (crash, kill, shutdown)."""


@dataclass
class Outcome:
    passed: bool
    details: str
    retry_count: int = 0


@dataclass
class StepEnv:
    page: Page
    base_url: str
    timeout_s: float
    retries: int = len(BACKOFF_S)


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left_s(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def ms(self) -> float:
        """Time left for one Playwright call; at least 1 ms (0 would mean 'no timeout')."""
        return max(1.0, self.left_s() * 1000)


# An attempt returns an Outcome when it is final, or a reason string for a transient miss.
_Attempt = Callable[[], Awaitable["Outcome | str"]]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _check_alive(page: Page, exc: BaseException) -> None:
    text = str(exc)
    if page.is_closed() or any(
        m in text
        for m in ("has been closed", "Browser closed", "Target crashed", "Connection closed")
    ):
        raise PageGone(_first_line(exc)) from exc


async def _retrying(env: StepEnv, dl: _Deadline, attempt: _Attempt, retries: int) -> Outcome:
    """Run `attempt` until it is final, the retries are spent or the deadline is near."""
    tries = 0
    while True:
        try:
            result = await attempt()
        except PlaywrightTimeout as exc:
            result = _first_line(exc)
        except PlaywrightError as exc:
            _check_alive(env.page, exc)
            result = _first_line(exc)  # e.g. the page navigated while we looked
        if isinstance(result, Outcome):
            result.retry_count = tries
            return result
        pause = BACKOFF_S[min(tries, len(BACKOFF_S) - 1)]
        if tries >= retries or dl.left_s() < pause + 0.05:
            return Outcome(False, result, tries)
        tries += 1
        await asyncio.sleep(pause)


# --- navigation -----------------------------------------------------------------------------

_NET_ERRORS = {
    "ERR_CONNECTION_REFUSED": "connection refused",
    "ERR_NAME_NOT_RESOLVED": "DNS lookup failed: host not found",
    "ERR_NAME_RESOLUTION_FAILED": "DNS lookup failed",
    "ERR_CONNECTION_RESET": "connection reset by the server",
    "ERR_CONNECTION_CLOSED": "connection closed by the server",
    "ERR_EMPTY_RESPONSE": "the server closed the connection without answering",
    "ERR_CONNECTION_TIMED_OUT": "connection timed out",
    "ERR_TIMED_OUT": "timed out",
    "ERR_ADDRESS_UNREACHABLE": "address unreachable",
    "ERR_SSL_PROTOCOL_ERROR": "TLS handshake failed (is the port speaking plain HTTP?)",
    "ERR_CERT_AUTHORITY_INVALID": "TLS certificate is not trusted",
    "ERR_CERT_COMMON_NAME_INVALID": "TLS certificate does not match the host name",
    "ERR_CERT_DATE_INVALID": "TLS certificate has expired or is not yet valid",
    "ERR_TOO_MANY_REDIRECTS": "too many redirects",
    "ERR_UNSAFE_PORT": "the browser refuses this port as unsafe",
}


def describe_net_error(message: str) -> str:
    """`net::ERR_CONNECTION_REFUSED at http://…` -> `connection refused (net::ERR_…)`."""
    m = re.search(r"net::(ERR_[A-Z_]+)", message)
    if not m:
        return message
    code = m.group(1)
    text = _NET_ERRORS.get(code)
    if text is None and code.startswith(("ERR_CERT_", "ERR_SSL_")):
        text = "TLS error"
    return f"{text} (net::{code})" if text else f"net::{code}"


async def _navigate(step: PlanStep, env: StepEnv, dl: _Deadline) -> Outcome:
    current = env.page.url if env.page.url.startswith("http") else env.base_url
    url = urljoin(current, (step.value or step.target or env.base_url).strip())
    try:
        response = await env.page.goto(url, wait_until="load", timeout=dl.ms())
    except PlaywrightTimeout:
        return Outcome(False, f"{url} did not finish loading within {env.timeout_s:g} s")
    except PlaywrightError as exc:
        _check_alive(env.page, exc)
        return Outcome(False, f"could not load {url}: {describe_net_error(_first_line(exc))}")
    if response is None:
        return Outcome(True, f"at {env.page.url}")
    if response.status >= 400:
        reason = f" {response.status_text}" if response.status_text else ""
        return Outcome(False, f"{url} answered HTTP {response.status}{reason}")
    return Outcome(True, f"loaded {env.page.url} (HTTP {response.status})")


# --- element actions ------------------------------------------------------------------------


async def _find(step: PlanStep, env: StepEnv, intent: Intent, *, fuzzy: bool = True) -> Match | str:
    if not step.target:
        raise ValueError(f"a {step.action} step needs a target")
    found = await locate(
        env.page,
        step.target,
        role=step.role,
        nth=step.nth,
        exact=step.exact,
        intent=intent,
        fuzzy=fuzzy,
    )
    return found.reason if isinstance(found, Miss) else found


def _said(match: Match, verb: str) -> str:
    text = f"{verb} {match.how}"
    return f"{text} ({match.note})" if match.note else text


async def _act(
    step: PlanStep,
    env: StepEnv,
    dl: _Deadline,
    intent: Intent,
    verb: str,
    act: Callable[[Locator, float], Awaitable[str | None]],
) -> Outcome:
    async def attempt() -> Outcome | str:
        found = await _find(step, env, intent)
        if isinstance(found, str):
            return found
        try:
            problem = await act(found.locator, dl.ms())
        except PlaywrightTimeout as exc:
            return Outcome(
                False,
                f"found {found.how} but could not {step.action} it within "
                f"{env.timeout_s:g} s: {_first_line(exc)}",
            )
        if problem:
            return Outcome(False, problem)
        return Outcome(True, _said(found, verb))

    return await _retrying(env, dl, attempt, env.retries)


async def _select(step: PlanStep, env: StepEnv, dl: _Deadline) -> Outcome:
    wanted = (step.value or "").strip()

    async def act(loc: Locator, ms: float) -> str | None:
        options: list[list[str]] = await loc.evaluate(
            "el => el.options ? [...el.options].map(o => [o.value, o.label.trim()]) : []",
            timeout=ms,
        )
        if not options:  # a custom dropdown: open it and click the option
            await loc.click(timeout=ms)
            await env.page.get_by_role("option", name=wanted).first.click(timeout=dl.ms())
            return None
        for value, label in options:
            if wanted in (value, label) or wanted.casefold() == label.casefold():
                await loc.select_option(value=value, timeout=ms)
                return None
        shown = ", ".join(label for _, label in options if label)
        return f"no option '{wanted}' (options: {shown})"

    return await _act(step, env, dl, "select", f"selected '{wanted}' in", act)


async def _fill(step: PlanStep, env: StepEnv, dl: _Deadline) -> Outcome:
    value = step.value or ""
    secret = False

    async def act(loc: Locator, ms: float) -> None:
        nonlocal secret
        kind = await loc.evaluate("el => (el.type || '').toLowerCase()", timeout=ms)
        secret = kind == "password"
        await loc.fill(value, timeout=ms)

    outcome = await _act(step, env, dl, "fill", "typed '\x00' into", act)
    # A password never reaches details, events or stored runs.
    shown = "•" * 8 if secret else value
    outcome.details = outcome.details.replace("\x00", shown)
    return outcome


def _key(value: str) -> str:
    """Accept keys the way people write them ("enter", "ctrl+a") in Playwright's spelling."""
    names = {
        "enter": "Enter",
        "return": "Enter",
        "tab": "Tab",
        "escape": "Escape",
        "esc": "Escape",
        "space": "Space",
        "backspace": "Backspace",
        "delete": "Delete",
        "ctrl": "Control",
        "control": "Control",
        "shift": "Shift",
        "alt": "Alt",
        "cmd": "Meta",
        "meta": "Meta",
        "up": "ArrowUp",
        "down": "ArrowDown",
        "left": "ArrowLeft",
        "right": "ArrowRight",
        "home": "Home",
        "end": "End",
        "pageup": "PageUp",
        "pagedown": "PageDown",
    }
    parts = [p.strip() for p in value.strip().split("+")]
    return "+".join(
        names.get(p.lower(), p if len(p) == 1 else p[:1].upper() + p[1:]) for p in parts
    )


async def _press(step: PlanStep, env: StepEnv, dl: _Deadline) -> Outcome:
    key = _key(step.value or "Enter")
    if not step.target:
        await env.page.keyboard.press(key)
        return Outcome(True, f"pressed {key}")

    async def act(loc: Locator, ms: float) -> None:
        await loc.press(key, timeout=ms)

    return await _act(step, env, dl, "fill", f"pressed {key} in", act)


# --- assertions -----------------------------------------------------------------------------


def _contains(actual: str, wanted: str, exact: bool) -> bool:
    if exact:
        return actual.strip() == wanted.strip()
    return " ".join(wanted.split()).casefold() in " ".join(actual.split()).casefold()


async def _text_visible(env: StepEnv, step: PlanStep, text: str) -> bool:
    if step.target and step.value:
        found = await _find(step, env, "any", fuzzy=False)
        if isinstance(found, str):
            return False
        return _contains(await found.locator.inner_text(), text, step.exact)
    loc = env.page.get_by_text(text, exact=step.exact).filter(visible=True)
    return await loc.count() > 0


async def _assert_text(step: PlanStep, env: StepEnv, dl: _Deadline, present: bool) -> Outcome:
    text = step.value or step.target or ""
    where = f" in '{step.target}'" if step.target and step.value else " on the page"

    async def attempt() -> Outcome | str:
        shown = await _text_visible(env, step, text)
        if shown == present:
            verb = "is shown" if present else "does not appear"
            return Outcome(True, f"text '{text}' {verb}{where}")
        if present:
            return f"text '{text}' not found{where}"
        return f"text '{text}' appears{where} but should not"

    retries = env.retries if present else 2  # something that should vanish gets a short grace
    outcome = await _retrying(env, dl, attempt, retries)
    if present and not outcome.passed and "not found" in outcome.details:
        outcome.details += await closest_text(env.page, text)
    return outcome


async def _assert_visible(step: PlanStep, env: StepEnv, dl: _Deadline, want: bool) -> Outcome:
    async def attempt() -> Outcome | str:
        found = await _find(step, env, "any", fuzzy=False)
        if want:
            return found if isinstance(found, str) else Outcome(True, _said(found, "visible:"))
        if isinstance(found, str):
            return Outcome(True, f"'{step.target}' is not visible")
        return f"{found.how} is visible but should not be"

    return await _retrying(env, dl, attempt, env.retries if want else 2)


async def _assert_value(step: PlanStep, env: StepEnv, dl: _Deadline) -> Outcome:
    wanted = step.value or ""

    async def attempt() -> Outcome | str:
        found = await _find(step, env, "fill")
        if isinstance(found, str):
            return found
        kind = await found.locator.evaluate("el => (el.type || '').toLowerCase()", timeout=dl.ms())
        if kind in ("checkbox", "radio"):
            checked = await found.locator.is_checked(timeout=dl.ms())
            want_on = wanted.strip().lower() in ("checked", "true", "on", "yes", "selected")
            actual = "checked" if checked else "unchecked"
            ok = checked == want_on
        else:
            actual = await found.locator.input_value(timeout=dl.ms())
            ok = _contains(actual, wanted, step.exact)
        if ok:
            return Outcome(True, f"{found.how} holds '{actual}'")
        return f"{found.how} holds '{actual}', expected '{wanted}'"

    return await _retrying(env, dl, attempt, env.retries)


async def _assert_page(step: PlanStep, env: StepEnv, dl: _Deadline, what: str) -> Outcome:
    wanted = step.value or step.target or ""

    async def attempt() -> Outcome | str:
        actual = env.page.url if what == "URL" else await env.page.title()
        if _contains(actual, wanted, step.exact):
            return Outcome(True, f"page {what} '{actual}' contains '{wanted}'")
        return f"page {what} is '{actual}', expected it to contain '{wanted}'"

    return await _retrying(env, dl, attempt, env.retries)


# The planner writes a bare number of milliseconds ("2000"); people may add a unit.
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?)?\s*$", re.I)


async def _wait(step: PlanStep, env: StepEnv, dl: _Deadline) -> Outcome:
    m = _DURATION.match(step.value or "")
    if m and not step.target:
        unit = (m.group(2) or "ms").lower()
        seconds = float(m.group(1)) / (1000 if unit.startswith("m") else 1)
        if seconds > dl.left_s():
            return Outcome(
                False,
                f"a wait of {seconds:g} s is longer than the step timeout ({env.timeout_s:g} s)",
            )
        await asyncio.sleep(seconds)
        return Outcome(True, f"waited {seconds:g} s")
    if step.target:
        return await _assert_visible(step, env, dl, True)
    if step.value and step.value.strip().lower() != "load":
        return await _assert_text(step, env, dl, True)
    await env.page.wait_for_load_state("load", timeout=dl.ms())
    return Outcome(True, "page finished loading")


async def perform(step: PlanStep, env: StepEnv) -> Outcome:
    """Carry out one step. Raises PageGone when the browser went away under it."""
    dl = _Deadline(env.timeout_s)
    a = step.action
    try:
        if a == "navigate":
            return await _navigate(step, env, dl)
        if a == "click":
            return await _act(
                step, env, dl, "click", "clicked", lambda loc, ms: loc.click(timeout=ms)
            )
        if a == "hover":
            return await _act(
                step, env, dl, "click", "hovered", lambda loc, ms: loc.hover(timeout=ms)
            )
        if a == "fill":
            return await _fill(step, env, dl)
        if a in ("check", "uncheck"):
            verb = "checked" if a == "check" else "unchecked"
            return await _act(
                step,
                env,
                dl,
                "check",
                verb,
                lambda loc, ms: loc.set_checked(a == "check", timeout=ms),
            )
        if a == "select":
            return await _select(step, env, dl)
        if a == "press":
            return await _press(step, env, dl)
        if a in ("assert_text", "assert_no_text"):
            return await _assert_text(step, env, dl, a == "assert_text")
        if a in ("assert_visible", "assert_not_visible"):
            return await _assert_visible(step, env, dl, a == "assert_visible")
        if a == "assert_value":
            return await _assert_value(step, env, dl)
        if a == "assert_url":
            return await _assert_page(step, env, dl, "URL")
        if a == "assert_title":
            return await _assert_page(step, env, dl, "title")
        if a == "wait":
            return await _wait(step, env, dl)
    except ValueError as exc:
        return Outcome(False, str(exc))
    except PlaywrightTimeout as exc:
        return Outcome(False, f"{a} did not finish within {env.timeout_s:g} s: {_first_line(exc)}")
    except PlaywrightError as exc:
        _check_alive(env.page, exc)
        return Outcome(False, f"{a} failed: {_first_line(exc)}")
    return Outcome(False, f"unknown action '{a}'")
