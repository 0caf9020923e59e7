"""The plan cache port and an in-memory implementation (one process, e.g. `vigil run`).

DESIGN §4: "a plan that passed is cached on the test". The Redis implementation keeps it in
the test's own hash (vigil/store/plan_cache.py), so deleting the test deletes it; an ad-hoc
run (`test_id` None) has no test to keep it on and gets nothing from the Redis cache. The
LLM planner asks the cache first (a hit is replayed with no model call); the LLM evaluator
stores a model-made or healed plan once a run of it passed, and drops a cached plan whose
replay failed, so the next run plans again. Each entry remembers the URL and goal it was
planned from: editing either is a miss.
"""

from __future__ import annotations

from typing import Protocol

from vigil.models import TestPlan


class PlanCache(Protocol):
    async def get(self, test_id: str | None, url: str, goal: str) -> TestPlan | None: ...

    async def put(self, test_id: str | None, plan: TestPlan) -> None: ...

    async def drop(self, test_id: str | None, url: str, goal: str) -> None: ...


class MemoryPlanCache:
    def __init__(self) -> None:
        self.plans: dict[tuple[str | None, str, str], TestPlan] = {}

    async def get(self, test_id: str | None, url: str, goal: str) -> TestPlan | None:
        return self.plans.get((test_id, url, goal))

    async def put(self, test_id: str | None, plan: TestPlan) -> None:
        self.plans[(test_id, plan.url, plan.goal)] = plan.model_copy(update={"source": "llm"})

    async def drop(self, test_id: str | None, url: str, goal: str) -> None:
        self.plans.pop((test_id, url, goal), None)
