"""`vigil serve`: the API and a queue worker in one process (`--no-worker`: the API alone).

The web stack is imported only when this command runs, so other commands start quickly.
"""

from __future__ import annotations

import asyncio
import contextlib

import typer


def serve(
    host: str | None = typer.Option(None, help="Interface to listen on [VIGIL_HOST]"),
    port: int | None = typer.Option(None, help="Port to listen on [VIGIL_PORT]"),
    no_worker: bool = typer.Option(
        False, "--no-worker", help="Serve the API only; `vigil worker` processes run checks"
    ),
) -> None:
    """Start the Vigil server (API and dashboard), with an embedded Redis if REDIS_URL is unset."""
    from vigil.api.server import serve_forever
    from vigil.cli.common import fail, settings_or_exit
    from vigil.errors import ConfigError

    overrides: dict[str, object] = {}
    if host is not None:
        overrides["VIGIL_HOST"] = host
    if port is not None:
        overrides["VIGIL_PORT"] = port
    settings = settings_or_exit(**overrides)
    from vigil.services import pipeline_mode

    typer.echo(pipeline_mode(settings))
    try:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve_forever(settings, worker=not no_worker))
    except ConfigError as exc:
        fail(str(exc))
