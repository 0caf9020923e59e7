"""The plan cache port and an in-memory implementation (one process, e.g. `vigil run`).

The Redis one lives in vigil/store/plan_cache.py. The LLM planner asks it first (a hit is
replayed with no model call); the LLM evaluator stores a model-made plan once a run of it
passed, and drops a cached plan whose replay failed, so the next run plans again.
"""

from __future__ import annotations

from typing import Protocol

from vigil.models import TestPlan


class PlanCache(Protocol):
    async def get(self, url: str, goal: str) -> TestPlan | None: ...

    async def put(self, plan: TestPlan) -> None: ...

    async def drop(self, url: str, goal: str) -> None: ...


class MemoryPlanCache:
    def __init__(self) -> None:
        self.plans: dict[tuple[str, str], TestPlan] = {}

    async def get(self, url: str, goal: str) -> TestPlan | None:
        return self.plans.get((url, goal))

    async def put(self, plan: TestPlan) -> None:
        self.plans[(plan.url, plan.goal)] = plan.model_copy(update={"source": "llm"})

    async def drop(self, url: str, goal: str) -> None:
        self.plans.pop((url, goal), None)
