"""`tags` and `public_badge`: typed in the API, strings in the `test:{id}` hash."""

from __future__ import annotations

import httpx
from redis.asyncio import Redis

from vigil.store import keys


async def test_tags_and_public_badge_are_created_stored_as_strings_and_updated(
    client: httpx.AsyncClient, redis: Redis
) -> None:
    created = await client.post(
        "/api/tests",
        json={
            "url": "https://a.example",
            "goal": "verify 'A'",
            "tags": ["shop", " critical "],
            "public_badge": True,
        },
    )
    assert created.status_code == 201, created.text
    test = created.json()
    assert (test["tags"], test["public_badge"]) == (["shop", "critical"], True)
    raw = await redis.hgetall(keys.test(test["id"]))
    assert (raw["tags"], raw["public_badge"]) == ('["shop", "critical"]', "true")

    patched = await client.patch(f"/api/tests/{test['id']}", json={"public_badge": False})
    assert (patched.json()["tags"], patched.json()["public_badge"]) == (["shop", "critical"], False)
    cleared = await client.patch(f"/api/tests/{test['id']}", json={"tags": []})
    assert cleared.json()["tags"] == []
    assert (await client.get(f"/api/tests/{test['id']}")).json()["tags"] == []


async def test_a_check_without_the_new_fields_reads_with_their_defaults(
    client: httpx.AsyncClient, redis: Redis
) -> None:
    created = await client.post(
        "/api/tests", json={"url": "https://a.example", "goal": "verify 'x'"}
    )
    test_id = created.json()["id"]
    await redis.hdel(keys.test(test_id), "tags", "public_badge")  # written before they existed

    read = (await client.get(f"/api/tests/{test_id}")).json()

    assert (read["tags"], read["public_badge"]) == ([], False)


async def test_bad_tags_get_a_422_naming_the_field(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/tests", json={"url": "https://a.example", "goal": "verify 'x'", "tags": ["a,b"]}
    )

    assert response.status_code == 422
    assert response.json()["detail"].startswith("tags.0: ")
