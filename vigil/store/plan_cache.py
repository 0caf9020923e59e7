"""Plans that passed, keyed by what they were planned from (DESIGN §4 "plan cache").

The key is a hash of (URL, goal), so editing either is a miss and the model plans again, and
the cache needs no test id: the LLM planner reads it and the LLM evaluator fills it, and
neither sees which test is running. An unused plan expires after PLAN_TTL_S.
"""

from __future__ import annotations

import hashlib

from pydantic import ValidationError
from redis.asyncio import Redis

from vigil.models import TestPlan

PLAN_TTL_S = 30 * 24 * 3600


def plan_key(url: str, goal: str) -> str:
    digest = hashlib.sha256(f"{url}\0{goal}".encode()).hexdigest()[:32]
    return f"plan_cache:{digest}"


class RedisPlanCache:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def get(self, url: str, goal: str) -> TestPlan | None:
        """The cached plan, or None (also for one written by an older, incompatible Vigil)."""
        raw = await self.redis.get(plan_key(url, goal))
        if raw is None:
            return None
        try:
            plan = TestPlan.model_validate_json(raw)
        except ValidationError:
            return None
        return plan if (plan.url, plan.goal) == (url, goal) else None

    async def put(self, plan: TestPlan) -> None:
        data = plan.model_copy(update={"source": "llm"}).model_dump_json()
        await self.redis.set(plan_key(plan.url, plan.goal), data, ex=PLAN_TTL_S)

    async def drop(self, url: str, goal: str) -> None:
        await self.redis.delete(plan_key(url, goal))
