"""Log lines: JSON objects with the run's ids under VIGIL_LOG_FORMAT=json, readable text by
default, and never a secret, checked with a known token and password."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from tests.alert_receiver import Receiver
from tests.conftest import TOKEN
from tests.test_runs import dispatcher, make_services
from vigil.config import Settings
from vigil.logs import configure_logging, log_context
from vigil.models import BrowserResult, CheckCreate, TestPlan
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.pipeline import Pipeline
from vigil.pipeline.ports import EventSink
from vigil.pipeline.scripted import ScriptedExecutor, ScriptedPipeline, ScriptedPlanner
from vigil.runs import execute_run
from vigil.services import Services
from vigil.store.checks import create_check

PASSWORD = "hunter2-Pa55"
REDIS_PASSWORD = "redis-pw-9f8e7d"
SLACK_PATH_SECRET = "xoxSecretPath42"
WEBHOOK_SECRET = "whsec_bG9nLXRlc3Qtc2VjcmV0LTEyMzQ1Njc4"


class LeakyExecutor(ScriptedExecutor):
    """Fails the way a careless library would: the exception quotes credentials."""

    async def execute(self, plan: TestPlan, events: EventSink) -> BrowserResult:
        raise RuntimeError(
            f"login failed at https://demo:{PASSWORD}@shop.example/login "
            f"(form password={PASSWORD}; Authorization: Bearer {TOKEN})"
        )


def leaky_pipeline() -> Pipeline:
    return Pipeline(ScriptedPlanner(), LeakyExecutor(), RuleEvaluator())


@pytest.fixture
def capture() -> Iterator[tuple[io.StringIO, list[logging.Handler]]]:
    stream = io.StringIO()
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    touched = [logging.getLogger(n) for n in ("httpx", "httpcore", "uvicorn", "uvicorn.error")]
    saved = [(lg, lg.level, lg.propagate, list(lg.handlers)) for lg in touched]
    added: list[logging.Handler] = []
    yield stream, added
    for handler in added:
        root.removeHandler(handler)
    root.setLevel(level)
    for lg, lg_level, propagate, lg_handlers in saved:
        lg.setLevel(lg_level)
        lg.propagate = propagate
        lg.handlers[:] = lg_handlers
    assert list(root.handlers) == handlers


def _settings(services: Services, fmt: str) -> Settings:
    return services.settings.model_copy(
        update={
            "log_format": fmt,
            "redis_url": SecretStr(f"redis://:{REDIS_PASSWORD}@127.0.0.1:6390/0"),
            "webhook_secret": SecretStr(WEBHOOK_SECRET),
        }
    )


async def _leaky_run(services: Services) -> tuple[str, str]:
    svc = make_services(services, leaky_pipeline())  # type: ignore[arg-type]
    spec = CheckCreate(url="https://shop.example", goal=f"log in as demo / {PASSWORD}")
    test = await create_check(svc.redis, spec)
    outcome = await execute_run(svc, test.id, "manual", dispatcher=dispatcher(svc))
    return test.id, outcome.run_id


async def test_json_lines_carry_the_run_ids_and_no_secret(
    services: Services, capture: tuple[io.StringIO, list[logging.Handler]]
) -> None:
    stream, added = capture
    settings = _settings(services, "json")
    added.append(configure_logging(settings, stream=stream))

    test_id, run_id = await _leaky_run(services)
    logging.getLogger("vigil.test").info(
        "settings: %s token=%s webhook %s", settings.secret("redis_url"), TOKEN, WEBHOOK_SECRET
    )

    text = stream.getvalue()
    lines = [json.loads(line) for line in text.splitlines()]
    [run_line] = [line for line in lines if line["logger"] == "vigil.runs"]
    assert set(run_line) == {
        "time",
        "level",
        "logger",
        "message",
        "test_id",
        "run_id",
        "exc_info",
    }
    assert (run_line["level"], run_line["test_id"], run_line["run_id"]) == (
        "warning",
        test_id,
        run_id,
    )
    assert run_line["time"].endswith("Z")
    assert "login failed at https://demo:***@shop.example/login" in run_line["message"]
    assert "RuntimeError" in run_line["exc_info"]
    last = lines[-1]
    assert "test_id" not in last and "run_id" not in last  # outside a run: no ids
    for secret in (PASSWORD, TOKEN, REDIS_PASSWORD, WEBHOOK_SECRET):
        assert secret not in text


async def test_an_alert_delivery_does_not_log_the_webhook_url(
    services: Services, capture: tuple[io.StringIO, list[logging.Handler]]
) -> None:
    stream, added = capture
    added.append(configure_logging(_settings(services, "json"), stream=stream))
    svc = make_services(services, ScriptedPipeline("fail"))
    async with Receiver() as receiver:
        hook = f"{receiver.url}/services/T000/B000/{SLACK_PATH_SECRET}"
        spec = CheckCreate(url="https://a.example", goal="x", retries=0, alert_webhook=hook)
        test = await create_check(svc.redis, spec)
        outcome = await execute_run(svc, test.id, "manual", dispatcher=dispatcher(svc))
        logging.getLogger("vigil.test").info("done")

    assert outcome.alert is not None and outcome.alert.sent
    assert len(receiver.requests) == 1
    text = stream.getvalue()
    assert '"message": "done"' in text
    assert SLACK_PATH_SECRET not in text


async def test_text_is_the_default_and_is_scrubbed_too(
    services: Services, capture: tuple[io.StringIO, list[logging.Handler]]
) -> None:
    stream, added = capture
    settings = _settings(services, "text")
    assert Settings.model_fields["log_format"].default == "text"
    added.append(configure_logging(settings, stream=stream))

    test_id, run_id = await _leaky_run(services)
    with log_context(test_id="t1"):
        logging.getLogger("vigil.x").warning("plain line")

    text = stream.getvalue()
    assert not text.lstrip().startswith("{")
    assert f"WARNING vigil.runs [{test_id}/{run_id}] run {run_id}" in text
    assert "WARNING vigil.x [t1] plain line" in text
    for secret in (PASSWORD, TOKEN, REDIS_PASSWORD):
        assert secret not in text
