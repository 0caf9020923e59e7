"""Whether a sign-in the goal expects to work got past the sign-in form.

A refused sign-in usually leaves the browser on a page that still names where it leads
("Welcome to Acme", "Sign in to Dashboard"), so a claim checked there can pass although the
sign-in failed. A page that still asks for a password after the submit is the sign-in form
again (or still); the step fails there, before any claim is judged on the wrong page.
"""

from __future__ import annotations

import asyncio

from vigil.browser.step_base import Deadline, StepEnv

# A redirect after a sign-in may be started by a script a moment after the page settled.
_GRACE_S = 3.0
_POLL_S = 0.25

_ASKS_FOR_PASSWORD_JS = """() => [...document.querySelectorAll('input[type=password]')]
  .some((el) => {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && !el.disabled;
  })"""


async def sign_in_refused(env: StepEnv, dl: Deadline) -> str | None:
    """None once no password field is shown; otherwise why the sign-in did not get through."""
    end = asyncio.get_running_loop().time() + min(_GRACE_S, dl.left_s())
    while True:
        if not await env.page.evaluate(_ASKS_FOR_PASSWORD_JS):
            return None
        if asyncio.get_running_loop().time() >= end:
            break
        await asyncio.sleep(_POLL_S)
    title = await env.page.title()
    return (
        f"the sign-in did not get through: the page still asks for a password "
        f"(title '{title}', {env.page.url})"
    )
