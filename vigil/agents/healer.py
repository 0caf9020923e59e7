"""The LLM step healer: when a step's element is not found, the model picks another.

The executor offers only steps that act on an element (vigil/pipeline/ports.py
HEALABLE_ACTIONS), never a claim, so what a goal asserts cannot be healed into a pass. The
model gets the goal, the step, why it missed and the page's accessibility snapshot in which
every element carries a `[ref=…]`, plus the list of refs it may pick. It answers with a ref,
or a replacement acting step, or nothing (no element fits). An answer naming a ref it was
not given, or a replacement that breaks the action table, is sent back with the reason a
bounded number of times; then the run is an `error` (ModelError), never a hang.
"""

from __future__ import annotations

from pydantic import BaseModel, Field
from pydantic_ai import Agent, ModelRetry, RunContext
from pydantic_ai.models import Model

from vigil.agents.budget import current_budget
from vigil.agents.failures import guarded
from vigil.agents.limits import LLMLimits
from vigil.agents.plan_output import ModelStep, step_problems, to_plan_step
from vigil.agents.secrets import Redactor
from vigil.pipeline.ports import (
    HEALABLE_ACTIONS,
    HealDecision,
    HealGiveUp,
    HealPick,
    HealReplace,
    HealRequest,
)

INSTRUCTIONS = """\
You repair one step of a browser check whose element could not be found, usually because
the site renamed or moved it. You get the goal, the step, why it failed and the page's
accessibility snapshot, where every element has a [ref=...]. Prefer answering with `ref`:
the ref of the element a person would use for this step, chosen from the refs listed as
candidates. Only if the step must be done differently, answer with `step` instead: one
replacement step using an acting action (click, double_click, hover, check, uncheck, fill,
select, press). If nothing on the page does what the step is for, leave both empty and say
why: never pick an element that does something else. Values like <secret-1> stand for
credentials: copy them as they are."""


class HealAnswer(BaseModel):
    """Exactly one of `ref` and `step`, or neither when nothing on the page fits."""

    ref: str | None = Field(None, description="The ref of the element to use, e.g. e12")
    step: ModelStep | None = Field(None, description="A replacement acting step, if no ref fits")
    reason: str = Field(min_length=1, description="Why this element or step does the same job")


class _Deps:
    def __init__(self, request: HealRequest, redactor: Redactor) -> None:
        self.refs = {c.ref for c in request.candidates}
        self.redactor = redactor


class LLMHealer:
    """StepHealer port over a pydantic-ai agent, spending the run's shared budget."""

    def __init__(self, model: Model, *, limits: LLMLimits = LLMLimits()) -> None:
        self.limits = limits
        self.agent: Agent[_Deps, HealAnswer] = Agent(
            model,
            output_type=HealAnswer,
            deps_type=_Deps,
            instructions=INSTRUCTIONS,
            retries={"output": limits.output_retries},
        )
        self.agent.output_validator(_validate)

    async def heal(self, request: HealRequest) -> HealDecision:
        budget = current_budget(self.limits)
        redactor = Redactor(request.goal, [request.step])
        result = await guarded(
            self.agent.run(
                _prompt(request, redactor),
                deps=_Deps(request, redactor),
                usage=budget.usage,
                usage_limits=budget.limits(),
            ),
            what=f"healing step {request.step.step_number} with the model",
            timeout_s=self.limits.timeout_s,
            budget=budget,
        )
        return _decision(result.output, request, redactor)


def _decision(answer: HealAnswer, request: HealRequest, redactor: Redactor) -> HealDecision:
    if answer.ref is not None:
        return HealPick(ref=answer.ref, reason=answer.reason)
    if answer.step is None:
        return HealGiveUp(reason=answer.reason)
    written = answer.step
    value = redactor.reveal(written.value) if written.value else None
    secret = redactor.is_secret(written.value or "")
    step = to_plan_step(
        written.model_copy(update={"value": value}), request.step.step_number, secret=secret
    )
    return HealReplace(step=step, reason=answer.reason)


def _prompt(request: HealRequest, redactor: Redactor) -> str:
    step = request.step
    lines = [
        f"Goal: {request.goal}",
        f"Step {step.step_number}: {step.action} — {step.description}",
        f"It named its element: {step.target or step.ground or '(by its place)'}"
        + (f" (role {step.role})" if step.role else ""),
    ]
    if step.value is not None:
        lines.append(f"Value: {step.value}")
    lines += [f"Why it failed: {request.problem}", "", "Candidates (ref: role 'name'):"]
    lines += [f"- {c.ref}: {c.role} '{c.name}'" for c in request.candidates] or ["- (none)"]
    lines += ["", "Accessibility snapshot of the page now:", request.snapshot or "(empty)"]
    return redactor.hide("\n".join(lines))


async def _validate(ctx: RunContext[_Deps], answer: HealAnswer) -> HealAnswer:
    found: list[str] = []
    if answer.ref is not None and answer.step is not None:
        found.append("answer with `ref` or with `step`, not both")
    if answer.ref is not None and answer.ref not in ctx.deps.refs:
        listed = ", ".join(sorted(ctx.deps.refs)) or "none"
        found.append(f"'{answer.ref}' is not one of the candidate refs ({listed})")
    if answer.step is not None:
        step = answer.step
        if step.action not in HEALABLE_ACTIONS:
            found.append(f"`{step.action}` is not an acting action; a claim is never replaced")
        found += [f"step: {p}" for p in step_problems(step)]
        for text in (step.value or "", step.target or ""):
            for made_up in ctx.deps.redactor.unknown_placeholders(text):
                found.append(f"{made_up} was never given; use only the placeholders given")
    if found:
        raise ModelRetry("Fix these problems and answer again:\n- " + "\n- ".join(found))
    return answer
