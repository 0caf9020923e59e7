"""Validators for user input, shared by the API models and the CLI.

Each raises ValueError with a message a person can act on; pydantic puts the field name in
front of it, so the API answers e.g. `url: must start with http:// or https://`.

The JSON Schema patterns below are published in the OpenAPI document (vigil/models.py puts
them on the fields) and the validators enforce exactly them, so a client reading the schema and
the server checking a request cannot disagree: each `raw_*` check runs on the value as sent
(before pydantic strips surrounding whitespace), each `check_*` on the stripped value. The
patterns are written in the common subset of ECMA-262 and Python regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from urllib.parse import urlsplit

from vigil.egress.addresses import host_address, refusal

MAX_GOAL = 4000
MAX_URL = 2048

# --- control characters and surrounding whitespace --------------------------------------------

# Characters pydantic's `str_strip_whitespace` removes around a value (Unicode White_Space) that
# are not control characters (those are refused outright, see below).
_SPACE = r" \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# C0 controls and DEL: invisible, they make a name that looks like another, cut log lines and
# terminals. A goal is several lines, so it may hold line breaks and tabs (and the \r of a
# browser's CRLF), nothing else.
_CONTROL = r"\x00-\x1f\x7f"
_TEXT_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"

SINGLE_LINE_PATTERN = rf"^[^{_CONTROL}]*$"
# A name: one line, and something other than whitespace in it.
NAME_PATTERN = rf"^[^{_CONTROL}]*[^{_CONTROL}{_SPACE}][^{_CONTROL}]*$"
# A goal: line breaks allowed, and something other than whitespace in it.
GOAL_PATTERN = rf"^[^{_TEXT_CONTROL}]*[^{_TEXT_CONTROL}{_SPACE}\t\n\r][^{_TEXT_CONTROL}]*$"

# A goal being written (POST /api/plan previews an empty form too): may be empty.
GOAL_DRAFT_PATTERN = rf"^[^{_TEXT_CONTROL}]*$"


def _first_control(value: str, allowed: str = "") -> str | None:
    for ch in value:
        if (ord(ch) < 0x20 or ord(ch) == 0x7F) and ch not in allowed:
            return ch
    return None


def raw_single_line(value: object) -> object:
    """Before stripping: a one-line text field holds no control character (not even a
    newline at its end, which stripping would hide)."""
    if isinstance(value, str):
        ch = _first_control(value)
        if ch is not None:
            raise ValueError(f"must not contain control characters (found U+{ord(ch):04X})")
    return value


def raw_line(limit: int) -> Callable[[object], object]:
    """`raw_single_line`, and at most `limit` characters as sent (the schema's maxLength
    counts what is sent, surrounding spaces included)."""

    def check(value: object) -> object:
        value = raw_single_line(value)
        if isinstance(value, str) and len(value) > limit:
            raise ValueError(f"is {len(value)} characters long; the limit is {limit}")
        return value

    return check


# A tag: one line, no commas, something other than whitespace (it is stripped).
TAG_PATTERN = rf"^[^,{_CONTROL}]*[^,{_CONTROL}{_SPACE}][^,{_CONTROL}]*$"


def check_tag(value: str) -> str:
    if "," in value:
        raise ValueError("must not contain a comma (tags are listed with commas)")
    return value


# --- URLs -------------------------------------------------------------------------------------

_HEX4 = "[0-9A-Fa-f]{1,4}"
# IPv6 literals without an embedded IPv4 part or a zone: what urlsplit and Chromium both read.
_IPV6 = "|".join(
    [
        f"(?:{_HEX4}:){{7}}{_HEX4}",
        f"(?:{_HEX4}:){{1,7}}:",
        f"(?:{_HEX4}:){{1,6}}:{_HEX4}",
        f"(?:{_HEX4}:){{1,5}}(?::{_HEX4}){{1,2}}",
        f"(?:{_HEX4}:){{1,4}}(?::{_HEX4}){{1,3}}",
        f"(?:{_HEX4}:){{1,3}}(?::{_HEX4}){{1,4}}",
        f"(?:{_HEX4}:){{1,2}}(?::{_HEX4}){{1,5}}",
        f"{_HEX4}:(?::{_HEX4}){{1,6}}",
        f":(?:(?::{_HEX4}){{1,7}}|:)",
    ]
)
_HOST = rf"(?:[^{_CONTROL}{_SPACE}\t/?#@\[\]:\\]+|\[(?:{_IPV6})\])"
_USERINFO = rf"(?:[^{_CONTROL}/?#\[\]]*@)?"
_PORT = (
    r"(?::0*(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})?)?"
)
_REST = rf"(?:[/?#][^{_CONTROL}]*)?"
_URL_CORE = rf"[Hh][Tt][Tt][Pp][Ss]?://{_USERINFO}{_HOST}{_PORT}{_REST}"
URL_PATTERN = rf"^[{_SPACE}]*{_URL_CORE}[{_SPACE}]*$"


@cache
def _url_re() -> re.Pattern[str]:
    """Compiled on first use: every process imports this module (the API models' patterns
    come from it), few check a URL, and start-up time is what `vigil run` is measured by."""
    return re.compile(_URL_CORE)


def raw_url(value: object) -> object:
    """Before stripping: no control characters and at most MAX_URL characters."""
    return raw_line(MAX_URL)(value)


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
    # A refused address first: its message says why better than "not a URL" would (an
    # IPv4-mapped literal such as [::ffff:169.254.169.254] is not in the published pattern).
    refuse_literal(parts.hostname, block_private=False)
    if _url_re().fullmatch(value) is None:
        # What urlsplit lets through but a browser reads differently (spaces or a backslash
        # in the host, brackets around something that is not an IPv6 address).
        raise ValueError(
            "is not a URL Vigil can open: http(s)://host[:port][/path], the host without "
            "spaces, backslashes or brackets (except around an IPv6 address)"
        )
    return value


# --- goals and schedules ----------------------------------------------------------------------


def raw_goal(value: object) -> object:
    """Before stripping: line breaks and tabs only, and at most MAX_GOAL characters."""
    if isinstance(value, str):
        ch = _first_control(value, allowed="\t\n\r")
        if ch is not None:
            raise ValueError(
                f"must not contain control characters other than line breaks and tabs "
                f"(found U+{ord(ch):04X})"
            )
        if len(value) > MAX_GOAL:
            raise ValueError(f"is {len(value)} characters long; the limit is {MAX_GOAL}")
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


# Five whitespace-separated fields (or nothing); what each field may hold is croniter's to say.
_FIELD = rf"[^{_CONTROL}{_SPACE}]+"
CRON_PATTERN = rf"^[{_SPACE}]*(?:{_FIELD}(?:[{_SPACE}]+{_FIELD}){{4}})?[{_SPACE}]*$"


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
    from croniter import croniter  # imported here: tens of ms, and only schedules need it

    if not croniter.is_valid(value):
        raise ValueError(f"'{value}' is not a valid cron expression")
    return value


# --- alert targets ----------------------------------------------------------------------------


# Empty, or a URL with a scheme: http(s) follows URL_PATTERN, any other scheme is Apprise's.
ALERT_TARGET_PATTERN = rf"^[{_SPACE}]*(?:[A-Za-z][A-Za-z0-9+.-]*:[^{_CONTROL}]*)?$"


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
