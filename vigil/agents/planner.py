"""The LLM planner: the rule planner reads first; the model is asked only about the rest.

With VIGIL_PLANNER=auto the model is called only when the rules left clauses unread, or read
no action or claim at all (their "is the page up" fallback). It sees the goal, the start
page's accessibility snapshot and the rule planner's steps as a numbered draft, and answers
with steps to insert (PlanAnswer). With VIGIL_PLANNER=llm the draft is only "open the page".
An answer that breaks the action table is sent back with the reasons, a bounded number of
times (pydantic-ai output validation); then the run is an `error`.
"""

from __future__ import annotations

from typing import Literal, Protocol

from pydantic_ai import Agent, ModelRetry, RunContext
from pydantic_ai.models import Model

from vigil.agents.budget import begin_run
from vigil.agents.cache import PlanCache
from vigil.agents.failures import guarded
from vigil.agents.limits import LLMLimits
from vigil.agents.plan_output import PlanAnswer, problems, to_plan_step
from vigil.agents.secrets import Redactor
from vigil.models import PlanStep, TestPlan
from vigil.pipeline.ports import Planner, current_run

PlannerMode = Literal["auto", "llm"]

INSTRUCTIONS = """\
You plan browser checks for a synthetic monitor. You get a user's goal, the start page's
accessibility snapshot and a numbered draft plan another planner already made. Answer with
the steps the draft misses, each inserted after a draft step (`after_step`, 0 = first).
Use only the given actions. Name elements as the snapshot names them (their visible name or
label). Every claim the goal makes must become an assert_* step when the page can show it;
only put into `judgement` what no step can check. Values like <secret-1> stand for
credentials: copy them as they are, never invent one. Do not repeat draft steps."""


class Snapshots(Protocol):
    """Where the start page's accessibility snapshot comes from (vigil/browser/snapshot.py)."""

    async def snapshot(self, url: str) -> str: ...


class _Deps:
    def __init__(self, draft_steps: int, redactor: Redactor) -> None:
        self.draft_steps = draft_steps
        self.redactor = redactor


class LLMPlanner:
    """Planner port: a cached plan first, then the rules, the model for what they could
    not read."""

    def __init__(
        self,
        model: Model,
        rules: Planner,
        snapshots: Snapshots,
        *,
        mode: PlannerMode = "auto",
        limits: LLMLimits = LLMLimits(),
        cache: PlanCache | None = None,
    ) -> None:
        self.cache = cache
        self.rules = rules
        self.snapshots = snapshots
        self.mode = mode
        self.limits = limits
        self.agent: Agent[_Deps, PlanAnswer] = Agent(
            model,
            output_type=PlanAnswer,
            deps_type=_Deps,
            instructions=INSTRUCTIONS,
            retries={"output": limits.output_retries},
        )
        self.agent.output_validator(_validate)

    async def plan(self, url: str, goal: str) -> TestPlan:
        budget = begin_run(self.limits)
        run = current_run()
        test_id = run.test_id if run is not None else None
        if self.cache is not None and (cached := await self.cache.get(test_id, url, goal)):
            return cached.model_copy(update={"source": "cache"})  # replay: no model call
        ruled = await self.rules.plan(url, goal)
        ruled = ruled.model_copy(
            update={"steps": [s.model_copy(update={"origin": "rules"}) for s in ruled.steps]}
        )
        if self.mode == "auto" and not _needs_model(ruled):
            return ruled
        redactor = Redactor(goal, ruled.steps)
        # The rules' steps as the draft; when they read nothing at all there are none, and
        # the model's steps go after opening the check's URL.
        draft = ruled.steps if self.mode == "auto" and ruled.steps else [_opening(url)]
        # Rules that read nothing beyond opening the page leave the whole goal to the model,
        # which must then add steps or a judgement: an empty answer would pass a goal that
        # asks for more than the page loading.
        unread = (ruled.errors or [goal]) if self.mode == "auto" else []
        snapshot = await self.snapshots.snapshot(url)
        prompt = _prompt(redactor, goal, url, snapshot, draft, unread)
        deps = _Deps(len(draft), redactor)
        result = await guarded(
            self.agent.run(prompt, deps=deps, usage=budget.usage, usage_limits=budget.limits()),
            what="planning the goal with the model",
            timeout_s=self.limits.timeout_s,
            budget=budget,
        )
        return _merge(url, goal, draft, result.output, redactor)


def _needs_model(ruled: TestPlan) -> bool:
    """The rules left clauses unread, or found nothing beyond opening the page and its
    quoted phrases (their availability fallback: a goal like "sign up and make sure it
    worked" must not pass on a page that merely loads)."""
    if ruled.errors:
        return True
    beyond_opening = [s for s in ruled.steps[1:] if s.action != "assert_text"]
    return not beyond_opening and ruled.steps[:1] != [] and ruled.steps[0].action == "navigate"


def _opening(url: str) -> PlanStep:
    return PlanStep(
        step_number=1, action="navigate", description=f"Open {url}", value=url, origin="rules"
    )


async def _validate(ctx: RunContext[_Deps], answer: PlanAnswer) -> PlanAnswer:
    deps = ctx.deps
    found = problems(answer, deps.draft_steps, must_add=True)  # asked: it must add something
    for addition in answer.additions:
        for step in addition.steps:
            for text in (step.value or "", step.target or ""):
                for made_up in deps.redactor.unknown_placeholders(text):
                    found.append(f"{made_up} was never given; use only the placeholders given")
    if found:
        raise ModelRetry("Fix these problems and answer again:\n- " + "\n- ".join(found))
    return answer


def _prompt(
    redactor: Redactor,
    goal: str,
    url: str,
    snapshot: str,
    draft: list[PlanStep],
    unread: list[str],
) -> str:
    lines = [f"Goal: {goal}", f"Start URL: {url}", "", "Draft plan:"]
    for step in draft:
        lines.append(f"{step.step_number}. {step.action}: {step.description}")
    if unread:
        lines += ["", "Parts of the goal the draft does not cover:", *(f"- {u}" for u in unread)]
    lines += ["", "Accessibility snapshot of the start page:", snapshot]
    return redactor.hide("\n".join(lines))


def _merge(
    url: str, goal: str, draft: list[PlanStep], answer: PlanAnswer, redactor: Redactor
) -> TestPlan:
    """Insert the model's steps into the draft and renumber; placeholders become values."""
    inserts: dict[int, list[PlanStep]] = {}
    for addition in answer.additions:
        for written in addition.steps:
            secret = redactor.is_secret(written.value or "")
            revealed = written.model_copy(
                update={"value": redactor.reveal(written.value) if written.value else None}
            )
            inserts.setdefault(addition.after_step, []).append(
                to_plan_step(revealed, 0, secret=secret)
            )
    ordered = inserts.get(0, [])
    for step in draft:
        ordered = [*ordered, step, *inserts.get(step.step_number, [])]
    steps = [s.model_copy(update={"step_number": i}) for i, s in enumerate(ordered, start=1)]
    return TestPlan(
        url=url,
        goal=goal,
        steps=steps,
        total_steps=len(steps),
        source="llm",
        judgement=answer.judgement,  # kept with placeholders: it goes back to a model
    )
