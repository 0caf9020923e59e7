"""A pretend network for egress tests, so refusals are proven without traffic leaving the
machine.

`FakeNetwork` is an Egress resolver and connector: test names "resolve" to whatever the test
says (e.g. metadata.test -> 169.254.169.254), and every connection the proxy would open is
recorded and then made to a local server standing in for that address. A connection to an
address with no local stand-in is refused on the spot, so even a broken policy could never
reach a real off-machine address from a test.
"""

from __future__ import annotations

import asyncio
import ipaddress
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from vigil.egress.addresses import IPAddress
from vigil.egress.policy import Egress, Streams

METADATA_IP = "169.254.169.254"
SECRET = "AKIA-SECRET-FROM-METADATA"


@dataclass
class FakeNetwork:
    names: dict[str, list[str]] = field(default_factory=dict)
    # (address, port) -> the 127.0.0.1 port of the local server standing in for it
    stand_ins: dict[tuple[str, int], int] = field(default_factory=dict)
    connects: list[tuple[str, int]] = field(default_factory=list)
    lookups: list[str] = field(default_factory=list)

    async def resolve(self, host: str, port: int) -> Sequence[IPAddress]:
        self.lookups.append(host)
        if host not in self.names:
            raise OSError(f"[Errno -2] Name or service not known: {host}")
        return [ipaddress.ip_address(a) for a in self.names[host]]

    async def connect(self, address: str, port: int) -> Streams:
        self.connects.append((address, port))
        if (address, port) in self.stand_ins:
            return await asyncio.open_connection("127.0.0.1", self.stand_ins[(address, port)])
        if address == "127.0.0.1":
            return await asyncio.open_connection(address, port)
        raise ConnectionRefusedError(f"test network: nothing stands in for {address}:{port}")

    def egress(self, *, block_private: bool = False) -> Egress:
        return Egress(block_private=block_private, resolver=self.resolve, connector=self.connect)

    def contacted(self, address: str) -> bool:
        return any(a == address for a, _ in self.connects)


class Site:
    """A threaded HTTP server on 127.0.0.1 that counts hits and serves `pages` by path
    (path -> (status, headers, body)); anything else gets `default`."""

    def __init__(
        self,
        pages: dict[str, tuple[int, dict[str, str], str]] | None = None,
        default: tuple[int, dict[str, str], str] = (200, {}, "<title>ok</title><p>ok</p>"),
    ) -> None:
        self.pages = pages or {}
        self.default = default
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                site.hits.append(f"{self.command} {self.path}")
                length = int(self.headers.get("content-length") or 0)
                if length:
                    self.rfile.read(length)
                status, headers, body = site.pages.get(self.path.split("?")[0], site.default)
                data = body.encode()
                self.send_response(status)
                headers = {"content-type": "text/html; charset=utf-8", **headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_GET = do_POST = do_HEAD = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"

    @contextmanager
    def running(self) -> Iterator[Site]:
        thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()


def metadata_server() -> Site:
    """Stands in for 169.254.169.254: hands out a 'credential' to whoever asks."""
    return Site(default=(200, {"content-type": "text/plain"}, SECRET))
