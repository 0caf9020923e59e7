"""`GET /badge/{id}.svg`: public only when the test says so, status and 24 h uptime from real
stored runs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx

from tests.test_runs import dispatcher, make_services
from vigil.pipeline.scripted import ScriptedPipeline
from vigil.runs import execute_run
from vigil.services import Services

ANONYMOUS = {"Authorization": ""}


async def _create(client: httpx.AsyncClient, name: str, public: bool) -> str:
    response = await client.post(
        "/api/tests",
        json={
            "name": name,
            "url": "https://a.example",
            "goal": "verify 'x'",
            "public_badge": public,
        },
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # well-formed XML, names escaped
    return [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]


async def test_a_public_badge_shows_status_and_uptime_without_a_token(
    client: httpx.AsyncClient, services: Services
) -> None:
    test_id = await _create(client, "Shop <EU> & co", public=True)
    svc = make_services(services, ScriptedPipeline("pass", "pass", "fail"))
    await client.patch(f"/api/tests/{test_id}", json={"retries": 0})

    empty = await client.get(f"/badge/{test_id}.svg", headers=ANONYMOUS)
    assert empty.status_code == 200
    assert _texts(empty.text)[-1] == "no data"
    for _ in range(3):
        await execute_run(svc, test_id, "manual", dispatcher=dispatcher(svc))

    response = await client.get(f"/badge/{test_id}.svg", headers=ANONYMOUS)

    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    assert "no-cache" in response.headers["cache-control"]
    assert _texts(response.text) == ["Shop <EU> & co"] * 2 + ["failing 66.6%"] * 2
    assert "Shop &lt;EU&gt; &amp; co" in response.text


async def test_a_private_badge_is_404_without_a_token_like_an_unknown_id(
    client: httpx.AsyncClient,
) -> None:
    test_id = await _create(client, "Private", public=False)

    anonymous = await client.get(f"/badge/{test_id}.svg", headers=ANONYMOUS)
    unknown = await client.get("/badge/deadbeef.svg", headers=ANONYMOUS)
    with_token = await client.get(f"/badge/{test_id}.svg")
    await client.post(f"/api/tests/{test_id}/pause")
    paused = await client.get(f"/badge/{test_id}.svg")

    assert (anonymous.status_code, unknown.status_code) == (404, 404)
    assert anonymous.json() == unknown.json()
    assert with_token.status_code == 200
    assert _texts(paused.text)[-1] == "paused"
