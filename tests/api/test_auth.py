"""Every API route needs the bearer token, except health (DESIGN §3)."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import TOKEN
from vigil.services import Services

PROTECTED = [
    ("GET", "/api/tests"),
    ("POST", "/api/tests"),
    ("GET", "/api/tests/abc12345"),
    ("PATCH", "/api/tests/abc12345"),
    ("DELETE", "/api/tests/abc12345"),
    ("POST", "/api/tests/abc12345/pause"),
    ("POST", "/api/tests/abc12345/resume"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": "Bearer "},
    ],
    ids=["none", "wrong", "wrong-scheme", "longer", "empty"],
)
async def test_a_route_refuses_a_missing_or_wrong_token(
    client: httpx.AsyncClient, method: str, path: str, headers: dict[str, str]
) -> None:
    client.headers.pop("Authorization")
    response = await client.request(method, path, headers=headers, json={})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "token" in response.json()["detail"]


async def test_the_right_token_is_accepted(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/tests")
    assert response.status_code == 200
    assert response.json() == []


async def test_health_is_open_and_reports_redis(client: httpx.AsyncClient) -> None:
    client.headers.pop("Authorization")
    response = await client.get("/api/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["redis"] == "ok" and body["version"]


async def test_health_is_503_when_redis_is_unreachable(services: Services) -> None:
    from vigil.api.app import create_app
    from vigil.store.redis import connect

    dead = Services(services.settings, connect("redis://127.0.0.1:1/0"), services.raw_redis)
    transport = httpx.ASGITransport(app=create_app(dead))
    async with httpx.AsyncClient(transport=transport, base_url="http://vigil.test") as c:
        response = await c.get("/api/health")
    await dead.redis.aclose()
    assert response.status_code == 503
    assert response.json()["redis"].startswith("unreachable")


async def test_a_generated_token_is_kept_in_the_data_dir(services: Services) -> None:
    from vigil.auth import resolve_token, token_path
    from vigil.config import load_settings

    settings = load_settings({}, VIGIL_DATA_DIR=str(services.settings.data_dir / "fresh"))
    first = resolve_token(settings)
    assert len(first) >= 32
    assert resolve_token(settings) == first
    path = token_path(settings.data_dir)
    assert path.read_text().strip() == first
    assert path.stat().st_mode & 0o777 == 0o600
