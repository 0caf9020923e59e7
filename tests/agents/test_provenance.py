"""Who planned each step, as `POST /api/plan` and `vigil plan` show it (issue: "show which
steps came from the rules and which from the model")."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from pydantic_ai.exceptions import ModelHTTPError

from tests.agents.scripts import Script
from tests.agents.test_planner import NEWSLETTER
from tests.conftest import TOKEN
from vigil.agents.evaluator import LLMEvaluator
from vigil.agents.planner import LLMPlanner
from vigil.api.app import create_app
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.browser.snapshot import PageSnapshots
from vigil.cli.plan import show_steps
from vigil.config import Settings, load_settings
from vigil.pipeline.pipeline import Pipeline
from vigil.planner.rule_planner import RulePlanner
from vigil.services import Services

GOAL = "sign up for the newsletter and make sure it worked"


@pytest.fixture
async def llm_client(
    settings: Settings, services: Services, browser_pool: BrowserPool, executor: PlaywrightExecutor
) -> AsyncIterator[tuple[httpx.AsyncClient, Script]]:
    """An API client of a server in LLM mode whose model is a script."""
    script = Script(NEWSLETTER)
    planner = LLMPlanner(script.model(), RulePlanner(), PageSnapshots(browser_pool))
    pipe = Pipeline(planner, executor, LLMEvaluator(script.model()))
    llm_settings = load_settings({}, **{**settings.model_dump(), "model": "test"})
    llm_services = Services(llm_settings, services.redis, services.raw_redis, pipeline=pipe)
    transport = httpx.ASGITransport(app=create_app(llm_services))
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://vigil.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as c:
        yield c, script


async def test_the_rule_preview_marks_every_step_as_the_rules(client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/api/plan", json={"url": "https://example.com", "goal": "click 'More'"}
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["source"] == "rules"
    assert [s["origin"] for s in body["steps"]] == ["rules", "rules"]


async def test_asking_for_the_model_without_one_is_a_422_naming_the_field(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.post(
        "/api/plan", json={"url": "https://example.com", "goal": GOAL, "model": True}
    )
    assert answer.status_code == 422
    assert answer.json()["detail"].startswith("model: ")


async def test_the_model_plan_says_which_steps_the_model_added(
    demo_site: str, llm_client: tuple[httpx.AsyncClient, Script]
) -> None:
    client, script = llm_client
    answer = await client.post(
        "/api/plan", json={"url": f"{demo_site}/form", "goal": GOAL, "model": True}
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["source"] == "llm"
    assert [s["origin"] for s in body["steps"]] == ["rules", "llm", "llm", "llm", "llm"]
    assert body["unread"] == [] and body["errors"] == []
    assert script.calls == 1
    # Without `model`, the same server still answers from the rules alone, with no call.
    preview = await client.post("/api/plan", json={"url": f"{demo_site}/form", "goal": GOAL})
    assert preview.json()["source"] == "rules" and script.calls == 1


async def test_a_model_plan_of_an_unreachable_page_is_a_422_naming_the_url(
    llm_client: tuple[httpx.AsyncClient, Script],
) -> None:
    client, script = llm_client
    answer = await client.post(
        "/api/plan", json={"url": "http://127.0.0.1:9/", "goal": GOAL, "model": True}
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"].startswith("url: ")
    assert script.calls == 0


async def test_a_provider_failure_while_planning_is_a_502_saying_so(
    demo_site: str, settings: Settings, services: Services, browser_pool: BrowserPool
) -> None:
    refused = Script(ModelHTTPError(401, "test-model"))
    planner = LLMPlanner(refused.model(), RulePlanner(), PageSnapshots(browser_pool))
    pipe = Pipeline(
        planner, PlaywrightExecutor(settings, pool=browser_pool), LLMEvaluator(refused.model())
    )
    llm_settings = load_settings({}, **{**settings.model_dump(), "model": "test"})
    app = create_app(Services(llm_settings, services.redis, services.raw_redis, pipeline=pipe))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://vigil.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as client:
        answer = await client.post(
            "/api/plan", json={"url": f"{demo_site}/form", "goal": GOAL, "model": True}
        )
    assert answer.status_code == 502, answer.text
    assert "refused the API key" in answer.json()["detail"]


async def test_vigil_plan_marks_each_step_with_who_planned_it(
    demo_site: str, browser_pool: BrowserPool, capsys: pytest.CaptureFixture[str]
) -> None:
    planner = LLMPlanner(Script(NEWSLETTER).model(), RulePlanner(), PageSnapshots(browser_pool))
    show_steps(await planner.plan(f"{demo_site}/form", GOAL))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Planned by: the rules, and the model")
    assert "[rules] Open" in lines[1]
    assert "[llm]" in lines[2] and "Type a name" in lines[2]
    assert all("[llm]" in line for line in lines[2:6])


def test_vigil_plan_model_without_a_model_says_so(tmp_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "REDIS_URL"))}
    environ["VIGIL_DATA_DIR"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "vigil.cli.main", "plan", "http://127.0.0.1:9/", GOAL, "--model"],
        capture_output=True,
        text=True,
        timeout=90,
        env=environ,
    )
    assert proc.returncode == 2
    assert "VIGIL_MODEL" in proc.stderr
