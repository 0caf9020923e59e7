"""A page drawn by its server over a WebSocket, the way Streamlit, LiveView or Blazor apps are:
clicking a view sends a message, and the server answers a moment later with the new content.
Until the answer comes the old view stays on screen, so a claim judged on it would be judged
on the page being left.

A minimal RFC 6455 server over the demo site's own connection (stdlib only): text frames up
to 64 KiB, which is all the page sends.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import threading
from http.server import BaseHTTPRequestHandler

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
# How long the server takes to draw a view: longer than a DOM-quiet window, as a real
# server-side rerun takes.
DRAW_S = 0.6
VIEWS = {
    "dashboard": "<h2>Dashboard</h2><p role='alert'>Running low: cheddar, olive oil</p>",
    "orders": "<h2>Orders</h2><ul><li>#1040 Ava Jones</li><li>#1041 Ben Cruz</li></ul>",
}


def serve_socket(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
    """Upgrade the request to a WebSocket and answer each view name with that view's HTML."""
    key = handler.headers.get("Sec-WebSocket-Key", "")
    accept = base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()
    # Written by hand: the demo site answers HTTP/1.0, and an upgrade needs HTTP/1.1.
    handler.wfile.write(
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + f"Sec-WebSocket-Accept: {accept}\r\n\r\n".encode()
    )
    handler.wfile.flush()
    handler.close_connection = True
    while not stopping.is_set():
        message = _read_text(handler)
        if message is None:
            return
        stopping.wait(DRAW_S)
        view = VIEWS.get(message, "<h2>Not found</h2>")
        _write_text(handler, view)


def _read_text(handler: BaseHTTPRequestHandler) -> str | None:
    head = handler.rfile.read(2)
    if len(head) < 2 or head[0] & 0x0F == 0x8:  # closed, or a close frame
        return None
    length = head[1] & 0x7F
    if length == 126:
        length = struct.unpack("!H", handler.rfile.read(2))[0]
    elif length == 127:
        return None
    mask = handler.rfile.read(4)
    data = handler.rfile.read(length)
    return bytes(b ^ mask[i % 4] for i, b in enumerate(data)).decode()


def _write_text(handler: BaseHTTPRequestHandler, text: str) -> None:
    data = text.encode()
    size = bytes([len(data)]) if len(data) < 126 else b"\x7e" + struct.pack("!H", len(data))
    handler.wfile.write(b"\x81" + size + data)
    handler.wfile.flush()
