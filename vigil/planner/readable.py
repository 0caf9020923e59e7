"""Whether a goal can be monitored as written: in rule mode, a goal with unread clauses is
refused when a check is created or changed, so no monitor starts life broken (DESIGN §4)."""

from __future__ import annotations

from vigil.config import Settings
from vigil.errors import InvalidInput
from vigil.planner.suggestions import plan_with_suggestions


def rule_mode(settings: Settings) -> bool:
    """Only the rule planner will read the goal: no model, or one told to leave planning alone."""
    return settings.model is None or settings.planner == "rules"


def require_readable_goal(settings: Settings, url: str, goal: str) -> None:
    """Raise InvalidInput naming each unread clause (with the closest known phrasing), or a
    planning problem, when the rules alone would read this goal and cannot read all of it."""
    if not rule_mode(settings):
        return
    plan, suggestions = plan_with_suggestions(url, goal, limit=1)
    if not plan.errors:
        return
    parts = []
    for s in suggestions:
        hint = f" (closest known phrasing: '{s.closest[0]}')" if s.closest else ""
        parts.append(f"could not understand '{s.clause}'{hint}")
    # plan.errors lists the unread clauses first, then problems of what was read (such as an
    # "it" with nothing to refer to): those follow as the planner words them.
    parts += plan.errors[len(suggestions) :]
    raise InvalidInput("goal", "; ".join(parts))
