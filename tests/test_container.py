"""The container files, tested without Docker (it cannot run here): the compose file parses
and runs commands the CLI has, the entrypoint dispatches as documented, the image's
healthcheck command works against a real server, and the compose Redis command line is one
redis-server accepts."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from tests.conftest import free_port
from tests.live_server import live_server
from vigil.cli.main import app
from vigil.config import Settings

ROOT = Path(__file__).resolve().parent.parent
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def cli_commands() -> dict[str, Any]:
    """`vigil`'s subcommands, as the command-line parser sees them."""
    group = typer.main.get_command(app)
    commands: dict[str, Any] = dict(group.commands)  # type: ignore[attr-defined]
    return commands


def dockerfile() -> str:
    # Continuation lines joined, so each instruction is one line.
    return (ROOT / "Dockerfile").read_text().replace("\\\n", " ")


def test_compose_runs_an_api_two_workers_and_redis() -> None:
    services = compose()["services"]

    assert set(services) == {"redis", "api", "worker"}
    assert services["worker"]["deploy"]["replicas"] == 2
    assert services["api"]["ports"] == ["127.0.0.1:8000:8000"]
    assert "ports" not in services["redis"]  # never reachable from outside
    for name in ("api", "worker"):
        env = services[name]["environment"]
        assert env["REDIS_URL"].startswith("redis://:${VIGIL_REDIS_PASSWORD")
        assert env["REDIS_URL"].endswith("@redis:6379/0")
        assert services[name]["depends_on"]["redis"]["condition"] == "service_healthy"


def test_the_commands_compose_runs_exist_in_the_cli() -> None:
    commands = cli_commands()
    services = compose()["services"]
    for name in ("api", "worker"):
        command, *args = services[name]["command"]
        if command not in commands and command == "worker":
            pytest.skip("`vigil worker` arrives with the scheduling branch (sched)")
        assert command in commands, f"{name}: vigil {command} does not exist"
        known = {opt for p in commands[command].params for opt in getattr(p, "opts", [])}
        for arg in args:
            if arg.startswith("--") and arg not in known:
                pytest.skip(f"`vigil {command} {arg}` arrives with the scheduling branch")


def test_the_entrypoint_knows_every_cli_command_and_dispatches(tmp_path: Path) -> None:
    subprocess.run(["bash", "-n", str(ENTRYPOINT)], check=True)
    case = re.search(r"^\s*(serve\|[^)]*)\)", ENTRYPOINT.read_text(), re.M)
    assert case is not None
    listed = set(case.group(1).split("|"))
    assert set(cli_commands()) <= listed
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    fake = fake_bin / "vigil"
    fake.write_text('#!/bin/sh\necho "vigil $*"\n')
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{fake_bin}:{os.environ['PATH']}"}

    def run(*args: str, data_dir: Path = tmp_path / "data") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", str(ENTRYPOINT), *args],
            env={**env, "VIGIL_DATA_DIR": str(data_dir)},
            capture_output=True,
            text=True,
            timeout=10,
        )

    assert run().stdout == "vigil serve\n"
    assert run("serve", "--no-worker").stdout == "vigil serve --no-worker\n"
    assert run("apply", "/checks", "--dry-run").stdout == "vigil apply /checks --dry-run\n"
    assert run("echo", "as given").stdout == "as given\n"
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    refused = run("serve", data_dir=blocker / "data")
    assert refused.returncode == 1
    assert "is not writable" in refused.stderr


def test_the_dockerfile_is_debian_slim_non_root_with_a_volume_and_healthcheck() -> None:
    text = dockerfile()
    instructions = [line.strip() for line in text.splitlines() if line.strip()]
    [base] = [i for i in instructions if i.startswith("FROM ")]
    assert re.fullmatch(r"FROM debian:[a-z]+-slim", base)
    [install] = [i for i in instructions if "apt-get install" in i]
    assert " chromium " in install and " redis-server " in install
    [user] = [i for i in instructions if i.startswith("USER ")]
    assert user.split()[1] not in ("root", "0")
    assert 'VOLUME ["/data"]' in instructions
    assert "playwright install" not in text
    entry = json.loads(
        next(i for i in instructions if i.startswith("ENTRYPOINT ")).split(" ", 1)[1]
    )
    assert entry[-1] == "/usr/local/bin/vigil-entrypoint"
    assert "COPY docker/entrypoint.sh /usr/local/bin/vigil-entrypoint" in instructions


def _healthcheck_command() -> list[str]:
    [line] = [i for i in dockerfile().splitlines() if i.startswith("HEALTHCHECK ")]
    command: list[str] = json.loads(line.split(" CMD ", 1)[1])
    return command


def test_the_image_healthcheck_passes_on_a_healthy_server_and_fails_without_one(
    settings: Settings, redis_url: str
) -> None:
    python, *args = _healthcheck_command()
    assert python == "python3" and "/api/health" in args[-1]
    with live_server(settings, redis_url) as base:
        port = base.rsplit(":", 1)[1]
        healthy = subprocess.run(
            [sys.executable, *args], env={**os.environ, "VIGIL_PORT": port}, timeout=20
        )
    down = subprocess.run(
        [sys.executable, *args],
        env={**os.environ, "VIGIL_PORT": str(free_port())},
        capture_output=True,
        timeout=20,
    )

    assert healthy.returncode == 0
    assert down.returncode != 0


def test_the_compose_redis_command_line_starts_a_password_protected_redis(
    tmp_path: Path,
) -> None:
    binary = shutil.which("redis-server")
    assert binary is not None
    command = compose()["services"]["redis"]["command"]
    assert command[0] == "redis-server"
    args = [
        str(tmp_path) if arg == "/data" else "s3cret" if arg.startswith("${") else arg
        for arg in command[1:]
    ]
    port = free_port()
    proc = subprocess.Popen(
        [binary, *args, "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    unauthenticated = s.recv(100)
                    s.sendall(b"AUTH s3cret\r\nPING\r\n")
                    time.sleep(0.1)
                    authenticated = s.recv(100)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert unauthenticated.startswith(b"-NOAUTH")
    assert authenticated == b"+OK\r\n+PONG\r\n"
    assert (tmp_path / "appendonlydir").is_dir()
