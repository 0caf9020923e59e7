"""The TinyFish executor against a local server speaking the documented SSE format."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.pipeline.plans import pipeline_settings
from tests.tinyfish.fake_tinyfish import FakeTinyFish, Reply
from vigil.errors import ExecutorServiceError
from vigil.pipeline.scripted import EventRecorder
from vigil.runs import run_adhoc
from vigil.services import build_pipeline
from vigil.tinyfish.executor import TinyFishExecutor
from vigil.tinyfish.planner import GoalPlanner

RUN = "run-1"


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeTinyFish]:
    server = FakeTinyFish().start()
    yield server
    server.stop()


def stream(final: dict[str, Any]) -> list[dict[str, Any] | str]:
    return [
        {"type": "STARTED", "run_id": RUN, "timestamp": "t"},
        {"type": "STREAMING_URL", "run_id": RUN, "streaming_url": "https://live/1"},
        ": a comment line\n\n",
        {"type": "HEARTBEAT", "timestamp": "t"},
        {"type": "PROGRESS", "run_id": RUN, "purpose": "Typing the email"},
        {"type": "COMPLETE", "run_id": RUN, "timestamp": "t", **final},
    ]


async def run(fake: FakeTinyFish, reply: Reply) -> tuple[Any, EventRecorder]:
    fake.reply = reply
    executor = TinyFishExecutor("key-123", base_url=fake.url)
    plan = await GoalPlanner().plan("https://shop.example/", "sign up for the newsletter")
    recorder = EventRecorder()
    return await executor.execute(plan, recorder), recorder


async def test_completed_with_the_goal_met_passes(fake: FakeTinyFish) -> None:
    final = {"status": "COMPLETED", "result": {"goal_met": True, "reason": "saw 'Thanks'"}}
    result, recorder = await run(fake, Reply(events=stream(final)))
    assert result.success and result.steps[0].passed
    assert "saw 'Thanks'" in result.steps[0].details
    headers, body = fake.requests[-1]
    assert headers["x-api-key"] == "key-123"
    assert headers["accept"] == "text/event-stream"
    assert body["url"] == "https://shop.example/"
    assert body["goal"].startswith("sign up for the newsletter")
    assert "goal_met" in body["output_schema"]["properties"]
    messages = [e[1] for e in recorder.events]
    assert "TinyFish: Typing the email" in messages
    assert "Live view: https://live/1" in messages
    assert ("step_complete", 1, True) in [(e[0], e[2], e[3]) for e in recorder.events]


async def test_completed_with_the_goal_not_met_is_a_failure(fake: FakeTinyFish) -> None:
    final = {"status": "COMPLETED", "resultJson": '{"goalMet": false, "reason": "no form"}'}
    result, _ = await run(fake, Reply(events=stream(final)))
    assert not result.success
    assert "not met: no form" in (result.steps[0].error or "")


async def test_completed_without_a_verdict_is_never_a_pass(fake: FakeTinyFish) -> None:
    result, _ = await run(fake, Reply(events=stream({"status": "COMPLETED", "result": None})))
    assert not result.success


async def test_failed_is_an_error(fake: FakeTinyFish) -> None:
    final = {"status": "FAILED", "error": {"message": "browser crashed"}}
    with pytest.raises(ExecutorServiceError, match="FAILED: browser crashed"):
        await run(fake, Reply(events=stream(final)))


async def test_a_stream_that_stops_half_way_is_an_error(fake: FakeTinyFish) -> None:
    with pytest.raises(ExecutorServiceError, match="stopped before the run finished"):
        await run(fake, Reply(events=stream({})[:3]))


@pytest.mark.parametrize(
    ("status", "code", "said"),
    [
        (401, "INVALID_API_KEY", "refused the API key"),
        (429, "RATE_LIMITED", "rate-limiting"),
        (400, "INVALID_INPUT", "refused the run"),
        (500, "INTERNAL", "refused the run"),
    ],
)
async def test_api_errors_are_mapped(fake: FakeTinyFish, status: int, code: str, said: str) -> None:
    body = {"error": {"code": code, "message": "nope"}}
    with pytest.raises(ExecutorServiceError, match=said) as caught:
        await run(fake, Reply(status=status, body=body))
    assert caught.value.status == status
    assert code in str(caught.value)


async def test_unreachable_is_an_error() -> None:
    executor = TinyFishExecutor("k", base_url="http://127.0.0.1:9")
    plan = await GoalPlanner().plan("https://shop.example/", "anything")
    with pytest.raises(ExecutorServiceError, match="could not be reached"):
        await executor.execute(plan, EventRecorder())


async def test_the_composition_root_builds_a_tinyfish_pipeline(fake: FakeTinyFish) -> None:
    fake.reply = Reply(events=stream({"status": "FAILED", "error": {"message": "boom"}}))
    settings = pipeline_settings(executor="tinyfish", tinyfish_api_key="k", tinyfish_url=fake.url)
    outcome = await run_adhoc(
        build_pipeline(settings), "https://shop.example/", "frobnicate it", "cli"
    )
    assert outcome.record is not None and outcome.record.outcome == "error"
    assert "boom" in (outcome.record.error or "")
