"""LLM mode's plan cache: the first (model-planned) run against its cached replay, and a
healed run (a renamed button) against the run after it.

The "provider" is a FunctionModel that sleeps a fixed 300 ms per call, standing in for a real
model's latency without any network. Same scenario, same browser: the replay must make zero
model calls, and the difference in wall time is what the cache saves each scheduled run.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

from pydantic_ai.messages import (
    ModelMessage,
    ModelRequest,
    ModelResponse,
    ToolCallPart,
    UserPromptPart,
)
from pydantic_ai.models.function import AgentInfo, FunctionModel

from tests.site.server import DemoServer
from vigil.agents.cache import MemoryPlanCache
from vigil.agents.wiring import build_agents
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.browser.snapshot import PageSnapshots
from vigil.config import load_settings
from vigil.models import PlanStep, TestPlan
from vigil.pipeline.pipeline import Pipeline
from vigil.planner.rule_planner import RulePlanner
from vigil.runs import run_adhoc

LATENCY_S = 0.3
GOAL = "sign up for the newsletter and make sure it worked"
HEAL_GOAL = "send the contact form as Ann and make sure it thanks her"
OLD_NAME = "Join the mailing list"
HEALED_NAME = "Send"
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
    """Answers the planner with ANSWER, or the healer by picking the candidate called
    HEALED_NAME from the prompt (the refs are Playwright's), after LATENCY_S each call."""

    def __init__(self) -> None:
        self.calls = 0

    async def answer(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        self.calls += 1
        await asyncio.sleep(LATENCY_S)
        tool = info.output_tools[0]
        if "ref" not in tool.parameters_json_schema.get("properties", {}):
            return ModelResponse(parts=[ToolCallPart(tool.name, ANSWER)])
        prompt = "\n".join(
            str(part.content)
            for m in messages
            if isinstance(m, ModelRequest)
            for part in m.parts
            if isinstance(part, UserPromptPart)
        )
        ref = re.search(rf"^- (e\d+): \w+ '{HEALED_NAME}'$", prompt, re.M)
        picked = {"ref": ref.group(1) if ref else "none", "reason": "renamed"}
        return ModelResponse(parts=[ToolCallPart(tool.name, picked)])


async def _timed(
    pipeline: Pipeline, url: str, goal: str, slow: SlowModel
) -> tuple[str, int, float]:
    before = slow.calls
    t0 = time.perf_counter()
    outcome = await run_adhoc(pipeline, url, goal, "cli")
    ms = (time.perf_counter() - t0) * 1000
    assert outcome.record is not None
    return outcome.record.outcome, slow.calls - before, ms


async def main() -> list[str]:
    server = DemoServer().start()
    settings = load_settings({}, VIGIL_MODEL="test")
    pool = BrowserPool(settings)
    slow = SlowModel()
    cache = MemoryPlanCache()
    agents = build_agents(
        settings, RulePlanner(), PageSnapshots(pool), model=FunctionModel(slow.answer), cache=cache
    )
    executor = PlaywrightExecutor(settings, pool=pool, healer=agents.healer)
    pipeline = Pipeline(agents.planner, executor, agents.evaluator)
    lines = [
        "agents: model latency 300 ms/call; first (model-planned or healed) run vs the next one"
    ]
    form = server.url + "/form"
    try:
        await run_adhoc(pipeline, server.url + "/", "the page shows 'Welcome'", "cli")  # warm-up
        results: dict[str, tuple[str, int, float]] = {}
        results["plan: first run"] = await _timed(pipeline, form, GOAL, slow)
        results["plan: replay"] = await _timed(pipeline, form, GOAL, slow)
        # The site renamed its button since the plan was cached: the healer repairs the step
        # once, the healed plan replaces the cached one, and the next run needs no model.
        await cache.put(None, renamed_plan(form))
        results["heal: healed run"] = await _timed(pipeline, form, HEAL_GOAL, slow)
        results["heal: next run"] = await _timed(pipeline, form, HEAL_GOAL, slow)
        for label, (outcome, calls, ms) in results.items():
            lines.append(
                f"  {label:17s} outcome={outcome:7s} model calls={calls} wall={ms:7.0f} ms"
            )
        replay_calls = results["plan: replay"][1]
        heal_calls, next_calls = results["heal: healed run"][1], results["heal: next run"][1]
        lines += [
            f"bench: agents_first_run_model_calls {results['plan: first run'][1]} calls",
            f"bench: agents_replay_model_calls {replay_calls} calls (target == 0)",
            f"bench: agents_healed_run_model_calls {heal_calls} calls",
            f"bench: agents_after_heal_model_calls {next_calls} calls (target == 0)",
        ]
        if results["heal: healed run"][0] != "healed":
            lines.append("  FAIL: the renamed button was not healed")
        if replay_calls or next_calls:
            lines.append("  FAIL: a run after a cached or healed plan called the model")
    finally:
        await pipeline.aclose()
        server.stop()
    return lines


def renamed_plan(url: str) -> TestPlan:
    """A plan made when the form's button was called OLD_NAME (it reads 'Send' now)."""
    steps = [
        PlanStep(step_number=1, action="navigate", description="Open", value=url, origin="rules"),
        PlanStep(step_number=2, action="fill", description="Name", target="Name", value="Ann"),
        PlanStep(step_number=3, action="click", description="Submit", target=OLD_NAME),
        PlanStep(step_number=4, action="assert_text", description="Done", value="Thanks, Ann"),
    ]
    return TestPlan(url=url, goal=HEAL_GOAL, steps=steps, total_steps=4, source="llm")
