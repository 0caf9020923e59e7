"""Claims about an element's state: checked or not, enabled or disabled.

A state is read from the element itself (`checked`, `disabled`, `aria-checked`,
`aria-disabled`), never from how it looks, and looked at again until the page settles: a
checkbox ticked by a click handler may change a moment after the click.
"""

from __future__ import annotations

from vigil.browser.locate import Intent
from vigil.browser.step_base import Deadline, Look, StepEnv, StepOutcome, find, retrying
from vigil.models import PlanStep


async def assert_state(step: PlanStep, env: StepEnv, dl: Deadline, state: str) -> StepOutcome:
    """`state` is "checked", "unchecked", "enabled" or "disabled"."""
    intent: Intent = "check" if state in ("checked", "unchecked") else "any"

    async def attempt(look: Look) -> StepOutcome | str:
        found = await find(step, env, intent, fuzzy=True)
        if isinstance(found, str):
            return found
        if intent == "check":
            on = await found.locator.is_checked(timeout=dl.ms())
            actual = "checked" if on else "unchecked"
        else:
            enabled = await found.locator.is_enabled(timeout=dl.ms())
            actual = "enabled" if enabled else "disabled"
        if actual == state:
            text = f"{found.how} is {actual}"
            return StepOutcome(True, f"{text} ({found.note})" if found.note else text)
        return f"{found.how} is {actual}, expected {state}"

    return await retrying(env, dl, attempt, env.retries)
