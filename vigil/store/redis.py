"""Connecting to Redis, the client type the rest of Vigil names without importing redis, and
the translation of an unreachable Redis into vigil.errors.StoreUnavailable.

Outages are handled in two layers. Each call waits at most `timeout_s` for a connection or an
answer (a frozen Redis answers nothing, and without a bound a request would hang for as long
as the kernel keeps the socket) and is retried with exponential backoff when its connection
drops or times out (a restarted Redis is reached again by the retry). What still fails after
the retries is an outage: the API answers 503, never a plain 500 (vigil/api/store_errors.py).

The live view's blocking XREAD must outlast its block time, which a few-second socket timeout
would cut (DESIGN §8): it reads on a client of its own (`blocking_client`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeAlias

from redis.asyncio import BlockingConnectionPool, ConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from vigil.errors import StoreUnavailable

# What code outside store/ annotates a connection with (the API's dependency, the dispatcher).
RedisClient: TypeAlias = Redis

# A burst of concurrent work waits for a free connection instead of failing with "Too many
# connections" (redis-py's default pool raises when it is exhausted).
MAX_CONNECTIONS = 64
POOL_WAIT_S = 20.0

# Defaults of VIGIL_REDIS_TIMEOUT and VIGIL_REDIS_RETRIES (see config.py).
TIMEOUT_S = 2.0
RETRIES = 3
# Backoff between retries of one call: 0.1 s, 0.2 s, 0.4 s, … capped, so a Redis that
# restarts in about a second is reached again by the same call.
_BACKOFF_BASE_S = 0.1
_BACKOFF_CAP_S = 1.0

# The longest XREAD BLOCK Vigil may use (the live view); its socket waits twice as long.
XREAD_BLOCK_MS = 15_000
BLOCKING_SOCKET_TIMEOUT_S = 2 * XREAD_BLOCK_MS / 1000

# The errors that mean "Redis is not answering" (refused, reset, timed out, still loading
# after a restart, no pooled connection free), as opposed to a bug in a command.
UNAVAILABLE: tuple[type[Exception], ...] = (RedisConnectionError, RedisTimeoutError)
OUTAGE_DETAIL = "Redis is unavailable"


def _retry(retries: int) -> Retry:
    return Retry(ExponentialBackoff(cap=_BACKOFF_CAP_S, base=_BACKOFF_BASE_S), retries)


def connect(
    url: str, *, decode: bool = True, timeout_s: float = TIMEOUT_S, retries: int = RETRIES
) -> Redis:
    """A client for `url`. `decode=False` gives bytes, for screenshots."""
    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=MAX_CONNECTIONS,
        timeout=POOL_WAIT_S,
        decode_responses=decode,
        socket_timeout=timeout_s,
        socket_connect_timeout=timeout_s,
        retry=_retry(retries),
        retry_on_error=list(UNAVAILABLE),
        health_check_interval=30,
    )
    return Redis.from_pool(pool)  # the client owns the pool: aclose() closes it


def blocking_client(shared: Redis, *, client_name: str) -> Redis:
    """A one-connection client like `shared` whose socket timeout outlasts XREAD_BLOCK_MS, for
    a blocking read that may legitimately wait that long."""
    source = shared.connection_pool
    kwargs = {
        **source.connection_kwargs,
        "client_name": client_name,
        "socket_timeout": BLOCKING_SOCKET_TIMEOUT_S,
    }
    pool = ConnectionPool(connection_class=source.connection_class, max_connections=1, **kwargs)
    return Redis.from_pool(pool)


def is_unavailable(exc: BaseException) -> bool:
    return isinstance(exc, UNAVAILABLE)


@contextmanager
def unavailable_as(message: str) -> Iterator[None]:
    """Turn an outage inside the block into StoreUnavailable(`message`), for callers outside
    store/ that decide by it (run-now's 503, a fire's redelivery)."""
    try:
        yield
    except UNAVAILABLE as exc:
        raise StoreUnavailable(message) from exc


async def ping(redis: RedisClient, *, within_s: float | None = None) -> str | None:
    """None if Redis answers, else why not (the exception's type name, safe to show).

    With `within_s`, the answer comes within that time whatever the client's retries would
    do: health must say "down" quickly, not after every retry of a frozen server."""
    try:
        async with asyncio.timeout(within_s):
            await redis.ping()
    except (RedisError, OSError) as exc:  # OSError includes the builtin TimeoutError
        return type(exc).__name__
    return None
