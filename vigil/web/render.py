"""Templates, and the route class every page uses so that a failure explains itself.

A page that cannot reach Redis answers 503 with what to check, not a bare 500. (A missing
browser is not a page error: a run records it as an `error` run, which the pages explain.)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from vigil.web import format as fmt
from vigil.web.session import csrf_token

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
log = logging.getLogger(__name__)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every value is text unless a template says otherwise (none does)
        undefined=StrictUndefined,  # a misspelt variable is an error in the tests, not a blank
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        ago=fmt.ago,
        exact=fmt.exact,
        duration=fmt.duration,
        schedule_words=fmt.schedule_words,
        percent=fmt.percent,
    )
    return env


templates = Jinja2Templates(env=_environment())


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> Response:
    ctx: dict[str, Any] = {"csrf": csrf_token(request), "nav": "", **(context or {})}
    return templates.TemplateResponse(request, name, ctx, status_code=status_code)


def _explain(exc: Exception) -> tuple[str, str] | None:
    """(title, what to do) for failures a user can fix; None for bugs."""
    if type(exc).__module__.startswith("redis"):
        return (
            "Vigil cannot reach Redis",
            "Runs, history and checks live in Redis. Check that redis-server is running and "
            "that REDIS_URL points at it (without REDIS_URL, `vigil serve` starts its own). "
            f"The error was: {type(exc).__name__}: {exc}",
        )
    return None


class PageRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page(request: Request) -> Response:
            try:
                return await handler(request)
            except Exception as exc:
                explained = _explain(exc)
                if explained is None:
                    raise
                log.warning("page %s failed: %s", request.url.path, exc)
                title, detail = explained
                return render(
                    request, "error.html", {"title": title, "detail": detail}, status_code=503
                )

        return page
