"""The hosts an alert target makes Vigil contact, for the egress policy to judge.

An http(s) webhook contacts its own host. An Apprise URL falls in one of two families, told
apart by the plugin's URL template:
- self-hosted services (json://, xml://, form://, ntfy://host/topic, gotify://, matrix://,
  mmost://, apprise://, signal://, rsyslog://, mailto:// …): the template has a `{host}` and
  that host is contacted. E-mail contacts its SMTP server instead (`smtp=`, or the one Apprise
  derives from the address), and ntfy without a host posts to the public ntfy.sh;
- hosted services (slack://, discord://, tgram://, pover:// …): what stands where a host
  would be is a token; the plugin posts to the service's own public endpoints, which are
  its `*_url` class attributes (e.g. hooks.slack.com).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

# Class attributes of Apprise plugins that are documentation links, not endpoints.
_NOT_ENDPOINTS = frozenset({"service_url", "setup_url", "image_url"})


@dataclass(frozen=True)
class Target:
    host: str
    port: int


def alert_hosts(url: str) -> list[Target]:
    """Every host `url` (an http(s) webhook or an Apprise URL) makes Vigil contact; [] when
    Apprise does not know the URL (delivery then fails on that, contacting nothing)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return (
            [Target(parts.hostname, _port(parts.port, scheme == "https"))] if parts.hostname else []
        )
    import apprise  # slow to import; only needed for Apprise targets

    plugin = apprise.Apprise.instantiate(url)
    return [] if plugin is None else plugin_hosts(plugin)


def plugin_hosts(plugin: Any) -> list[Target]:
    """The hosts an instantiated Apprise plugin will contact (see the module docstring)."""
    found: dict[Target, None] = {}
    secure = bool(getattr(plugin, "secure", False))
    port = getattr(plugin, "port", None)
    if "host" in getattr(plugin, "template_tokens", {}):
        # E-mail connects to its SMTP server only; `host` is the address's domain.
        host = getattr(plugin, "smtp_host", "") or getattr(plugin, "host", "") or ""
        if host:
            found[Target(host, _port(port, secure))] = None
        if found:
            return list(found)
    for name in dir(type(plugin)):
        if not name.endswith("_url") or name in _NOT_ENDPOINTS:
            continue
        value = getattr(type(plugin), name, None)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            endpoint = urlsplit(value)
            if endpoint.hostname and "{" not in endpoint.netloc:
                found[
                    Target(endpoint.hostname, _port(endpoint.port, endpoint.scheme == "https"))
                ] = None
    return list(found)


def _port(port: int | None, secure: bool) -> int:
    return port or (443 if secure else 80)
