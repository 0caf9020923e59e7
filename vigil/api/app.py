"""The FastAPI application: routes, error mapping and the Services it serves from."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from vigil import __version__
from vigil.api import errors, openapi, store_errors
from vigil.api.body_limit import BodyLimit
from vigil.api.gate import AuthGate
from vigil.auth import resolve_token
from vigil.services import Services
from vigil.web.routes import install as install_dashboard

# Each route module exposes `router`. Listed by name so that the app is assembled in one
# readable place.
ROUTE_MODULES = [
    "vigil.api.routes.health",
    "vigil.api.routes.tests",
    "vigil.api.routes.run_now",
    "vigil.api.routes.run_test",
    "vigil.api.routes.callback",
    "vigil.api.routes.schema",
    "vigil.api.routes.metrics",
    "vigil.api.routes.badge",
    "vigil.api.routes.plan",
    "vigil.api.routes.history",
    "vigil.api.routes.dashboard",
    "vigil.api.routes.live",
]


def create_app(services: Services, *, close_services: bool = False) -> FastAPI:
    """The app for `services`. With `close_services`, shutting the app down closes them."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if close_services:
                await services.aclose()

    app = FastAPI(
        title="Vigil",
        version=__version__,
        description="Synthetic monitoring driven by plain-language goals.",
        lifespan=lifespan,
    )
    app.state.services = services
    app.state.api_token = resolve_token(services.settings)
    errors.install(app)
    store_errors.install(app)  # a Redis outage is a JSON 503 (issue #14)
    for name in ROUTE_MODULES:
        router: APIRouter = importlib.import_module(name).router
        app.include_router(router)
    # Middleware added last runs first: the gate answers a stranger 401 before the body limit
    # (or FastAPI's JSON parsing) reads a byte of the body.
    app.add_middleware(BodyLimit, max_bytes=services.settings.max_body_bytes)
    app.add_middleware(AuthGate)
    openapi.install(app)
    install_dashboard(app)  # the web pages at / (DESIGN §9)
    return app
