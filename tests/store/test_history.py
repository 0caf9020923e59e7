"""Run history reads: cursor pages, a run by id, response-time points, incidents."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from tests.history_seed import new_test, run, store_each, store_many
from vigil.errors import InvalidInput, NotFound
from vigil.models import Outcome, RunRecord
from vigil.store import keys
from vigil.store.checks import delete_check
from vigil.store.history import (
    Cursor,
    find_run,
    incidents_of,
    results_page,
    timing_points,
)
from vigil.store.results import store_run_result

T0 = datetime(2026, 2, 14, 10, 0, 0, tzinfo=UTC)


async def walk(redis: Redis, test_id: str, limit: int) -> list[RunRecord]:
    seen: list[RunRecord] = []
    cursor: Cursor | None = None
    while True:
        page, cursor = await results_page(redis, test_id, limit=limit, before=cursor)
        seen += page
        if cursor is None:
            return seen


async def test_a_walk_over_1234_runs_sees_each_once_while_20_more_arrive(redis: Redis) -> None:
    test = await new_test(redis)
    # Three runs share each millisecond, so tie groups straddle page boundaries (50 % 3 != 0).
    records = [
        run(test.id, f"r{n:05d}", T0 + timedelta(milliseconds=n // 3), duration_ms=100 + n)
        for n in range(1234)
    ]
    await store_each(redis, test, records)
    late = [run(test.id, f"late{n:02d}", T0 + timedelta(hours=1, seconds=n)) for n in range(20)]

    seen: list[RunRecord] = []
    cursor: Cursor | None = None
    pages = 0
    arrivals: list[asyncio.Task[object]] = []
    while True:
        page, cursor = await results_page(redis, test.id, limit=50, before=cursor)
        seen += page
        pages += 1
        if pages <= 10:  # two new runs land between each of the first ten pages
            for record in late[2 * (pages - 1) : 2 * pages]:
                arrivals.append(
                    asyncio.create_task(store_run_result(redis, test, record, results_keep=10_000))
                )
            await asyncio.sleep(0)
        if cursor is None:
            break
    await asyncio.gather(*arrivals)

    ids = [r.run_id for r in seen]
    assert len(ids) == len(set(ids)) == 1234
    assert set(ids) == {r.run_id for r in records}
    assert pages == 25
    # Newest first: by completion time, ties in one stable order.
    times = [r.completed_at for r in seen]
    assert times == sorted(times, reverse=True)
    # A fresh walk now sees the 20 newcomers first, then the same 1234.
    again = await walk(redis, test.id, limit=77)
    assert [r.run_id for r in again[:20]] == [r.run_id for r in reversed(late)]
    assert [r.run_id for r in again[20:]] == ids


async def test_pages_end_with_a_null_cursor_and_an_empty_test_has_one_empty_page(
    redis: Redis,
) -> None:
    test = await new_test(redis)
    assert await results_page(redis, test.id, limit=10) == ([], None)
    await store_each(
        redis, test, [run(test.id, f"r{n}", T0 + timedelta(seconds=n)) for n in range(4)]
    )

    page, cursor = await results_page(redis, test.id, limit=4)
    assert [r.run_id for r in page] == ["r3", "r2", "r1", "r0"] and cursor is None
    page, cursor = await results_page(redis, test.id, limit=3)
    assert cursor is not None and str(cursor) == f"{(T0 + timedelta(seconds=1)).timestamp()!r}:r1"
    page, cursor = await results_page(redis, test.id, limit=3, before=Cursor.parse(str(cursor)))
    assert [r.run_id for r in page] == ["r0"] and cursor is None


async def test_an_unknown_test_and_a_bad_cursor_are_refused(redis: Redis) -> None:
    with pytest.raises(NotFound):
        await results_page(redis, "nope1234", limit=10)
    for text in ("", "abc", "12.5", "nan:r1", "inf:r1", "12.5:"):
        with pytest.raises(InvalidInput):
            Cursor.parse(text)


async def test_a_cursor_whose_run_was_trimmed_still_continues_below_it(redis: Redis) -> None:
    test = await new_test(redis)
    await store_each(
        redis, test, [run(test.id, f"r{n}", T0 + timedelta(seconds=n)) for n in range(5)]
    )
    gone = Cursor((T0 + timedelta(seconds=2, milliseconds=500)).timestamp(), "vanished")
    page, _ = await results_page(redis, test.id, limit=10, before=gone)
    assert [r.run_id for r in page] == ["r2", "r1", "r0"]


async def test_a_run_is_found_by_id_alone_until_it_is_trimmed_or_its_test_deleted(
    redis: Redis,
) -> None:
    shop, blog = await new_test(redis, "Shop"), await new_test(redis, "Blog")
    for n in range(6):
        at = T0 + timedelta(seconds=n)
        await store_run_result(redis, shop, run(shop.id, f"s{n}", at), results_keep=4)
        await store_run_result(redis, blog, run(blog.id, f"b{n}", at), results_keep=100)

    assert (await find_run(redis, "s5")).test_id == shop.id
    assert (await find_run(redis, "b0")).run_id == "b0"
    # Trimmed with its record, in the same script.
    for trimmed in ("s0", "s1"):
        assert not await redis.exists(keys.run_index(trimmed))
        with pytest.raises(NotFound):
            await find_run(redis, trimmed)
    assert (
        await redis.get(keys.run_index("s2"))
        == f"{shop.id} {(T0 + timedelta(seconds=2)).timestamp()!r}"
    )
    with pytest.raises(NotFound):
        await find_run(redis, "never")

    await delete_check(redis, shop.id)
    assert not await redis.exists(*(keys.run_index(f"s{n}") for n in range(6)))
    assert (await find_run(redis, "b5")).test_id == blog.id


async def test_timing_points_are_thinned_evenly_keeping_the_first_and_last(redis: Redis) -> None:
    test = await new_test(redis)
    records = [
        run(test.id, f"r{n:04d}", T0 + timedelta(minutes=n), duration_ms=n) for n in range(1000)
    ]
    await store_many(redis, test, records)

    full = await timing_points(redis, test.id)
    assert [(p[1], p[2]) for p in full] == [(r.run_id, r.duration_ms) for r in records]
    thin = await timing_points(redis, test.id, max_points=100)
    assert len(thin) == 100
    assert thin[0][1] == "r0000" and thin[-1][1] == "r0999"
    gaps = {b[2] - a[2] for a, b in itertools.pairwise(thin)}
    assert gaps <= {10, 11}  # 999 / 99 = 10.09: evenly spread


async def test_timing_bounds_are_inclusive(redis: Redis) -> None:
    test = await new_test(redis)
    await store_many(
        redis,
        test,
        [run(test.id, f"r{n}", T0 + timedelta(minutes=n), duration_ms=n) for n in range(10)],
    )
    points = await timing_points(
        redis,
        test.id,
        since=(T0 + timedelta(minutes=3)).timestamp(),
        until=(T0 + timedelta(minutes=5)).timestamp(),
    )
    assert [(p[0], p[1], p[2]) for p in points] == [
        ((T0 + timedelta(minutes=n)).timestamp(), f"r{n}", n) for n in (3, 4, 5)
    ]
    with pytest.raises(NotFound):
        await timing_points(redis, "nope1234")


async def test_incidents_are_newest_first_and_an_unknown_test_is_not_found(redis: Redis) -> None:
    test = await new_test(redis)
    outcomes: list[Outcome] = ["failed", "passed", "error", "failed"]
    await store_each(
        redis,
        test,
        [
            run(test.id, f"r{n}", T0 + timedelta(seconds=n), outcome=o)
            for n, o in enumerate(outcomes)
        ],
    )
    assert [i.run_id for i in await incidents_of(redis, test.id, limit=10)] == ["r3", "r2", "r0"]
    assert [i.run_id for i in await incidents_of(redis, test.id, limit=1)] == ["r3"]
    with pytest.raises(NotFound):
        await incidents_of(redis, "nope1234", limit=10)
