"""LLM mode's plan cache: the first (model-planned) run against its cached replay.

The "provider" is a FunctionModel that sleeps a fixed 300 ms per call, standing in for a real
model's latency without any network. Same scenario, same browser: the replay must make zero
model calls, and the difference in wall time is what the cache saves each scheduled run.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from tests.site.server import DemoServer
from vigil.agents.cache import MemoryPlanCache
from vigil.agents.wiring import build_agents
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.browser.snapshot import PageSnapshots
from vigil.config import load_settings
from vigil.pipeline.pipeline import Pipeline
from vigil.planner.rule_planner import RulePlanner
from vigil.runs import run_adhoc

LATENCY_S = 0.3
GOAL = "sign up for the newsletter and make sure it worked"
ANSWER: dict[str, Any] = {
    "additions": [
        {
            "after_step": 1,
            "steps": [
                {"action": "fill", "description": "Name", "target": "Name", "value": "Ann"},
                {
                    "action": "check",
                    "description": "Newsletter",
                    "target": "Subscribe to newsletter",
                },
                {"action": "click", "description": "Send", "target": "Send"},
                {"action": "assert_text", "description": "Done", "value": "Newsletter: yes"},
            ],
        }
    ]
}


class SlowModel:
    def __init__(self) -> None:
        self.calls = 0

    async def answer(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        self.calls += 1
        await asyncio.sleep(LATENCY_S)
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, ANSWER)])


async def main() -> list[str]:
    server = DemoServer().start()
    settings = load_settings({}, VIGIL_MODEL="test")
    pool = BrowserPool(settings)
    slow = SlowModel()
    agents = build_agents(
        settings,
        RulePlanner(),
        PageSnapshots(pool),
        model=FunctionModel(slow.answer),
        cache=MemoryPlanCache(),
    )
    pipeline = Pipeline(agents.planner, PlaywrightExecutor(settings, pool=pool), agents.evaluator)
    lines = ["agents: first (model-planned) run vs cached replay, model latency 300 ms/call"]
    try:
        await run_adhoc(pipeline, server.url + "/", "the page shows 'Welcome'", "cli")  # warm-up
        for label in ("first run", "replay"):
            before = slow.calls
            t0 = time.perf_counter()
            outcome = await run_adhoc(pipeline, server.url + "/form", GOAL, "cli")
            ms = (time.perf_counter() - t0) * 1000
            record = outcome.record
            assert record is not None
            lines.append(
                f"  {label:10s} outcome={record.outcome:7s} model calls={slow.calls - before} "
                f"wall={ms:7.0f} ms"
            )
            if label == "replay" and slow.calls != before:
                lines.append("  FAIL: the replay called the model")
    finally:
        await pipeline.aclose()
        server.stop()
    return lines
