"""Shared by the run and callback route tests: an app whose pipeline is scripted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from tests.conftest import TOKEN
from tests.test_runs import ScriptedPipeline
from vigil.api.app import create_app
from vigil.services import Services

ROUTERS = ("vigil.api.routes.runs", "vigil.api.routes.callback")


def app_with_runs(services: Services) -> FastAPI:
    """The app, with the run routes included if the lead has not registered them yet."""
    import importlib

    app = create_app(services)
    paths = {getattr(r, "path", "") for r in app.routes}
    for name in ROUTERS:
        router = importlib.import_module(name).router
        if not {getattr(r, "path", "") for r in router.routes} <= paths:
            app.include_router(router)
    return app


@asynccontextmanager
async def api(
    services: Services, pipeline: ScriptedPipeline, *, token: str | None = TOKEN
) -> AsyncIterator[httpx.AsyncClient]:
    services._pipeline = pipeline  # type: ignore[assignment]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = httpx.ASGITransport(app=app_with_runs(services))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://vigil.test", headers=headers
    ) as client:
        yield client
