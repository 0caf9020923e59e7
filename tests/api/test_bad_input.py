"""Bad input gets a 422 naming the field and the problem, and changes nothing in Redis."""

from __future__ import annotations

import httpx
import pytest
from redis.asyncio import Redis

GOOD = {"url": "https://example.com", "goal": "verify the page shows 'Example'"}

# (what is wrong, request body, text the message must contain)
CASES: list[tuple[str, object, str]] = [
    ("javascript url", {**GOOD, "url": "javascript:alert(1)"}, "url: must start with http"),
    ("file url", {**GOOD, "url": "file:///etc/passwd"}, "url: must start with http"),
    ("ftp url", {**GOOD, "url": "ftp://example.com"}, "url: must start with http"),
    ("url without host", {**GOOD, "url": "http://"}, "url: has no host"),
    ("url with bad port", {**GOOD, "url": "http://example.com:99999"}, "url: has an invalid port"),
    ("url not a string", {**GOOD, "url": 42}, "url: "),
    ("missing url", {"goal": "x"}, "url: is required"),
    ("cron minute 61", {**GOOD, "schedule": "61 * * * *"}, "schedule: '61 * * * *' is not"),
    ("cron with 3 fields", {**GOOD, "schedule": "* * *"}, "schedule: must have 5 fields"),
    ("cron in words", {**GOOD, "schedule": "every five minutes"}, "schedule: must have 5"),
    ("cron with 6 fields", {**GOOD, "schedule": "0 * * * * *"}, "schedule: must have 5"),
    ("empty goal", {**GOOD, "goal": ""}, "goal: must not be empty"),
    ("whitespace goal", {**GOOD, "goal": "   \n\t "}, "goal: must not be empty"),
    ("goal too long", {**GOOD, "goal": "a" * 4001}, "goal: is 4001 characters"),
    ("missing goal", {"url": "https://example.com"}, "goal: is required"),
    ("name too long", {**GOOD, "name": "n" * 201}, "name: "),
    ("empty name", {**GOOD, "name": "  "}, "name: "),
    ("unknown alert scheme", {**GOOD, "alert_webhook": "gopher://x"}, "alert_webhook: 'gopher"),
    ("alert without scheme", {**GOOD, "alert_webhook": "hooks.example.com"}, "alert_webhook: "),
    ("alert http without host", {**GOOD, "alert_webhook": "https://"}, "alert_webhook: has no"),
    ("unknown field", {**GOOD, "frequency": 5}, "frequency: unknown field"),
    ("wrong type for retries", {**GOOD, "retries": "many"}, "retries: "),
    ("negative retries", {**GOOD, "retries": -1}, "retries: "),
    ("bad status", {**GOOD, "status": "sleeping"}, "status: "),
    ("timeout too small", {**GOOD, "timeout_s": 1}, "timeout_s: "),
    ("body is a list", [GOOD], "body: must be a JSON object"),
]


@pytest.mark.parametrize(("case", "body", "expected"), CASES, ids=[c[0] for c in CASES])
async def test_create_refuses_bad_input_with_a_readable_422(
    client: httpx.AsyncClient, redis: Redis, case: str, body: object, expected: str
) -> None:
    response = await client.post("/api/tests", json=body)
    assert response.status_code == 422, response.text
    assert expected in response.json()["detail"], case
    assert await redis.dbsize() == 0


async def test_a_body_that_is_not_json_is_a_422(client: httpx.AsyncClient, redis: Redis) -> None:
    response = await client.post(
        "/api/tests", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("body: is not valid JSON")
    assert await redis.dbsize() == 0


async def test_an_apprise_target_is_accepted(client: httpx.AsyncClient) -> None:
    body = {**GOOD, "alert_webhook": "json://127.0.0.1:9/hook"}
    response = await client.post("/api/tests", json=body)
    assert response.status_code == 201
    assert response.json()["alert_webhook"] == "json://127.0.0.1:9/hook"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"url": "mailto:x"}, "url: must start with http"),
        ({"schedule": "* * *"}, "schedule: must have 5 fields"),
        ({"goal": " "}, "goal: must not be empty"),
        ({"id": "other"}, "id: unknown field"),
        ({"created_at": "2020"}, "created_at: unknown field"),
    ],
)
async def test_update_refuses_bad_input_and_keeps_the_test(
    client: httpx.AsyncClient, body: dict[str, object], expected: str
) -> None:
    created = (await client.post("/api/tests", json=GOOD)).json()
    response = await client.patch(f"/api/tests/{created['id']}", json=body)
    assert response.status_code == 422
    assert expected in response.json()["detail"]
    assert (await client.get(f"/api/tests/{created['id']}")).json() == created
