"""`make bench ONLY=realapps`: Vigil's verdicts on real apps against hand-written Playwright.

1. Start the apps (apps.py) with seeded data on 127.0.0.1.
2. Run every goal's hand-written script. If any script's verdict differs from the goal's
   expected verdict, stop: the goal set must be right before Vigil is measured.
3. Run every goal through Vigil's real pipeline (rule planner, Playwright executor, rule
   evaluator) exactly as a scheduled check would. A PlanningError or any other pipeline
   error is that goal's `error` verdict.
4. Print the bench lines, write a per-goal table (TSV) and the full record (JSON) under
   /tmp, and list the goals Vigil got wrong.

Each goal starts from the seeded database (apps restore it before every run, untimed), and
each side gets a fresh browser context, as Vigil isolates each run.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from playwright.async_api import Browser, async_playwright

from bench import _handwritten as hand
from bench.realapps.apps import RunningApp, ensure_installed, start_all, stop_all
from bench.realapps.goals import Goal, Verdict, all_goals
from vigil.config import load_settings
from vigil.errors import PipelineError, PlanningError

TABLE_PATH = Path(tempfile.gettempdir()) / "vigil-bench-realapps.tsv"
RECORD_PATH = Path(tempfile.gettempdir()) / "vigil-bench-realapps.json"
GOAL_TIMEOUT_S = 60.0
HAND_TIMEOUT_MS = 15_000
# Unmeasured pause before each run, as in bench/pipeline.py: checks are spaced out in a
# monitor, and Vigil uses idle time to open the next run's browser context.
IDLE_S = 0.3
TARGETS = {"right_pct": 95.0, "false_passes": 0, "errors_pct": 2.0, "time_ratio": 1.5}


@dataclass
class Outcome:
    id: str
    app: str
    family: str
    trap: str | None
    goal: str
    expected: Verdict
    held_out: bool = False
    fresh: bool = False
    blind: bool = False
    hand: Verdict = "error"
    hand_ms: float = 0.0
    hand_error: str = ""
    vigil: Verdict = "error"
    vigil_ms: float = 0.0
    details: str = ""
    plan: list[str] = field(default_factory=list)
    # False when Vigil's plan only opened the URL: its verdict then checked none of the claims.
    checked: bool = False

    @property
    def right(self) -> bool:
        return self.vigil == self.expected


async def run_hand(browser: Browser, goal: Goal, app: RunningApp, outcome: Outcome) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(HAND_TIMEOUT_MS)
    try:
        page = await context.new_page()
        t0 = time.perf_counter()
        try:
            await page.goto(goal.url(app.base), wait_until="load")
            holds = await goal.script(page)
            outcome.hand, outcome.hand_error = ("passed" if holds else "failed"), ""
        except Exception as exc:  # a broken script is reported, never counted as a verdict
            outcome.hand, outcome.hand_error = "error", f"{type(exc).__name__}: {exc}"[:400]
        outcome.hand_ms = (time.perf_counter() - t0) * 1000
    finally:
        await context.close()


async def run_vigil(pipeline: object, goal: Goal, app: RunningApp, outcome: Outcome) -> None:
    from vigil.pipeline.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    t0 = time.perf_counter()
    try:
        plan, _, result = await pipeline.run_check(
            goal.url(app.base), goal.goal, timeout_s=GOAL_TIMEOUT_S
        )
        outcome.vigil = "passed" if result.passed else "failed"
        outcome.details = result.details
        outcome.plan = [
            f"{s.action} {s.target or ''} {'***' if s.secret else s.value or ''}".strip()
            for s in plan.steps
        ]
        outcome.checked = any(s.action != "navigate" for s in plan.steps)
        failed = [s for s in result.step_results if not s.passed]
        if failed:
            outcome.details += f" | step {failed[0].step_number}: {failed[0].details}"
    except PlanningError as exc:
        outcome.vigil, outcome.details = "error", f"planning: {exc}"
    except PipelineError as exc:
        outcome.vigil, outcome.details = "error", f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # anything else escaping the pipeline is Vigil's error too
        outcome.vigil, outcome.details = "error", f"uncaught {type(exc).__name__}: {exc}"
    outcome.vigil_ms = (time.perf_counter() - t0) * 1000


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def metrics(outcomes: list[Outcome]) -> dict[str, float]:
    n = len(outcomes)
    judged = [o for o in outcomes if o.vigil != "error"]  # planning errors would flatter time
    return {
        "right_pct": 100.0 * sum(o.right for o in outcomes) / n,
        "false_passes": float(
            sum(o.expected == "failed" and o.vigil == "passed" for o in outcomes)
        ),
        "errors_pct": 100.0 * sum(o.vigil == "error" for o in outcomes) / n,
        "time_ratio": _median([o.vigil_ms for o in judged]) / _median([o.hand_ms for o in judged])
        if judged
        else float("nan"),
    }


def bench_lines(m: dict[str, float], prefix: str = "realapps") -> list[str]:
    return [
        f"bench: {prefix}_right_pct {m['right_pct']:.1f} % (target >= {TARGETS['right_pct']:g})",
        f"bench: {prefix}_false_passes {m['false_passes']:.0f} "
        f"(target == {TARGETS['false_passes']:g})",
        f"bench: {prefix}_errors {m['errors_pct']:.1f} % (target <= {TARGETS['errors_pct']:g})",
        f"bench: {prefix}_time_ratio {m['time_ratio']:.2f} x (target <= {TARGETS['time_ratio']:g})",
    ]


def all_bench_lines(outcomes: list[Outcome]) -> list[str]:
    """Each set's figures: tuning, held out, fresh, then blind (the newest set written without
    reading the planner, on other kinds of app: the honest estimate for unseen goals)."""
    lines: list[str] = []
    for prefix, chosen in (
        ("realapps", [o for o in outcomes if not (o.held_out or o.fresh or o.blind)]),
        ("realapps_held_out", [o for o in outcomes if o.held_out]),
        ("realapps_fresh", [o for o in outcomes if o.fresh]),
        ("realapps_blind", [o for o in outcomes if o.blind]),
    ):
        if chosen:
            lines += bench_lines(metrics(chosen), prefix)
    return lines


def _mark(o: Outcome) -> str:
    """The table's tag for a goal's set: * held out, + fresh, # blind, none for tuning."""
    return "*" if o.held_out else "+" if o.fresh else "#" if o.blind else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_table(outcomes: list[Outcome]) -> None:
    header = (
        "id\tapp\tfamily\ttrap\texpected\thand\tvigil\tright\tchecked\thand_ms\tvigil_ms"
        "\tgoal\tdetails"
    )
    lines = [header]
    for o in outcomes:
        cols = [
            o.id + _mark(o),
            o.app,
            o.family,
            o.trap or "",
        ]
        cols += [o.expected, o.hand, o.vigil]
        cols += ["yes" if o.right else "NO", "yes" if o.checked else "no"]
        cols += [f"{o.hand_ms:.0f}", f"{o.vigil_ms:.0f}"]
        cols += [_one_line(o.goal), _one_line(o.details)]
        lines.append("\t".join(cols))
    TABLE_PATH.write_text("\n".join(lines) + "\n")
    RECORD_PATH.write_text(json.dumps([asdict(o) for o in outcomes], indent=1))


