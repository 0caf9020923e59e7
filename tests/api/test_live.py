"""The live view over a real HTTP server (httpx's in-process transport buffers whole bodies,
so it cannot show a stream): order, resume with Last-Event-ID, the run filter, heartbeats,
and that a client going away frees its Redis connection, 50 times over."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import uvicorn
from redis.asyncio import Redis

from tests.conftest import TOKEN, free_port
from tests.history_seed import new_test
from vigil.api.app import create_app
from vigil.api.routes import live as live_route
from vigil.models import EventType
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.runs import execute_run
from vigil.services import Services
from vigil.store.events import EventLog, read_events
from vigil.store.live import CLIENT_NAME

RUN_EVENTS: list[EventType] = [
    "plan_start", "plan_complete", "browser_start", "step_start", "step_complete",
    "browser_complete", "eval_start", "eval_complete",
]  # fmt: skip


class _QuietServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # leave pytest's signal handlers alone
        yield


@pytest.fixture
async def base_url(services: Services) -> AsyncIterator[str]:
    port = free_port()
    config = uvicorn.Config(
        create_app(services), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = _QuietServer(config)
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started:
            break
        await asyncio.sleep(0.02)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await asyncio.wait_for(task, 10)


@pytest.fixture
async def http(base_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        base_url=base_url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10
    ) as client:
        yield client


class Reader:
    """Parses an SSE body into (id, data) events and comment lines."""

    def __init__(self, response: httpx.Response) -> None:
        self._lines = response.aiter_lines()
        self.comments: list[str] = []

    async def next_event(self) -> tuple[str, dict[str, object]]:
        import json

        event_id, data = "", ""
        async for line in self._lines:
            if line.startswith(":"):
                self.comments.append(line)
            elif line.startswith("id: "):
                event_id = line[4:]
            elif line.startswith("data: "):
                data = line[6:]
            elif line == "" and data:
                return event_id, json.loads(data)
        raise AssertionError("stream ended")

    async def next_comment(self, text: str) -> None:
        async for line in self._lines:
            if line.startswith(":"):
                self.comments.append(line)
                if text in line:
                    return
        raise AssertionError("stream ended")


async def emit(redis: Redis, test_id: str, run_id: str, types: list[EventType]) -> None:
    log = EventLog(redis, test_id, run_id)
    for n, kind in enumerate(types):
        await log(kind, f"{kind} of {run_id}", step_number=n if "step" in kind else None)


async def live_clients(redis: Redis) -> int:
    clients = await redis.client_list()
    return sum(1 for c in clients if c.get("name") == CLIENT_NAME)


async def test_a_run_started_after_connecting_streams_every_event_in_order(
    http: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    await emit(services.redis, test.id, "before", ["plan_start"])  # history: not replayed
    async with http.stream("GET", f"/api/tests/{test.id}/live") as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        reader = Reader(response)
        await reader.next_comment("connected")
        await emit(services.redis, test.id, "run1", RUN_EVENTS)
        got = [await reader.next_event() for _ in RUN_EVENTS]
        assert await live_clients(services.redis) == 1
    assert [data["type"] for _, data in got] == RUN_EVENTS
    assert {data["run_id"] for _, data in got} == {"run1"}
    ids = [event_id for event_id, _ in got]
    assert ids == [data["id"] for _, data in got] and ids == sorted(ids, key=_stream_order)


async def test_a_real_run_streams_its_events_in_the_order_they_were_logged(
    http: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    runner = Services(
        services.settings, services.redis, services.raw_redis, pipeline=ScriptedPipeline("fail")
    )
    async with http.stream("GET", f"/api/tests/{test.id}/live") as response:
        reader = Reader(response)
        await reader.next_comment("connected")
        outcome = await execute_run(runner, test.id, "manual")
        logged = [
            e for e in await read_events(services.redis, test.id) if e.run_id == outcome.run_id
        ]
        got = [await reader.next_event() for _ in logged]
    assert len(logged) >= 6 and logged[-1].type == "eval_complete"
    assert [(event_id, data["type"], data["message"]) for event_id, data in got] == [
        (e.id, e.type, e.message) for e in logged
    ]
    assert {data["run_id"] for _, data in got} == {outcome.run_id}


def _stream_order(stream_id: str) -> tuple[int, int]:
    ms, seq = stream_id.split("-")
    return int(ms), int(seq)


async def test_reconnecting_with_last_event_id_gets_only_the_missed_events(
    http: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    url = f"/api/tests/{test.id}/live"
    async with http.stream("GET", url) as response:
        reader = Reader(response)
        await reader.next_comment("connected")
        await emit(services.redis, test.id, "run1", RUN_EVENTS[:3])
        seen = [await reader.next_event() for _ in range(3)]
    await emit(services.redis, test.id, "run1", RUN_EVENTS[3:])  # while disconnected

    async with http.stream("GET", url, headers={"Last-Event-ID": seen[-1][0]}) as response:
        reader = Reader(response)
        missed = [await reader.next_event() for _ in RUN_EVENTS[3:]]
        await emit(services.redis, test.id, "run2", ["plan_start"])
        after = await reader.next_event()
    assert [data["type"] for _, data in missed] == RUN_EVENTS[3:]
    assert after[1]["run_id"] == "run2"


async def test_the_run_filter_follows_one_run_from_its_start(
    http: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    await emit(services.redis, test.id, "mine", RUN_EVENTS[:2])  # before connecting
    await emit(services.redis, test.id, "other", RUN_EVENTS[:2])
    async with http.stream("GET", f"/api/tests/{test.id}/live?run_id=mine") as response:
        reader = Reader(response)
        early = [await reader.next_event() for _ in range(2)]
        await emit(services.redis, test.id, "other", RUN_EVENTS[2:4])
        await emit(services.redis, test.id, "mine", RUN_EVENTS[2:])
        late = [await reader.next_event() for _ in RUN_EVENTS[2:]]
    got = early + late
    assert [data["type"] for _, data in got] == RUN_EVENTS
    assert {data["run_id"] for _, data in got} == {"mine"}


async def test_a_quiet_stream_sends_heartbeat_comments(
    http: httpx.AsyncClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_route, "HEARTBEAT_S", 0.3)
    test = await new_test(services.redis)
    async with http.stream("GET", f"/api/tests/{test.id}/live") as response:
        reader = Reader(response)
        await asyncio.wait_for(reader.next_comment("heartbeat"), 5)
        await asyncio.wait_for(reader.next_comment("heartbeat"), 5)
    assert reader.comments[:1] == [": connected"]


async def test_fifty_clients_that_leave_leave_no_redis_connection_behind(
    http: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    baseline = (await services.redis.info("clients"))["connected_clients"]
    for cycle in range(50):
        async with http.stream("GET", f"/api/tests/{test.id}/live") as response:
            reader = Reader(response)
            await reader.next_comment("connected")
            if cycle % 10 == 0:  # also leave in the middle of an event stream
                await emit(services.redis, test.id, f"run{cycle}", ["plan_start"])
                await reader.next_event()
    for _ in range(100):
        if await live_clients(services.redis) == 0:
            break
        await asyncio.sleep(0.05)
    assert await live_clients(services.redis) == 0
    assert (await services.redis.info("clients"))["connected_clients"] <= baseline + 1
