"""The check store: ids stay unique under concurrent creation."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from vigil.models import CheckCreate
from vigil.store import checks, keys

SPEC = CheckCreate(url="https://example.com", goal="verify the page shows 'Example'")


async def test_concurrent_creations_get_distinct_ids(redis: Redis) -> None:
    created = await asyncio.gather(*(checks.create_check(redis, SPEC) for _ in range(200)))
    ids = {t.id for t in created}
    assert len(ids) == 200
    assert await redis.zcard(keys.TESTS) == 200


async def test_creation_never_overwrites_an_existing_test_on_an_id_collision(
    redis: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await checks.create_check(redis, SPEC)
    # Force the next random id to collide with the existing one once, then be fresh.
    ids = iter([first.id, first.id, "feedc0de"])
    monkeypatch.setattr(checks, "new_id", lambda: next(ids))
    other = SPEC.model_copy(update={"name": "other"})
    second = await checks.create_check(redis, other)
    assert second.id == "feedc0de"
    assert (await checks.get_check(redis, first.id)).name == "example.com"
    assert (await checks.get_check(redis, "feedc0de")).name == "other"


async def test_racing_creations_on_the_same_id_create_exactly_one(
    redis: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every creation draws the same id first: exactly one may take it, the rest move on.
    counter = iter(range(1000))
    monkeypatch.setattr(
        checks, "new_id", lambda: "same0000" if next(counter) < 20 else f"{next(counter):08x}"
    )
    created = await asyncio.gather(*(checks.create_check(redis, SPEC) for _ in range(20)))
    assert [t.id for t in created].count("same0000") == 1
    assert len({t.id for t in created}) == 20