def summary(outcomes: list[Outcome]) -> list[str]:
    wrong = [o for o in outcomes if not o.right]
    out = [f"realapps: {len(wrong)} of {len(outcomes)} verdicts wrong (table: {TABLE_PATH})"]
    for o in wrong:
        said = f"expected {o.expected}, got {o.vigil}"
        tag = {"*": " (held out)", "+": " (fresh)", "#": " (blind)"}.get(_mark(o), "")
        out.append(f"  {o.id}{tag} [{o.family}] {said}: {_one_line(o.goal)}")
        out.append(f"      {_one_line(o.details)[:300]}")
    unchecked = [o for o in outcomes if o.vigil != "error" and not o.checked]
    lucky = [o.id for o in unchecked if o.right]
    out.append(
        f"realapps: {len(unchecked)} verdicts came from plans that only opened the URL "
        f"(nothing checked); {len(lucky)} of them match the expected verdict by luck: "
        + (", ".join(lucky) or "none")
    )
    return out


async def measure(
    apps: dict[str, RunningApp], goals: list[Goal], *, scripts_only: bool = False
) -> list[Outcome]:
    from vigil.services import build_pipeline

    outcomes = [
        Outcome(g.id, g.app, g.family, g.trap, g.goal, g.expect, g.held_out, g.fresh, g.blind)
        for g in goals
    ]
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=hand.CHROMIUM, headless=True, args=hand.ARGS
        )
        try:
            for goal, outcome in zip(goals, outcomes, strict=True):
                apps[goal.app].reset()
                await run_hand(browser, goal, apps[goal.app], outcome)
            # A script that could not finish (a timeout on a loaded machine) gave no verdict:
            # it gets one more go. A verdict that disagrees is never retried.
            for goal, outcome in zip(goals, outcomes, strict=True):
                if outcome.hand == "error" != outcome.expected:
                    apps[goal.app].reset()
                    await run_hand(browser, goal, apps[goal.app], outcome)
        finally:
            await browser.close()
    disagree = [o for o in outcomes if o.hand != o.expected]
    if disagree:
        for o in disagree:
            print(
                f"realapps: script {o.id} says {o.hand}, goal expects {o.expected} {o.hand_error}",
                file=sys.stderr,
            )
        count = len(disagree)
        raise SystemExit(f"realapps: {count} hand-written script(s) disagree; not measuring")
    print(f"realapps: all {len(goals)} hand-written scripts confirm their verdicts", flush=True)
    if scripts_only:
        return outcomes

    pipeline = build_pipeline(load_settings({}, VIGIL_CHROMIUM_PATH=hand.CHROMIUM))
    try:
        for goal, outcome in zip(goals, outcomes, strict=True):
            apps[goal.app].reset()
            await asyncio.sleep(IDLE_S)
            await run_vigil(pipeline, goal, apps[goal.app], outcome)
    finally:
        await pipeline.aclose()
    return outcomes


async def main(only: str | None = None, *, scripts_only: bool = False) -> list[str]:
    ensure_installed()
    prefixes = only.split(",") if only else [""]
    goals = [g for g in all_goals() if any(g.id.startswith(p) for p in prefixes)]
    with tempfile.TemporaryDirectory(prefix="vigil-realapps-") as workdir:
        t0 = time.perf_counter()
        # Only the apps the chosen goals run on: Wagtail alone takes a minute to seed.
        needed = {g.app for g in goals}
        apps = await asyncio.to_thread(start_all, Path(workdir), needed)
        print(f"realapps: {len(apps)} apps up in {time.perf_counter() - t0:.1f} s", flush=True)
        try:
            outcomes = await measure(apps, goals, scripts_only=scripts_only)
        finally:
            stop_all(apps)
    if scripts_only:
        median = _median([o.hand_ms for o in outcomes])
        return [f"realapps: scripts checked, median {median:.0f} ms"]
    write_table(outcomes)
    for line in summary(outcomes):
        print(line, flush=True)
    return all_bench_lines(outcomes)
