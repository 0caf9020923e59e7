"""VIGIL_SCHEDULER=qstash through the qstash SDK against a local QStash schedules API: every
test change reaches QStash first, and a QStash error is a 502 that leaves the test as it was."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from tests.conftest import TOKEN
from tests.scheduling.qstash_server import QStashServer
from vigil.api.app import create_app
from vigil.scheduling.factory import open_scheduler
from vigil.scheduling.qstash_schedules import schedule_id_for
from vigil.services import Services
from vigil.store import keys
from vigil.store.redis import connect

PUBLIC = "http://127.0.0.1:8000"
NEW = {
    "url": "http://127.0.0.1:9/",
    "goal": "make sure the homepage loads",
    "schedule": "*/5 * * * *",
}


@pytest.fixture
def qstash() -> Iterator[QStashServer]:
    server = QStashServer().start()
    yield server
    server.stop()


@pytest.fixture
async def client(
    qstash: QStashServer, tmp_path: Path, redis: Redis, redis_url: str
) -> AsyncIterator[httpx.AsyncClient]:
    from vigil.config import load_settings

    settings = load_settings(
        {},
        VIGIL_DATA_DIR=str(tmp_path / "data"),
        VIGIL_API_TOKEN=TOKEN,
        REDIS_URL=redis_url,
        VIGIL_SCHEDULER="qstash",
        VIGIL_PUBLIC_URL=PUBLIC,
        QSTASH_URL=qstash.url,
        QSTASH_TOKEN=qstash.token,
    )
    raw = connect(redis_url, decode=False)
    services = Services(settings, redis, raw)
    services.scheduler = await open_scheduler(services, redis_url)
    assert services.scheduler.mode == "qstash"
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://vigil.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as c:
        yield c
    await services.scheduler.aclose()
    await raw.aclose()


async def test_create_makes_a_schedule_calling_back_the_test(
    client: httpx.AsyncClient, qstash: QStashServer, redis: Redis
) -> None:
    response = await client.post("/api/tests", json=NEW)
    assert response.status_code == 201, response.text
    test = response.json()
    schedule = qstash.schedules[schedule_id_for(test["id"])]
    assert schedule["cron"] == "*/5 * * * *"
    assert schedule["destination"] == f"{PUBLIC}/api/callback/{test['id']}"
    assert schedule["isPaused"] is False
    assert test["qstash_schedule_id"] == schedule["scheduleId"]
    stored = await redis.hget(keys.test(test["id"]), "qstash_schedule_id")
    assert stored == schedule["scheduleId"]
    assert test["next_run_at"] is not None
    manual = (await client.post("/api/tests", json={**NEW, "schedule": ""})).json()
    assert manual["qstash_schedule_id"] is None and len(qstash.schedules) == 1


async def test_a_qstash_error_on_create_is_a_502_and_stores_nothing(
    client: httpx.AsyncClient, qstash: QStashServer, redis: Redis
) -> None:
    qstash.fail_next = 1
    response = await client.post("/api/tests", json=NEW)
    assert response.status_code == 502
    assert "QStash schedules API" in response.json()["detail"]
    assert "create failed" in response.json()["detail"]
    assert await redis.zcard(keys.TESTS) == 0
    assert qstash.schedules == {}
    assert (await client.get("/api/tests")).json() == []


async def test_edit_pause_resume_delete_follow_in_qstash(
    client: httpx.AsyncClient, qstash: QStashServer
) -> None:
    test = (await client.post("/api/tests", json=NEW)).json()
    sid = schedule_id_for(test["id"])
    await client.patch(f"/api/tests/{test['id']}", json={"schedule": "0 * * * *"})
    assert qstash.schedules[sid]["cron"] == "0 * * * *"
    await client.post(f"/api/tests/{test['id']}/pause")
    assert qstash.schedules[sid]["isPaused"] is True
    assert ("PATCH", f"/v2/schedules/{sid}/pause") in qstash.requests
    await client.post(f"/api/tests/{test['id']}/resume")
    assert qstash.schedules[sid]["isPaused"] is False
    cleared = (await client.patch(f"/api/tests/{test['id']}", json={"schedule": ""})).json()
    assert sid not in qstash.schedules and cleared["qstash_schedule_id"] is None
    await client.patch(f"/api/tests/{test['id']}", json={"schedule": "0 3 * * *"})
    assert qstash.schedules[sid]["cron"] == "0 3 * * *"
    assert (await client.delete(f"/api/tests/{test['id']}")).status_code == 204
    assert qstash.schedules == {}


async def test_a_qstash_error_leaves_the_test_as_it_was(
    client: httpx.AsyncClient, qstash: QStashServer
) -> None:
    test = (await client.post("/api/tests", json=NEW)).json()
    test_id = test["id"]
    sid = schedule_id_for(test_id)
    for method, path, body in [
        ("PATCH", f"/api/tests/{test_id}", {"schedule": "0 * * * *", "name": "renamed"}),
        ("POST", f"/api/tests/{test_id}/pause", None),
        ("DELETE", f"/api/tests/{test_id}", None),
    ]:
        qstash.fail_next = 1
        response = await client.request(method, path, json=body)
        assert response.status_code == 502, (method, path, response.text)
        now = (await client.get(f"/api/tests/{test_id}")).json()
        assert {k: now[k] for k in ("name", "schedule", "status", "updated_at")} == {
            k: test[k] for k in ("name", "schedule", "status", "updated_at")
        }
        assert qstash.schedules[sid]["cron"] == "*/5 * * * *"
        assert qstash.schedules[sid]["isPaused"] is False


async def test_qstash_mode_needs_its_settings(tmp_path: Path, redis: Redis, redis_url: str) -> None:
    from vigil.config import load_settings
    from vigil.errors import ConfigError

    settings = load_settings(
        {}, VIGIL_DATA_DIR=str(tmp_path), REDIS_URL=redis_url, VIGIL_SCHEDULER="qstash"
    )
    services = Services(settings, redis, redis)
    with pytest.raises(ConfigError, match="QSTASH_TOKEN"):
        await open_scheduler(services, redis_url)
