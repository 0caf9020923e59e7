"""The one place where Vigil's errors become HTTP answers (`{"detail": …}`).

Code below the routes raises vigil.errors; nothing there knows about HTTP. Request validation
errors are rewritten into one readable line per problem naming the field, so a user sees
"url: must start with http:// or https://" rather than pydantic's internals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from vigil import errors

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


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = problem_lines(exc.errors())
        return JSONResponse({"detail": "; ".join(problems), "errors": problems}, status_code=422)

    @app.exception_handler(errors.VigilError)
    async def _vigil(_: Request, exc: errors.VigilError) -> JSONResponse:
        status = status_for(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"detail": str(exc)}, status_code=status, headers=headers)
