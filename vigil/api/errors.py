"""The one place where Vigil's errors become HTTP answers (`{"detail": …}`).

Code below the routes raises vigil.errors; nothing there knows about HTTP. Request validation
errors are rewritten into one readable line per problem naming the field, so a user sees
"url: must start with http:// or https://" rather than pydantic's internals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import iter_route_contexts
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.routing import compile_path

from vigil import errors


class ErrorBody(BaseModel):
    """Every error answer: what went wrong, in words."""

    detail: str


class ValidationErrorBody(BaseModel):
    """A 422: `detail` joins the problems with "; ", `errors` lists them one per field."""

    detail: str = Field(description="every problem, joined with '; '")
    errors: list[str] = Field(description="one 'field: problem' line per problem")


# What each status means on Vigil's routes, for the OpenAPI document.
_DESCRIPTIONS: dict[int, str] = {
    401: "missing or invalid API token",
    404: "unknown test (or run, or screenshot)",
    409: "a run of this test is already in progress",
    413: "the request body is larger than VIGIL_MAX_BODY_BYTES",
    422: "invalid input; each problem names its field",
    502: "an upstream service failed: QStash refused a schedule change (nothing was "
    "changed), or the model provider or hosted executor failed the run",
    503: "a dependency (Redis, the browser) is unavailable",
    504: "the run exceeded its timeout",
}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each status with its real body model (and, for 401, the
    WWW-Authenticate header the answer carries)."""
    documented: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        entry: dict[str, Any] = {
            "model": ValidationErrorBody if status == 422 else ErrorBody,
            "description": _DESCRIPTIONS[status],
        }
        if status == 401:
            entry["headers"] = {
                "WWW-Authenticate": {"required": True, "schema": {"type": "string"}}
            }
        documented[status] = entry
    return documented


_STATUS: list[tuple[type[errors.VigilError], int]] = [
    (errors.NotFound, 404),
    (errors.Conflict, 409),
    (errors.Unauthorized, 401),
    (errors.SignatureError, 401),
    (errors.InvalidInput, 422),
    (errors.PlanningError, 422),
    (errors.BrowserUnavailable, 503),
    (errors.RunTimeout, 504),
    # The model provider failed or its answers stayed invalid: an upstream failure.
    (errors.ModelError, 502),
    (errors.SchedulerUnavailable, 502),
    # An upstream Vigil depends on (the model provider, the hosted executor) failed.
    (errors.ModelError, 502),
    (errors.ExecutorServiceError, 502),
]


def status_for(exc: errors.VigilError) -> int:
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return status
    return 500


def _field(loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def _message(err: dict[str, object]) -> str:
    kind = str(err.get("type", ""))
    msg = str(err.get("msg", "invalid"))
    loc = cast(tuple[int | str, ...], tuple(cast(Sequence[int | str], err.get("loc", ()))))
    if kind == "json_invalid":
        ctx = cast(dict[str, object], err.get("ctx") or {})
        return f"body: is not valid JSON ({ctx.get('error', msg)})"
    if kind == "extra_forbidden":
        return f"{_field(loc)}: unknown field"
    if kind == "missing":
        return f"{_field(loc)}: is required"
    if kind == "model_attributes_type" or (kind == "dict_type" and _field(loc) == "body"):
        return "body: must be a JSON object"
    msg = msg.removeprefix("Value error, ")
    return f"{_field(loc)}: {msg}"


def problem_lines(errors: Sequence[object]) -> list[str]:
    """One "field: message" line per pydantic error, as the API answers a 422; the dashboard's
    forms show the same lines beside their fields."""
    return [_message(dict(cast(dict[str, object], e))) for e in errors]


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    """Every method some route serves at `path`. Starlette's own 405 names only the methods of
    the first route whose path matched, but FastAPI makes one route per method."""
    methods: set[str] = set()
    for route in iter_route_contexts(app.routes):
        if route.methods and route.path and compile_path(route.path)[0].match(path):
            methods |= route.methods
    return sorted(methods)


def install(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 405:
            allow = ", ".join(allowed_methods(app, request.url.path))
            return JSONResponse(
                {"detail": "Method Not Allowed"}, status_code=405, headers={"Allow": allow}
            )
        if exc.status_code == 400 and isinstance(exc.__cause__, UnicodeDecodeError):
            # FastAPI answers 400 when a JSON body is not UTF-8; it is bad input like any other
            # malformed JSON (422, naming the body).
            problem = "body: is not valid JSON (not UTF-8 text)"
            return JSONResponse({"detail": problem, "errors": [problem]}, status_code=422)
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = problem_lines(exc.errors())
        return JSONResponse({"detail": "; ".join(problems), "errors": problems}, status_code=422)

    @app.exception_handler(errors.VigilError)
    async def _vigil(_: Request, exc: errors.VigilError) -> JSONResponse:
        status = status_for(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        body: dict[str, object] = {"detail": str(exc)}
        if status == 422:  # every 422 has the same shape, however it was found
            body["errors"] = [str(exc)]
        return JSONResponse(body, status_code=status, headers=headers)
