"""Step healing in the browser: what a healer sees of the page, how its pick becomes a step
that can be replayed, and the bounded loop that tries it.

The healer is a model: it must choose among elements it was shown, by a reference, never by
a selector it makes up. Playwright's AI-mode aria snapshot gives every element a `[ref=eN]`
that `aria-ref=eN` resolves on the live page, so the references are Playwright's own. A ref
only lives as long as the page, though, and a healed plan is cached and replayed on later
runs: so a pick is turned back into a step by role and exact accessible name (plus `nth`
among equal ones), which the ordinary target resolution finds again tomorrow.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from vigil.browser.step_base import StepOutcome, masked
from vigil.models import Heal, PlanStep
from vigil.pipeline.ports import (
    HEALABLE_ACTIONS,
    HealCandidate,
    HealDecision,
    HealGiveUp,
    HealPick,
    HealRequest,
    StepHealer,
)

# A snapshot is model input: a huge page must not eat the run's token budget.
MAX_VIEW_CHARS = 12_000
VIEW_TIMEOUT_MS = 5_000

# Roles a step can act on (click, type into, choose, tick); the others are only context.
_ACTIONABLE = frozenset(
    {
        "button",
        "link",
        "textbox",
        "searchbox",
        "combobox",
        "listbox",
        "option",
        "checkbox",
        "radio",
        "switch",
        "spinbutton",
        "slider",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
        "tab",
        "treeitem",
    }
)
# `- button "Send" [ref=e20]`, with optional attributes between name and ref; the name is a
# JSON-style quoted string.
_LINE = re.compile(
    r'^\s*-\s+(?P<role>[a-z]+)\s+"(?P<name>(?:[^"\\]|\\.)*)"[^\n]*?\[ref=(?P<ref>e\d+)\]'
)


async def heal_view(page: Page) -> tuple[str, tuple[HealCandidate, ...]]:
    """The page's aria snapshot with refs, and the named elements a step could act on.

    An empty view when the page cannot be read (navigating away): the healer then has nothing
    to pick and the step fails as it would have.
    """
    try:
        text = await page.aria_snapshot(mode="ai", timeout=VIEW_TIMEOUT_MS)
    except PlaywrightError:
        return "", ()
    return text[:MAX_VIEW_CHARS], candidates_in(text[:MAX_VIEW_CHARS])


def candidates_in(snapshot: str) -> tuple[HealCandidate, ...]:
    found: list[HealCandidate] = []
    for line in snapshot.splitlines():
        m = _LINE.match(line)
        if m is None or m.group("role") not in _ACTIONABLE:
            continue
        name = json.loads(f'"{m.group("name")}"').strip()
        if name:
            found.append(HealCandidate(ref=m.group("ref"), role=m.group("role"), name=name))
    return tuple(found)


def picked_step(
    step: PlanStep, ref: str, candidates: tuple[HealCandidate, ...]
) -> tuple[PlanStep, str] | None:
    """The step acting on candidate `ref` by role and exact name, and how to name it; None
    when `ref` is not one of `candidates`."""
    chosen = next((c for c in candidates if c.ref == ref), None)
    if chosen is None:
        return None
    twins = [c.ref for c in candidates if (c.role, c.name) == (chosen.role, chosen.name)]
    nth = twins.index(ref) if len(twins) > 1 else None
    healed = step.model_copy(
        update={
            "target": chosen.name,
            "role": chosen.role,
            "exact": True,
            "nth": nth,
            "scope": None,
            "ground": None,
            "origin": "llm",
        }
    )
    return healed, described(healed)


def described(step: PlanStep) -> str:
    """How a step names its element, for "before → after" in the run's details."""
    if step.target:
        kind = f"{step.role} " if step.role else ""
        place = f" #{step.nth + 1}" if step.nth is not None and step.nth >= 0 else ""
        scope = f" in {step.scope.kind} '{step.scope.text}'" if step.scope else ""
        return f"{kind}'{step.target}'{place}{scope}"
    if step.ground:
        return f"the {step.ground.replace('_', '-')} field"
    if step.scope is not None:
        return f"the element in {step.scope.kind} '{step.scope.text}'"
    return "the element"


class Healing:
    """One run's step healing: the healer, the goal, the attempts left and what was healed.

    Each consultation of the healer spends one of the run's attempts (VIGIL_LLM_MAX_HEALS),
    whether or not it helps, so a page that keeps defeating it cannot keep a run going.
    """

    def __init__(
        self, healer: StepHealer, goal: str, attempts: int, secrets: frozenset[str]
    ) -> None:
        self.healer = healer
        self.goal = goal
        self.limit = attempts
        self.left = attempts
        self.secrets = secrets
        self.heals: list[Heal] = []

    async def repair(
        self,
        step: PlanStep,
        outcome: StepOutcome,
        page: Page,
        perform: Callable[[PlanStep], Awaitable[StepOutcome]],
    ) -> tuple[StepOutcome, Heal | None]:
        """Try the healer on a step whose element was not found; the outcome to report and
        the heal when a repaired step passed."""
        if step.action not in HEALABLE_ACTIONS:
            return outcome, None
        while outcome.unresolved:
            if self.left <= 0:
                outcome.details += (
                    f"; not healed: this run's {self.limit} heal attempts "
                    "(VIGIL_LLM_MAX_HEALS) are used up"
                )
                return outcome, None
            self.left -= 1
            snapshot, candidates = await heal_view(page)
            # A field typed into earlier may show its value in the snapshot: no credential
            # of the plan reaches the model (the step's own value travels as a placeholder).
            request = HealRequest(
                self.goal,
                step,
                masked(outcome.details, self.secrets),
                masked(snapshot, self.secrets),
                candidates,
            )
            decision = await self.healer.heal(request)
            repaired = _repaired(step, decision, candidates)
            if isinstance(repaired, str):
                outcome.details += f"; not healed: {masked(repaired, self.secrets)}"
                return outcome, None
            new, after = repaired
            tried = await perform(new)
            if tried.passed:
                assert not isinstance(decision, HealGiveUp)
                heal = Heal(
                    step_number=step.step_number,
                    before=described(step),
                    after=after,
                    reason=masked(decision.reason, self.secrets),
                    step=new,
                )
                tried.details = masked(
                    f"healed: {heal.before} → {heal.after} ({heal.reason}); {tried.details}",
                    self.secrets,
                )
                self.heals.append(heal)
                return tried, heal
            outcome = StepOutcome(
                False,
                f"{outcome.details}; the healer's {after} failed too: {tried.details}",
                outcome.retry_count,
                unresolved=tried.unresolved,
            )
        return outcome, None


def _repaired(
    step: PlanStep, decision: HealDecision, candidates: tuple[HealCandidate, ...]
) -> tuple[PlanStep, str] | str:
    """The step to try instead and how it names its element, or why there is none."""
    if isinstance(decision, HealGiveUp):
        return f"the healer found nothing to use instead ({decision.reason})"
    if isinstance(decision, HealPick):
        picked = picked_step(step, decision.ref, candidates)
        return picked if picked is not None else f"the healer picked unknown '{decision.ref}'"
    if decision.step.action not in HEALABLE_ACTIONS:
        return f"the healer's replacement is a {decision.step.action} step, not an action"
    new = decision.step.model_copy(
        update={
            "step_number": step.step_number,
            "source": step.source,
            "origin": "llm",
            "secret": step.secret or decision.step.secret,
        }
    )
    return new, f"{new.action} {described(new)}"
