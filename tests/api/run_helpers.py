"""Shared by the run and callback route tests: an app whose pipeline is scripted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from tests.conftest import TOKEN
from tests.test_runs import ScriptedPipeline
from vigil.api.app import create_app
from vigil.services import Services


@asynccontextmanager
async def api(
    services: Services, pipeline: ScriptedPipeline, *, token: str | None = TOKEN
) -> AsyncIterator[httpx.AsyncClient]:
    services._pipeline = pipeline  # type: ignore[assignment]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://vigil.test", headers=headers
    ) as client:
        yield client
