"""The embedded Redis: a `redis-server` child process for single-machine installs (DESIGN §5, §7).

The queue keeps pickled payloads in Redis, so even the embedded server must not be open to
strangers: it binds 127.0.0.1, requires a generated password, and its config file (which
holds the password) is readable by the owner only. Data is persisted with AOF (`everysec`) in
the data directory so a restart keeps every test and run.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from redis.asyncio import Redis

from vigil.errors import EmbeddedRedisError

PASSWORD_FILE = "redis.password"
CONFIG_FILE = "redis.conf"
URL_FILE = "redis.url"  # lets `vigil` CLI commands on this machine find the server
PID_FILE = "redis.pid"
START_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 15.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _private_write(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)


def _password(data_dir: Path) -> str:
    path = data_dir / PASSWORD_FILE
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(32)
    _private_write(path, password + "\n")
    return password


class EmbeddedRedis:
    """Owns one redis-server child process. Use `async with` or start()/stop()."""

    def __init__(self, data_dir: Path, *, binary: str | None = None, port: int | None = None):
        self.data_dir = data_dir
        self.binary = binary or shutil.which("redis-server")
        self.port = port
        self.process: asyncio.subprocess.Process | None = None
        self.password = ""

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    async def start(self) -> str:
        if self.binary is None:
            raise EmbeddedRedisError(
                "redis-server not found: install it (apt-get install -y redis-server) "
                "or set REDIS_URL to an existing Redis"
            )
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._stop_stale()
        self.password = _password(self.data_dir)
        self.port = self.port or _free_port()
        config = self.data_dir / CONFIG_FILE
        _private_write(
            config,
            "\n".join(
                [
                    "bind 127.0.0.1",
                    f"port {self.port}",
                    "protected-mode yes",
                    f"requirepass {self.password}",
                    f'dir "{self.data_dir}"',
                    "appendonly yes",
                    "appendfsync everysec",
                    f'pidfile "{self.data_dir / PID_FILE}"',
                    "daemonize no",
                    "loglevel warning",
                    f'logfile "{self.data_dir / "redis.log"}"',
                    "",
                ]
            ),
        )
        # A session of its own: Ctrl-C in the terminal reaches Vigil, which then shuts Redis
        # down in order, instead of both racing to exit.
        self.process = await asyncio.create_subprocess_exec(
            self.binary,
            str(config),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # it logs to redis.log in the data dir
            start_new_session=True,
        )
        await self._wait_ready()
        _private_write(self.data_dir / URL_FILE, self.url + "\n")
        return self.url

    async def _wait_ready(self) -> None:
        client = Redis(host="127.0.0.1", port=self.port or 0, password=self.password)
        try:
            deadline = asyncio.get_running_loop().time() + START_TIMEOUT_S
            while True:
                assert self.process is not None
                if self.process.returncode is not None:
                    log = self.data_dir / "redis.log"
                    tail = log.read_text()[-500:] if log.exists() else "no log"
                    raise EmbeddedRedisError(f"redis-server exited at start: {tail}")
                try:
                    if await client.ping():
                        return
                except Exception:
                    if asyncio.get_running_loop().time() > deadline:
                        raise EmbeddedRedisError(
                            f"redis-server did not answer within {START_TIMEOUT_S:.0f}s"
                        ) from None
                    await asyncio.sleep(0.05)
        finally:
            await client.aclose()

    def _stop_stale(self) -> None:
        """A redis-server left behind by a killed Vigil still holds the AOF; stop it first."""
        pid_file = self.data_dir / PID_FILE
        if not pid_file.exists():
            return
        with contextlib.suppress(ValueError, OSError):
            pid = int(pid_file.read_text().strip())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"redis-server" in cmdline:
                os.kill(pid, signal.SIGTERM)
                for _ in range(100):
                    status = Path(f"/proc/{pid}/status").read_text()  # gone: OSError
                    if "State:\tZ" in status:  # exited, waiting for its parent to reap it
                        break
                    time.sleep(0.05)

    async def stop(self) -> None:
        """SIGTERM makes redis-server flush the AOF and exit; we wait so nothing is orphaned."""
        proc, self.process = self.process, None
        if proc is None or proc.returncode is not None:
            return
        proc.terminate()
        try:
            await asyncio.wait_for(proc.wait(), STOP_TIMEOUT_S)
        except TimeoutError:
            proc.kill()
            await proc.wait()
        with contextlib.suppress(FileNotFoundError):
            (self.data_dir / URL_FILE).unlink()

    async def __aenter__(self) -> EmbeddedRedis:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
