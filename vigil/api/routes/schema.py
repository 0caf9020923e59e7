"""`GET /api/schema/checks.json`: the JSON Schema of a checks-as-code file.

Open without a token, unlike the rest of /api: an editor fetching a schema cannot send one,
and the schema is the same public document shipped in the package.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from vigil.checks_as_code.schema import shipped

router = APIRouter(tags=["schema"])


class SchemaResponse(JSONResponse):
    media_type = "application/schema+json"


@router.get(
    "/api/schema/checks.json",
    response_class=SchemaResponse,
    responses={200: {"content": {"application/schema+json": {"schema": {"type": "object"}}}}},
)
async def checks_schema() -> Any:
    return SchemaResponse(shipped())
