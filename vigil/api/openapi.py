"""The OpenAPI document (/openapi.json, /docs) as the API really answers.

FastAPI documents every 422 as its own `HTTPValidationError` (an array of pydantic errors),
but Vigil answers `{"detail": "<field>: <problem>; …", "errors": [...]}` (api/errors.py);
and it does not know about the gate (401 before the body is read) or the body limit (413),
which are middleware. This builds FastAPI's document, then states those answers from the same
sources the middleware uses, so they cannot drift apart:

1. every 422 refers to ValidationErrorBody, and only operations that take input that can be
   invalid (a body, a query or header parameter, a constrained path parameter) list one;
2. every path the gate protects (`gate.protects`) lists 401 with its WWW-Authenticate header;
3. every operation with a request body lists 413.

Statuses that depend on what a route does (404, 409, 502, 503, 504) are declared on the route
(with `errors.responses`); one declared by description only gets ErrorBody as its content.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from vigil.api.errors import ErrorBody, ValidationErrorBody, responses
from vigil.api.gate import protects

_REF = "#/components/schemas/"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _response(status: int) -> dict[str, Any]:
    entry = dict(responses(status)[status])
    model = entry.pop("model")
    entry["content"] = {"application/json": {"schema": {"$ref": _REF + model.__name__}}}
    return entry


def _takes_checked_input(operation: dict[str, Any]) -> bool:
    if "requestBody" in operation:
        return True
    for parameter in operation.get("parameters", []):
        if parameter.get("in") != "path" or set(parameter.get("schema", {})) - {"type", "title"}:
            return True
    return False


def build_openapi(app: FastAPI) -> dict[str, Any]:
    document = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    schemas: dict[str, Any] = document.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorBody, ValidationErrorBody):
        schemas[model.__name__] = model.model_json_schema(ref_template=_REF + "{model}")
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    for path, item in document.get("paths", {}).items():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            answers: dict[str, Any] = operation.setdefault("responses", {})
            answers.pop("422", None)
            if _takes_checked_input(operation):
                answers["422"] = _response(422)
            if protects(path):
                answers["401"] = _response(401)
            if "requestBody" in operation:
                answers["413"] = _response(413)
            for status, answer in answers.items():
                # Errors are JSON whatever the route's own media type (FastAPI files a
                # declared error under a JPEG or SVG route's type), and a status declared by
                # description only still has Vigil's body.
                content = answer.get("content", {})
                if status.isdigit() and int(status) >= 400 and "application/json" not in content:
                    model = ValidationErrorBody if status == "422" else ErrorBody
                    schema = {"$ref": _REF + model.__name__}
                    answer["content"] = {"application/json": {"schema": schema}}
    return document


def install(app: FastAPI) -> None:
    """Serve `build_openapi`'s document (built once, on the first request for it)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
