"""Where Vigil may send requests on a user's behalf (DESIGN §6 "Egress").

A webhook target is user input that makes the server issue requests, the classic SSRF lever.
Cloud metadata endpoints hand out credentials, so they are refused always. Private and
loopback ranges are refused only with VIGIL_BLOCK_PRIVATE_NETWORKS, because monitoring
internal sites is a main use of a self-hosted monitor.

The check resolves the host name and judges every address it resolves to. A DNS answer that
changes between this check and the connection (rebinding) is not covered; deployments that
need that guarantee should also filter egress at the network level.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from vigil.errors import DeliveryError

_METADATA_V4 = ipaddress.ip_network("169.254.0.0/16")
_METADATA_V6 = ipaddress.ip_address("fd00:ec2::254")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def refusal(address: IPAddress, *, block_private: bool) -> str | None:
    """Why `address` may not be contacted, or None if it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address == _METADATA_V6 or (
        isinstance(address, ipaddress.IPv4Address) and address in _METADATA_V4
    ):
        return "a link-local / cloud metadata address"
    if block_private and (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_reserved
        or address.is_multicast
    ):
        return "a private or loopback address (VIGIL_BLOCK_PRIVATE_NETWORKS is on)"
    return None


async def check_egress(url: str, *, block_private: bool) -> None:
    """Raise DeliveryError(permanent=True) if `url`'s host resolves to a refused address."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise DeliveryError(f"alert target has no host: {parts.scheme}://…", permanent=True)
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, parts.port or 443, type=socket.SOCK_STREAM
            )
        except OSError as exc:
            raise DeliveryError(f"cannot resolve {host}: {exc}") from None
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    for address in addresses:
        reason = refusal(address, block_private=block_private)
        if reason:
            raise DeliveryError(f"refused: {host} resolves to {reason}", permanent=True)
