"""Lua scripts sent by hash: a run's store is one EVALSHA of a few hundred bytes, and the
full text travels only when the server has not seen the script yet (first use, restart)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from redis.asyncio import Redis
from redis.asyncio.client import Pipeline
from redis.exceptions import NoScriptError


class LuaScript:
    def __init__(self, source: str) -> None:
        self.source = source
        self.sha = hashlib.sha1(source.encode()).hexdigest()

    async def __call__(
        self, redis: Redis, keys: Sequence[str], args: Sequence[str | int | float]
    ) -> object:
        try:
            return await redis.evalsha(self.sha, len(keys), *keys, *args)
        except NoScriptError:
            return await redis.eval(self.source, len(keys), *keys, *args)

    async def load(self, redis: Redis) -> None:
        """Make sure the server has the script, before queueing it on a pipeline (a pipeline
        cannot fall back to sending the source in the middle of its replies)."""
        await redis.script_load(self.source)

    def queue(self, pipe: Pipeline, keys: Sequence[str], args: Sequence[str | int | float]) -> None:
        pipe.evalsha(self.sha, len(keys), *keys, *args)
