"""What each acting plan action does in the page (navigate, click, fill, …), and how its
outcome is worded; assertions live in browser_checks.py, retrying in browser_step_base.py.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from urllib.parse import urljoin

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator
from playwright.async_api import TimeoutError as PlaywrightTimeout

from vigil.browser import checks
from vigil.browser.locate import Intent
from vigil.browser.step_base import (
    Deadline,
    PageGone,
    StepEnv,
    StepOutcome,
    check_alive,
    find,
    first_line,
    retrying,
    said,
)
from vigil.models import PlanStep

__all__ = ["PageGone", "StepEnv", "StepOutcome", "describe_net_error", "perform"]

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


async def _navigate(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    current = env.page.url if env.page.url.startswith("http") else env.base_url
    url = urljoin(current, (step.value or step.target or env.base_url).strip())
    await env.settle()
    try:
        response = await env.page.goto(url, wait_until="load", timeout=dl.ms())
    except PlaywrightTimeout:
        return StepOutcome(False, f"{url} did not finish loading within {env.timeout_s:g} s")
    except PlaywrightError as exc:
        check_alive(env.page, exc)
        return StepOutcome(False, f"could not load {url}: {describe_net_error(first_line(exc))}")
    if response is None:
        return StepOutcome(True, f"at {env.page.url}")
    if response.status >= 400:
        reason = f" {response.status_text}" if response.status_text else ""
        return StepOutcome(False, f"{url} answered HTTP {response.status}{reason}")
    return StepOutcome(True, f"loaded {env.page.url} (HTTP {response.status})")


# --- element actions ------------------------------------------------------------------------


async def _act(
    step: PlanStep,
    env: StepEnv,
    dl: Deadline,
    intent: Intent,
    verb: str,
    act: Callable[[Locator, float], Awaitable[str | None]],
    look: Callable[[Locator, float], Awaitable[None]] | None = None,
) -> StepOutcome:
    """Find the target, then `act` on it. `look` only reads the element (its type, its
    options), so it runs before `settle`, while the previous screenshot is still taken."""

    async def attempt() -> StepOutcome | str:
        found = await find(step, env, intent)
        if isinstance(found, str):
            return found
        try:
            if look is not None:
                await look(found.locator, dl.ms())
            await env.settle()
            problem = await act(found.locator, dl.ms())
        except PlaywrightTimeout as exc:
            return StepOutcome(
                False,
                f"found {found.how} but could not {step.action} it within "
                f"{env.timeout_s:g} s: {first_line(exc)}",
            )
        if problem:
            return StepOutcome(False, problem)
        return StepOutcome(True, said(found, verb))

    return await retrying(env, dl, attempt, env.retries)


async def _select(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    wanted = (step.value or "").strip()
    options: list[list[str]] = []

    async def look(loc: Locator, ms: float) -> None:
        nonlocal options
        options = await loc.evaluate(
            "el => el.options ? [...el.options].map(o => [o.value, o.label.trim()]) : []",
            timeout=ms,
        )

    async def act(loc: Locator, ms: float) -> str | None:
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

    return await _act(step, env, dl, "select", f"selected '{wanted}' in", act, look)


async def _fill(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    value = step.value or ""
    secret = False

    async def look(loc: Locator, ms: float) -> None:
        nonlocal secret
        kind = await loc.evaluate("el => (el.type || '').toLowerCase()", timeout=ms)
        secret = kind == "password"

    async def act(loc: Locator, ms: float) -> None:
        await loc.fill(value, timeout=ms)

    outcome = await _act(step, env, dl, "fill", "typed '\x00' into", act, look)
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


async def _press(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    key = _key(step.value or "Enter")
    if not step.target:
        await env.settle()
        await env.page.keyboard.press(key)
        return StepOutcome(True, f"pressed {key}")

    async def act(loc: Locator, ms: float) -> None:
        await loc.press(key, timeout=ms)

    return await _act(step, env, dl, "fill", f"pressed {key} in", act)


async def perform(step: PlanStep, env: StepEnv) -> StepOutcome:
    """Carry out one step. Raises PageGone when the browser went away under it."""
    dl = Deadline(env.timeout_s)
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
            return await checks.assert_text(step, env, dl, a == "assert_text")
        if a in ("assert_visible", "assert_not_visible"):
            return await checks.assert_visible(step, env, dl, a == "assert_visible")
        if a == "assert_value":
            return await checks.assert_value(step, env, dl)
        if a == "assert_url":
            return await checks.assert_page(step, env, dl, "URL")
        if a == "assert_title":
            return await checks.assert_page(step, env, dl, "title")
        if a == "wait":
            return await checks.wait(step, env, dl)
    except ValueError as exc:
        return StepOutcome(False, str(exc))
    except PlaywrightTimeout as exc:
        return StepOutcome(
            False, f"{a} did not finish within {env.timeout_s:g} s: {first_line(exc)}"
        )
    except PlaywrightError as exc:
        check_alive(env.page, exc)
        return StepOutcome(False, f"{a} failed: {first_line(exc)}")
    return StepOutcome(False, f"unknown action '{a}'")
