"""The LLM evaluator: the model judges only what the steps could not check, and must cite.

The rule verdict comes first and is authoritative for everything the plan asserted: a failed
step fails the run and the model is not even asked. Only a run whose steps all passed and
whose plan carries a `judgement` goes to the model, and its verdict must cite evidence it
was shown (step numbers, quotes of their details, the final URL or title); a verdict that
cites nothing checkable is sent back. The combined verdict is `rules AND model`, so the model
can turn a pass into a failure but never a failure into a pass.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field
from pydantic_ai import Agent, ModelRetry, RunContext
from pydantic_ai.models import Model

from vigil.agents.budget import RunBudget, current_budget
from vigil.agents.cache import PlanCache
from vigil.agents.failures import guarded
from vigil.agents.limits import LLMLimits
from vigil.agents.secrets import Redactor
from vigil.models import BrowserResult, Heal, TestPlan, TestResult
from vigil.pipeline.evaluator import evaluate_run
from vigil.pipeline.ports import current_run

INSTRUCTIONS = """\
You judge whether a browser check met the part of its goal that its steps could not check.
You get the goal, that judgement, and the evidence of the run: each step with what the
browser reported, the final URL and page title. Answer passed or not, say why, and cite the
evidence: step numbers and short quotes copied exactly from the evidence. Without evidence
for it, the answer is not passed."""


class Citation(BaseModel):
    step_number: int | None = Field(None, description="The step the quote comes from, if any")
    quote: str = Field(min_length=1, description="Text copied exactly from the evidence")


class Verdict(BaseModel):
    passed: bool
    reason: str = Field(min_length=1)
    evidence: list[Citation] = Field(min_length=1)


class _Evidence:
    """What the model was shown, by step (None: the run as a whole)."""

    def __init__(self, by_step: dict[int | None, str]) -> None:
        self.by_step = by_step

    def holds(self, citation: Citation) -> bool:
        if citation.step_number is not None and citation.step_number not in self.by_step:
            return False
        texts = (
            [self.by_step[citation.step_number]]
            if citation.step_number is not None
            else list(self.by_step.values())
        )
        quote = _norm(citation.quote)
        return any(quote in _norm(t) for t in texts)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


class LLMEvaluator:
    """Evaluator port: rule verdict first, the model only for the plan's `judgement`."""

    def __init__(
        self,
        model: Model,
        *,
        limits: LLMLimits = LLMLimits(),
        cache: PlanCache | None = None,
    ) -> None:
        self.cache = cache
        self.limits = limits
        self.agent: Agent[_Evidence, Verdict] = Agent(
            model,
            output_type=Verdict,
            deps_type=_Evidence,
            instructions=INSTRUCTIONS,
            retries={"output": limits.output_retries},
        )
        self.agent.output_validator(_validate)

    async def evaluate(self, plan: TestPlan, browser_result: BrowserResult) -> TestResult:
        budget = current_budget(self.limits)
        result = with_heals(await self._judge(plan, browser_result, budget), browser_result.heals)
        await self._remember(plan, browser_result, result)
        return result.model_copy(update={"llm_calls": budget.calls, "llm_tokens": budget.tokens})

    async def _remember(
        self, plan: TestPlan, browser_result: BrowserResult, result: TestResult
    ) -> None:
        """A plan that passed thanks to the healer replaces the cache with its healed steps,
        and a model-made plan that passed is cached, so the next run makes no model call; a
        cached plan that failed is dropped, so the next run plans again instead of replaying
        a plan the site outgrew."""
        if self.cache is None:
            return
        run = current_run()
        test_id = run.test_id if run is not None else None
        if not result.passed:
            if plan.source == "cache":
                await self.cache.drop(test_id, plan.url, plan.goal)
        elif browser_result.heals:
            await self.cache.put(test_id, healed_plan(plan, browser_result.heals))
        elif plan.source == "llm":
            await self.cache.put(test_id, plan)

    async def _judge(
        self, plan: TestPlan, browser_result: BrowserResult, budget: RunBudget
    ) -> TestResult:
        ruled = evaluate_run(plan, browser_result)
        if not ruled.passed or not plan.judgement:
            return ruled  # hard assertions are authoritative; nothing left to judge
        redactor = Redactor(plan.goal, plan.steps)
        evidence = _evidence(browser_result, redactor)
        result = await guarded(
            self.agent.run(
                _prompt(plan, evidence, redactor),
                deps=evidence,
                usage=budget.usage,
                usage_limits=budget.limits(),
            ),
            what="judging the run with the model",
            timeout_s=self.limits.timeout_s,
            budget=budget,
        )
        return combine(ruled, result.output)


def healed_plan(plan: TestPlan, heals: list[Heal]) -> TestPlan:
    """The plan with each healed step replaced by its repair."""
    by_number = {h.step_number: h.step for h in heals if h.step is not None}
    steps = [by_number.get(s.step_number, s) for s in plan.steps]
    return plan.model_copy(update={"steps": steps})


def with_heals(result: TestResult, heals: list[Heal]) -> TestResult:
    """The verdict's details name every step the healer repaired and how, so a run that
    passed only thanks to the model says so (its outcome is `healed`)."""
    if not heals:
        return result
    said = "; ".join(f"step {h.step_number}: {h.before} → {h.after}" for h in heals)
    return result.model_copy(update={"details": f"{result.details} Healed by the model: {said}."})


def combine(ruled: TestResult, verdict: Verdict) -> TestResult:
    """rules AND model: the model may fail a run the rules passed, never the reverse."""
    passed = ruled.passed and verdict.passed
    cited = "; ".join(
        (f"step {c.step_number}: " if c.step_number is not None else "") + f"'{c.quote}'"
        for c in verdict.evidence
    )
    judged = f"The model judged: {verdict.reason} (evidence: {cited})"
    if passed:
        details = f"{ruled.details} {judged}"
        error = None
    elif not ruled.passed:
        details, error = ruled.details, ruled.error
    else:
        details = f"All steps passed, but the goal was not met. {judged}"
        error = verdict.reason
    return ruled.model_copy(update={"passed": passed, "details": details, "error": error})


def _evidence(browser_result: BrowserResult, redactor: Redactor) -> _Evidence:
    by_step: dict[int | None, str] = {
        s.step_number: redactor.hide(s.details) for s in browser_result.steps
    }
    run = [f"final URL: {browser_result.final_url or '-'}"]
    run.append(f"page title: {browser_result.page_title or '-'}")
    by_step[None] = redactor.hide("\n".join(run))
    return _Evidence(by_step)


def _prompt(plan: TestPlan, evidence: _Evidence, redactor: Redactor) -> str:
    lines = [f"Goal: {plan.goal}", f"To judge: {plan.judgement}", "", "Evidence:"]
    for step in plan.steps:
        lines.append(
            f"step {step.step_number} ({step.action}: {step.description}): "
            f"{evidence.by_step.get(step.step_number, 'did not report')}"
        )
    lines.append(evidence.by_step[None])
    return redactor.hide("\n".join(lines))


async def _validate(ctx: RunContext[_Evidence], verdict: Verdict) -> Verdict:
    unsupported = [c for c in verdict.evidence if not ctx.deps.holds(c)]
    if unsupported:
        listed = "; ".join(f"step {c.step_number}: '{c.quote}'" for c in unsupported)
        raise ModelRetry(
            f"These citations are not in the evidence you were given: {listed}. "
            "Quote the evidence exactly, with the step it comes from."
        )
    return verdict
