"""What the read side answers (DESIGN §3): history pages, chart points, uptime, the dashboard.

These are shapes computed from the stored records, never stored themselves, so they live
apart from vigil/models.py (the stored contract) and may grow without touching it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from vigil.models import RecentRun, RunRecord

UptimeWindow = Literal["24h", "7d", "30d", "90d"]


class ResultsPage(BaseModel):
    """One page of a test's runs, newest first."""

    items: list[RunRecord]
    next_cursor: str | None = Field(
        description="Pass as `before` for the next (older) page; null on the last page. "
        "Opaque: runs stored meanwhile never shift it, so a walk sees each run once."
    )


class TimingPoint(BaseModel):
    """One run on a response-time chart."""

    timestamp: str = Field(description="completion time, ISO 8601 UTC")
    duration_ms: int
    run_id: str


class Uptime(BaseModel):
    """Availability over a window, from the roll-ups.

    `runs` counts the runs that tested the site (`passed + failed`) and is the denominator of
    `uptime_pct`; Vigil's own `errors` say nothing about the site and are reported apart.
    """

    window: UptimeWindow
    uptime_pct: float | None = Field(description="null when no run tested the site")
    runs: int
    passed: int
    failed: int
    errors: int


class DashboardCounts(BaseModel):
    """Tests by state; the six numbers after `total` add up to it. A paused test counts as
    paused whatever its last result; an active one by its last result, or as never run."""

    total: int
    passing: int
    failing: int
    error: int
    paused: int
    never_run: int


class Dashboard(BaseModel):
    counts: DashboardCounts
    recent: list[RecentRun] = Field(description="newest first, with each test's current name")


def uptime_of(window: UptimeWindow, *, total: int, passed: int, errors: int) -> Uptime:
    """The answer for counts read from the roll-ups; no tested run means no percentage."""
    pct = None if total == 0 else round(100.0 * passed / total, 3)
    return Uptime(
        window=window,
        uptime_pct=pct,
        runs=total,
        passed=passed,
        failed=total - passed,
        errors=errors,
    )
