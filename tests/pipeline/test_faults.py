"""How runs end when things break: the browser, the network, or the page itself."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
from pathlib import Path

import pytest

from tests.pipeline.plans import pipeline_settings, plan, step
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.errors import (
    BrowserUnavailable,
    ConfigError,
    PipelineError,
    PlanningError,
    RunTimeout,
)
from vigil.models import BrowserResult, EventType, TestPlan
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.pipeline import Pipeline
from vigil.pipeline.ports import discard_events
from vigil.pipeline.scripted import EventRecorder
from vigil.planner.rule_planner import RulePlanner
from vigil.services import build_pipeline


class FixedPlanner:
    """Returns a given plan whatever the goal, to test the pipeline around the executor."""

    def __init__(self, fixed: TestPlan) -> None:
        self.fixed = fixed

    async def plan(self, url: str, goal: str) -> TestPlan:
        return self.fixed


def chromium_browser_pids() -> list[int]:
    """Main Chromium processes descended from this test process (not its helpers)."""
    parents: dict[int, int] = {}
    cmdlines: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        cmdlines[int(entry.name)] = cmd

    def descends(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 0)
            if pid == os.getpid():
                return True
        return False

    return [
        pid
        for pid, cmd in cmdlines.items()
        if "chrom" in cmd.split(" ")[0] and "--type=" not in cmd and descends(pid)
    ]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port  # nothing listens on it once the socket is closed


async def test_a_missing_chromium_names_the_setting_and_the_package() -> None:
    pool = BrowserPool(pipeline_settings(chromium_path=Path("/nonexistent/chromium")))
    executor = PlaywrightExecutor(pipeline_settings(), pool=pool)
    with pytest.raises(BrowserUnavailable) as info:
        await executor.execute(plan("http://x.test", step("navigate", value="/")), discard_events)
    message = str(info.value)
    assert "/nonexistent/chromium" in message
    assert "VIGIL_CHROMIUM_PATH" in message
    assert "apt-get install chromium" in message
    await pool.aclose()


async def test_chromium_killed_mid_run_is_an_error_and_the_next_run_works(demo_site: str) -> None:
    pool = BrowserPool(pipeline_settings())
    executor = PlaywrightExecutor(pipeline_settings(), pool=pool)
    doomed = plan(
        demo_site,
        step("navigate", value=demo_site),
        step("wait", value="1500"),
        step("click", "Second page"),
    )
    pipeline = Pipeline(FixedPlanner(doomed), executor, RuleEvaluator())
    others = set(chromium_browser_pids())  # e.g. the session's shared browser: not ours to kill

    class KillAtStep2(EventRecorder):
        """Kills Chromium as step 2 (the wait) starts: mid-run, deterministically."""

        async def __call__(
            self,
            type: EventType,
            message: str,
            *,
            step_number: int | None = None,
            passed: bool | None = None,
        ) -> None:
            await super().__call__(type, message, step_number=step_number, passed=passed)
            if type == "step_start" and step_number == 2:
                pids = set(chromium_browser_pids()) - others
                assert len(pids) == 1, f"expected this pool's one Chromium, found {pids}"
                for pid in pids:
                    os.kill(pid, signal.SIGKILL)

    events = KillAtStep2()
    with pytest.raises(PipelineError) as info:
        await pipeline.run_check(demo_site, "anything", events=events)
    assert "Chromium stopped during step" in str(info.value)
    assert "crashed or was killed" in str(info.value)
    assert events.events[-1][0] == "error"
    assert "Chromium stopped" in events.events[-1][1]

    ok = plan(demo_site, step("navigate", value=demo_site), step("assert_text", value="Demo"))
    result = await executor.execute(ok, discard_events)
    assert result.success
    assert pool.launches == 2
    await pool.aclose()


async def test_the_browser_is_recycled_after_the_configured_number_of_runs(
    demo_site: str,
) -> None:
    pool = BrowserPool(pipeline_settings(browser_recycle_runs=2))
    executor = PlaywrightExecutor(pipeline_settings(), pool=pool)
    p = plan(demo_site, step("navigate", value=demo_site))
    for _ in range(3):
        assert (await executor.execute(p, discard_events)).success
    assert pool.launches == 2
    await pool.aclose()


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:{closed}/", "connection refused (net::ERR_CONNECTION_REFUSED)"),
        ("http://nonexistent.invalid/", "DNS lookup failed"),
        ("https://127.0.0.1:{demo_port}/", "TLS handshake failed"),
    ],
    ids=["connection-refused", "dns-failure", "tls-error"],
)
async def test_an_unreachable_site_fails_with_the_reason_in_the_first_step(
    url: str, reason: str, pipeline: Pipeline, demo_site: str
) -> None:
    target = url.format(closed=closed_port(), demo_port=demo_site.rsplit(":", 1)[1])
    plan_, browser, result = await pipeline.run_check(target, "the page should load")
    assert not result.passed
    first = browser.steps[0]
    assert first.step_number == 1 and not first.passed
    assert reason in first.details
    assert first.details.startswith(f"could not load {target.rstrip('/')}")
    assert result.details.startswith(f"0 of {plan_.total_steps} steps passed. Step 1 failed:")
    assert browser.navigations[0].status is None


async def test_a_page_that_never_loads_ends_within_the_run_timeout(
    browser_pool: BrowserPool, demo_site: str
) -> None:
    executor = PlaywrightExecutor(pipeline_settings(step_timeout_s=30), pool=browser_pool)
    hanging = plan(demo_site, step("navigate", value=f"{demo_site}/hang"))
    pipeline = Pipeline(FixedPlanner(hanging), executor, RuleEvaluator())
    events = EventRecorder()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    with pytest.raises(RunTimeout, match=r"did not finish within its 2 s timeout"):
        await pipeline.run_check(demo_site, "anything", events=events, timeout_s=2)
    assert loop.time() - t0 < 4
    assert events.events[-1][0] == "error"
    # The run's context was closed: the shared browser still serves the next run at once.
    ok = plan(demo_site, step("navigate", value=demo_site))
    assert (await executor.execute(ok, discard_events)).success


async def test_a_goal_with_clauses_the_planner_cannot_map_is_not_run(demo_site: str) -> None:
    class NoBrowser:
        async def execute(self, plan: TestPlan, events: object) -> BrowserResult:
            raise AssertionError("a plan with errors must not be executed")

    pipeline = Pipeline(RulePlanner(), NoBrowser(), RuleEvaluator())
    events = EventRecorder()
    with pytest.raises(PlanningError, match="frobnicate the 'Pro' widget"):
        await pipeline.run_check(
            demo_site, "frobnicate the 'Pro' widget and click 'Send'", events=events
        )
    assert [e[0] for e in events.events] == ["plan_start", "error"]


def test_the_tinyfish_executor_needs_its_key() -> None:
    with pytest.raises(ConfigError, match="TINYFISH_API_KEY"):
        build_pipeline(pipeline_settings(executor="tinyfish"))


async def test_a_runs_context_is_closed_after_it_and_its_slot_given_back(demo_site: str) -> None:
    settings = pipeline_settings(concurrency=1)
    pool = BrowserPool(settings, prewarm=False)
    executor = PlaywrightExecutor(settings, pool=pool)
    p = plan(demo_site, step("navigate", value=demo_site))
    first, second = await asyncio.gather(
        executor.execute(p, discard_events), executor.execute(p, discard_events)
    )
    assert first.success and second.success, "the background close frees the one slot"
    browser = pool._current.browser if pool._current else None
    assert browser is not None
    for _ in range(100):  # the close runs after the result is returned
        if not browser.contexts:
            break
        await asyncio.sleep(0.05)
    assert browser.contexts == []
    await pool.aclose()


async def test_a_page_that_never_goes_quiet_still_gets_a_prompt_verdict(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    """A ticking clock and a never-ending stream do not count as work in progress: late
    content is still waited for, and a missing text fails once the page's real work is
    done, before the retry budget (about 3 s) runs out."""
    busy = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/busy"),
        step("assert_text", value="the oven is hot"),
        step("assert_no_text", value="Loading news"),
        step("assert_text", value="the oven is cold"),
    )
    result = await executor.execute(busy, discard_events)
    assert [s.passed for s in result.steps] == [True, True, True, False]
    # Decided on a settled look between two ticks, not at the end of the 7-look budget.
    assert result.steps[3].retry_count < 6, result.steps[3]
