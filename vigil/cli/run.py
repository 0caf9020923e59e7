"""`vigil run URL GOAL`: one ad-hoc check in this process, no server and no Redis.

Made for a terminal and for CI: progress goes to stderr as each step finishes, the verdict or
(with --json) a RunRecord goes to stdout, and the exit code is 0 passed, 1 failed, 2 error —
so a pipeline step can gate a deploy on `vigil run`.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

import typer

from vigil.errors import VigilError

if TYPE_CHECKING:
    from vigil.models import EventType
    from vigil.runs import RunOutcome

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


class _Progress:
    """An EventSink printing one line per finished step to stderr (stdout stays clean)."""

    def __init__(self) -> None:
        self.color = sys.stderr.isatty()

    async def __call__(
        self,
        type: EventType,
        message: str,
        *,
        step_number: int | None = None,
        passed: bool | None = None,
    ) -> None:
        if type == "step_complete":
            mark = "✓" if passed else "✗"
            if self.color:
                mark = f"\033[{32 if passed else 31}m{mark}\033[0m"
            typer.echo(f"  {mark} {message}", err=True)
        elif type in ("plan_complete", "browser_start"):
            typer.echo(f"  · {message}", err=True)


async def _run(url: str, goal: str, limit_s: float) -> RunOutcome:
    # Imported here: `vigil --help` and the other commands do not load the run machinery.
    from vigil.config import load_settings
    from vigil.services import launch_pipeline

    try:
        # One run in a short-lived process: no screenshots (nothing keeps them). Chromium
        # starts launching now, while the rest of the pipeline is built.
        pipeline = await launch_pipeline(load_settings(), screenshots=False)
    except VigilError as exc:  # configuration: still an `error` record, exit 2
        from vigil.runs import adhoc_error

        return adhoc_error(exc, "cli")
    try:
        # In a thread too (Redis client, alert and store modules, which an ad-hoc run's record
        # builder sits beside): the event loop stays free for the browser still launching.
        await asyncio.to_thread(_import_runs)
        from vigil.runs import run_adhoc

        return await run_adhoc(pipeline, url, goal, "cli", events=_Progress(), timeout_s=limit_s)
    finally:
        await pipeline.aclose()


def _import_runs() -> None:
    import vigil.runs  # noqa: F401


def run(
    url: str = typer.Argument(..., help="The page the check starts on"),
    goal: str = typer.Argument(..., help="What to do and verify, in plain words"),
    json_: bool = typer.Option(False, "--json", help="Print only a RunRecord as JSON"),
    timeout: float = typer.Option(60, "--timeout", help="Whole-run timeout in seconds"),
) -> None:
    """Run one check now in a local headless Chromium; nothing is stored.

    Exit code 0 when it passed, 1 when the site failed the goal, 2 when Vigil could not
    finish (bad input, no browser, timeout, a goal it could not understand).
    """
    outcome = asyncio.run(_run(url, goal, timeout))
    record = outcome.record
    assert record is not None  # an ad-hoc run always has one
    if json_:
        typer.echo(record.model_dump_json())
    elif record.outcome == "error":
        typer.echo(f"ERROR  {record.error}")
    else:
        verdict = "PASSED" if record.passed else "FAILED"
        usage = ""
        if record.llm_calls or record.llm_tokens:
            usage = f", model: {record.llm_calls} calls, {record.llm_tokens} tokens"
        seconds = f"{record.duration_ms / 1000:.1f} s"
        typer.echo(f"{verdict}  {record.details}  ({seconds}{usage})")
    if record.outcome == "error":
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_PASSED if record.passed else EXIT_FAILED)
