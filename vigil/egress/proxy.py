"""A forward proxy on 127.0.0.1 through which a run's browser reaches the network.

Chromium is told to send every request of a run's browser context here (document,
redirect, subresource, fetch/XHR, WebSocket; loopback included). The proxy resolves each
host itself, judges every address with the egress policy and connects to a judged address,
so Chromium never resolves a name and a DNS answer cannot change between the check and the
connection. A refused request is answered by the proxy (403, or a failed tunnel) and nothing
is sent to the refused address; the refusal is kept in `refusals` for the run to report.

Plain HTTP is relayed one request at a time (h11 parses both sides, so keep-alive towards
the browser works and each upstream connection carries exactly one checked request);
CONNECT (HTTPS, ws, wss) becomes a byte tunnel to the judged address.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

import h11

from vigil.egress.policy import Egress, Refused, Unresolvable

_CHUNK = 64 * 1024
_MAX_HEAD = 64 * 1024
# Headers about one hop, not the request: never passed on (RFC 9110 §7.6.1).
_HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-connection",
        b"proxy-authorization",
        b"proxy-authenticate",
        b"te",
        b"trailer",
        b"upgrade",
    }
)


@dataclass(frozen=True)
class Failure:
    """Why the proxy could not reach `host:port`, worded as Chromium's own net error would
    have been without a proxy (`code`), or the policy's refusal (`refused`)."""

    host: str
    port: int
    code: str | None = None
    refused: Refused | None = None


