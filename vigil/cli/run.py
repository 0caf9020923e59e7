"""`vigil run URL GOAL`: one ad-hoc check in this process, no server and no Redis.

Made for a terminal and for CI: progress goes to stderr as each step finishes, the verdict or
(with --json) a RunRecord goes to stdout, and the exit code is 0 passed, 1 failed, 2 error —
so a pipeline step can gate a deploy on `vigil run`.
"""

from __future__ import annotations

import asyncio
import sys
import time
import uuid

import typer

from vigil.config import load_settings
from vigil.errors import VigilError
from vigil.models import (
    BrowserResult,
    EventType,
    RunRecord,
    TestPlan,
    TestResult,
    iso,
    utc_now,
)
from vigil.validation import check_goal, check_url

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


def _record(
    started: str,
    elapsed_ms: int,
    result: TestResult | None,
    error: str | None,
) -> RunRecord:
    if result is None:
        return RunRecord(
            run_id=uuid.uuid4().hex[:8],
            test_id="adhoc",
            passed=False,
            duration_ms=elapsed_ms,
            steps_passed=0,
            steps_total=0,
            details=error or "error",
            step_results=[],
            error=error,
            triggered_by="cli",
            started_at=started,
            completed_at=iso(utc_now()),
            outcome="error",
        )
    return RunRecord(
        run_id=uuid.uuid4().hex[:8],
        test_id="adhoc",
        passed=result.passed,
        duration_ms=elapsed_ms,
        steps_passed=result.steps_passed,
        steps_total=result.steps_total,
        details=result.details,
        step_results=result.step_results,
        error=result.error,
        triggered_by="cli",
        started_at=started,
        completed_at=iso(utc_now()),
        outcome="passed" if result.passed else "failed",
    )


async def _run(url: str, goal: str, limit_s: float) -> tuple[TestPlan, BrowserResult, TestResult]:
    from vigil.services import build_pipeline

    # One run in a short-lived process: no screenshots (nothing keeps them) and no spare
    # browser context for a next run that never comes.
    pipeline = build_pipeline(load_settings(), screenshots=False, prewarm=False)
    try:
        return await pipeline.run_test(url, goal, events=_Progress(), timeout_s=limit_s)
    finally:
        await pipeline.aclose()


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
    started = iso(utc_now())
    t0 = time.perf_counter()
    result: TestResult | None = None
    error: str | None = None
    try:
        url = check_url(url)
    except ValueError as exc:
        error = f"url '{url}' {exc}"
    try:
        goal = check_goal(goal)
    except ValueError as exc:
        error = error or f"goal {exc}"
    if error is None:
        try:
            _plan, _browser, result = asyncio.run(_run(url, goal, timeout))
        except VigilError as exc:
            error = str(exc)
        except Exception as exc:  # still a run that could not finish: say so, exit 2
            error = f"{type(exc).__name__}: {exc}"
    elapsed = int((time.perf_counter() - t0) * 1000)
    if json_:
        typer.echo(_record(started, elapsed, result, error).model_dump_json())
    elif result is None:
        typer.echo(f"ERROR  {error}")
    else:
        verdict = "PASSED" if result.passed else "FAILED"
        typer.echo(f"{verdict}  {result.details}  ({elapsed / 1000:.1f} s)")
    if result is None:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_PASSED if result.passed else EXIT_FAILED)
