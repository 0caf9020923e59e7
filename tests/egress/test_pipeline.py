"""Egress through the whole product: the API's 422s, a run stored by execute_run with real
Redis and real Chromium, and the alert of that run refused and recorded on its incident.

The required fault test of issue #14: a check whose allowed page redirects to a refused
address is `failed` with "blocked: …", the stand-in metadata server got nothing, and the
stored run holds nothing it would have answered.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.alert_receiver import Receiver
from tests.alerts.test_delivery import failure_alert
from tests.api.run_helpers import api
from tests.conftest import TOKEN
from tests.egress.network import METADATA_IP, SECRET, FakeNetwork, Site
from tests.egress.test_browser import BLOCKED, PAGES
from tests.pipeline.plans import pipeline_settings
from vigil.alerts.dispatch import AlertDispatcher, default_notifier_factory
from vigil.alerts.webhook import WebhookOptions
from vigil.api.app import create_app
from vigil.auth import csrf_value
from vigil.browser.executor import BrowserPool, PlaywrightExecutor
from vigil.models import CheckCreate
from vigil.pipeline.evaluator import RuleEvaluator
from vigil.pipeline.pipeline import Pipeline
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.planner.rule_planner import RulePlanner
from vigil.runs import execute_run
from vigil.services import Services
from vigil.store import keys
from vigil.store.checks import create_check
from vigil.store.incidents import list_incidents
from vigil.store.results import list_results

GOAL = "verify the page shows 'All good'"


@pytest.fixture
def egress_pipeline(egress_pool: BrowserPool) -> Pipeline:
    executor = PlaywrightExecutor(pipeline_settings(), pool=egress_pool)
    return Pipeline(RulePlanner(), executor, RuleEvaluator())


@pytest.fixture
def site() -> Iterator[Site]:
    with Site(PAGES).running() as server:
        yield server


@pytest.mark.parametrize(
    "url",
    ["http://169.254.169.254/latest", "http://[fd00:ec2::254]/", "http://2852039166/",
     "http://0xA9FEA9FE/", "http://[::ffff:a9fe:a9fe]/"],
)  # fmt: skip
async def test_creating_a_check_with_a_literal_metadata_url_is_a_422_naming_url(
    client: httpx.AsyncClient, services: Services, url: str
) -> None:
    response = await client.post("/api/tests", json={"url": url, "goal": GOAL})
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail.startswith("url: ") and "cloud metadata address" in detail
    assert await services.redis.dbsize() == 0


@pytest.mark.parametrize(
    "target",
    ["ntfy://169.254.169.254/topic", "gotify://0xA9FEA9FE/token", "json://[fd00:ec2::254]/",
     "mailto://ana:pw@example.com?smtp=169.254.169.254", "https://169.254.169.254/hook"],
)  # fmt: skip
async def test_an_alert_target_naming_a_metadata_address_is_a_422_naming_it(
    client: httpx.AsyncClient, services: Services, target: str
) -> None:
    body = {"url": "https://example.com", "goal": GOAL, "alert_webhook": target}
    response = await client.post("/api/tests", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["detail"].startswith("alert_webhook: blocked: ")


async def test_with_private_networks_blocked_a_literal_private_url_is_refused_on_create_and_edit(
    services: Services,
) -> None:
    settings = services.settings.model_copy(update={"block_private_networks": True})
    blocking = Services(settings, services.redis, services.raw_redis)
    test = await create_check(services.redis, CheckCreate(url="https://example.com", goal=GOAL))
    async with api(blocking, ScriptedPipeline("pass")) as client:
        created = await client.post(
            "/api/tests", json={"url": "http://127.0.0.1:8080/", "goal": GOAL}
        )
        edited = await client.patch(f"/api/tests/{test.id}", json={"url": "http://10.0.0.7/"})
        alert = await client.patch(
            f"/api/tests/{test.id}", json={"alert_webhook": "ntfy://192.168.1.5/topic"}
        )
        by_name = await client.post(
            "/api/tests", json={"url": "http://intranet.example/", "goal": GOAL}
        )
    assert (created.status_code, edited.status_code, alert.status_code) == (422, 422, 422)
    assert created.json()["detail"].startswith("url: blocked: 127.0.0.1 is a private")
    assert edited.json()["detail"].startswith("url: blocked: 10.0.0.7 is a private")
    assert alert.json()["detail"].startswith("alert_webhook: blocked: 192.168.1.5")
    assert by_name.status_code == 201  # a name is judged when it is resolved, at run time


@pytest.mark.parametrize("path", ["/redirect", "/js-redirect", "/fetch"])
async def test_run_now_of_a_page_that_leads_to_a_metadata_address_is_failed_and_blocked(
    services: Services,
    egress_pipeline: Pipeline,
    net: FakeNetwork,
    meta: Site,
    site: Site,
    path: str,
) -> None:
    test = await create_check(services.redis, CheckCreate(url=f"{site.url}{path}", goal=GOAL))
    async with api(services, egress_pipeline) as client:
        response = await client.post(f"/api/tests/{test.id}/run")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["result"]["passed"] is False
    assert BLOCKED in body["result"]["details"]
    [stored] = await list_results(services.redis, test.id)
    assert stored.outcome == "failed" and BLOCKED in stored.details
    assert SECRET not in response.text and SECRET not in stored.model_dump_json()
    assert meta.hits == [] and not net.contacted(METADATA_IP)
    assert site.hits[0] == f"GET {path}"


async def test_the_alert_of_a_blocked_run_to_a_refused_target_is_recorded_never_delivered(
    services: Services, egress_pipeline: Pipeline, net: FakeNetwork, meta: Site, site: Site
) -> None:
    """The run fails (blocked); its alert goes to an ntfy server whose name resolves to the
    metadata address: a permanent delivery error on the incident, and no connection."""
    net.names["alerts.test"] = [METADATA_IP]
    spec = CheckCreate(
        url=f"{site.url}/redirect", goal=GOAL, alert_webhook="ntfy://alerts.test/vigil"
    )
    test = await create_check(services.redis, spec)
    svc = Services(services.settings, services.redis, services.raw_redis, pipeline=egress_pipeline)
    options = WebhookOptions(timeout_s=2, attempts=1, backoff_s=0.01, egress=net.egress())
    dispatcher = AlertDispatcher(
        svc.redis, svc.settings, notifier_for=default_notifier_factory(svc.settings, options)
    )
    outcome = await execute_run(svc, test.id, "manual", dispatcher=dispatcher)
    assert outcome.record is not None and outcome.record.outcome == "failed"
    [incident] = await list_incidents(svc.redis, test.id)
    assert incident.alert_sent is False
    assert incident.delivery_error == (
        "blocked: alerts.test resolves to 169.254.169.254, a cloud metadata address"
    )
    assert meta.hits == [] and not net.contacted(METADATA_IP)
    assert await svc.redis.zcard(keys.results(test.id)) == 1


async def test_a_webhook_on_a_loopback_receiver_gets_nothing_with_private_networks_blocked(
    services: Services, net: FakeNetwork
) -> None:
    async with Receiver() as receiver:
        for blocking, expected in ((True, 0), (False, 1)):
            options = WebhookOptions(
                timeout_s=2, attempts=1, egress=net.egress(block_private=blocking)
            )
            notifier = default_notifier_factory(services.settings, options)(receiver.url)
            if blocking:
                with pytest.raises(Exception, match="private or loopback") as caught:
                    await notifier.send(failure_alert(services.settings))
                assert getattr(caught.value, "permanent", False)
            else:
                await notifier.send(failure_alert(services.settings))
            assert len(receiver.requests) == expected


async def test_the_web_form_refuses_a_metadata_url_like_the_api(services: Services) -> None:
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="http://vigil.test") as browser:
        assert (await browser.get("/", params={"token": TOKEN})).status_code == 303
        form = {"url": "http://0xA9FEA9FE/latest", "goal": GOAL, "csrf": csrf_value(TOKEN)}
        answer = await browser.post("/tests/new", data=form)
    assert answer.status_code == 422
    assert "cloud metadata address" in answer.text
    assert await services.redis.dbsize() == 0


async def test_the_setting_reaches_the_browser_of_a_pipeline_built_from_settings(
    services: Services,
) -> None:
    """VIGIL_BLOCK_PRIVATE_NETWORKS=true, the pipeline the composition root builds, a real
    run through execute_run: the loopback site, reached by name, gets no hit at all."""
    settings = services.settings.model_copy(update={"block_private_networks": True})
    svc = Services(settings, services.redis, services.raw_redis)
    counted = Site()
    try:
        with counted.running():
            spec = CheckCreate(url=f"http://localhost:{counted.port}/", goal=GOAL)
            test = await create_check(svc.redis, spec)
            outcome = await execute_run(svc, test.id, "manual")
    finally:
        await svc.pipeline.aclose()
    assert outcome.record is not None and outcome.record.outcome == "failed"
    assert "blocked: localhost resolves to" in outcome.record.details
    assert "private or loopback address" in outcome.record.details
    assert counted.hits == []
