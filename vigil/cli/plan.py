"""`vigil plan URL GOAL`: how Vigil reads a goal, without running it (DESIGN §4).

Each step is printed with the words of the goal it came from, and each clause Vigil could not
read with the closest phrasings it knows, so a user can fix a goal before a monitor is made
from it. With `--ground` the plan is also carried out once in a local Chromium (nothing is
stored) and each step says which element its name resolved to on the live page: a name can
only be grounded on the page the earlier steps lead to, so grounding means doing them.
"""

from __future__ import annotations

import asyncio
import json

import typer

from vigil.cli.run import EXIT_ERROR, EXIT_FAILED, EXIT_PASSED


def _show_plan(url: str, goal: str) -> bool:
    """Print the plan; True when every clause was read."""
    from vigil.planner.suggestions import plan_with_suggestions

    plan, unread = plan_with_suggestions(url, goal)
    for step in plan.steps:
        source = f'   ← "{step.source}"' if step.source else ""
        typer.echo(f"{step.step_number:>3}. {step.description}{source}")
    for item in unread:
        typer.echo(f"  ✗ could not understand: '{item.clause}'")
        for phrase in item.closest:
            typer.echo(f"      closest known phrasing: {phrase}")
    problems = plan.errors[len(unread) :]
    for problem in problems:
        typer.echo(f"  ✗ {problem}")
    return not plan.errors


async def _ground(url: str, goal: str, timeout_s: float) -> tuple[bool, bool]:
    """Carry the plan out once; print what each step chose. (finished, passed)."""
    from vigil.config import load_settings
    from vigil.runs import run_adhoc
    from vigil.services import build_pipeline

    pipeline = build_pipeline(load_settings(), screenshots=False, prewarm=False)
    try:
        outcome = await run_adhoc(pipeline, url, goal, "cli", timeout_s=timeout_s)
    finally:
        await pipeline.aclose()
    record = outcome.record
    assert record is not None  # an ad-hoc run always has one
    typer.echo("On the live page:")
    for result in record.step_results:
        mark = "✓" if result.passed else "✗"
        typer.echo(f"  {mark} {result.step_number:>2}. {result.details}")
    if record.outcome == "error":
        typer.echo(f"  ERROR  {record.error}")
        return False, False
    return True, record.passed


def plan(
    url: str = typer.Argument(..., help="The page the check starts on"),
    goal: str = typer.Argument(..., help="What to do and verify, in plain words"),
    ground: bool = typer.Option(
        False, "--ground", help="Also do the steps once in Chromium and show what each chose"
    ),
    json_: bool = typer.Option(False, "--json", help="Print the plan as JSON"),
    timeout: float = typer.Option(60, "--timeout", help="Whole-run timeout for --ground"),
) -> None:
    """Show how Vigil reads a goal. Exit 0 when every clause was read, 2 otherwise; with
    --ground, 1 when a step failed on the live page."""
    if json_:
        from vigil.planner.suggestions import plan_with_suggestions

        planned, unread = plan_with_suggestions(url, goal)
        body = planned.model_dump(mode="json")
        body["unread"] = [{"clause": u.clause, "suggestions": u.closest} for u in unread]
        typer.echo(json.dumps(body, indent=2))
        raise typer.Exit(EXIT_PASSED if not planned.errors else EXIT_ERROR)
    if not _show_plan(url, goal):
        raise typer.Exit(EXIT_ERROR)
    if ground:
        finished, passed = asyncio.run(_ground(url, goal, timeout))
        if not finished:
            raise typer.Exit(EXIT_ERROR)
        raise typer.Exit(EXIT_PASSED if passed else EXIT_FAILED)
