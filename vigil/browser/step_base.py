"""What every step shares: its environment, its deadline, and retrying a transient miss.

A transient miss — an element not there yet, a text not shown yet, a page mid-navigation —
is retried with a short backoff before the step fails. Retries are what make checks of real
sites (late JavaScript, slow XHR) stable without a fixed sleep in every goal; their count
goes into `retry_count` so a check that only passes on its fourth look is visible as flaky.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from vigil.browser.locate import Intent, Match, Miss, locate
from vigil.models import PlanStep

# Waits between looks after a miss: cheap at first (most late content is quick), then longer.
BACKOFF_S = (0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5)


class PageGone(Exception):
    """The page, its context or the browser closed under the step (crash, kill, shutdown)."""


@dataclass
class StepOutcome:
    passed: bool
    details: str
    retry_count: int = 0


async def _nothing_pending() -> None:
    return None


@dataclass
class StepEnv:
    """What a step runs against. `settle` is awaited before the step changes the page (the
    executor uses it to finish the previous step's screenshot first)."""

    page: Page
    base_url: str
    timeout_s: float
    retries: int = len(BACKOFF_S)
    settle: Callable[[], Awaitable[None]] = _nothing_pending


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left_s(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def ms(self) -> float:
        """Time left for one Playwright call; at least 1 ms (0 would mean 'no timeout')."""
        return max(1.0, self.left_s() * 1000)


# An attempt returns a StepOutcome when it is final, or a reason string for a transient miss.
Attempt = Callable[[], Awaitable["StepOutcome | str"]]


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def check_alive(page: Page, exc: BaseException) -> None:
    text = str(exc)
    if page.is_closed() or any(
        m in text
        for m in ("has been closed", "Browser closed", "Target crashed", "Connection closed")
    ):
        raise PageGone(first_line(exc)) from exc


async def retrying(env: StepEnv, dl: Deadline, attempt: Attempt, retries: int) -> StepOutcome:
    """Run `attempt` until it is final, the retries are spent or the deadline is near."""
    tries = 0
    while True:
        try:
            result = await attempt()
        except PlaywrightTimeout as exc:
            result = first_line(exc)
        except PlaywrightError as exc:
            check_alive(env.page, exc)
            result = first_line(exc)  # e.g. the page navigated while we looked
        if isinstance(result, StepOutcome):
            result.retry_count = tries
            return result
        pause = BACKOFF_S[min(tries, len(BACKOFF_S) - 1)]
        if tries >= retries or dl.left_s() < pause + 0.05:
            return StepOutcome(False, result, tries)
        tries += 1
        await asyncio.sleep(pause)


async def find(step: PlanStep, env: StepEnv, intent: Intent, *, fuzzy: bool = True) -> Match | str:
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


def said(match: Match, verb: str) -> str:
    text = f"{verb} {match.how}"
    return f"{text} ({match.note})" if match.note else text
