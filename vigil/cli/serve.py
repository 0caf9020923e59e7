"""`vigil serve`: the API (and, later, the worker) in one process.

The web stack is imported only when this command runs, so other commands start quickly.
"""

from __future__ import annotations

import asyncio
import contextlib

import typer


def serve(
    host: str | None = typer.Option(None, help="Interface to listen on [VIGIL_HOST]"),
    port: int | None = typer.Option(None, help="Port to listen on [VIGIL_PORT]"),
) -> None:
    """Start the Vigil server (API and dashboard), with an embedded Redis if REDIS_URL is unset."""
    from vigil.api.server import serve_forever
    from vigil.cli.common import settings_or_exit

    overrides: dict[str, object] = {}
    if host is not None:
        overrides["VIGIL_HOST"] = host
    if port is not None:
        overrides["VIGIL_PORT"] = port
    settings = settings_or_exit(**overrides)
    from vigil.services import pipeline_mode

    typer.echo(pipeline_mode(settings))
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(settings))
