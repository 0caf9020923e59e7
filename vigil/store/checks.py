"""Checks (DESIGN's "test suites"): the `test:{id}` hash and the `tests` index (DESIGN §2).

Hash values are strings; this module is the one place that converts between the hash and the
typed Check, so the rest of Vigil never sees a stringly-typed field.
"""

from __future__ import annotations

import json
import secrets
from datetime import UTC, date, datetime, timedelta
from typing import cast
from urllib.parse import urlsplit

from redis.asyncio import Redis

from vigil.errors import NotFound
from vigil.models import Check, CheckCreate, CheckUpdate, iso, utc_now
from vigil.store import keys

# Creating a test must never overwrite another, even when two creations race on the same
# random id: the existence check and the writes run as one script.
_CREATE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
return 1
"""

# An update must not resurrect a test deleted a moment earlier.
_UPDATE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
"""

# Id space: 8 hex characters, as in DESIGN's examples. Collisions are retried.
_ID_BYTES = 4
_CREATE_ATTEMPTS = 8

_INT_FIELDS = ("timeout_s", "retries", "alert_after", "reminder_every")


def new_id() -> str:
    return secrets.token_hex(_ID_BYTES)


def _to_hash(values: dict[str, object]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, bool):
            out[name] = "true" if value else "false"
        elif isinstance(value, list):
            out[name] = json.dumps(value)
        else:
            out[name] = str(value)
    return out


def from_hash(raw: dict[str, str]) -> Check:
    """The typed test from its hash; empty strings mean "not set"."""
    data: dict[str, object] = {k: v for k, v in raw.items() if k in Check.model_fields}
    for name in ("last_result", "last_run_at", "qstash_schedule_id"):
        if not data.get(name):
            data.pop(name, None)
    for name in _INT_FIELDS:
        if name in data:
            data[name] = int(str(data[name]))
    if "tags" in data:
        data["tags"] = json.loads(str(data["tags"]) or "[]")
    if "public_badge" in data:
        data["public_badge"] = data["public_badge"] == "true"
    return Check.model_validate(data)


def _default_name(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}{parts.path.rstrip('/')}"[:200]


async def create_check(redis: Redis, spec: CheckCreate) -> Check:
    now = utc_now()
    values = spec.model_dump()
    values["name"] = spec.name or _default_name(spec.url)
    values["created_at"] = values["updated_at"] = iso(now)
    for _ in range(_CREATE_ATTEMPTS):
        test_id = new_id()
        fields = _to_hash({"id": test_id, **values})
        argv: list[str] = [str(now.timestamp()), test_id]
        for name, value in fields.items():
            argv += [name, value]
        created = await redis.eval(_CREATE, 2, keys.test(test_id), keys.TESTS, *argv)
        if created:
            return from_hash(fields)
    raise RuntimeError("could not allocate a unique test id")  # 2^32 ids: practically never


async def get_check(redis: Redis, test_id: str) -> Check:
    raw = cast(dict[str, str], await redis.hgetall(keys.test(test_id)))
    if not raw:
        raise NotFound(f"test '{test_id}' not found")
    return from_hash(raw)


async def list_checks(redis: Redis) -> list[Check]:
    """All tests, oldest first, in one round trip for the hashes."""
    ids = cast(list[str], await redis.zrange(keys.TESTS, 0, -1))
    if not ids:
        return []
    async with redis.pipeline(transaction=False) as pipe:
        for test_id in ids:
            pipe.hgetall(keys.test(test_id))
        hashes: list[dict[str, str]] = await pipe.execute()
    return [from_hash(h) for h in hashes if h]


async def update_check(redis: Redis, test_id: str, changes: CheckUpdate) -> Check:
    values = changes.model_dump(exclude_unset=True, exclude_none=True)
    values["updated_at"] = iso(utc_now())
    argv: list[str] = []
    for name, value in _to_hash(values).items():
        argv += [name, value]
    updated = await redis.eval(_UPDATE, 1, keys.test(test_id), *argv)
    if not updated:
        raise NotFound(f"test '{test_id}' not found")
    return await get_check(redis, test_id)


async def set_status(redis: Redis, test_id: str, status: str) -> Check:
    return await update_check(redis, test_id, CheckUpdate.model_validate({"status": status}))


async def set_fields(redis: Redis, test_id: str, fields: dict[str, str]) -> None:
    """Internal fields (schedule ids, cached plans) that users do not edit; no-op if deleted."""
    argv: list[str] = []
    for name, value in fields.items():
        argv += [name, value]
    await redis.eval(_UPDATE, 1, keys.test(test_id), *argv)


def _days(since: datetime, until: datetime) -> list[date]:
    first = max(since.date(), until.date() - timedelta(seconds=keys.UPTIME_TTL_S))
    return [first + timedelta(days=n) for n in range((until.date() - first).days + 1)]


async def _per_run_keys(redis: Redis, test_id: str) -> list[str]:
    """Keys named by run id (idempotency markers, run index, screenshots), found from the
    stored records rather than by SCAN, which would walk the whole keyspace."""
    members = cast(list[str], await redis.zrange(keys.results(test_id), 0, -1))
    found: list[str] = []
    for member in members:
        record = json.loads(member)
        found.append(keys.run_marker(test_id, record["run_id"]))
        found.append(keys.run_index(record["run_id"]))
        for step in record.get("step_results", []):
            if step.get("screenshot"):
                found.append(keys.screenshot(record["run_id"], int(step["step_number"])))
    return found


async def delete_check(redis: Redis, test_id: str) -> None:
    """Remove every key that belongs to the test (DESIGN §2)."""
    test = await get_check(redis, test_id)
    # Uptime days are enumerated, not scanned: from the test's creation, or its oldest run if
    # that is older (clock skew between machines), up to today.
    since = datetime.fromisoformat(test.created_at.replace("Z", "+00:00"))
    oldest = cast(
        list[tuple[str, float]], await redis.zrange(keys.results(test_id), 0, 0, withscores=True)
    )
    if oldest:
        since = min(since, datetime.fromtimestamp(oldest[0][1], UTC))
    doomed = [
        keys.test(test_id),
        keys.results(test_id),
        keys.timing(test_id),
        keys.events(test_id),
        keys.incidents(test_id),
        keys.run_lock(test_id),
        keys.metrics(test_id),
        *(keys.uptime(test_id, day) for day in _days(since, utc_now())),
        *await _per_run_keys(redis, test_id),
    ]
    recent = cast(list[str], await redis.lrange(keys.RECENT, 0, -1))
    async with redis.pipeline(transaction=True) as pipe:
        pipe.zrem(keys.TESTS, test_id)
        for entry in recent:
            if json.loads(entry).get("test_id") == test_id:
                pipe.lrem(keys.RECENT, 0, entry)
        for start in range(0, len(doomed), 500):
            pipe.unlink(*doomed[start : start + 500])
        await pipe.execute()
