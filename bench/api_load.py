"""API under load (issue #14): a real `vigil serve` process on a real Redis, driven by httpx.

- `api_list_p99_ms`: 200 concurrent clients (each its own connection) listing 100 tests,
  against the p99 of /api/health under the same 200 clients (the cost of the HTTP stack, the
  gate and the event loop alone) measured in the same run.
- `api_create_per_s`: tests created per second by 20 concurrent clients (each create reads
  the goal with the rule planner and writes the test), printed beside the health requests per
  second of the same clients as the baseline.

The server runs in its own process, so the clients' CPU is not charged to it (on a 2-core box
they still share the cores: the numbers are an upper bound of what a caller waits).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import BinaryIO

import httpx

from bench.redis_server import free_port, redis_server

TOKEN = "bench-token-0123456789"
CLIENTS = 200
REQUESTS_PER_CLIENT = 2
ROUNDS = 3
TESTS = 100
CREATE_CLIENTS = 20
CREATES = 200
# Targets. 200 clients each sending its next request as soon as the last one is answered keep
# 200 requests in flight: on 2 cores a request waits for the ~199 ahead of it, so any p99 is
# about 200 x the CPU one request costs, and an absolute "< 500 ms" would mean a list of 100
# tests in 2.5 ms of CPU. The target is therefore relative to /api/health under the same 200
# clients (the HTTP stack, the gate and one Redis round trip): listing 100 tests (one
# pipelined HGETALL each, 100 models, ~60 KB of JSON) may cost at most 20 health checks.
LIST_VS_HEALTH_MAX = 20.0
# Creating checks is not a hot path, but a checks-as-code apply of a few hundred checks
# should take seconds, not minutes.
CREATE_TARGET_PER_S = 50.0
GOAL = "verify the page shows 'Example Domain'"


def _server_log() -> BinaryIO:
    """Where the server's stderr goes, to read when it answers something other than 200."""
    return (Path(tempfile.gettempdir()) / "vigil-bench-api-serve.log").open("wb")


