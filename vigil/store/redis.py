"""Connecting to Redis, and the client type the rest of Vigil names without importing redis.

redis-py 8 defaults `socket_timeout` to a few seconds, which would cut a blocking XREAD (the
live view) short; every connection sets it above the longest block Vigil uses.
"""

from __future__ import annotations

from typing import TypeAlias

from redis.asyncio import BlockingConnectionPool, Redis
from redis.exceptions import RedisError

# What code outside store/ annotates a connection with (the API's dependency, the dispatcher).
RedisClient: TypeAlias = Redis

# A burst of concurrent work waits for a free connection instead of failing with "Too many
# connections" (redis-py's default pool raises when it is exhausted).
MAX_CONNECTIONS = 64
POOL_WAIT_S = 20.0

# The longest XREAD BLOCK Vigil may use (the live view); the socket waits twice as long.
XREAD_BLOCK_MS = 15_000
SOCKET_TIMEOUT_S = 2 * XREAD_BLOCK_MS / 1000


def connect(url: str, *, decode: bool = True) -> Redis:
    """A client for `url`. `decode=False` gives bytes, for screenshots."""
    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=MAX_CONNECTIONS,
        timeout=POOL_WAIT_S,
        decode_responses=decode,
        socket_timeout=SOCKET_TIMEOUT_S,
        socket_connect_timeout=5.0,
        health_check_interval=30,
    )
    return Redis.from_pool(pool)  # the client owns the pool: aclose() closes it


async def ping(redis: RedisClient) -> str | None:
    """None if Redis answers, else why not (the exception's type name, safe to show)."""
    try:
        await redis.ping()
    except (RedisError, OSError) as exc:
        return type(exc).__name__
    return None
