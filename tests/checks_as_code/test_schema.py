"""The JSON Schema shipped for editors: up to date with the model, served, and it accepts
what the loader accepts."""

from __future__ import annotations

import httpx
import jsonschema
import yaml

from vigil.checks_as_code.schema import SCHEMA_PATH, generate, render, shipped

EXAMPLE = """\
name: Checkout
url: https://shop.example
goal: |
  go to /cart
  verify the page shows 'Thank you'
schedule: "*/5 * * * *"
alert: ${SLACK_WEBHOOK}
tags: [shop]
public_badge: true
"""


def test_the_shipped_schema_is_generated_from_the_model() -> None:
    # If this fails: python -m vigil.checks_as_code.schema
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render()


def test_the_schema_accepts_a_check_and_refuses_typos_and_wrong_types() -> None:
    schema = generate()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    assert list(validator.iter_errors(yaml.safe_load(EXAMPLE))) == []
    bad = yaml.safe_load(EXAMPLE.replace("tags: [shop]", "tag: [shop]\nretries: many"))
    messages = sorted(e.message for e in validator.iter_errors(bad))
    assert messages == [
        "'many' is not of type 'integer'",
        "Additional properties are not allowed ('tag' was unexpected)",
    ]


async def test_the_schema_is_served_without_a_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/schema/checks.json", headers={"Authorization": ""})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/schema+json")
    assert response.json() == shipped() == generate()
