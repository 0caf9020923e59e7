"""Each read of the read side is one Redis round trip (two for a run by id), whatever the
volume: counted at the client, so a loop of commands could not hide behind a fast server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.asyncio.connection import Connection

from tests.history_seed import new_test, run, store_many
from vigil.store.dashboard import dashboard
from vigil.store.history import Cursor, find_run, incidents_of, results_page, timing_points
from vigil.store.uptime import uptime_counts

NOW = datetime(2026, 2, 14, 10, 0, tzinfo=UTC)


async def round_trips(
    monkeypatch: pytest.MonkeyPatch, read: Callable[[], Awaitable[object]]
) -> int:
    """How many times `read` writes to a Redis socket: a pipeline is one write, as is one
    command."""
    await read()  # the first call may load its script
    writes = 0
    send = Connection.send_packed_command

    async def counting(self: Connection, *args: Any, **options: Any) -> None:
        nonlocal writes
        writes += 1
        await send(self, *args, **options)

    monkeypatch.setattr(Connection, "send_packed_command", counting)
    try:
        await read()
    finally:
        monkeypatch.undo()
    return writes


async def test_reads_take_one_round_trip_at_any_volume(
    redis: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    tests = [await new_test(redis, f"check {n}") for n in range(40)]
    busy = tests[0]
    records = [
        run(
            busy.id,
            f"r{n:05d}",
            NOW - timedelta(minutes=n),
            outcome="failed" if n % 7 else "passed",
        )
        for n in range(3000)
    ]
    await store_many(redis, busy, records)
    for test in tests[1:]:
        await store_many(redis, test, [run(test.id, f"one-{test.id}", NOW)])
    middle = Cursor.of(records[1500])

    reads: dict[str, Callable[[], Awaitable[object]]] = {
        "page": lambda: results_page(redis, busy.id, limit=50, before=middle),
        "timing": lambda: timing_points(redis, busy.id, max_points=100),
        "uptime 90d": lambda: uptime_counts(redis, busy.id, "90d", NOW),
        "uptime 24h": lambda: uptime_counts(redis, busy.id, "24h", NOW),
        "dashboard": lambda: dashboard(redis, recent=50),
        "incidents": lambda: incidents_of(redis, busy.id, limit=50),
    }
    for name, read in reads.items():
        assert await round_trips(monkeypatch, read) == 1, name
    assert await round_trips(monkeypatch, lambda: find_run(redis, "r00042")) == 2
