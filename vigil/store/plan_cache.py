"""Plans that passed, cached on their test (DESIGN §4 "a plan that passed is cached on the
test", §2 "test hash … cached plan").

Two fields of `test:{id}`: the plan as JSON and a digest of the URL and goal it was planned
from. A PATCH of either leaves a digest that no longer fits, so the plan is a miss and the
model plans again; deleting the test deletes the hash and the plan with it. Writes go through
a script that refuses a hash that no longer exists, so a run finishing after its test was
deleted cannot bring the hash back as a stub. Ad-hoc runs (no test id) are never cached here:
DESIGN §1 says nothing of theirs is stored.
"""

from __future__ import annotations

import hashlib

from pydantic import ValidationError
from redis.asyncio import Redis

from vigil.models import TestPlan
from vigil.store import keys
from vigil.store.scripts import LuaScript

_PUT = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
return 1
""")


def planned_from(url: str, goal: str) -> str:
    """The digest a cached plan is valid for."""
    return hashlib.sha256(f"{url}\0{goal}".encode()).hexdigest()[:32]


class RedisPlanCache:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def get(self, test_id: str | None, url: str, goal: str) -> TestPlan | None:
        """The test's cached plan when it was planned from this URL and goal, else None (also
        for one written by an older, incompatible Vigil)."""
        if test_id is None:
            return None
        raw, made_for = await self.redis.hmget(
            keys.test(test_id), [keys.CACHED_PLAN_FIELD, keys.CACHED_PLAN_FOR_FIELD]
        )
        if raw is None or made_for != planned_from(url, goal):
            return None
        try:
            plan = TestPlan.model_validate_json(raw)
        except ValidationError:
            return None
        return plan if (plan.url, plan.goal) == (url, goal) else None

    async def put(self, test_id: str | None, plan: TestPlan) -> None:
        if test_id is None:
            return
        data = plan.model_copy(update={"source": "llm"}).model_dump_json()
        await _PUT(
            self.redis,
            [keys.test(test_id)],
            [
                keys.CACHED_PLAN_FIELD,
                data,
                keys.CACHED_PLAN_FOR_FIELD,
                planned_from(plan.url, plan.goal),
            ],
        )

    async def drop(self, test_id: str | None, url: str, goal: str) -> None:
        if test_id is None:
            return
        await self.redis.hdel(
            keys.test(test_id), keys.CACHED_PLAN_FIELD, keys.CACHED_PLAN_FOR_FIELD
        )
