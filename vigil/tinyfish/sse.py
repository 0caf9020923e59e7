"""TinyFish's SSE stream: one `data: {json}` per event, the kind in the JSON `type`.

The docs spell fields snake_case (`run_id`, `result`), the generated SDK camelCase (`runId`,
`resultJson`); `pick` accepts both so an API that changes spelling does not break runs.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any


async def events(lines: AsyncIterator[str]) -> AsyncIterator[dict[str, Any]]:
    """The JSON objects of a `text/event-stream`; comments, `event:` lines and data that is
    not a JSON object are skipped (a keep-alive must not end a run)."""
    data: list[str] = []
    async for line in lines:
        if line.startswith("data:"):
            data.append(line[5:].removeprefix(" "))
        elif line == "" and data:
            parsed = _object("\n".join(data))
            data = []
            if parsed is not None:
                yield parsed
    if data and (parsed := _object("\n".join(data))) is not None:
        yield parsed


def _object(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def pick(event: dict[str, Any], *names: str) -> Any:
    """The first of `names` present (and not null) in the event."""
    for name in names:
        if event.get(name) is not None:
            return event[name]
    return None
