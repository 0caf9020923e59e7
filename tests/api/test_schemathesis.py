"""Schemathesis against the app in-process: every operation of /openapi.json, generated valid
and invalid requests, every check ("--checks all" semantics), 0 failures.

The app runs as `vigil serve` builds it, on the test Redis, authenticated with the token, with
one difference: runs go through the shipped ScriptedPipeline (vigil/pipeline/scripted.py), so
run-now, run-test and the callback exercise the real run code (locks, storing, events) without
a browser. Nothing may leave the machine: every http(s) URL a request carries is pointed at
127.0.0.1 before it is sent (it stays as valid or invalid as it was), scripted runs pass (no
alert is ever delivered), the scheduler is off, and a guard fails the test if anything in the
process resolves a name or opens a connection to anything but loopback.

Left out, and why:
- GET /api/tests/{test_id}/live is an endless Server-Sent Events stream by design (it ends when
  the client leaves); tests/api/test_live.py covers it.

Positive data (schema-valid requests) must be accepted, except that create and update may
answer 422 for what a JSON Schema cannot state: in rule mode a goal must be readable by the
planner (POST /api/plan explains how it is read), and a cron field's values must be in range
(minute 0-59, day 1-31 …, croniter's rules); and the timing window's `since`/`until` may
answer 422 for an ISO 8601 date that is not in the calendar. Every other schema rule is exact
(the patterns come from the validators, tests/api/test_openapi.py checks they agree), and
invalid data must be refused everywhere.
"""

from __future__ import annotations

import ipaddress
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis as sync_redis
import schemathesis
from schemathesis.config import SchemathesisConfig
from starlette.types import ASGIApp, Receive, Scope, Send

from tests.conftest import TOKEN
from vigil.api.app import create_app
from vigil.config import load_settings
from vigil.models import CheckCreate
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.services import Services
from vigil.store.redis import connect
from vigil.validation import MAX_URL, check_url, raw_url

# Bounded so the whole run stays well under a minute on a loaded two-core machine.
MAX_EXAMPLES = 15
URL_FIELDS = ("url", "alert_webhook")

# --- nothing leaves the machine -----------------------------------------------------------


def _loopback(host: object) -> bool:
    if host in ("localhost", "testserver"):  # testserver: schemathesis's in-process ASGI host
        return True
    try:
        return ipaddress.ip_address(str(host).strip("[]")).is_loopback
    except ValueError:
        return False


@pytest.fixture(scope="module")
def outbound_attempts() -> Iterator[list[str]]:
    """Every name lookup or connection the process tries towards anything but loopback."""
    attempts: list[str] = []
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _loopback(host):
            attempts.append(f"resolve {host}")
            raise OSError(f"test guard: no name lookups off the machine ({host})")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> None:
        if isinstance(address, tuple) and not _loopback(address[0]):
            attempts.append(f"connect {address}")
            raise OSError(f"test guard: no connections off the machine ({address})")
        real_connect(self, address)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        patch.setattr(socket.socket, "connect", connect)
        yield attempts


def _to_loopback(value: object) -> object:
    """A valid http(s) URL with its host replaced by 127.0.0.1 (still valid); anything else
    as it was (an invalid URL stays invalid)."""
    if not isinstance(value, str):
        return value
    try:
        check_url(str(raw_url(value)))
    except ValueError:
        return value
    parts = urlsplit(value.strip())
    netloc = "127.0.0.1" if parts.port is None else f"127.0.0.1:{parts.port}"
    local = urlunsplit(parts._replace(netloc=netloc))
    return local if len(local) <= MAX_URL else "http://127.0.0.1/"


# --- the app and its schema ---------------------------------------------------------------


def _config() -> SchemathesisConfig:
    relaxed = {"expected-statuses": ["2xx", "404", "409", "422"]}
    return SchemathesisConfig.from_dict(
        {
            "headers": {"Authorization": f"Bearer {TOKEN}"},
            "generation": {
                "mode": "all",
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                "database": "none",
            },
            "checks": {"enabled": True},
            "operations": [
                {
                    "include-path-regex": r"^/api/tests(/\{test_id\})?$",
                    "include-method-regex": "^(POST|PATCH)$",
                    "checks": {"positive_data_acceptance": relaxed},
                },
                {
                    "include-path": "/api/tests/{test_id}/timing",
                    "checks": {"positive_data_acceptance": relaxed},
                },
            ],
        }
    )


class _Slot:
    """The ASGI app schemathesis calls. The schema is loaded when this module is imported
    (schemathesis parametrizes at collection), before the test Redis exists; the fixture
    below puts the app on that Redis in the slot before the first request."""

    def __init__(self) -> None:
        self.app: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert self.app is not None
        await self.app(scope, receive, send)


def _app(redis_url: str, data_dir: Path, pipeline: ScriptedPipeline | None = None) -> ASGIApp:
    settings = load_settings(
        {}, VIGIL_DATA_DIR=str(data_dir), VIGIL_API_TOKEN=TOKEN, REDIS_URL=redis_url
    )
    # The clients connect lazily, inside schemathesis's event loop, where the app runs.
    services = Services(
        settings, connect(redis_url), connect(redis_url, decode=False), pipeline=pipeline
    )
    return create_app(services)


_slot = _Slot()
# Only /openapi.json is read from this app: it never reaches Redis (port 1 answers nothing)
# nor its data dir (the token is given, so nothing is written there).
_slot.app = _app("redis://127.0.0.1:1/0", Path(tempfile.gettempdir()) / "vigil-schema-unused")
schema = schemathesis.openapi.from_asgi("/openapi.json", _slot, config=_config()).exclude(
    path="/api/tests/{test_id}/live"
)


@pytest.fixture(scope="module")
def served(
    redis_url: str, tmp_path_factory: pytest.TempPathFactory, outbound_attempts: list[str]
) -> None:
    sync_redis.Redis.from_url(redis_url).flushdb()
    _slot.app = _app(redis_url, tmp_path_factory.mktemp("schemathesis"), ScriptedPipeline("pass"))


@schema.parametrize()
def test_the_api_holds_to_its_schema(case: Any, served: None, outbound_attempts: list[str]) -> None:
    if isinstance(case.body, dict):
        for name in URL_FIELDS:
            if name in case.body:
                case.body[name] = _to_loopback(case.body[name])
    case.call_and_validate()
    assert outbound_attempts == []


def test_urls_are_pointed_at_loopback_and_stay_valid() -> None:
    assert _to_loopback("HTTPS://user@example.com:8443/a?b#c") == "https://127.0.0.1:8443/a?b#c"
    assert _to_loopback("ftp://example.com") == "ftp://example.com"
    assert _to_loopback(42) == 42
    too_long = "http://a/" + "b" * 2048
    assert _to_loopback(too_long) == too_long  # invalid stays invalid
    CheckCreate(url=str(_to_loopback("http://" + "a" * 2030)), goal="g")
