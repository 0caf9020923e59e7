"""Real processes for the fault tests: a redis-server with AOF, `vigil serve --no-worker`, and
stub workers (`python -m tests.scheduling.stub_worker`: the code of `vigil worker` with a
browser-free pipeline). Output goes to files (a full pipe would block a process)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import TOKEN, free_port

ROOT = Path(__file__).resolve().parents[2]


def base_env(redis_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "REDIS_", "STUB_"))}
    env.update(REDIS_URL=redis_url, VIGIL_API_TOKEN=TOKEN, PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


class Proc:
    def __init__(self, args: list[str], env: dict[str, str], log: Path, ready: str) -> None:
        self.log = log
        self._out = log.open("wb")
        self.proc = subprocess.Popen(
            args, env=env, stdout=self._out, stderr=subprocess.STDOUT, cwd=str(ROOT)
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if ready in self.output():
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        self.kill()
        raise AssertionError(f"{args} did not become ready:\n{self.output()}")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def terminate(self, timeout: float = 60) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=timeout)
        self._out.close()
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._out.close()


def stub_worker(redis_url: str, log: Path, **env: str) -> Proc:
    return Proc(
        [sys.executable, "-m", "tests.scheduling.stub_worker"],
        base_env(redis_url, **env),
        log,
        "worker ready",
    )


class Api(Proc):
    def __init__(self, redis_url: str, log: Path, **env: str) -> None:
        self.port = free_port()
        super().__init__(
            [sys.executable, "-m", "vigil.cli.main", "serve", "--no-worker"],
            base_env(redis_url, VIGIL_PORT=str(self.port), **env),
            log,
            "API token",
        )
        self.base = f"http://127.0.0.1:{self.port}"


class RedisServer:
    """A redis-server with AOF (fsync always: an acknowledged write is on disk) that can be
    stopped and started again on the same port and data."""

    def __init__(self, workdir: Path) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed"
        self.binary = binary
        self.workdir = workdir
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> RedisServer:
        self.proc = subprocess.Popen(
            [
                self.binary,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "yes",
                "--appendfsync", "always",
                "--dir", str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=15)
