"""The LLM evaluator: rules are authoritative, the model judges only the plan's judgement
and must cite evidence it was shown. No browser: the runs are built by hand."""

from __future__ import annotations

from typing import Any

from tests.agents.scripts import Script, never_called
from vigil.agents.evaluator import LLMEvaluator
from vigil.models import BrowserResult, PlanStep, StepResult, TestPlan

STEPS = [
    PlanStep(step_number=1, action="navigate", description="Open", value="http://x/"),
    PlanStep(step_number=2, action="click", description="Send", target="Send"),
]


def plan(judgement: str | None = "the page thanks the user") -> TestPlan:
    return TestPlan(
        url="http://x/", goal="send it", steps=STEPS, total_steps=2, judgement=judgement
    )


def run(second_passed: bool = True) -> BrowserResult:
    return BrowserResult(
        success=second_passed,
        steps=[
            StepResult(step_number=1, passed=True, details="opened http://x/ (200)"),
            StepResult(
                step_number=2,
                passed=second_passed,
                details="clicked button 'Send'; the page now reads 'Thanks, Ann!'"
                if second_passed
                else "no element matches 'Send'",
            ),
        ],
        final_url="http://x/done",
        page_title="Done",
    )


def verdict(passed: bool, quote: str = "Thanks, Ann!", step: int | None = 2) -> dict[str, Any]:
    return {
        "passed": passed,
        "reason": "the page thanks Ann",
        "evidence": [{"step_number": step, "quote": quote}],
    }


async def test_the_model_cannot_pass_a_failed_assertion() -> None:
    script = Script(verdict(True))
    result = await LLMEvaluator(script.model()).evaluate(plan(), run(second_passed=False))
    assert not result.passed
    assert script.calls == 0
    assert "Step 2 failed" in result.details


async def test_a_plan_without_judgement_never_calls_the_model() -> None:
    result = await LLMEvaluator(never_called()).evaluate(plan(None), run())
    assert result.passed


async def test_a_cited_verdict_passes() -> None:
    script = Script(verdict(True))
    result = await LLMEvaluator(script.model()).evaluate(plan(), run())
    assert result.passed
    assert "Thanks, Ann!" in result.details


async def test_the_model_can_fail_a_run_the_steps_passed() -> None:
    script = Script(verdict(False))
    result = await LLMEvaluator(script.model()).evaluate(plan(), run())
    assert not result.passed
    assert result.error == "the page thanks Ann"


async def test_a_citation_not_in_the_evidence_is_sent_back() -> None:
    script = Script(verdict(True, quote="Welcome back, Bob"), verdict(True))
    result = await LLMEvaluator(script.model()).evaluate(plan(), run())
    assert result.passed
    assert script.calls == 2
    assert "not in the evidence" in script.text_sent()
