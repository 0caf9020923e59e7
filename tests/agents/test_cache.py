"""The plan cache: a model-made plan that passed is replayed with zero model calls; a replay
that fails drops it; the Redis store misses when URL or goal change."""

from __future__ import annotations

from redis.asyncio import Redis

from tests.agents.scripts import Script, never_called
from tests.agents.test_planner import NEWSLETTER
from vigil.agents.cache import MemoryPlanCache
from vigil.agents.evaluator import LLMEvaluator
from vigil.agents.planner import LLMPlanner
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.browser.snapshot import PageSnapshots
from vigil.models import CheckCreate, PlanStep, TestPlan
from vigil.pipeline.pipeline import Pipeline
from vigil.planner.rule_planner import RulePlanner
from vigil.runs import run_adhoc
from vigil.store import keys
from vigil.store.checks import create_check, delete_check, get_check
from vigil.store.plan_cache import RedisPlanCache

GOAL = "sign up for the newsletter and make sure it worked"


def pipeline(
    script: Script, pool: BrowserPool, ex: PlaywrightExecutor, cache: MemoryPlanCache
) -> Pipeline:
    model = script.model()
    planner = LLMPlanner(model, RulePlanner(), PageSnapshots(pool), cache=cache)
    return Pipeline(planner, ex, LLMEvaluator(never_called(), cache=cache))


async def test_a_passed_plan_is_replayed_without_model_calls(
    demo_site: str, browser_pool: BrowserPool, executor: PlaywrightExecutor
) -> None:
    script, cache = Script(NEWSLETTER), MemoryPlanCache()
    pipe = pipeline(script, browser_pool, executor, cache)
    first = await run_adhoc(pipe, f"{demo_site}/form", GOAL, "cli")
    assert first.record is not None and first.record.outcome == "passed"
    assert first.record.llm_calls == 1 and first.record.llm_tokens > 0
    assert first.plan is not None and first.plan.source == "llm"

    second = await run_adhoc(pipe, f"{demo_site}/form", GOAL, "cli")
    assert second.record is not None and second.record.outcome == "passed"
    assert second.plan is not None and second.plan.source == "cache"
    assert second.record.llm_calls == 0
    assert script.calls == 1


async def test_a_cached_plan_that_fails_is_dropped(
    demo_site: str, browser_pool: BrowserPool, executor: PlaywrightExecutor
) -> None:
    url = f"{demo_site}/form"
    steps = [
        PlanStep(step_number=1, action="navigate", description="Open", value=url),
        PlanStep(step_number=2, action="assert_text", description="Gone", value="Renamed away"),
    ]
    cache = MemoryPlanCache()
    await cache.put(None, TestPlan(url=url, goal=GOAL, steps=steps, total_steps=2, source="llm"))
    script = Script(NEWSLETTER)
    outcome = await run_adhoc(pipeline(script, browser_pool, executor, cache), url, GOAL, "cli")
    assert outcome.record is not None and outcome.record.outcome == "failed"
    assert script.calls == 0
    assert await cache.get(None, url, GOAL) is None  # the next run plans again


async def test_the_redis_cache_lives_on_the_test_and_misses_when_url_or_goal_change(
    redis: Redis,
) -> None:
    test = await create_check(redis, CheckCreate(url="http://a/", goal="the page loads"))
    cache = RedisPlanCache(redis)
    steps = [PlanStep(step_number=1, action="navigate", description="Open", value="http://a/")]
    await cache.put(test.id, TestPlan(url="http://a/", goal="g", steps=steps, total_steps=1))
    assert await redis.hexists(keys.test(test.id), keys.CACHED_PLAN_FIELD)
    hit = await cache.get(test.id, "http://a/", "g")
    assert hit is not None and hit.steps == steps
    assert await cache.get(test.id, "http://a/", "other goal") is None
    assert await cache.get(test.id, "http://b/", "g") is None
    assert await cache.get("othertest", "http://a/", "g") is None
    assert await get_check(redis, test.id) == test  # the definition is untouched
    await cache.drop(test.id, "http://a/", "g")
    assert await cache.get(test.id, "http://a/", "g") is None


async def test_the_redis_cache_keeps_nothing_for_adhoc_runs_or_deleted_tests(
    redis: Redis,
) -> None:
    cache = RedisPlanCache(redis)
    steps = [PlanStep(step_number=1, action="navigate", description="Open", value="http://a/")]
    plan = TestPlan(url="http://a/", goal="g", steps=steps, total_steps=1)
    await cache.put(None, plan)
    assert await cache.get(None, "http://a/", "g") is None
    test = await create_check(redis, CheckCreate(url="http://a/", goal="the page loads"))
    await delete_check(redis, test.id)
    await cache.put(test.id, plan)  # a run finishing after its test was deleted
    assert not await redis.exists(keys.test(test.id))
