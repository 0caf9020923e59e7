"""Assertions and waits: steps that only look at the page, retried until they hold."""

from __future__ import annotations

import asyncio
import re

from vigil.browser.locate import closest_text
from vigil.browser.step_base import Deadline, StepEnv, StepOutcome, find, retrying, said
from vigil.models import WAIT_FOR_LOAD, PlanStep


def _contains(actual: str, wanted: str, exact: bool) -> bool:
    if exact:
        return actual.strip() == wanted.strip()
    return " ".join(wanted.split()).casefold() in " ".join(actual.split()).casefold()


async def _text_visible(env: StepEnv, step: PlanStep, text: str) -> bool:
    if step.target and step.value:
        found = await find(step, env, "any", fuzzy=False)
        if isinstance(found, str):
            return False
        return _contains(await found.locator.inner_text(), text, step.exact)
    loc = env.page.get_by_text(text, exact=step.exact).filter(visible=True)
    return await loc.count() > 0


async def assert_text(step: PlanStep, env: StepEnv, dl: Deadline, present: bool) -> StepOutcome:
    text = step.value or step.target or ""
    where = f" in '{step.target}'" if step.target and step.value else " on the page"

    async def attempt() -> StepOutcome | str:
        shown = await _text_visible(env, step, text)
        if shown == present:
            verb = "is shown" if present else "does not appear"
            return StepOutcome(True, f"text '{text}' {verb}{where}")
        if present:
            return f"text '{text}' not found{where}"
        return f"text '{text}' appears{where} but should not"

    retries = env.retries if present else 2  # something that should vanish gets a short grace
    outcome = await retrying(env, dl, attempt, retries)
    if present and not outcome.passed and "not found" in outcome.details:
        outcome.details += await closest_text(env.page, text)
    return outcome


async def assert_visible(step: PlanStep, env: StepEnv, dl: Deadline, want: bool) -> StepOutcome:
    async def attempt() -> StepOutcome | str:
        found = await find(step, env, "any", fuzzy=False)
        if want:
            return found if isinstance(found, str) else StepOutcome(True, said(found, "visible:"))
        if isinstance(found, str):
            return StepOutcome(True, f"'{step.target}' is not visible")
        return f"{found.how} is visible but should not be"

    return await retrying(env, dl, attempt, env.retries if want else 2)


async def assert_value(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    wanted = step.value or ""

    async def attempt() -> StepOutcome | str:
        found = await find(step, env, "fill")
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
            return StepOutcome(True, f"{found.how} holds '{actual}'")
        return f"{found.how} holds '{actual}', expected '{wanted}'"

    return await retrying(env, dl, attempt, env.retries)


async def assert_page(step: PlanStep, env: StepEnv, dl: Deadline, what: str) -> StepOutcome:
    wanted = step.value or step.target or ""

    async def attempt() -> StepOutcome | str:
        actual = env.page.url if what == "URL" else await env.page.title()
        if _contains(actual, wanted, step.exact):
            return StepOutcome(True, f"page {what} '{actual}' contains '{wanted}'")
        return f"page {what} is '{actual}', expected it to contain '{wanted}'"

    return await retrying(env, dl, attempt, env.retries)


# The planner writes a bare number of milliseconds ("2000"); people may add a unit.
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?)?\s*$", re.I)


async def wait(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    m = _DURATION.match(step.value or "")
    if m and not step.target:
        unit = (m.group(2) or "ms").lower()
        seconds = float(m.group(1)) / (1000 if unit.startswith("m") else 1)
        if seconds > dl.left_s():
            return StepOutcome(
                False,
                f"a wait of {seconds:g} s is longer than the step timeout ({env.timeout_s:g} s)",
            )
        await asyncio.sleep(seconds)
        return StepOutcome(True, f"waited {seconds:g} s")
    if step.target:
        return await assert_visible(step, env, dl, True)
    if step.value and step.value.strip().lower() != WAIT_FOR_LOAD:
        return await assert_text(step, env, dl, True)
    await env.page.wait_for_load_state(WAIT_FOR_LOAD, timeout=dl.ms())
    return StepOutcome(True, "page finished loading")
