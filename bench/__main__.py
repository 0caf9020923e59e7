"""Run every benchmark module in this package, or only the one named on the command line.

A benchmark is any module `bench/<name>.py` (not starting with `_`) with a `main()`, sync or
async, that prints its results or returns them as lines. Discovery is by module, so adding a
benchmark needs no change here.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
import sys
from collections.abc import Callable

import bench


def discover() -> dict[str, Callable[[], object]]:
    found: dict[str, Callable[[], object]] = {}
    for info in pkgutil.iter_modules(bench.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        entry = getattr(module, "main", None)
        if callable(entry):
            found[info.name] = entry
    return found


def run(entry: Callable[[], object]) -> None:
    result = entry()
    if inspect.isawaitable(result):
        result = asyncio.run(_await(result))
    if isinstance(result, list):
        for line in result:
            print(line, flush=True)


async def _await(awaitable: object) -> object:
    return await awaitable  # type: ignore[misc]


def main(argv: list[str]) -> int:
    benchmarks = discover()
    names = argv or sorted(benchmarks)
    unknown = [n for n in names if n not in benchmarks]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(sorted(benchmarks))}",
            file=sys.stderr,
        )
        return 2
    for name in names:
        run(benchmarks[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
