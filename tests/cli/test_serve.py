"""`vigil serve` as a user runs it: a real process with its embedded Redis, driven by the CLI."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port

VIGIL = [sys.executable, "-m", "vigil.cli.main"]


def _env(data_dir: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "REDIS_"))}
    env.update(VIGIL_DATA_DIR=str(data_dir), VIGIL_PORT=str(port))
    return env


class Server:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.env = _env(data_dir, self.port)
        self.proc = subprocess.Popen(
            [*VIGIL, "serve"], env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        self.banner = ""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline().decode()
            self.banner += line
            if "API token" in line or not line:
                break
        match = re.search(r"API token: (\S+)", self.banner)
        assert match, self.banner
        self.token = match.group(1)
        self.base = f"http://127.0.0.1:{self.port}"

    def redis_pid(self) -> int:
        return int((self.data_dir / "redis.pid").read_text())

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*VIGIL, *args], env=self.env, capture_output=True, text=True, timeout=60
        )

    def interrupt(self) -> str:
        self.proc.send_signal(signal.SIGINT)
        out, _ = self.proc.communicate(timeout=30)
        return out.decode()


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "vigil-data"


def test_serve_keeps_tests_across_a_restart_and_leaves_no_orphan(data_dir: Path) -> None:
    server = Server(data_dir)
    try:
        # The dashboard URL logs in, as Jupyter's does: it carries the token.
        assert f"Vigil is running: {server.base}/?token={server.token}" in server.banner
        health = httpx.get(f"{server.base}/api/health", timeout=10)
        assert health.json()["redis"] == "ok"
        # The token printed is the one the API wants, and the one kept in the data dir.
        assert (data_dir / "api-token").read_text().strip() == server.token
        no_token = httpx.get(f"{server.base}/api/tests", timeout=10)
        assert no_token.status_code == 401

        created = server.cli("tests", "create", "https://example.com", "verify 'Example'")
        assert created.returncode == 0, created.stderr
        test_id = created.stdout.strip()
        listed = server.cli("tests", "list")
        assert test_id in listed.stdout and "never run" in listed.stdout
        redis_pid = server.redis_pid()
    finally:
        output = server.interrupt()
    assert server.proc.returncode == 0, output
    assert not Path(f"/proc/{redis_pid}").exists(), "redis-server outlived vigil serve"

    again = Server(data_dir)
    try:
        listed = again.cli("tests", "list", "--json")
        assert test_id in listed.stdout
        deleted = again.cli("tests", "delete", test_id)
        assert deleted.returncode == 0
        missing = again.cli("tests", "delete", test_id)
        assert missing.returncode == 2
        assert "404" in missing.stderr and test_id in missing.stderr
    finally:
        again.interrupt()


def test_a_wrong_setting_stops_start_up_with_one_line(tmp_path: Path) -> None:
    env = _env(tmp_path, 1)
    env["VIGIL_CONCURRENCY"] = "zero"
    result = subprocess.run([*VIGIL, "serve"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "vigil: VIGIL_CONCURRENCY: Input should be a valid integer, unable to parse string "
        "as an integer (got 'zero')"
    ]


def test_help_explains_every_command() -> None:
    result = subprocess.run([*VIGIL, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in ("serve", "worker", "tests"):
        assert command in result.stdout
    tests_help = subprocess.run(
        [*VIGIL, "tests", "--help"], capture_output=True, text=True, timeout=60
    )
    for command in ("list", "create", "run", "delete"):
        assert command in tests_help.stdout
