"""The step healer against the demo site in real Chromium, driven by FunctionModel scripts.

The site "renamed" its submit button: plans below still say 'Join the mailing list' where
the form's button reads 'Send'.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic_ai.messages import ModelMessage, ModelResponse, TextPart
from pydantic_ai.models import Model
from pydantic_ai.models.function import AgentInfo, FunctionModel
from redis.asyncio import Redis

from tests.agents.scripts import Picker, Script, never_called
from tests.pipeline.plans import pipeline_settings, plan, step
from vigil.agents.evaluator import LLMEvaluator
from vigil.agents.healer import LLMHealer
from vigil.agents.limits import LLMLimits
from vigil.agents.planner import LLMPlanner
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.browser.snapshot import PageSnapshots
from vigil.errors import ModelError
from vigil.models import CheckCreate, TestPlan
from vigil.pipeline.pipeline import Pipeline
from vigil.planner.rule_planner import RulePlanner
from vigil.runs import execute_run, run_adhoc
from vigil.services import Services
from vigil.store import keys
from vigil.store.checks import create_check
from vigil.store.plan_cache import RedisPlanCache

OLD_NAME = "Join the mailing list"
GOAL = "sign up for the newsletter and make sure it worked"


class FixedPlanner:
    def __init__(self, fixed: TestPlan) -> None:
        self.fixed = fixed

    async def plan(self, url: str, goal: str) -> TestPlan:
        return self.fixed


def signup(url: str, *, button: str = OLD_NAME, expect: str = "Newsletter: yes") -> TestPlan:
    return plan(
        url,
        step("navigate", value=url),
        step("fill", "Name", "Ann"),
        step("check", "Subscribe to newsletter"),
        step("click", button),
        step("assert_text", value=expect),
    )


def adhoc_pipeline(
    pool: BrowserPool, fixed: TestPlan, healer_model: Model, *, max_heals: int = 3
) -> Pipeline:
    settings = pipeline_settings(llm_max_heals=max_heals)
    executor = PlaywrightExecutor(
        settings, pool=pool, screenshots=False, healer=LLMHealer(healer_model)
    )
    return Pipeline(FixedPlanner(fixed), executor, LLMEvaluator(never_called()))


@pytest.fixture
async def llm_services(
    services: Services, browser_pool: BrowserPool
) -> AsyncIterator[tuple[Services, PlaywrightExecutor]]:
    """Services whose pipeline is LLM mode with the Redis plan cache on the test; the
    executor's healer is swapped per run by the test."""
    cache = RedisPlanCache(services.redis)
    executor = PlaywrightExecutor(pipeline_settings(), pool=browser_pool, screenshots=False)
    planner = LLMPlanner(never_called(), RulePlanner(), PageSnapshots(browser_pool), cache=cache)
    pipe = Pipeline(planner, executor, LLMEvaluator(never_called(), cache=cache))
    yield Services(services.settings, services.redis, services.raw_redis, pipeline=pipe), executor


async def test_a_renamed_button_is_healed_cached_on_the_test_and_replayed_without_the_model(
    demo_site: str, redis: Redis, llm_services: tuple[Services, PlaywrightExecutor]
) -> None:
    services, executor = llm_services
    url = f"{demo_site}/form"
    test = await create_check(redis, CheckCreate(url=url, goal=GOAL, retries=0))
    await RedisPlanCache(redis).put(test.id, signup(url).model_copy(update={"goal": GOAL}))
    healer = Picker("Send")
    executor.healer = LLMHealer(healer.model())

    first = await execute_run(services, test.id, "manual")
    record = first.record
    assert record is not None and record.passed, record
    assert record.outcome == "healed"
    assert "step 4: '" + OLD_NAME + "' → button 'Send'" in record.details
    healed = record.step_results[3]
    assert healed.healed and healed.healed_from == f"'{OLD_NAME}'" and healed.target == "Send"
    assert "healed:" in healed.details
    assert [s.healed for s in record.step_results] == [False, False, False, True, False]
    assert record.llm_calls == 1 and record.llm_tokens > 0 and healer.calls == 1

    cached = await RedisPlanCache(redis).get(test.id, url, GOAL)
    assert cached is not None and cached.steps[3].target == "Send"
    assert cached.steps[3].role == "button" and cached.steps[3].origin == "llm"
    assert await redis.hget(keys.test(test.id), keys.CACHED_PLAN_FIELD) is not None

    executor.healer = LLMHealer(never_called())
    second = await execute_run(services, test.id, "manual")
    assert second.record is not None and second.record.outcome == "passed", second.record
    assert second.record.llm_calls == 0 and second.record.llm_tokens == 0
    assert second.plan is not None and second.plan.source == "cache"


