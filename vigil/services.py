"""The composition root: builds the concrete adapters from Settings, once per process.

API routes, the CLI and workers get everything through a Services object, so tests can build
one against a test Redis and nothing reads configuration on its own.

The adapters are imported where they are built, not at module level: `vigil run` imports this
module on its way to launching Chromium, and every import here would delay the launch.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from vigil.config import Settings
from vigil.errors import ConfigError

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from vigil.agents.cache import PlanCache
    from vigil.browser.executor import BrowserPool
    from vigil.pipeline.pipeline import Pipeline
    from vigil.scheduling.scheduler import Scheduler


class Services:
    """Settings, the Redis clients and the run pipeline of one process.

    Without a `pipeline` the default one is built from Settings on first use; tests pass
    their own (e.g. vigil.pipeline.scripted.ScriptedPipeline).
    """

    def __init__(
        self,
        settings: Settings,
        redis: Redis,
        raw_redis: Redis,  # bytes in and out, for screenshots
        *,
        pipeline: Pipeline | None = None,
    ) -> None:
        from vigil.alerts.background import BackgroundDeliveries
        from vigil.scheduling.scheduler import OffScheduler

        self.settings = settings
        self.redis = redis
        self.raw_redis = raw_redis
        self._pipeline = pipeline
        # Where test changes are scheduled (VIGIL_SCHEDULER); the server sets the configured one.
        self.scheduler: Scheduler = OffScheduler()
        # Alerts delivered after their run was answered; awaited (bounded) on close.
        self.deliveries = BackgroundDeliveries()

    @classmethod
    def connect(cls, settings: Settings, redis_url: str) -> Services:
        """Clients whose calls time out after VIGIL_REDIS_TIMEOUT and retry a dropped
        connection VIGIL_REDIS_RETRIES times with backoff (vigil/store/redis.py)."""
        from vigil.store.redis import connect

        timeout_s, retries = settings.redis_timeout_s, settings.redis_retries
        return cls(
            settings,
            connect(redis_url, timeout_s=timeout_s, retries=retries),
            connect(redis_url, decode=False, timeout_s=timeout_s, retries=retries),
        )

    @property
    def pipeline(self) -> Pipeline:
        """The run pipeline (planner, browser, evaluator), built on first use: a process that
        never runs a check never starts Chromium."""
        if self._pipeline is None:
            from vigil.store.plan_cache import RedisPlanCache

            self._pipeline = build_pipeline(self.settings, plan_cache=RedisPlanCache(self.redis))
        return self._pipeline

    async def aclose(self) -> None:
        # First, while Redis is still open: the deliveries record their outcome there.
        await self.deliveries.drain(self.settings.alert_drain_s)
        if self._pipeline is not None:
            await self._pipeline.aclose()
        await self.scheduler.aclose()
        await self.redis.aclose()
        await self.raw_redis.aclose()


def pipeline_mode(settings: Settings) -> str:
    """One line saying how runs are planned, driven and judged, for `vigil serve` to print:
    a user without a model key sees at once that the rule pipeline is in use."""
    if settings.executor == "tinyfish":
        return "runs: TinyFish web agent (VIGIL_EXECUTOR=tinyfish), judged by rules"
    if not settings.model:
        return "runs: rule planner, Playwright, rule evaluator (no VIGIL_MODEL set)"
    planner = {
        "auto": "rules first, then the model for what they cannot read",
        "llm": "the model plans whole goals",
        "rules": "rules only",
    }[settings.planner]
    return (
        f"runs: LLM mode with {settings.model} (planner: {planner}; a failing step's element "
        f"re-found by the model, up to {settings.llm_max_heals} per run; evaluator: rules, plus "
        f"the model for judgements; budget {settings.llm_max_calls} calls / "
        f"{settings.llm_max_tokens} tokens per run)"
    )


def build_pipeline(
    settings: Settings,
    *,
    screenshots: bool = True,
    prewarm: bool = True,
    plan_cache: PlanCache | None = None,
    pool: BrowserPool | None = None,
) -> Pipeline:
    """The pipeline from Settings: rule planner, Playwright executor, rule evaluator; with
    VIGIL_MODEL, the LLM planner (rules first) and evaluator (rules authoritative).

    A one-shot process (`vigil run`) passes `screenshots=False` (nothing would keep them)
    and `prewarm=False` (there is no next run to open a browser context for). `plan_cache`
    keeps model-made plans that passed (LLM mode; Services passes the Redis one); `pool` is
    a browser pool made beforehand (see `launch_pipeline`). The adapters are imported here, not
    at module level, so a process that never runs a check never loads Playwright.
    """
    if settings.executor == "tinyfish":
        return _tinyfish_pipeline(settings)
    from vigil.browser.executor import BrowserPool, PlaywrightExecutor
    from vigil.pipeline.evaluator import RuleEvaluator
    from vigil.pipeline.pipeline import Pipeline
    from vigil.pipeline.ports import Evaluator, Planner, StepHealer
    from vigil.planner.rule_planner import RulePlanner

    if pool is None:
        pool = BrowserPool(settings, prewarm=prewarm)
    planner: Planner = RulePlanner()
    evaluator: Evaluator = RuleEvaluator()
    healer: StepHealer | None = None
    if settings.model:  # LLM mode (DESIGN §4); pydantic-ai is loaded only here
        from vigil.agents.wiring import build_agents
        from vigil.browser.snapshot import PageSnapshots

        agents = build_agents(settings, planner, PageSnapshots(pool), cache=plan_cache)
        evaluator, healer = agents.evaluator, agents.healer
        if settings.planner != "rules":
            planner = agents.planner
    executor = PlaywrightExecutor(settings, pool=pool, screenshots=screenshots, healer=healer)
    return Pipeline(planner, executor, evaluator)


async def launch_pipeline(settings: Settings, *, screenshots: bool = True) -> Pipeline:
    """`build_pipeline` for a one-shot process (`vigil run`), with Chromium launching while
    the rest is built.

    Starting Playwright's driver and Chromium is most of a second spent in other processes,
    and needs nothing from the planner; importing the planner and the other adapters is a
    few tenths of a second of Python. So the launch is started first and the pipeline is
    built in a thread meanwhile, which leaves the event loop free to answer the driver. No
    spare context is opened (`prewarm=False`): there is no next run.
    """
    pool = None
    if settings.executor == "playwright":
        from vigil.browser.executor import BrowserPool

        pool = BrowserPool(settings, prewarm=False)
        pool.launch_soon()
    try:
        return await asyncio.to_thread(
            build_pipeline, settings, screenshots=screenshots, prewarm=False, pool=pool
        )
    except BaseException:
        if pool is not None:
            await pool.aclose()
        raise


def _tinyfish_pipeline(settings: Settings) -> Pipeline:
    """TinyFish plans and drives the browser itself: Vigil sends the goal, judges by rules."""
    from vigil.pipeline.evaluator import RuleEvaluator
    from vigil.pipeline.pipeline import Pipeline
    from vigil.tinyfish.executor import TinyFishExecutor
    from vigil.tinyfish.planner import GoalPlanner

    key = settings.secret("tinyfish_api_key")
    if not key:
        raise ConfigError("TINYFISH_API_KEY: required with VIGIL_EXECUTOR=tinyfish")
    executor = TinyFishExecutor(key, base_url=settings.tinyfish_url)
    return Pipeline(GoalPlanner(), executor, RuleEvaluator())
