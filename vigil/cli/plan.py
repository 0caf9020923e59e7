"""`vigil plan URL GOAL`: how Vigil reads a goal, without running it (DESIGN §4).

Each step is printed with who planned it (`[rules]`, or `[llm]` for the model's steps with
`--model` in LLM mode) and the words of the goal it came from, and each clause Vigil could not
read with the closest phrasings it knows, so a user can fix a goal before a monitor is made
from it. With `--ground` the plan is also carried out once in a local Chromium (nothing is
stored) and each step says which element its name resolved to on the live page: a name can
only be grounded on the page the earlier steps lead to, so grounding means doing them.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

import typer

from vigil.cli.run import EXIT_ERROR, EXIT_FAILED, EXIT_PASSED

if TYPE_CHECKING:
    from vigil.models import TestPlan


def _show_plan(url: str, goal: str, *, use_model: bool) -> bool:
    """Print the plan; True when every clause was read."""
    from vigil.planner.suggestions import plan_with_suggestions

    plan, unread = plan_with_suggestions(url, goal)
    if use_model:
        plan = asyncio.run(_model_plan(url, goal))
        unread = unread if plan.errors else []  # the model answered for every unread clause
    show_steps(plan)
    for item in unread:
        typer.echo(f"  ✗ could not understand: '{item.clause}'")
        for phrase in item.closest:
            typer.echo(f"      closest known phrasing: {phrase}")
    problems = plan.errors[len(unread) :]
    for problem in problems:
        typer.echo(f"  ✗ {problem}")
    return not plan.errors


def show_steps(plan: TestPlan) -> None:
    """Each step with who planned it (`[rules]` or `[llm]`) and the words it came from."""
    if plan.source != "rules":
        typer.echo(f"Planned by: {_BY[plan.source]}")
    for step in plan.steps:
        source = f'   ← "{step.source}"' if step.source else ""
        origin = f"[{step.origin or 'rules'}]"
        typer.echo(f"{step.step_number:>3}. {origin:<7} {step.description}{source}")
    if plan.judgement:
        typer.echo(f"     [llm]   judged by the model after the run: {plan.judgement}")


_BY = {
    "rules": "the rules",
    "llm": "the rules, and the model for what they could not read",
    "cache": "a cached plan that passed before",
}


async def _model_plan(url: str, goal: str) -> TestPlan:
    """The plan a run in LLM mode would make (rules first, then the model)."""
    from vigil.config import load_settings
    from vigil.services import build_pipeline

    settings = load_settings()
    if not settings.model or settings.planner == "rules" or settings.executor != "playwright":
        raise typer.BadParameter(
            "this setup plans with rules only (set VIGIL_MODEL to plan with a model)",
            param_hint="--model",
        )
    pipeline = build_pipeline(settings, screenshots=False, prewarm=False)
    try:
        return await pipeline.planner.plan(url, goal)
    finally:
        await pipeline.aclose()


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
    model: bool = typer.Option(
        False,
        "--model",
        help="Plan as a run in LLM mode would (VIGIL_MODEL): rules first, then the model",
    ),
    timeout: float = typer.Option(60, "--timeout", help="Whole-run timeout for --ground"),
) -> None:
    """Show how Vigil reads a goal. Exit 0 when every clause was read, 2 otherwise; with
    --ground, 1 when a step failed on the live page."""
    if json_:
        from vigil.planner.suggestions import plan_with_suggestions

        planned, unread = plan_with_suggestions(url, goal)
        if model:
            planned = asyncio.run(_model_plan(url, goal))
            unread = unread if planned.errors else []
        steps = [s if s.origin else s.model_copy(update={"origin": "rules"}) for s in planned.steps]
        body = planned.model_copy(update={"steps": steps}).model_dump(mode="json")
        body["unread"] = [{"clause": u.clause, "suggestions": u.closest} for u in unread]
        typer.echo(json.dumps(body, indent=2))
        raise typer.Exit(EXIT_PASSED if not planned.errors else EXIT_ERROR)
    if not _show_plan(url, goal, use_model=model):
        raise typer.Exit(EXIT_ERROR)
    if ground:
        finished, passed = asyncio.run(_ground(url, goal, timeout))
        if not finished:
            raise typer.Exit(EXIT_ERROR)
        raise typer.Exit(EXIT_PASSED if passed else EXIT_FAILED)
