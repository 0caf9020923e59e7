"""What the egress proxy costs a run: the same checks through the proxy and without it.

Two pipelines on one machine, the demo site's five scenarios (bench/pipeline.py), rounds
interleaved and alternating which goes first so other load hits both alike. "Without" is
the same browser pool with its contexts opened without a proxy, a baseline that exists only
here: production has no switch to turn the egress policy off.
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time

from playwright.async_api import Browser
from playwright.async_api import Error as PlaywrightError

from bench import _handwritten as hand
from bench.pipeline import IDLE_S, SCENARIOS
from tests.site.server import DemoServer
from vigil.browser.executor import VIEWPORT, BrowserPool, PlaywrightExecutor, _Opened
from vigil.browser.recorder import CHANGE_COUNTER_JS
from vigil.browser.settle import ACTIVITY_JS
from vigil.config import load_settings
from vigil.egress.proxy import EgressProxy
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.pipeline import Pipeline
from vigil.planner.rule_planner import RulePlanner

ROUNDS = 5
TARGET = 1.15


class _Unproxied(BrowserPool):
    """The baseline: contexts opened exactly as BrowserPool does, minus the proxy."""

    async def _open(self, browser: Browser) -> _Opened:
        ctx = await browser.new_context(
            viewport=VIEWPORT,  # type: ignore[arg-type]
            service_workers="block",
        )
        try:
            await ctx.add_init_script(script=CHANGE_COUNTER_JS)
            await ctx.add_init_script(script=ACTIVITY_JS)
            return _Opened(ctx, await ctx.new_page(), EgressProxy(self.egress))  # never started
        except PlaywrightError:
            with contextlib.suppress(PlaywrightError):
                await ctx.close()
            raise


async def main() -> list[str]:
    settings = load_settings({}, VIGIL_CHROMIUM_PATH=hand.CHROMIUM)
    pools = {"proxy": BrowserPool(settings), "direct": _Unproxied(settings)}
    pipelines = {
        side: Pipeline(RulePlanner(), PlaywrightExecutor(settings, pool=pool), RuleEvaluator())
        for side, pool in pools.items()
    }
    server = DemoServer().start()
    totals: dict[str, list[float]] = {"proxy": [], "direct": []}
    try:
        for round_ in range(ROUNDS + 1):  # round 0 warms both up and is not counted
            spent = {"proxy": 0.0, "direct": 0.0}
            for name, (path, goal) in SCENARIOS.items():
                order = ("proxy", "direct") if round_ % 2 else ("direct", "proxy")
                for side in order:
                    await asyncio.sleep(IDLE_S)
                    t0 = time.perf_counter()
                    _, _, result = await pipelines[side].run_check(server.url + path, goal)
                    spent[side] += (time.perf_counter() - t0) * 1000
                    if not result.passed:
                        raise RuntimeError(f"{side} scenario {name}: {result.details}")
            if round_:
                for side, ms in spent.items():
                    totals[side].append(ms)
    finally:
        server.stop()
        for pipeline in pipelines.values():
            await pipeline.aclose()
    proxy_ms, direct_ms = statistics.median(totals["proxy"]), statistics.median(totals["direct"])
    return [
        f"bench: egress_proxied_round_ms {proxy_ms:.0f} ms",
        f"bench: egress_direct_round_ms {direct_ms:.0f} ms",
        f"bench: egress_proxy_overhead_ratio {proxy_ms / direct_ms:.2f} x (target <= {TARGET})",
    ]