@asynccontextmanager
async def vigil_serve(redis_url: str) -> AsyncIterator[str]:
    """`vigil serve` on a free port with the scheduler off (no worker competes for the CPU)."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="vigil-bench-api-") as data_dir:
        env = {
            **os.environ,
            "REDIS_URL": redis_url,
            "VIGIL_API_TOKEN": TOKEN,
            "VIGIL_DATA_DIR": data_dir,
            "VIGIL_PORT": str(port),
            "VIGIL_SCHEDULER": "off",
        }
        vigil = Path(sys.executable).with_name("vigil")
        log = _server_log()
        proc = await asyncio.create_subprocess_exec(
            str(vigil), "serve", env=env, stdout=subprocess.DEVNULL, stderr=log
        )
        base = f"http://127.0.0.1:{port}"
        try:
            async with httpx.AsyncClient(base_url=base) as probe:
                for _ in range(600):
                    try:
                        if (await probe.get("/api/health")).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    await asyncio.sleep(0.05)
                else:
                    raise SystemExit("bench: vigil serve did not answer /api/health")
            yield base
        finally:
            proc.terminate()
            await proc.wait()
            log.close()


def _client(base: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base,
        headers={"Authorization": f"Bearer {TOKEN}"},
        limits=httpx.Limits(max_connections=1),
        timeout=60.0,
    )


async def latencies_ms(
    base: str, path: str, clients: int, per_client: int, failures: Counter[int | str]
) -> list[float]:
    """Every client sends `per_client` GETs one after another; all clients at once. Answers
    other than 200 are counted in `failures` by status (their time is not a latency)."""
    opened = [_client(base) for _ in range(clients)]
    start = asyncio.Event()

    async def one(client: httpx.AsyncClient) -> list[float]:
        await start.wait()
        times = []
        for _ in range(per_client):
            t0 = time.perf_counter()
            try:
                response = await client.get(path)
            except httpx.TransportError as exc:
                failures[type(exc).__name__] += 1
                continue
            if response.status_code == 200:
                times.append((time.perf_counter() - t0) * 1000)
            else:
                failures[response.status_code] += 1
        return times

    try:
        # No warm-up request: uvicorn closes a connection idle for 5 s, which a client waiting
        # for 199 others to warm up would be; each client's first request pays its handshake.
        tasks = [asyncio.create_task(one(c)) for c in opened]
        start.set()
        return [t for times in await asyncio.gather(*tasks) for t in times]
    finally:
        await asyncio.gather(*(c.aclose() for c in opened))


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


async def requests_per_s(base: str, clients: int, total: int, body: dict[str, str] | None) -> float:
    """`total` requests spread over `clients` concurrent clients: POST /api/tests with `body`,
    or GET /api/health when body is None."""
    opened = [_client(base) for _ in range(clients)]
    remaining = list(range(total))

    async def one(client: httpx.AsyncClient) -> None:
        while remaining:
            n = remaining.pop()
            if body is None:
                response = await client.get("/api/health")
            else:
                response = await client.post("/api/tests", json={**body, "name": f"load {n}"})
            if response.status_code not in (200, 201):
                raise SystemExit(f"bench: answered {response.status_code}: {response.text}")

    try:
        t0 = time.perf_counter()
        await asyncio.gather(*(one(c) for c in opened))
        return total / (time.perf_counter() - t0)
    finally:
        await asyncio.gather(*(c.aclose() for c in opened))


async def main() -> list[str]:
    lines = []
    async with redis_server() as redis_url, vigil_serve(redis_url) as base:
        body = {"url": "http://127.0.0.1:9/", "goal": GOAL}
        health_rate = await requests_per_s(base, CREATE_CLIENTS, CREATES, None)
        create_rate = await requests_per_s(base, CREATE_CLIENTS, CREATES, body)
        verdict = "ok" if create_rate > CREATE_TARGET_PER_S else "MISSED"
        lines.append(
            f"bench: api_create_per_s {create_rate:.0f} /s (target > {CREATE_TARGET_PER_S:g}) "
            f"{verdict}; baseline GET /api/health {health_rate:.0f} /s, same {CREATE_CLIENTS} "
            f"clients"
        )
        # Keep exactly TESTS tests for the list.
        async with _client(base) as c:
            listed = (await c.get("/api/tests")).json()
            for test in listed[TESTS:]:
                await c.delete(f"/api/tests/{test['id']}")
            assert len((await c.get("/api/tests")).json()) == TESTS
        # Interleaved rounds, so load from elsewhere on the machine hits both alike.
        health: list[float] = []
        listing: list[float] = []
        health_failed: Counter[int | str] = Counter()
        list_failed: Counter[int | str] = Counter()
        for _ in range(ROUNDS):
            health += await latencies_ms(
                base, "/api/health", CLIENTS, REQUESTS_PER_CLIENT, health_failed
            )
            listing += await latencies_ms(
                base, "/api/tests", CLIENTS, REQUESTS_PER_CLIENT, list_failed
            )
        target = LIST_VS_HEALTH_MAX * p99(health)
        verdict = "ok" if p99(listing) < target and not list_failed else "MISSED"
        lines.append(
            f"bench: api_list_p99_ms {p99(listing):.0f} ms (target < {target:.0f} = "
            f"{LIST_VS_HEALTH_MAX:g} x baseline) {verdict}; {CLIENTS} clients x "
            f"{REQUESTS_PER_CLIENT * ROUNDS} lists of {TESTS} tests, p50 "
            f"{statistics.median(listing):.0f} ms; baseline GET /api/health p99 "
            f"{p99(health):.0f} ms, p50 {statistics.median(health):.0f} ms; "
            f"non-200 answers: lists {dict(list_failed) or 0}, health {dict(health_failed) or 0} "
            f"(see {Path(tempfile.gettempdir()) / 'vigil-bench-api-serve.log'})"
        )
    return lines
