"""Input the API must refuse before it does any work: a stranger's body (401 before it is
parsed), a body over VIGIL_MAX_BODY_BYTES (413 without reading it all), control characters
in one-line fields (422 naming the field)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from redis.asyncio import Redis

from tests.conftest import TOKEN
from vigil.api.app import create_app
from vigil.api.gate import protects
from vigil.auth import SESSION_COOKIE, csrf_value, session_value
from vigil.config import load_settings
from vigil.services import Services

GOOD = {"url": "https://example.com", "goal": "verify the page shows 'Example'"}

# --- the gate: 401 before the body is read -------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/tests"),
        ("PATCH", "/api/tests/abc12345"),
        ("POST", "/api/run-test"),
        ("POST", "/api/run-test/stream"),
        ("POST", "/api/plan"),
        ("POST", "/api/tests/abc12345/run"),
    ],
)
async def test_a_stranger_with_malformed_json_gets_401_not_422(
    client: httpx.AsyncClient, redis: Redis, method: str, path: str
) -> None:
    client.headers.pop("Authorization")
    response = await client.request(
        method, path, content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {
        "detail": "missing or invalid API token (send 'Authorization: Bearer <token>')"
    }
    assert await redis.dbsize() == 0


async def test_a_stranger_is_refused_without_the_body_being_read(services: Services) -> None:
    chunks_read = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal chunks_read
        for _ in range(1000):
            chunks_read += 1
            yield b"x" * 65536

    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="http://vigil.test") as c:
        response = await c.post("/api/tests", content=endless())
    assert response.status_code == 401
    assert chunks_read <= 1  # httpx may start the stream; the app never asked for it


async def test_the_authenticated_client_still_gets_422_for_malformed_json(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/api/tests", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("body: is not valid JSON")


async def test_the_dashboard_session_passes_the_gate_with_csrf_on_changes(
    services: Services, redis: Redis
) -> None:
    transport = httpx.ASGITransport(app=create_app(services))
    cookies = {SESSION_COOKIE: session_value(TOKEN)}
    async with httpx.AsyncClient(
        transport=transport, base_url="http://vigil.test", cookies=cookies
    ) as c:
        assert (await c.get("/api/tests")).status_code == 200
        refused = await c.post("/api/tests", content=b"{not json")
        assert refused.status_code == 401
        created = await c.post("/api/tests", json=GOOD, headers={"X-CSRF-Token": csrf_value(TOKEN)})
        assert created.status_code == 201, created.text


@pytest.mark.parametrize(
    ("path", "protected"),
    [
        ("/api/tests", True),
        ("/api/anything/unknown", True),
        ("/api", True),
        ("/api/health", False),
        ("/api/schema/checks.json", False),
        ("/api/callback/abc12345", False),
        ("/api/healthz", True),
        ("/badge/abc12345.svg", False),
        ("/metrics", False),
        ("/", False),
    ],
)
def test_the_gate_protects_every_api_path_but_the_open_ones(path: str, protected: bool) -> None:
    assert protects(path) is protected


async def test_the_callback_still_checks_its_own_credentials(client: httpx.AsyncClient) -> None:
    client.headers.pop("Authorization")
    response = await client.post("/api/callback/abc12345")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


# --- the body limit ------------------------------------------------------------------------


@pytest.fixture
async def small_limit(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    settings = load_settings(
        {},
        VIGIL_DATA_DIR=str(services.settings.data_dir),
        VIGIL_API_TOKEN=TOKEN,
        VIGIL_MAX_BODY_BYTES="4096",
    )
    limited = Services(settings, services.redis, services.raw_redis)
    transport = httpx.ASGITransport(app=create_app(limited))
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://vigil.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as c:
        yield c


async def test_a_declared_length_over_the_limit_is_refused_before_reading(
    small_limit: httpx.AsyncClient, redis: Redis
) -> None:
    body = {**GOOD, "goal": "verify 'x' " + "y" * 5000}
    response = await small_limit.post("/api/tests", json=body)
    assert response.status_code == 413
    assert response.json() == {"detail": "the request body is larger than the limit of 4096 bytes"}
    assert await redis.dbsize() == 0


async def test_a_streamed_body_is_cut_off_once_it_crosses_the_limit(
    small_limit: httpx.AsyncClient, redis: Redis
) -> None:
    chunks_read = 0

    async def fifty_megabytes() -> AsyncIterator[bytes]:
        nonlocal chunks_read
        for _ in range(50 * 1024):
            chunks_read += 1
            yield b" " * 1024

    response = await small_limit.post(
        "/api/tests", content=fifty_megabytes(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "content-length" not in response.request.headers  # sent chunked
    assert response.json()["detail"].startswith("the request body is larger than")
    # 4096 bytes is four 1 KiB chunks; the fifth crosses the limit and reading stops there.
    assert chunks_read <= 6
    assert await redis.dbsize() == 0


async def test_a_body_within_the_limit_is_served(small_limit: httpx.AsyncClient) -> None:
    response = await small_limit.post("/api/tests", json=GOOD)
    assert response.status_code == 201, response.text


async def test_the_dashboard_forms_are_limited_too(small_limit: httpx.AsyncClient) -> None:
    response = await small_limit.post("/login", data={"token": "x" * 5000})
    assert response.status_code == 413


# --- control characters --------------------------------------------------------------------

CONTROL_CASES: list[tuple[str, dict[str, object], str]] = [
    ("NUL in name", {**GOOD, "name": "shop\x00"}, "name: must not contain control characters"),
    ("newline in name", {**GOOD, "name": "a\nb"}, "name: must not contain control characters"),
    ("trailing newline", {**GOOD, "name": "shop\n"}, "name: must not contain control"),
    ("DEL in name", {**GOOD, "name": "a\x7f"}, "(found U+007F)"),
    ("escape in a tag", {**GOOD, "tags": ["ok", "a\x1b[31m"]}, "tags.1: must not contain"),
    ("NUL in url", {**GOOD, "url": "https://example.com/\x00"}, "url: must not contain"),
    ("tab in schedule", {**GOOD, "schedule": "*\t* * * *"}, "schedule: must not contain"),
    ("NUL in alert", {**GOOD, "alert_webhook": "json://h\x00"}, "alert_webhook: must not"),
    ("NUL in goal", {**GOOD, "goal": "verify 'a'\x00"}, "goal: must not contain control"),
    ("bell in goal", {**GOOD, "goal": "verify 'a'\x07"}, "other than line breaks and tabs"),
]


@pytest.mark.parametrize(
    ("case", "body", "expected"), CONTROL_CASES, ids=[c[0] for c in CONTROL_CASES]
)
async def test_control_characters_are_refused_naming_the_field(
    client: httpx.AsyncClient, redis: Redis, case: str, body: dict[str, object], expected: str
) -> None:
    response = await client.post("/api/tests", json=body)
    assert response.status_code == 422, case
    assert expected in response.json()["detail"], response.text
    assert await redis.dbsize() == 0


async def test_a_goal_keeps_its_line_breaks_and_tabs(client: httpx.AsyncClient) -> None:
    goal = "verify the page shows 'Example'\r\n\tverify the page shows 'More'"
    response = await client.post("/api/tests", json={**GOOD, "goal": goal})
    assert response.status_code == 201, response.text
    assert response.json()["goal"] == goal


async def test_an_update_refuses_a_nul_in_the_name_and_keeps_the_test(
    client: httpx.AsyncClient,
) -> None:
    created = (await client.post("/api/tests", json=GOOD)).json()
    response = await client.patch(f"/api/tests/{created['id']}", json={"name": "x\x00y"})
    assert response.status_code == 422
    assert response.json()["errors"] == ["name: must not contain control characters (found U+0000)"]
    assert (await client.get(f"/api/tests/{created['id']}")).json() == created


# --- answers FastAPI would word differently ------------------------------------------------


async def test_a_body_that_is_not_utf8_is_a_422_like_other_malformed_json(
    client: httpx.AsyncClient, redis: Redis
) -> None:
    response = await client.post(
        "/api/tests", content=b'{"url": "\xff\xfe"}', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == ["body: is not valid JSON (not UTF-8 text)"]
    assert await redis.dbsize() == 0


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/api/tests", "GET, POST"),
        ("/api/tests/abc12345", "DELETE, GET, PATCH"),
    ],
)
async def test_405_lists_every_method_the_path_serves(
    client: httpx.AsyncClient, path: str, allowed: str
) -> None:
    response = await client.put(path, json={})
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    assert response.json() == {"detail": "Method Not Allowed"}
