"""Query parameters the read routes share, parsed into what the store takes.

Parsing failures raise InvalidInput naming the parameter, so they answer 422 with a readable
line like any other bad input (api/errors.py), never a 500.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from vigil.errors import InvalidInput


def parse_instant(name: str, value: str | None) -> float | None:
    """A point in time given as unix seconds (`1771063200`, `1771063200.5`) or ISO 8601
    (`2026-02-14T10:00:00Z`; without an offset it is UTC), as unix seconds."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        if not math.isfinite(seconds):
            raise InvalidInput(name, "must be a finite number of unix seconds")
        return seconds
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise InvalidInput(
            name, "must be ISO 8601 (2026-02-14T10:00:00Z) or unix seconds"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()
