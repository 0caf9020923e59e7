"""`python -m tests.scheduling.stub_worker`: the code of `vigil worker` in a real process,
with the stub pipeline instead of Chromium (STUB_RUN_S seconds per run; every start counted
in Redis, see stub.py). Configured by the same environment as `vigil worker`."""

from __future__ import annotations

import asyncio
import os

from tests.scheduling.stub import StubPipeline
from vigil.cli.worker import run_worker
from vigil.config import load_settings
from vigil.services import Services


def main() -> None:
    settings = load_settings()
    url = settings.secret("redis_url")
    assert url, "REDIS_URL must be set"
    services = Services.connect(settings, url)
    services._pipeline = StubPipeline(float(os.environ.get("STUB_RUN_S", "0")), record_url=url)

    async def run() -> None:
        try:
            await run_worker(settings, url, services=services)
        finally:
            await services.aclose()

    asyncio.run(run())


if __name__ == "__main__":
    main()
