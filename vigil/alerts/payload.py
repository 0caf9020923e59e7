"""What an alert says (DESIGN §6): the JSON a webhook receives, and a text form for Apprise.

The JSON keeps the original plan's fields (`event`, `test`, `result`, `timestamp`) so existing
receivers keep working, and adds the failing step with a link to its screenshot, which is what
a person opening the alert wants first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vigil.alerts.policy import AlertEvent
from vigil.config import Settings
from vigil.models import Check, RunRecord, TestPlan, iso, utc_now


@dataclass(frozen=True)
class Alert:
    event: AlertEvent
    test_id: str
    run_id: str
    payload: dict[str, Any]
    title: str
    body: str

    @property
    def message_id(self) -> str:
        """Stable across delivery attempts, so a receiver can drop duplicates."""
        return f"{self.event}_{self.run_id}"


def base_url(settings: Settings) -> str:
    """Where the dashboard is reached: the public URL, else the address the server binds."""
    return settings.public_url or f"http://{settings.host}:{settings.port}"


def screenshot_url(settings: Settings, run_id: str, step_number: int) -> str:
    return f"{base_url(settings)}/api/runs/{run_id}/steps/{step_number}/screenshot"


def _failing_step(
    settings: Settings, record: RunRecord, plan: TestPlan | None
) -> dict[str, Any] | None:
    step = next((s for s in record.step_results if not s.passed), None)
    if step is None:
        return None
    planned = (
        next((p for p in plan.steps if p.step_number == step.step_number), None) if plan else None
    )
    return {
        "number": step.step_number,
        "description": planned.description if planned else step.details,
        "error": step.error or step.details,
        "screenshot_url": (
            screenshot_url(settings, record.run_id, step.step_number) if step.screenshot else None
        ),
    }


_TITLES: dict[AlertEvent, str] = {
    "test_failed": "FAILED",
    "test_recovered": "RECOVERED",
    "test_error": "ERROR",
}


def build_alert(
    settings: Settings,
    event: AlertEvent,
    test: Check,
    record: RunRecord,
    *,
    plan: TestPlan | None = None,
    reminder: bool = False,
    consecutive_failures: int = 0,
) -> Alert:
    failing = _failing_step(settings, record, plan) if event == "test_failed" else None
    payload: dict[str, Any] = {
        "event": event,
        "test": {"id": test.id, "name": test.name, "url": test.url},
        "result": {
            "run_id": record.run_id,
            "passed": record.passed,
            "steps_passed": record.steps_passed,
            "steps_total": record.steps_total,
            "details": record.details,
            "error": record.error,
        },
        "timestamp": iso(utc_now()),
        "failing_step": failing,
        "reminder": reminder,
        "consecutive_failures": consecutive_failures,
        "outcome": record.outcome,
        "dashboard_url": base_url(settings),
    }
    title = f"[Vigil] {_TITLES[event]}{' (reminder)' if reminder else ''}: {test.name}"
    lines = [f"{test.url}", record.details]
    if record.error:
        lines.append(f"Error: {record.error}")
    if failing and failing["screenshot_url"]:
        lines.append(f"Screenshot of step {failing['number']}: {failing['screenshot_url']}")
    lines.append(f"Dashboard: {payload['dashboard_url']}")
    return Alert(event, test.id, record.run_id, payload, title, "\n".join(lines))
