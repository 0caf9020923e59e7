"""Which IP addresses Vigil refuses to contact, and how a URL's host spells an address.

Cloud metadata endpoints hand out credentials, so they are refused always. Private and
loopback ranges are refused only with VIGIL_BLOCK_PRIVATE_NETWORKS, because monitoring
internal sites is a main use of a self-hosted monitor.

An address can hide in many spellings: Chromium (following the WHATWG URL standard) reads
`http://2852039166/`, `http://0xA9FEA9FE/`, `http://0251.0376.0251.0376/` and
`http://169.254.43518/` all as 169.254.169.254, and IPv6 can carry an IPv4 address inside
(`::ffff:169.254.169.254`, NAT64 `64:ff9b::a9fe:a9fe`, 6to4 `2002:a9fe:a9fe::`). A check of
a literal host has to read it the way the browser will, or the spelling walks past it.
"""

from __future__ import annotations

import ipaddress
import unicodedata
from urllib.parse import unquote

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_METADATA_V4 = ipaddress.ip_network("169.254.0.0/16")  # link-local; AWS/GCP/Azure metadata
_METADATA_V6 = ipaddress.ip_address("fd00:ec2::254")  # AWS IMDS over IPv6
# IPv6 forms that reach an IPv4 address: a NAT64 gateway (RFC 6052) and IPv4-compatible.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_V4_COMPATIBLE = ipaddress.ip_network("::/96")

METADATA = "a cloud metadata address"
PRIVATE = "a private or loopback address (VIGIL_BLOCK_PRIVATE_NETWORKS is on)"

# Dots that IDNA maps to "." before a host is parsed (ideographic and full-width stops).
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def embedded_v4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address delivers to, if it carries one."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64 or (address in _V4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(address: IPAddress, *, block_private: bool) -> str | None:
    """Why `address` may not be contacted, or None if it may."""
    if isinstance(address, ipaddress.IPv6Address):
        if address == _METADATA_V6:
            return METADATA
        inner = embedded_v4(address)
        if inner is not None:
            reason = refusal(inner, block_private=block_private)
            if reason is not None or address.ipv4_mapped is not None:
                return reason
    elif address in _METADATA_V4:
        return METADATA
    if block_private and (not address.is_global or address.is_multicast):
        return PRIVATE  # private, loopback, link-local, CGNAT, unspecified, reserved, ...
    return None


def host_address(host: str) -> IPAddress | None:
    """The address a URL host names literally, read as Chromium reads it; None for a name.

    `host` is what urlsplit().hostname gives (or a CONNECT target's host): no port, IPv6
    without brackets. Percent-escapes, full-width characters and IDNA dots are undone first,
    as the browser does before it parses a host.
    """
    host = unicodedata.normalize("NFKC", unquote(host)).translate(_DOTS).lower()
    host = host.removeprefix("[").removesuffix("]")
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host.split("%")[0])
        except ValueError:
            return None
    return _whatwg_ipv4(host)


def _whatwg_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The WHATWG "IPv4 parser": 1-4 dot-separated parts, each decimal, 0x-hex or 0-octal,
    the last one filling the remaining bytes. Only a host whose last part is a number is
    an address at all; anything else is a name."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()  # one trailing dot is allowed
    if not parts or len(parts) > 4 or _number(parts[-1]) is None:
        return None
    numbers = [_number(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    values = [n for n in numbers if n is not None]
    if any(v > 255 for v in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        return None  # the browser rejects such a URL outright: nothing to connect to
    value = values[-1]
    for i, v in enumerate(values[:-1]):
        value += v << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _number(part: str) -> int | None:
    if part == "":
        return None
    base, digits = 10, part
    if part[:2] in ("0x", "0X"):
        base, digits = 16, part[2:]
    elif len(part) > 1 and part[0] == "0":
        base, digits = 8, part[1:]
    if digits == "":
        return 0
    try:
        return int(digits, base) if digits.isascii() and digits.isalnum() else None
    except ValueError:
        return None
