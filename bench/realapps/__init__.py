"""The real-apps benchmark (issue #8 §5): see runner.py. `make bench ONLY=realapps`."""

from __future__ import annotations

import os


async def main() -> list[str]:
    from bench.realapps.runner import main as run

    # While editing goals: REALAPPS_ONLY=datasette (goal id prefixes, comma-separated;
    # `datasette:h,django_admin:h,sqladmin:h` is the held-out set,
    # `flask_admin:f,datasette:f,django_admin:f,sqladmin:f` the fresh one) narrows the run and
    # REALAPPS_SCRIPTS_ONLY=1 stops after checking the hand-written scripts.
    only = os.environ.get("REALAPPS_ONLY") or None
    return await run(only, scripts_only=bool(os.environ.get("REALAPPS_SCRIPTS_ONLY")))
