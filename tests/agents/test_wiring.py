"""LLM mode through the composition root and the run path, as a user switches it on."""

from __future__ import annotations

import pytest

from tests.agents.scripts import Script
from tests.agents.test_planner import MISSING_VALUE
from tests.pipeline.plans import pipeline_settings
from vigil.agents.evaluator import LLMEvaluator
from vigil.agents.healer import LLMHealer
from vigil.agents.planner import LLMPlanner
from vigil.agents.wiring import build_agents
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.browser.snapshot import PageSnapshots
from vigil.errors import ConfigError, ModelError
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.pipeline import Pipeline
from vigil.planner.rule_planner import RulePlanner
from vigil.runs import run_adhoc
from vigil.services import build_pipeline, pipeline_mode


async def test_vigil_model_test_runs_end_to_end_without_crashing(demo_site: str) -> None:
    pipeline = build_pipeline(pipeline_settings(model="test"), screenshots=False, prewarm=False)
    try:
        assert isinstance(pipeline.planner, LLMPlanner)
        assert isinstance(pipeline.evaluator, LLMEvaluator)
        assert isinstance(pipeline.executor, PlaywrightExecutor)
        assert isinstance(pipeline.executor.healer, LLMHealer)
        outcome = await run_adhoc(
            pipeline,
            f"{demo_site}/form",
            "sign up for the newsletter and make sure it worked",
            "cli",
        )
    finally:
        await pipeline.aclose()
    assert outcome.record is not None
    assert outcome.record.outcome in ("passed", "failed", "error")


def test_without_a_model_the_rule_pipeline_is_built() -> None:
    pipeline = build_pipeline(pipeline_settings(), prewarm=False)
    assert isinstance(pipeline.planner, RulePlanner)
    assert isinstance(pipeline.evaluator, RuleEvaluator)
    assert isinstance(pipeline.executor, PlaywrightExecutor) and pipeline.executor.healer is None


def test_vigil_planner_rules_keeps_the_rule_planner_with_a_model() -> None:
    pipeline = build_pipeline(pipeline_settings(model="test", planner="rules"), prewarm=False)
    assert isinstance(pipeline.planner, RulePlanner)
    assert isinstance(pipeline.evaluator, LLMEvaluator)


def test_an_unknown_model_name_stops_start_up() -> None:
    with pytest.raises(ConfigError, match="VIGIL_MODEL"):
        build_agents(pipeline_settings(model="nosuchprovider:x"), RulePlanner(), _NoSnapshots())


async def test_over_budget_is_an_error_run_saying_so(
    demo_site: str, browser_pool: BrowserPool, executor: PlaywrightExecutor
) -> None:
    script = Script(MISSING_VALUE)
    settings = pipeline_settings(model="test", llm_max_calls=2)
    agents = build_agents(
        settings, RulePlanner(), PageSnapshots(browser_pool), model=script.model()
    )
    outcome = await run_adhoc(
        Pipeline(agents.planner, executor, agents.evaluator),
        f"{demo_site}/form",
        "sign up for the newsletter and make sure it worked",
        "cli",
    )
    assert outcome.record is not None and outcome.record.outcome == "error"
    assert "LLM budget" in (outcome.record.error or "")
    assert isinstance(outcome.exception, ModelError) and outcome.exception.reason == "budget"
    assert "VIGIL_LLM_MAX_CALLS=2" in (outcome.record.error or "")
    assert script.calls == 2
    assert outcome.record.llm_calls == 2  # an error run still records what it spent


async def test_the_token_budget_is_enforced(demo_site: str, browser_pool: BrowserPool) -> None:
    script = Script(MISSING_VALUE)
    settings = pipeline_settings(model="test", llm_max_tokens=100)
    agents = build_agents(
        settings, RulePlanner(), PageSnapshots(browser_pool), model=script.model()
    )
    with pytest.raises(ModelError) as caught:
        await agents.planner.plan(
            f"{demo_site}/form", "sign up for the newsletter and make sure it worked"
        )
    assert caught.value.reason == "budget"


class _NoSnapshots:
    async def snapshot(self, url: str) -> str:
        return ""


def test_the_mode_line_says_which_pipeline_runs() -> None:
    assert "rule planner" in pipeline_mode(pipeline_settings())
    assert "LLM mode with test" in pipeline_mode(pipeline_settings(model="test"))
    assert "up to 3 per run" in pipeline_mode(pipeline_settings(model="test"))
    assert "TinyFish" in pipeline_mode(pipeline_settings(executor="tinyfish"))
