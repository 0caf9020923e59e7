"""Where Vigil may send requests on a user's behalf (DESIGN §6 "Egress").

A check URL, every request its page makes and every alert target are user input that makes
the server open connections: the classic SSRF lever. One policy judges them all: a host is
resolved once, every address it resolves to is judged (addresses.py), and a caller that goes
on to connect uses exactly the judged addresses (`Egress.connect`), never a second lookup, so
a DNS answer that changes in between (rebinding) cannot slip past the check.

The resolver and the connector are parameters so tests can make a name "resolve" to a
metadata address and prove that no connection was attempted, without any traffic leaving
the machine.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from vigil.egress.addresses import IPAddress, host_address, refusal
from vigil.errors import DeliveryError, VigilError

Resolver = Callable[[str, int], Awaitable[Sequence[IPAddress]]]
Streams = tuple[asyncio.StreamReader, asyncio.StreamWriter]
Connector = Callable[[str, int], Awaitable[Streams]]


class Refused(VigilError):
    """The policy forbids contacting `host` because it is (or resolves to) `address`.

    The message is the one a run shows: "blocked: 169.254.169.254 is a cloud metadata
    address", or "blocked: evil.test resolves to 169.254.169.254, a cloud metadata address".
    """

    def __init__(self, host: str, address: IPAddress, reason: str) -> None:
        if host.strip("[]").lower() == str(address):
            text = f"blocked: {address} is {reason}"
        else:
            text = f"blocked: {host} resolves to {address}, {reason}"
        super().__init__(text)
        self.host = host
        self.address = address
        self.reason = reason


class Unresolvable(VigilError):
    """The host name has no address (DNS failure): nothing was contacted."""


async def system_resolver(host: str, port: int) -> Sequence[IPAddress]:
    import ipaddress

    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[IPAddress, None] = {}
    for info in infos:
        seen[ipaddress.ip_address(str(info[4][0]).split("%")[0])] = None
    return list(seen)


async def open_streams(address: str, port: int) -> Streams:
    return await asyncio.open_connection(address, port)


@dataclass(frozen=True)
class Egress:
    """The egress policy plus how names are resolved and sockets opened under it."""

    block_private: bool = False
    resolver: Resolver = system_resolver
    connector: Connector = open_streams
    connect_timeout_s: float = 10.0

    def judge(self, host: str, address: IPAddress) -> None:
        """Raise Refused if `address` (which `host` named or resolved to) is off limits."""
        reason = refusal(address, block_private=self.block_private)
        if reason is not None:
            raise Refused(host, address, reason)

    def judge_literal(self, host: str) -> None:
        """Judge a host only if it spells an address; a name is judged when resolved."""
        address = host_address(host)
        if address is not None:
            self.judge(host, address)

    async def addresses(self, host: str, port: int) -> list[IPAddress]:
        """Every address of `host`, each judged; raises Refused if any is off limits.

        One refused answer refuses the host: connecting to the "good" one of a mixed answer
        would let a rebinding server choose which the next lookup gets.
        """
        literal = host_address(host)
        if literal is not None:
            self.judge(host, literal)
            return [literal]
        try:
            found = list(await self.resolver(host, port))
        except (OSError, UnicodeError) as exc:
            raise Unresolvable(f"cannot resolve {host}: {exc}") from None
        if not found:
            raise Unresolvable(f"cannot resolve {host}: no addresses")
        for address in found:
            self.judge(host, address)
        return found

    async def connect(self, host: str, port: int) -> Streams:
        """A connection to `host` made to one of its judged addresses (first that answers).

        Raises Refused (nothing was contacted), Unresolvable, or OSError (no address
        accepted the connection).
        """
        last: OSError | None = None
        for address in await self.addresses(host, port):
            try:
                async with asyncio.timeout(self.connect_timeout_s):
                    return await self.connector(str(address), port)
            except OSError as exc:  # TimeoutError included
                last = exc
        raise last or OSError(f"could not connect to {host}")


async def check_egress(url: str, *, block_private: bool, egress: Egress | None = None) -> None:
    """For a sender that connects on its own (Apprise): raise DeliveryError(permanent=True)
    if `url`'s host resolves to a refused address. Such a sender resolves the name again,
    so a rebinding DNS server could still answer differently then; http(s) webhooks avoid
    that by connecting through the egress proxy instead."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise DeliveryError(f"alert target has no host: {parts.scheme}://…", permanent=True)
    policy = egress or Egress(block_private=block_private)
    try:
        port = parts.port or (443 if parts.scheme.lower().endswith("s") else 80)
    except ValueError:
        raise DeliveryError("alert target has an invalid port", permanent=True) from None
    await check_host(host, port, policy)


async def check_host(host: str, port: int, egress: Egress) -> None:
    """check_egress for a host and port already taken apart."""
    try:
        await egress.addresses(host, port)
    except Refused as exc:
        raise DeliveryError(str(exc), permanent=True) from None
    except Unresolvable as exc:
        raise DeliveryError(str(exc)) from None
