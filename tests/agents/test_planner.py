"""The LLM planner against the demo site in real Chromium, driven by FunctionModel scripts."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic_ai.exceptions import ModelHTTPError
from pydantic_ai.messages import ModelRequest, ToolReturnPart
from pydantic_ai.models import Model

from tests.agents.scripts import Script, never_called
from vigil.agents.evaluator import LLMEvaluator
from vigil.agents.limits import LLMLimits
from vigil.agents.planner import LLMPlanner, PlannerMode
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.browser.snapshot import PageSnapshots
from vigil.errors import ModelError
from vigil.pipeline.pipeline import Pipeline
from vigil.planner.rule_planner import RulePlanner

NEWSLETTER: dict[str, Any] = {
    "additions": [
        {
            "after_step": 1,
            "steps": [
                {"action": "fill", "description": "Type a name", "target": "Name", "value": "Ann"},
                {
                    "action": "check",
                    "description": "Tick the newsletter box",
                    "target": "Subscribe to newsletter",
                },
                {"action": "click", "description": "Send the form", "target": "Send"},
                {
                    "action": "assert_text",
                    "description": "The form confirms the subscription",
                    "value": "Newsletter: yes",
                },
            ],
        }
    ]
}
MISSING_VALUE: dict[str, Any] = {
    "additions": [
        {"after_step": 1, "steps": [{"action": "fill", "description": "x", "target": "Name"}]}
    ]
}


def planner(
    model: Model, pool: BrowserPool, *, mode: PlannerMode = "auto", max_calls: int = 8
) -> LLMPlanner:
    limits = LLMLimits(max_calls=max_calls)
    return LLMPlanner(model, RulePlanner(), PageSnapshots(pool), mode=mode, limits=limits)


async def test_free_language_goal_is_planned_by_the_model_and_passes(
    demo_site: str, browser_pool: BrowserPool, executor: PlaywrightExecutor
) -> None:
    script = Script(NEWSLETTER)
    pipe = Pipeline(planner(script.model(), browser_pool), executor, LLMEvaluator(never_called()))
    plan, _, result = await pipe.run_check(
        f"{demo_site}/form", "sign up for the newsletter and make sure it worked"
    )
    assert result.passed, result.details
    assert plan.source == "llm"
    assert [s.origin for s in plan.steps] == ["rules", "llm", "llm", "llm", "llm"]
    assert [s.step_number for s in plan.steps] == [1, 2, 3, 4, 5]
    assert script.calls == 1
    assert "Subscribe to newsletter" in script.text_sent()  # it saw the page's snapshot


async def test_a_goal_the_rules_read_makes_no_model_call(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    plan = await planner(never_called(), browser_pool).plan(
        f"{demo_site}/", "click 'Products' and check that 'Products' is visible"
    )
    assert plan.source == "rules"
    assert {s.origin for s in plan.steps} == {"rules"}


async def test_an_invalid_answer_is_sent_back_with_the_reason(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    script = Script(MISSING_VALUE, NEWSLETTER)
    plan = await planner(script.model(), browser_pool).plan(
        f"{demo_site}/form", "sign up for the newsletter and make sure it worked"
    )
    assert script.calls == 2
    sent_back = script.seen[1][-1]  # the request after the invalid answer
    assert isinstance(sent_back, ModelRequest)
    retried = [p for p in sent_back.parts if isinstance(p, ToolReturnPart)]
    assert retried and retried[0].outcome == "retried"
    assert "needs a `value`" in str(retried[0].content)
    assert plan.total_steps == 5


async def test_garbage_three_times_is_an_error(demo_site: str, browser_pool: BrowserPool) -> None:
    script = Script(MISSING_VALUE)
    with pytest.raises(ModelError) as caught:
        await planner(script.model(), browser_pool).plan(
            f"{demo_site}/form", "sign up for the newsletter and make sure it worked"
        )
    assert caught.value.reason == "invalid_output"
    assert script.calls == 3


async def test_the_call_budget_is_enforced(demo_site: str, browser_pool: BrowserPool) -> None:
    script = Script(MISSING_VALUE, NEWSLETTER)
    with pytest.raises(ModelError) as caught:
        await planner(script.model(), browser_pool, max_calls=1).plan(
            f"{demo_site}/form", "sign up for the newsletter and make sure it worked"
        )
    assert caught.value.reason == "budget"
    assert "budget" in str(caught.value)
    assert script.calls == 1


@pytest.mark.parametrize(
    ("status", "reason"), [(401, "auth"), (429, "rate_limit"), (503, "provider")]
)
async def test_provider_errors_are_clear_errors(
    demo_site: str, browser_pool: BrowserPool, status: int, reason: str
) -> None:
    script = Script(ModelHTTPError(status_code=status, model_name="m", body="nope"))
    with pytest.raises(ModelError) as caught:
        await planner(script.model(), browser_pool).plan(
            f"{demo_site}/form", "sign up for the newsletter and make sure it worked"
        )
    assert caught.value.reason == reason


async def test_secrets_never_reach_the_model(demo_site: str, browser_pool: BrowserPool) -> None:
    answer: dict[str, Any] = {
        "additions": [
            {
                "after_step": 0,
                "steps": [
                    {
                        "action": "navigate",
                        "description": "Open login",
                        "value": f"{demo_site}/login",
                    },
                    {
                        "action": "fill",
                        "description": "user",
                        "target": "Username",
                        "value": "demo",
                    },
                    {
                        "action": "fill",
                        "description": "pw",
                        "target": "Password",
                        "value": "<secret-1>",
                    },
                    {"action": "click", "description": "submit", "target": "Sign in"},
                ],
            }
        ]
    }
    script = Script(answer)
    plan = await planner(script.model(), browser_pool, mode="llm").plan(
        f"{demo_site}/login", "sign in as demo with the password 'hunter2' and admire the view"
    )
    assert "hunter2" not in script.text_sent()
    typed = [s for s in plan.steps if s.target == "Password"]
    assert typed[0].value == "hunter2" and typed[0].secret
    assert "hunter2" not in typed[0].description


async def test_an_empty_answer_cannot_turn_a_goal_into_page_loads(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    """The rules read nothing but "open the page" here; the model must add something."""
    script = Script({"additions": []})
    with pytest.raises(ModelError) as caught:
        await planner(script.model(), browser_pool).plan(
            f"{demo_site}/form", "sign up for the newsletter and make sure it worked"
        )
    assert caught.value.reason == "invalid_output"
    assert "adds nothing" in script.text_sent()