async def test_a_healer_that_answers_an_unknown_ref_three_times_makes_the_run_an_error(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    script = Script({"ref": "e9999", "reason": "looks right"})
    pipe = adhoc_pipeline(browser_pool, signup(f"{demo_site}/form"), script.model())
    outcome = await run_adhoc(pipe, f"{demo_site}/form", GOAL, "cli")
    assert outcome.record is not None and outcome.record.outcome == "error"
    assert isinstance(outcome.exception, ModelError)
    assert outcome.exception.reason == "invalid_output"
    assert "healing step 4" in (outcome.record.error or "")
    assert script.calls == 3  # the answer and two retries, then it stops
    assert "e9999" in script.text_sent() and "is not one of the candidate refs" in (
        script.text_sent()
    )


async def test_a_healer_that_answers_garbage_makes_the_run_an_error(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    calls: list[int] = []

    def chatter(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        calls.append(1)
        return ModelResponse(parts=[TextPart("I think the button moved, good luck!")])

    pipe = adhoc_pipeline(browser_pool, signup(f"{demo_site}/form"), FunctionModel(chatter))
    outcome = await run_adhoc(pipe, f"{demo_site}/form", GOAL, "cli")
    assert outcome.record is not None and outcome.record.outcome == "error"
    assert isinstance(outcome.exception, ModelError)
    assert outcome.exception.reason == "invalid_output"
    assert len(calls) == 3


@pytest.mark.parametrize(
    "claim",
    [
        step("assert_text", value="Newsletter: maybe"),
        step("assert_visible", OLD_NAME),
    ],
    ids=["missing text", "missing element"],
)
async def test_the_healer_never_rescues_a_failed_assertion(
    demo_site: str, browser_pool: BrowserPool, claim: Any
) -> None:
    url = f"{demo_site}/form"
    fixed = plan(url, step("navigate", value=url), step("click", "Send"), claim)
    script = Picker(OLD_NAME)  # would answer if asked; it must not be
    outcome = await run_adhoc(adhoc_pipeline(browser_pool, fixed, script.model()), url, GOAL, "cli")
    assert outcome.record is not None and outcome.record.outcome == "failed"
    assert not outcome.record.passed
    assert not any(s.healed for s in outcome.record.step_results)
    assert outcome.record.step_results[-1].passed is False
    assert script.calls == 0 and outcome.record.llm_calls == 0


async def test_a_healed_step_does_not_rescue_a_later_failed_assertion(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    url = f"{demo_site}/form"
    script = Picker("Send")
    pipe = adhoc_pipeline(browser_pool, signup(url, expect="Newsletter: maybe"), script.model())
    outcome = await run_adhoc(pipe, url, GOAL, "cli")
    record = outcome.record
    assert record is not None and record.outcome == "failed" and not record.passed
    assert record.step_results[3].healed and not record.step_results[4].passed
    assert "Healed by the model: step 4" in record.details


async def test_the_heal_budget_is_enforced(demo_site: str, browser_pool: BrowserPool) -> None:
    url = f"{demo_site}/form"
    fixed = plan(
        url,
        step("navigate", value=url),
        step("click", OLD_NAME),  # healed: the one attempt this run has
        step("click", OLD_NAME),  # not healed: none left
    )
    script = Picker("Send")
    pipe = adhoc_pipeline(browser_pool, fixed, script.model(), max_heals=1)
    outcome = await run_adhoc(pipe, url, GOAL, "cli")
    record = outcome.record
    assert record is not None and record.outcome == "failed"
    assert record.step_results[1].healed and not record.step_results[2].passed
    assert "VIGIL_LLM_MAX_HEALS" in (record.step_results[2].error or "")
    assert script.calls == 1


async def test_with_no_heals_allowed_the_healer_is_never_asked(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    url = f"{demo_site}/form"
    pipe = adhoc_pipeline(browser_pool, signup(url), never_called(), max_heals=0)
    outcome = await run_adhoc(pipe, url, GOAL, "cli")
    assert outcome.record is not None and outcome.record.outcome == "failed"
    assert outcome.record.llm_calls == 0


async def test_a_replacement_step_heals_and_a_claim_as_replacement_is_sent_back(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    url = f"{demo_site}/form"
    script = Script(
        {
            "step": {"action": "assert_text", "description": "sneaky", "value": "Contact"},
            "reason": "just check the page",
        },
        {
            "step": {"action": "click", "description": "Submit the form", "target": "Send"},
            "reason": "the submit button is called Send now",
        },
    )
    outcome = await run_adhoc(
        adhoc_pipeline(browser_pool, signup(url), script.model()), url, GOAL, "cli"
    )
    record = outcome.record
    assert record is not None and record.outcome == "healed", record
    assert script.calls == 2
    assert "not an acting action" in script.text_sent()
    assert record.step_results[3].healed and record.step_results[3].action == "click"


async def test_a_healer_that_finds_nothing_leaves_the_step_failed(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    url = f"{demo_site}/form"
    script = Script({"reason": "no control on this page submits a newsletter sign-up"})
    outcome = await run_adhoc(
        adhoc_pipeline(browser_pool, signup(url), script.model()), url, GOAL, "cli"
    )
    record = outcome.record
    assert record is not None and record.outcome == "failed"
    assert "the healer found nothing" in (record.step_results[3].error or "")
    assert script.calls == 1 and record.llm_calls == 1


async def test_the_call_budget_covers_healing(demo_site: str, browser_pool: BrowserPool) -> None:
    url = f"{demo_site}/form"
    script = Script({"ref": "e9999", "reason": "looks right"})
    settings = pipeline_settings()
    executor = PlaywrightExecutor(
        settings,
        pool=browser_pool,
        screenshots=False,
        healer=LLMHealer(script.model(), limits=LLMLimits(max_calls=2)),
    )
    pipe = Pipeline(FixedPlanner(signup(url)), executor, LLMEvaluator(never_called()))
    outcome = await run_adhoc(pipe, url, GOAL, "cli")
    assert isinstance(outcome.exception, ModelError) and outcome.exception.reason == "budget"
    assert outcome.record is not None and outcome.record.outcome == "error"
    assert outcome.record.llm_calls == 2 and script.calls == 2


async def test_a_secret_typed_earlier_never_reaches_the_healer(
    demo_site: str, browser_pool: BrowserPool
) -> None:
    url = f"{demo_site}/form"
    fixed = plan(
        url,
        step("navigate", value=url),
        step("fill", "Message", "hunter2-secret", secret=True),
        step("click", OLD_NAME),
    )
    script = Picker("Send")
    outcome = await run_adhoc(adhoc_pipeline(browser_pool, fixed, script.model()), url, GOAL, "cli")
    assert outcome.record is not None and outcome.record.outcome == "healed"
    sent = script.text_sent()
    assert "textbox" in sent and "Message" in sent  # the snapshot with the field was sent
    assert "hunter2-secret" not in sent
