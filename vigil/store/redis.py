"""Connecting to Redis.

redis-py 8 defaults `socket_timeout` to a few seconds, which would cut a blocking XREAD (the
live view) short; every connection sets it above the longest block Vigil uses.
"""

from __future__ import annotations

from redis.asyncio import Redis

# Longest XREAD BLOCK in Vigil (live view) is 15 s; the socket waits longer than that.
XREAD_BLOCK_MS = 15_000
SOCKET_TIMEOUT_S = 30.0


def connect(url: str, *, decode: bool = True) -> Redis:
    """A client for `url`. `decode=False` gives bytes, for screenshots."""
    return Redis.from_url(
        url,
        decode_responses=decode,
        socket_timeout=SOCKET_TIMEOUT_S,
        socket_connect_timeout=5.0,
        health_check_interval=30,
    )
