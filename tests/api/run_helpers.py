"""Shared by the route tests that run checks: an app with a given (often scripted) pipeline."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from tests.conftest import TOKEN
from vigil.api.app import create_app
from vigil.pipeline.pipeline import Pipeline
from vigil.services import Services


@asynccontextmanager
async def api(
    services: Services, pipeline: Pipeline, *, token: str | None = TOKEN
) -> AsyncIterator[httpx.AsyncClient]:
    services = Services(services.settings, services.redis, services.raw_redis, pipeline=pipeline)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://vigil.test", headers=headers
    ) as client:
        yield client
