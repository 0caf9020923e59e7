"""What every CLI command shares: settings that fail in one line, and an API client.

Nothing heavy is imported at module level: `vigil.cli.main` imports every command module to
assemble the CLI, so what they import at the top is paid by every command, `vigil run` too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

import typer

from vigil.errors import ConfigError

if TYPE_CHECKING:
    import httpx  # imported when a command calls the API, not at start-up

    from vigil.config import Settings


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"vigil: {message}", err=True)
    raise typer.Exit(code)


def settings_or_exit(**overrides: object) -> Settings:
    from vigil.config import load_settings  # with pydantic-settings: ~0.1 s to import

    try:
        return load_settings(None, **overrides)
    except ConfigError as exc:
        fail(str(exc))


def api_client(server: str | None) -> httpx.Client:
    """A client for the running server: its URL from --server or VIGIL_HOST/VIGIL_PORT, its
    token from VIGIL_API_TOKEN or the data directory (where `vigil serve` keeps it)."""
    settings = settings_or_exit()
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::") else settings.host
    base = server or f"http://{host}:{settings.port}"
    from vigil.auth import resolve_token

    token = resolve_token(settings)
    import httpx

    return httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=300.0)


def call(client: httpx.Client, method: str, path: str, **kwargs: Any) -> Any:
    """One API call; any error becomes one line on stderr and exit code 2."""
    import httpx

    try:
        response = client.request(method, path, **kwargs)
    except httpx.HTTPError as exc:
        fail(f"cannot reach Vigil at {client.base_url}: {exc} (is `vigil serve` running?)")
    if response.status_code >= 400:
        try:
            detail = response.json().get("detail", response.text)
        except ValueError:
            detail = response.text
        fail(f"{response.status_code}: {detail}")
    return response.json() if response.content else None
