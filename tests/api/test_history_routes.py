"""The read routes over HTTP: shapes, validation (422, never 500), 404s, auth, OpenAPI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.history_seed import new_test, run, store_each, store_many
from vigil.models import utc_now
from vigil.services import Services
from vigil.store.screenshots import store_screenshots

T0 = datetime(2026, 2, 14, 10, 0, tzinfo=UTC)

READ_ROUTES = [
    "/api/tests/{id}/results",
    "/api/tests/{id}/timing",
    "/api/tests/{id}/uptime",
    "/api/tests/{id}/incidents",
    "/api/tests/{id}/live",
    "/api/runs/r1",
    "/api/runs/r1/steps/1/screenshot",
    "/api/dashboard",
]


async def test_results_walk_pages_over_http(client: httpx.AsyncClient, services: Services) -> None:
    test = await new_test(services.redis)
    await store_each(
        services.redis, test, [run(test.id, f"r{n}", T0 + timedelta(seconds=n)) for n in range(7)]
    )
    seen: list[str] = []
    params: dict[str, str | int] = {"limit": 3}
    while True:
        response = await client.get(f"/api/tests/{test.id}/results", params=params)
        assert response.status_code == 200
        body = response.json()
        seen += [item["run_id"] for item in body["items"]]
        if body["next_cursor"] is None:
            break
        params = {"limit": 3, "before": body["next_cursor"]}
    assert seen == [f"r{n}" for n in range(6, -1, -1)]
    item = (await client.get(f"/api/tests/{test.id}/results?limit=1")).json()["items"][0]
    assert set(item) >= {
        "run_id", "test_id", "passed", "duration_ms", "step_results", "triggered_by",
        "started_at", "completed_at", "outcome", "attempts",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("query", "field"),
    [("limit=0", "limit"), ("limit=501", "limit"), ("limit=x", "limit"), ("before=junk", "before")],
)
async def test_bad_results_queries_are_422(
    client: httpx.AsyncClient, services: Services, query: str, field: str
) -> None:
    test = await new_test(services.redis)
    response = await client.get(f"/api/tests/{test.id}/results?{query}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{field}:")


async def test_limit_500_is_allowed(client: httpx.AsyncClient, services: Services) -> None:
    test = await new_test(services.redis)
    response = await client.get(f"/api/tests/{test.id}/results?limit=500")
    assert response.status_code == 200 and response.json() == {"items": [], "next_cursor": None}


async def test_timing_takes_iso_or_unix_seconds_and_thins_to_5000(
    client: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    records = [
        run(test.id, f"r{n:05d}", T0 + timedelta(seconds=n), duration_ms=n) for n in range(6000)
    ]
    await store_many(services.redis, test, records)
    url = f"/api/tests/{test.id}/timing"

    everything = (await client.get(url)).json()
    assert len(everything) == 5000
    assert everything[0] == {"timestamp": "2026-02-14T10:00:00.000Z", "duration_ms": 0,
                             "run_id": "r00000"}  # fmt: skip
    assert everything[-1]["run_id"] == "r05999"

    since_iso = {"since": "2026-02-14T10:00:10Z", "until": "2026-02-14T10:00:12Z"}
    since_unix = {"since": str((T0 + timedelta(seconds=10)).timestamp()),
                  "until": str(int((T0 + timedelta(seconds=12)).timestamp()))}  # fmt: skip
    naive = {"since": "2026-02-14T10:00:10", "until": "2026-02-14T11:00:12+01:00"}
    for params in (since_iso, since_unix, naive):
        points = (await client.get(url, params=params)).json()
        assert [p["run_id"] for p in points] == ["r00010", "r00011", "r00012"], params


@pytest.mark.parametrize(
    ("query", "field"),
    [("since=yesterday", "since"), ("until=2026-13-01", "until"), ("since=nan", "since"),
     ("since=20&until=10", "since")],
)  # fmt: skip
async def test_bad_timing_bounds_are_422(
    client: httpx.AsyncClient, services: Services, query: str, field: str
) -> None:
    test = await new_test(services.redis)
    response = await client.get(f"/api/tests/{test.id}/timing?{query}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{field}:")


async def test_uptime_answers_each_window_and_null_without_runs(
    client: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    url = f"/api/tests/{test.id}/uptime"
    assert (await client.get(url)).json() == {
        "window": "24h", "uptime_pct": None, "runs": 0, "passed": 0, "failed": 0, "errors": 0,
    }  # fmt: skip
    now = utc_now()
    await store_each(
        services.redis,
        test,
        [
            run(test.id, "a", now - timedelta(minutes=5)),
            run(test.id, "b", now - timedelta(minutes=4), outcome="failed"),
            run(test.id, "c", now - timedelta(minutes=3), outcome="error"),
            run(test.id, "d", now - timedelta(minutes=2)),
            run(test.id, "e", now - timedelta(days=3)),
            run(test.id, "f", now - timedelta(days=20), outcome="failed"),
        ],
    )
    answers = {w: (await client.get(url, params={"window": w})).json() for w in
               ("24h", "7d", "30d", "90d")}  # fmt: skip
    assert answers["24h"] == {"window": "24h", "uptime_pct": 66.667, "runs": 3, "passed": 2,
                              "failed": 1, "errors": 1}  # fmt: skip
    assert answers["7d"]["runs"] == 4 and answers["7d"]["uptime_pct"] == 75.0
    assert answers["30d"]["runs"] == answers["90d"]["runs"] == 5
    assert answers["30d"]["uptime_pct"] == 60.0
    bad = await client.get(url, params={"window": "1y"})
    assert bad.status_code == 422 and bad.json()["detail"].startswith("window:")


async def test_incidents_and_runs_by_id(client: httpx.AsyncClient, services: Services) -> None:
    test = await new_test(services.redis)
    await store_each(
        services.redis,
        test,
        [run(test.id, f"r{n}", T0 + timedelta(seconds=n), outcome="failed") for n in range(3)],
    )
    incidents = (await client.get(f"/api/tests/{test.id}/incidents?limit=2")).json()
    assert [i["run_id"] for i in incidents] == ["r2", "r1"]
    assert (await client.get(f"/api/tests/{test.id}/incidents?limit=501")).status_code == 422

    found = await client.get("/api/runs/r1")
    assert found.status_code == 200 and found.json()["test_id"] == test.id
    assert found.json()["error"] == "failed in r1"
    missing = await client.get("/api/runs/nope")
    assert missing.status_code == 404 and "not found" in missing.json()["detail"]


async def test_screenshots_are_jpeg_and_404_once_gone(
    client: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    record = run(test.id, "shot1", T0, outcome="failed")
    record.step_results[0].screenshot_jpeg = b"\xff\xd8\xff\xe0fake-jpeg"
    await store_screenshots(services.raw_redis, "shot1", record.step_results, ttl_s=600)
    await store_each(services.redis, test, [record])

    response = await client.get("/api/runs/shot1/steps/1/screenshot")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert response.content == b"\xff\xd8\xff\xe0fake-jpeg"
    assert (await client.get("/api/runs/shot1/steps/2/screenshot")).status_code == 404
    await services.raw_redis.delete("shot:shot1:1")  # what expiry does
    gone = await client.get("/api/runs/shot1/steps/1/screenshot")
    assert gone.status_code == 404 and gone.json()["detail"].startswith("no screenshot")
    assert (await client.get("/api/runs/shot1/steps/0/screenshot")).status_code == 422


async def test_dashboard_over_http(client: httpx.AsyncClient, services: Services) -> None:
    test = await new_test(services.redis)
    await store_each(services.redis, test, [run(test.id, "r1", T0)])
    body = (await client.get("/api/dashboard?recent=5")).json()
    assert body["counts"] == {"total": 1, "passing": 1, "failing": 0, "error": 0, "paused": 0,
                              "never_run": 0}  # fmt: skip
    assert [(r["run_id"], r["name"]) for r in body["recent"]] == [("r1", "Shop")]
    assert (await client.get("/api/dashboard?recent=201")).status_code == 422


async def test_unknown_tests_are_404(client: httpx.AsyncClient) -> None:
    for route in READ_ROUTES[:5]:
        response = await client.get(route.format(id="nope1234"))
        assert response.status_code == 404, route
        assert response.json()["detail"] == "test 'nope1234' not found"


async def test_every_read_route_needs_the_token(
    client: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    for route in READ_ROUTES:
        response = await client.get(
            route.format(id=test.id), headers={"Authorization": "Bearer wrong"}
        )
        assert response.status_code == 401, route
        assert response.headers["www-authenticate"] == "Bearer"


async def test_openapi_documents_each_route_with_its_response(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    expected = {
        "/api/tests/{test_id}/results": ("application/json", "ResultsPage"),
        "/api/tests/{test_id}/timing": ("application/json", "TimingPoint"),
        "/api/tests/{test_id}/uptime": ("application/json", "Uptime"),
        "/api/tests/{test_id}/incidents": ("application/json", "IncidentRecord"),
        "/api/runs/{run_id}": ("application/json", "RunRecord"),
        "/api/runs/{run_id}/steps/{step_number}/screenshot": ("image/jpeg", "binary"),
        "/api/dashboard": ("application/json", "Dashboard"),
        "/api/tests/{test_id}/live": ("text/event-stream", "Event"),
    }
    for path, (media, name) in expected.items():
        operation = spec["paths"][path]["get"]
        content = operation["responses"]["200"]["content"]
        assert media in content and name in str(content[media]["schema"]), path
        assert operation["security"] == [{"HTTPBearer": []}], path


async def test_live_refuses_a_malformed_last_event_id(
    client: httpx.AsyncClient, services: Services
) -> None:
    test = await new_test(services.redis)
    response = await client.get(f"/api/tests/{test.id}/live", headers={"Last-Event-ID": "abc"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Last-Event-ID:")


def test_chart_timestamps_are_written_like_every_other_timestamp() -> None:
    from vigil.api.routes.history import _iso
    from vigil.models import iso
    from vigil.store.results import parse_iso

    for text in ("2026-02-14T10:00:00.000Z", "2026-02-14T23:59:59.999Z", "1999-12-31T00:00:00.001Z",
                 "2026-03-01T12:34:56.789Z"):  # fmt: skip
        score = parse_iso(text).timestamp()
        assert _iso(score) == iso(datetime.fromtimestamp(score, UTC)) == text
