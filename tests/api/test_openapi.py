"""The OpenAPI document describes the API as it answers: Vigil's error bodies (not FastAPI's
default 422 array), the gate's 401 on exactly the protected paths, 413 wherever a body is
read, and the field rules the validators enforce, as patterns and lengths."""

from __future__ import annotations

import re
from typing import Any

import httpx
import jsonschema
import pytest
from pydantic import ValidationError

from vigil.api.gate import protects
from vigil.models import CheckCreate

METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture
async def document(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    doc: dict[str, Any] = response.json()
    return doc


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, item[method])
        for path, item in document["paths"].items()
        for method in METHODS
        if method in item
    ]


async def test_no_operation_documents_fastapis_validation_array(
    document: dict[str, Any], client: httpx.AsyncClient
) -> None:
    assert "HTTPValidationError" not in (await client.get("/openapi.json")).text
    for path, method, op in operations(document):
        if "422" in op["responses"]:
            schema = op["responses"]["422"]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ValidationErrorBody"}, (path, method)


async def test_a_real_422_and_401_match_their_documented_schemas(
    document: dict[str, Any], client: httpx.AsyncClient
) -> None:
    schemas = document["components"]["schemas"]
    bad = await client.post("/api/tests", json={"url": "ftp://x", "goal": ""})
    assert bad.status_code == 422
    jsonschema.validate(bad.json(), schemas["ValidationErrorBody"])
    assert bad.json()["errors"] == [
        "url: must start with http:// or https://",
        "goal: must not be empty: describe what the check should do",
    ]
    unread = await client.post("/api/tests", json={"url": "https://a.example", "goal": "zzz"})
    assert unread.status_code == 422  # found after parsing (the goal language): same shape
    jsonschema.validate(unread.json(), schemas["ValidationErrorBody"])
    client.headers.pop("Authorization")
    refused = await client.get("/api/tests")
    jsonschema.validate(refused.json(), schemas["ErrorBody"])


def test_every_protected_operation_documents_401_with_its_header(
    document: dict[str, Any],
) -> None:
    checked = 0
    for path, method, op in operations(document):
        if not protects(path):
            continue
        answer = op["responses"].get("401")
        assert answer is not None, (path, method)
        assert answer["headers"]["WWW-Authenticate"]["required"] is True
        assert op.get("security"), (path, method)  # the bearer scheme is stated too
        checked += 1
    assert checked >= 19


def test_open_operations_do_not_claim_the_gate(document: dict[str, Any]) -> None:
    assert "401" not in document["paths"]["/api/health"]["get"]["responses"]
    assert "401" not in document["paths"]["/api/schema/checks.json"]["get"]["responses"]
    # The callback checks its own signature or token, and says so.
    assert "401" in document["paths"]["/api/callback/{test_id}"]["post"]["responses"]


def test_every_operation_with_a_body_documents_413_and_422(document: dict[str, Any]) -> None:
    bodies = [(p, m, op) for p, m, op in operations(document) if "requestBody" in op]
    assert len(bodies) >= 5
    for path, method, op in bodies:
        assert {"413", "422"} <= set(op["responses"]), (path, method)


def test_every_error_answer_has_a_json_body_schema(document: dict[str, Any]) -> None:
    for path, method, op in operations(document):
        for status, answer in op["responses"].items():
            if int(status) >= 400:
                assert "application/json" in answer["content"], (path, method, status)


def test_test_routes_document_not_found_and_the_scheduler_and_redis_failures(
    document: dict[str, Any],
) -> None:
    create = document["paths"]["/api/tests"]["post"]["responses"]
    update = document["paths"]["/api/tests/{test_id}"]["patch"]["responses"]
    assert {"201", "401", "413", "422", "502", "503"} <= set(create)
    assert {"200", "401", "404", "413", "422", "502", "503"} <= set(update)


def _field(document: dict[str, Any], model: str, name: str) -> dict[str, Any]:
    prop: dict[str, Any] = document["components"]["schemas"][model]["properties"][name]
    if "anyOf" in prop:
        prop = next(p for p in prop["anyOf"] if p.get("type") != "null")
    return prop


def test_field_rules_are_in_the_schema(document: dict[str, Any]) -> None:
    url = _field(document, "CheckCreate", "url")
    assert url["maxLength"] == 2048 and url["pattern"]
    goal = _field(document, "CheckCreate", "goal")
    assert goal["maxLength"] == 4000 and goal["pattern"]
    assert _field(document, "CheckCreate", "schedule")["pattern"]
    name = _field(document, "CheckCreate", "name")
    assert name["maxLength"] == 200 and name["pattern"]
    assert _field(document, "CheckCreate", "retries") | {"minimum": 0, "maximum": 5} == (
        _field(document, "CheckCreate", "retries")
    )
    assert _field(document, "CheckUpdate", "alert_after")["minimum"] == 1
    assert _field(document, "RunTestRequest", "url")["pattern"] == url["pattern"]


# Values on both sides of each rule: the pattern in the document and the validator behind the
# API must give the same verdict on every one (a client that trusts the schema is never
# surprised by a 422, and the schema never refuses what the API takes).
SAMPLES: dict[str, list[str]] = {
    "url": [
        "https://example.com",
        "  http://127.0.0.1:8080/path?q=1#f  ",
        "HTTP://Example.COM",
        "http://[::1]:9000/",
        "http://user:pw@host/",
        "http://a:65535",
        "http://a:65536",
        "http://a:0099",
        "http://a:",
        "http://a:b",
        "ftp://example.com",
        "javascript:alert(1)",
        "http://",
        "http://a b/",
        "http://[:]/",
        "http://exa\x00mple.com",
        "http://a/\n",
        "example.com",
        "http://" + "a" * 2050,
    ],
    "goal": ["verify 'a'", "  ", "", "line one\nline two", "a\x00", "a\x0b", "a" * 4001],
    "name": ["Shop", " Shop ", "  ", "", "a\tb", "n" * 200, "n" * 201, "\u3000x\u3000"],
    "schedule": ["", "*/5 * * * *", "  0 9 * * 1-5 ", "* * *", "0 * * * * *", "*\t* * * *"],
    "alert_webhook": ["", "https://hooks.example/x", "json://127.0.0.1:9/h", "hooks.example.com"],
}


def ecma_search(pattern: str, value: str) -> bool:
    """A JSON Schema pattern as ECMA-262 reads it: its closing `$` is the end of the string
    (Python's `$` also matches before a final newline)."""
    assert pattern.endswith("$")
    return re.search(pattern[:-1] + r"\Z", value) is not None


@pytest.mark.parametrize("field", sorted(SAMPLES))
def test_the_published_pattern_and_the_validator_agree(
    document: dict[str, Any], field: str
) -> None:
    rule = _field(document, "CheckCreate", field)
    for value in SAMPLES[field]:
        by_schema = ecma_search(rule["pattern"], value) and len(value) <= rule.get(
            "maxLength", len(value)
        )
        try:
            CheckCreate.model_validate({"url": "https://a.example", "goal": "g", field: value})
            by_validator = True
        except ValidationError:
            by_validator = False
        assert by_schema == by_validator, (field, value)
