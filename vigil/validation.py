"""Validators for user input, shared by the API models and the CLI.

Each raises ValueError with a message a person can act on; pydantic puts the field name in
front of it, so the API answers e.g. `url: must start with http:// or https://`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from croniter import croniter

from vigil.egress.addresses import host_address, refusal

MAX_GOAL = 4000


def check_url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError("must start with http:// or https://")
    if not parts.hostname:
        raise ValueError("has no host name")
    try:
        parts.port  # noqa: B018 - accessing .port validates it
    except ValueError as exc:
        raise ValueError(f"has an invalid port ({exc})") from None
    refuse_literal(parts.hostname, block_private=False)
    return value


def refuse_literal(host: str, *, block_private: bool) -> None:
    """Refuse a host that spells a refused address (in any spelling the browser reads as
    one, e.g. http://2852039166/). Metadata addresses are refused always; the private ranges
    only when the caller says VIGIL_BLOCK_PRIVATE_NETWORKS is on. A name is judged when it
    is resolved, at run or delivery time (DESIGN §6 "Egress")."""
    address = host_address(host)
    reason = None if address is None else refusal(address, block_private=block_private)
    if reason is not None:
        raise ValueError(f"blocked: {address} is {reason}; Vigil never sends requests there")


def check_goal(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty: describe what the check should do")
    if len(value) > MAX_GOAL:
        raise ValueError(f"is {len(value)} characters long; the limit is {MAX_GOAL}")
    return value


def check_cron(value: str) -> str:
    """A 5-field cron expression, or empty for manual-only checks."""
    value = " ".join(value.split())
    if not value:
        return ""
    fields = value.split(" ")
    if len(fields) != 5:
        raise ValueError(
            f"must have 5 fields (minute hour day month weekday), got {len(fields)}: '{value}'"
        )
    if not croniter.is_valid(value):
        raise ValueError(f"'{value}' is not a valid cron expression")
    return value


def check_alert_target(value: str) -> str:
    """An http(s) webhook or a URL Apprise recognises (slack://, discord://, mailto://, …)."""
    value = value.strip()
    if not value:
        return ""
    scheme = urlsplit(value).scheme.lower()
    if scheme in ("http", "https"):
        return check_url(value)
    if not scheme:
        raise ValueError("must be an http(s) URL or an Apprise URL such as slack://…")
    import apprise  # imported here: it is slow to import and only needed for this branch

    from vigil.egress.targets import plugin_hosts

    plugin = apprise.Apprise.instantiate(value)
    if plugin is None:
        raise ValueError(
            f"'{scheme}://' is not a recognised alert target "
            "(use http(s) or an Apprise URL such as slack://, discord://, mailto://)"
        )
    for target in plugin_hosts(plugin):
        refuse_literal(target.host, block_private=False)
    return value
