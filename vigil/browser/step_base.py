"""What every step shares: its environment, its deadline, finding its target, and looking
again after a transient miss.

A transient miss — an element not there yet, a text not shown yet, a page mid-navigation —
is looked at again with a short backoff. A miss is final once the page has settled (see
settle.py): when the page was settled before the look and still is after it, in the same
document and without a single DOM change in between, the look saw the page as it stays; on
a page that keeps changing a little (a ticking clock), two misses in a row on a settled page
are. A broken site is reported as soon as that is clear, not after a fixed wait. The number
of extra looks goes into `retry_count`, so a check that only passes on its fourth look is
visible as flaky.

A step that acted (a click, a key press) may have started a navigation: `arrive` waits until
the page it leads to has loaded, so the next step never looks at, or clicks in, the page
being left.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from vigil.browser import grounding
from vigil.browser.locate import Intent, Match, Miss, Near, locate
from vigil.browser.scope import NoScope, Scoped, resolve_scope
from vigil.browser.settle import PageState, page_state
from vigil.models import PlanStep

# Waits between looks after a miss: cheap at first (most late content is quick), then longer.
BACKOFF_S = (0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5)

MASK = "•" * 8


class PageGone(Exception):
    """The page, its context or the browser closed under the step (crash, kill, shutdown)."""


@dataclass
class StepOutcome:
    """`unresolved`: the step failed because the element it acts on was not found (not
    because a claim was false); only such a step may be offered to a step healer."""

    passed: bool
    details: str
    retry_count: int = 0
    unresolved: bool = False


async def _nothing_pending() -> None:
    return None


def _no_failure(url: str) -> str | None:
    return None


@dataclass
class StepEnv:
    """What a step runs against. `settle` is awaited before the step changes the page (the
    executor uses it to finish the previous step's screenshot first); `crashed` is set by
    the executor when the renderer crashes. `network_failure(url)` is why the egress proxy
    could not reach that URL's host (`net::ERR_…` as Chromium would have said without a
    proxy, or the policy's `blocked: …`), or None."""

    page: Page
    base_url: str
    timeout_s: float
    retries: int = len(BACKOFF_S)
    settle: Callable[[], Awaitable[None]] = _nothing_pending
    crashed: bool = False
    secrets: frozenset[str] = frozenset()
    network_failure: Callable[[str], str | None] = _no_failure
    # The URL the step before opened, when that step was a navigate that ended there: a
    # navigate to the same URL right after it opens nothing new (see steps.perform).
    just_loaded: str | None = None


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left_s(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def ms(self) -> float:
        """Time left for one Playwright call; at least 1 ms (0 would mean 'no timeout')."""
        return max(1.0, self.left_s() * 1000)


class Look:
    """One look at the page. `state()` is the page's state (see settle.py) as it was when
    the look began: asked for before the look's own questions, answered alongside them.
    `last`: no further look follows, so a claim that waits for quiet decides now."""

    def __init__(self, page: Page, last: bool) -> None:
        self._page = page
        self.last = last
        self._state: asyncio.Future[PageState] | None = None

    async def begin(self) -> None:
        """Send the state question now, so the page answers it before anything the look
        asks (Playwright sends a call's message when its task first runs)."""
        if self._state is None:
            self._state = asyncio.ensure_future(page_state(self._page))
        await asyncio.sleep(0)

    async def state(self) -> PageState:
        if self._state is None:
            await self.begin()
        assert self._state is not None
        return await self._state

    async def settled(self) -> bool:
        return (await self.state()).settled


# An attempt returns an StepOutcome when it is final, or a reason string for a transient miss.
Attempt = Callable[[Look], Awaitable["StepOutcome | str"]]


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def check_alive(env: StepEnv) -> None:
    """Raise PageGone when the page cannot answer any more (closed, crashed, browser gone);
    decided from the page's state, never from an error's wording."""
    page = env.page
    browser = page.context.browser
    if env.crashed or page.is_closed() or (browser is not None and not browser.is_connected()):
        raise PageGone("the page closed or crashed")


async def retrying(env: StepEnv, dl: Deadline, attempt: Attempt, retries: int) -> StepOutcome:
    """Look until the attempt is final, a look missed on a page that stayed settled and
    unchanged throughout it, two looks in a row missed on a settled page, the retries are
    spent or the deadline is near."""
    tries = 0
    was_quiet = False  # the previous look missed on a settled page
    while True:
        pause = BACKOFF_S[min(tries, len(BACKOFF_S) - 1)]
        look = Look(env.page, tries >= retries or dl.left_s() < pause + 0.05)
        await look.begin()
        try:
            result = await attempt(look)
        except PlaywrightTimeout as exc:
            result = first_line(exc)
        except PlaywrightError as exc:
            check_alive(env)
            result = first_line(exc)  # e.g. the page navigated while we looked
        if isinstance(result, StepOutcome):
            result.retry_count = tries
            return result
        if look.last:
            return StepOutcome(False, result, tries)
        before = await look.state()
        state = await page_state(env.page)
        if state.unchanged_since(before) or (state.settled and was_quiet):
            # Nothing changed while a settled page was looked at, or two misses in a row on
            # a settled page: what is still to come is only a clock or a poll (see
            # settle.py), not the answer.
            return StepOutcome(False, result, tries)
        was_quiet = state.settled
        tries += 1
        await asyncio.sleep(state.next_look_s(pause))


# Pauses between asking a page that is being left whether its successor has arrived.
_ARRIVAL_POLL_S = (0.01, 0.02, 0.04, 0.08, 0.1)
# Looks at a page that does not answer (and is not being left) before it is taken as it is.
_UNANSWERED_POLLS = 10
# Polls (about 0.15 s in all) a busy page gets to start a navigation after the action.
_BUSY_POLLS = 4


async def arrive(env: StepEnv, dl: Deadline) -> str | None:
    """After a step that acted: wait for the page a navigation it started leads to, loaded.

    Playwright's click returns once a navigation it caused has committed, before that page
    has loaded, and not at all for a navigation a script starts a moment later; a step that
    looked then would look at half a page or at the page being left (and a click there
    would land on the old page's link). A page its server draws over a WebSocket has
    arrived once the replies to the message the action sent have come. Returns why the page
    did not arrive, or None.
    """
    page = env.page
    polls = 0
    while True:
        try:
            await page.wait_for_load_state("load", timeout=dl.ms())
        except PlaywrightTimeout:
            return f"the page it led to did not finish loading within {env.timeout_s:g} s"
        state = await page_state(page)
        # A server-drawn page (Streamlit, LiveView) answers the action over its socket: the
        # view on screen until the answer has come is the one being left.
        arrived = not state.leaving and state.document >= 0 and state.loaded
        # A page still busy right after the action (a timer the click armed may be about to
        # navigate) is given a few short polls to start leaving before it counts as arrived.
        if arrived and not state.awaiting_socket and (state.settled or polls >= _BUSY_POLLS):
            return None
        if state.document < 0 and polls >= _UNANSWERED_POLLS:
            # A page that cannot be asked (an error page of the browser's own) is as loaded
            # as it gets; the step's claims report what it shows.
            return None
        check_alive(env)
        if dl.left_s() <= 0:
            return f"the page it led to did not arrive within {env.timeout_s:g} s"
        await asyncio.sleep(min(_ARRIVAL_POLL_S[min(polls, len(_ARRIVAL_POLL_S) - 1)], dl.left_s()))
        polls += 1


def target_words(step: PlanStep) -> str:
    """How the details name what the step looks for."""
    if step.target:
        return f"'{step.target}'"
    if step.ground:
        return {"new_item": "the new-item input", "search": "the search box"}.get(
            step.ground, "the page"
        )
    return "the element"


async def in_scope(step: PlanStep, env: StepEnv) -> Scoped | str | None:
    """The step's scope resolved on the page now: None without a scope, a reason on a miss."""
    if step.scope is None:
        return None
    found = await resolve_scope(env.page, step.scope)
    return found.reason if isinstance(found, NoScope) else found


async def find(
    step: PlanStep,
    env: StepEnv,
    intent: Intent,
    *,
    fuzzy: bool = True,
    scoped: Scoped | None = None,
) -> Match | str:
    """The step's element: grounded by purpose (`ground`), by name (`target`), or — with a
    scope and no target — the one element of the intent's kind in that scope."""
    if scoped is None:
        where = await in_scope(step, env)
        if isinstance(where, str):
            return where
        scoped = where
    if scoped is None and step.target and intent != "any":
        in_dialog = await _in_open_dialog(step, env, intent)
        if in_dialog is not None:
            return in_dialog
    root = scoped.root if scoped is not None and scoped.anchor is None else None
    token = scoped.token if scoped is not None else ""
    near = Near(scoped.anchor, scoped.how) if scoped and scoped.anchor is not None else None
    if step.ground in ("new_item", "search") and not step.target:
        found: Match | Miss = await grounding.ground_field(
            env.page, step.ground, root if root is not None else env.page
        )
    elif not step.target:
        if scoped is None and step.role is None and intent != "check":
            raise ValueError(f"a {step.action} step needs a target")
        # "complete the last one": the element of that kind, by position or place.
        found = await grounding.by_kind(env.page, intent, step.role, step.nth, root, near)
    else:
        found = await locate(
            env.page,
            step.target,
            role=step.role,
            nth=step.nth,
            exact=step.exact,
            intent=intent,
            fuzzy=fuzzy,
            root=root,
            token=token,
            near=near,
        )
    if isinstance(found, Miss):
        return found.reason if scoped is None else f"{found.reason} ({scoped.phrase})"
    if scoped is None:
        return found
    note = "; ".join(n for n in (found.note, scoped.note) if n)
    return Match(found.locator, f"{found.how} {scoped.phrase}", note)


# An open dialog a person has to deal with before anything behind it.
_OPEN_DIALOG = (
    "dialog[open], [role=dialog]:not([aria-hidden=true]), "
    "[role=alertdialog]:not([aria-hidden=true]), [aria-modal=true]"
)


async def _in_open_dialog(step: PlanStep, env: StepEnv, intent: Intent) -> Match | None:
    """The step's target inside the topmost open dialog, when one is shown: what is behind
    a dialog cannot be used while it is open, and the dialog's own "Delete" or "Save" is
    the one meant even when the page behind has a control of the same name earlier on."""
    dialogs = env.page.locator(_OPEN_DIALOG).filter(visible=True)
    if not await dialogs.count():
        return None
    found = await locate(
        env.page,
        step.target or "",
        role=step.role,
        nth=step.nth,
        exact=step.exact,
        intent=intent,
        fuzzy=False,
        root=dialogs.last,
    )
    if isinstance(found, Miss):
        return None
    return Match(found.locator, f"{found.how} in the open dialog", found.note)


def said(match: Match, verb: str) -> str:
    text = f"{verb} {match.how}"
    return f"{text} ({match.note})" if match.note else text


def masked(text: str, secrets: frozenset[str]) -> str:
    """`text` with every secret value of the plan replaced: a credential never reaches
    details, events or logs, whichever step's words happen to quote it."""
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def secrets_of(steps: list[PlanStep]) -> frozenset[str]:
    return frozenset(s.value for s in steps if s.secret and s.value)