class EgressProxy:
    """One run's proxy: `start()` it, point a browser context at `url`, `aclose()` after."""

    def __init__(self, egress: Egress) -> None:
        self.egress = egress
        self.refusals: list[Refused] = []
        self.failures: list[Failure] = []
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.url = ""

    async def start(self) -> str:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def close(self) -> None:
        """Stop listening and drop every open connection (for a caller that cannot await)."""
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.close()

    async def aclose(self) -> None:
        self.close()
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
            self._server = None

    def failure_for(self, host: str, port: int) -> Failure | None:
        """The latest failure to reach `host:port`, if any."""
        host = host.lower().strip("[]")
        for failure in reversed(self.failures):
            if failure.host == host and failure.port == port:
                return failure
        return None

    # --- the browser side -----------------------------------------------------------------

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        conn = h11.Connection(h11.SERVER, max_incomplete_event_size=_MAX_HEAD)
        try:
            while True:
                event = await _next_event(conn, reader)
                if not isinstance(event, h11.Request):
                    break
                if event.method == b"CONNECT":
                    await self._tunnel(conn, event, reader, writer)
                    break
                if not await self._relay(conn, event, reader, writer):
                    break
                if conn.our_state is not h11.DONE or conn.their_state is not h11.DONE:
                    break
                conn.start_next_cycle()
        except (h11.ProtocolError, OSError, asyncio.IncompleteReadError):
            pass  # a browser that hung up or spoke nonsense: nothing to answer
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _open(
        self, host: str, port: int
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """Connect under the policy, noting why it failed for the run to report."""
        host = host.lower().strip("[]")
        try:
            return await self.egress.connect(host, port)
        except Refused as exc:
            self.refusals.append(exc)
            self.failures.append(Failure(host, port, refused=exc))
            raise
        except Unresolvable:
            self.failures.append(Failure(host, port, code="ERR_NAME_NOT_RESOLVED"))
            raise
        except OSError as exc:
            self.failures.append(Failure(host, port, code=_net_code(exc)))
            raise

    async def _tunnel(
        self,
        conn: h11.Connection,
        request: h11.Request,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
    ) -> None:
        host, port = _authority(request.target.decode("ascii", "replace"))
        if not host:
            writer.write(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
            return
        try:
            up_reader, up_writer = await self._open(host, port)
        except Refused as exc:
            writer.write(_refusal_head(exc, close=True) + _refusal_body(exc))
            await writer.drain()
            return
        except (Unresolvable, OSError):
            writer.write(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n")
            await writer.drain()
            return
        self._writers.add(up_writer)
        try:
            writer.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
            early, _ = conn.trailing_data
            if early:
                up_writer.write(early)
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        finally:
            self._writers.discard(up_writer)
            up_writer.close()

    async def _relay(
        self,
        conn: h11.Connection,
        request: h11.Request,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
    ) -> bool:
        """Pass one plain-HTTP request on and its response back; False to close the
        browser's connection (the request could not be relayed)."""
        parts = urlsplit(request.target.decode("ascii", "replace"))
        if parts.netloc.count(":") > 1 and not parts.netloc.startswith("["):
            # httpx writes an IPv6 target without its brackets; its Host header has them.
            host = dict(request.headers).get(b"host", b"").decode("ascii", "replace")
            parts = parts._replace(netloc=host)
        try:
            port = parts.port or 80
        except ValueError:
            port = -1
        if parts.scheme.lower() != "http" or not parts.hostname or port < 0:
            writer.write(
                conn.send(h11.Response(status_code=400, headers=[(b"content-length", b"0")]))
            )
            return False
        try:
            up_reader, up_writer = await self._open(parts.hostname, port)
        except Refused as exc:
            await _drain_body(conn, reader)
            body = _refusal_body(exc)
            head = [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", b"%d" % len(body)),
                (b"x-vigil-egress", b"refused"),
            ]
            writer.write(conn.send(h11.Response(status_code=403, headers=head)))
            writer.write(conn.send(h11.Data(data=body)))
            writer.write(conn.send(h11.EndOfMessage()))
            await writer.drain()
            return True
        except (Unresolvable, OSError):
            return False  # the browser sees the connection fail, as it would have directly
        self._writers.add(up_writer)
        try:
            return await _exchange(conn, request, parts, reader, writer, up_reader, up_writer)
        finally:
            self._writers.discard(up_writer)
            up_writer.close()


async def _exchange(
    conn: h11.Connection,
    request: h11.Request,
    parts: SplitResult,
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    up_reader: asyncio.StreamReader,
    up_writer: asyncio.StreamWriter,
) -> bool:
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    up = h11.Connection(h11.CLIENT, max_incomplete_event_size=_MAX_HEAD)
    headers = [(k, v) for k, v in request.headers if k.lower() not in _HOP_BY_HOP]
    headers.append((b"connection", b"close"))
    up_writer.write(
        up.send(h11.Request(method=request.method, target=target.encode(), headers=headers))
    )
    while True:  # the request body, as the browser sends it
        event = await _next_event(conn, reader)
        if isinstance(event, h11.Data):
            up_writer.write(up.send(event))
            await up_writer.drain()
        elif isinstance(event, h11.EndOfMessage):
            up_writer.write(up.send(h11.EndOfMessage()))
            await up_writer.drain()
            break
        else:
            return False
    answered = False
    try:
        while True:
            event = await _next_event(up, up_reader)
            if isinstance(event, h11.InformationalResponse):
                if event.status_code != 101:
                    writer.write(conn.send(event))
            elif isinstance(event, h11.Response):
                kept = [(k, v) for k, v in event.headers if k.lower() not in _HOP_BY_HOP]
                writer.write(
                    conn.send(
                        h11.Response(
                            status_code=event.status_code, headers=kept, reason=event.reason
                        )
                    )
                )
                answered = True
            elif isinstance(event, h11.Data):
                writer.write(conn.send(event))
                await writer.drain()
            elif isinstance(event, h11.EndOfMessage):
                writer.write(conn.send(h11.EndOfMessage()))
                await writer.drain()
                return True
            else:
                return False
    except (h11.ProtocolError, OSError, asyncio.IncompleteReadError):
        if answered:
            return False
        raise


async def _next_event(conn: h11.Connection, reader: asyncio.StreamReader) -> object:
    while True:
        event = conn.next_event()
        if event is not h11.NEED_DATA:
            return event
        conn.receive_data(await reader.read(_CHUNK))


async def _drain_body(conn: h11.Connection, reader: asyncio.StreamReader) -> None:
    """Read (and drop) a refused request's body so the browser's connection stays usable."""
    while not isinstance(event := await _next_event(conn, reader), h11.EndOfMessage):
        if not isinstance(event, h11.Data):
            raise h11.RemoteProtocolError("request ended early")


async def _pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
    try:
        while data := await src.read(_CHUNK):
            dst.write(data)
            await dst.drain()
        if dst.can_write_eof():
            dst.write_eof()
    except OSError:
        dst.close()


def _authority(target: str) -> tuple[str, int]:
    """`host:port` of a CONNECT request (IPv6 in brackets); ("", 0) if malformed."""
    host, sep, port = target.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        return "", 0
    return host.strip("[]"), int(port)


def _refusal_body(exc: Refused) -> bytes:
    return f"Vigil refused this request: {exc}\n".encode()


def _refusal_head(exc: Refused, *, close: bool) -> bytes:
    body = _refusal_body(exc)
    head = (
        "HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain; charset=utf-8\r\n"
        f"x-vigil-egress: refused\r\ncontent-length: {len(body)}\r\n"
    )
    if close:
        head += "connection: close\r\n"
    return (head + "\r\n").encode()


def _net_code(exc: OSError) -> str:
    """The Chromium net error a direct connection would have reported."""
    if isinstance(exc, ConnectionRefusedError):
        return "ERR_CONNECTION_REFUSED"
    if isinstance(exc, TimeoutError):
        return "ERR_CONNECTION_TIMED_OUT"
    if exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return "ERR_ADDRESS_UNREACHABLE"
    return "ERR_CONNECTION_FAILED"
