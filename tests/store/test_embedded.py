"""The embedded redis-server: starts, keeps data across restarts, needs its password, stops."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from vigil.errors import EmbeddedRedisError
from vigil.store.embedded import CONFIG_FILE, PASSWORD_FILE, EmbeddedRedis
from vigil.store.redis import connect


async def test_it_starts_with_a_password_and_loopback_only(tmp_path: Path) -> None:
    async with EmbeddedRedis(tmp_path) as server:
        client = connect(server.url)
        assert await client.ping()
        config = await client.config_get("bind")
        assert config["bind"] == "127.0.0.1"
        aof = await client.config_get("appendonly")
        assert aof["appendonly"] == "yes"
        await client.aclose()
        assert (tmp_path / PASSWORD_FILE).stat().st_mode & 0o777 == 0o600
        assert (tmp_path / CONFIG_FILE).stat().st_mode & 0o777 == 0o600

        # A client without the password is refused (raw protocol: no client-side retries).
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"SET k v\r\n")
        await writer.drain()
        reply = await reader.readline()
        writer.close()
        await writer.wait_closed()
        assert reply.startswith(b"-NOAUTH"), reply


async def test_data_survives_a_restart(tmp_path: Path) -> None:
    async with EmbeddedRedis(tmp_path) as server:
        client = connect(server.url)
        await client.set("kept", "yes")
        await client.aclose()
        first_password = server.password
    async with EmbeddedRedis(tmp_path) as again:
        assert again.password == first_password
        client = connect(again.url)
        assert await client.get("kept") == "yes"
        await client.aclose()


async def test_stop_leaves_no_process_behind(tmp_path: Path) -> None:
    server = EmbeddedRedis(tmp_path)
    await server.start()
    assert server.process is not None
    pid = server.process.pid
    await server.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


async def test_a_missing_binary_is_a_clear_error(tmp_path: Path) -> None:
    server = EmbeddedRedis(tmp_path)
    server.binary = None
    with pytest.raises(EmbeddedRedisError, match="apt-get install -y redis-server"):
        await server.start()


async def test_a_server_left_by_a_killed_vigil_is_stopped_first(tmp_path: Path) -> None:
    stale = EmbeddedRedis(tmp_path)
    await stale.start()
    assert stale.process is not None
    stale_pid = stale.process.pid
    # Vigil was killed: nobody calls stop(). The next start must take over the data dir.
    async with EmbeddedRedis(tmp_path) as fresh:
        client = connect(fresh.url)
        assert await client.ping()
        await client.aclose()
    await asyncio.wait_for(stale.process.wait(), 10)
    with pytest.raises(ProcessLookupError):
        os.kill(stale_pid, 0)
