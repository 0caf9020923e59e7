"""The response-time chart's geometry, computed here so the template only draws (SVG, no
JavaScript, no chart library): points in pixels, round-number axis ticks, failed runs apart."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

from vigil.models import RunRecord
from vigil.store.results import parse_iso

WIDTH = 640
HEIGHT = 220
LEFT = 56  # room for "12.5 s"
RIGHT = 12
TOP = 12
BOTTOM = 36  # room for two-line time labels


@dataclass
class Point:
    x: float
    y: float
    label: str  # the tooltip: when, how long, outcome
    failed: bool
    run_id: str


@dataclass
class Tick:
    at: float  # pixel position along its axis
    label: str
    sublabel: str = ""


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    plot_right: int = WIDTH - RIGHT
    plot_bottom: int = HEIGHT - BOTTOM
    points: list[Point] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)

    @property
    def line(self) -> str:
        """The SVG polyline through every run, oldest first."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def failed(self) -> list[Point]:
        return [p for p in self.points if p.failed]


def nice_step(span: float, ticks: int = 4) -> float:
    """A 1, 2 or 5 times 10^n step so that about `ticks` steps cover `span`."""
    raw = max(span / ticks, 1.0)  # durations are whole milliseconds
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def _ms_label(ms: float) -> str:
    return f"{ms / 1000:g} s" if ms >= 1000 else f"{ms:g} ms"


def build_chart(runs: list[RunRecord]) -> Chart | None:
    """`runs` oldest first; None when there is nothing to draw."""
    if not runs:
        return None
    chart = Chart()
    times = [parse_iso(r.completed_at).timestamp() for r in runs]
    t0, t1 = min(times), max(times)
    if t1 - t0 < 60:  # one run, or a burst: centre it in a minute-wide window
        t0, t1 = t0 - 30, t1 + 30
    step = nice_step(max(r.duration_ms for r in runs))
    top_ms = step * math.ceil(max(r.duration_ms for r in runs) / step) or step
    plot_w = chart.plot_right - chart.left
    plot_h = chart.plot_bottom - chart.top

    def x_of(t: float) -> float:
        return chart.left + plot_w * (t - t0) / (t1 - t0)

    def y_of(ms: float) -> float:
        return chart.plot_bottom - plot_h * ms / top_ms

    for run, t in zip(runs, times, strict=True):
        verdict = "passed" if run.passed else ("error" if run.outcome == "error" else "failed")
        when = datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        chart.points.append(
            Point(
                x_of(t),
                y_of(run.duration_ms),
                f"{when}: {_ms_label(run.duration_ms)}, {verdict}",
                not run.passed,
                run.run_id,
            )
        )
    chart.y_ticks = [
        Tick(y_of(step * i), _ms_label(step * i)) for i in range(int(top_ms / step) + 1)
    ]
    same_day = datetime.fromtimestamp(t0, UTC).date() == datetime.fromtimestamp(t1, UTC).date()
    # Four labels that differ: seconds matter when the runs span only a few minutes.
    clock = "%H:%M:%S" if t1 - t0 < 600 else "%H:%M"
    for i in range(4):
        t = t0 + (t1 - t0) * i / 3
        moment = datetime.fromtimestamp(t, UTC)
        chart.x_ticks.append(
            Tick(x_of(t), moment.strftime(clock), "" if same_day else moment.strftime("%b %d"))
        )
    return chart
