"""Scrolling: "scroll down to the footer", "scroll to the bottom", "scroll up".

Every step already scrolls its own element into view, so a scroll matters for what it
reaches: scrolling to a named thing hovers it (which scrolls it into view and fails when it
is not there), and scrolling to an end of the page presses End or Home on the page, which
also wakes content that loads as the page is scrolled.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.steps import Draft
from vigil.planner.targets import parse_target

SCROLL = re.compile(
    r"(?:scroll|swipe|page)(?:\s+(?P<way>down|up|all\s+the\s+way(?:\s+(?:down|up))?))?"
    r"(?:\s+(?:to|until|till)\s+(?:you\s+(?:see|reach)\s+|i\s+(?:see|reach)\s+)?(?P<to>.+?))?"
    r"(?:\s+of\s+the\s+(?:page|screen|list))?",
    re.IGNORECASE,
)
_BOTTOM = re.compile(r"(?:the\s+)?(?:very\s+)?(?:bottom|end)", re.IGNORECASE)
_TOP = re.compile(r"(?:the\s+)?(?:very\s+)?(?:top|start|beginning)", re.IGNORECASE)
# Parts of every page that are named by their kind, not by their words.
# The tag alone is what the executor reads as a selector ("footer"), never a text to find.
_LANDMARKS = {"footer": "footer", "page footer": "footer", "header": "header",
              "page header": "header"}  # fmt: skip


def read_scroll(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = SCROLL.fullmatch(clause.masked)
    if found is None or not (found.group("way") or found.group("to")):
        return None
    way = (found.group("way") or "").lower()
    to = found.group("to")
    if to is None or _BOTTOM.fullmatch(to) or _TOP.fullmatch(to):
        up = way.endswith("up") or (to is not None and _TOP.fullmatch(to) is not None)
        key = ("Home" if to else "PageUp") if up else ("End" if to else "PageDown")
        return [Draft("press", value=key, note=f"Scroll the page: press {key}")]
    landmark = _LANDMARKS.get(re.sub(r"^the\s+", "", to.strip().lower()))
    if landmark is not None:
        return [Draft("hover", target=landmark, note=f"Scroll to the {to.split()[-1]}")]
    target = parse_target(clause, to)
    if target is None or target.name is None:
        return None
    return [
        Draft("hover", target=target.name, role=target.role, nth=target.nth, scope=target.scope,
              note=f"Scroll to {clause.written(to)} (hover it)")
    ]  # fmt: skip
