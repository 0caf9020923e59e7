"""A path through menus or breadcrumbs: "Settings > Users", "Catalog → Shoes → Boots".

"go to Settings > Users", "open Reports -> Monthly", "Orders » Returns" on its own: each
name is gone to in turn (the link, tab or button named so, as "go to X" does), so a path of
three names is three steps, each of which must be found on the page it leads to. A
comparison ("the total should be > 5") is never a path: every part must be a short name that
starts with a letter or a quoted text, and nothing in it may be a claim's verb.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause
from vigil.planner.context import Context
from vigil.planner.navigation import read_navigate
from vigil.planner.steps import Draft

_ARROW = r"\s*(?:>|->|\u2192|\u00bb|\u203a|=>)\s*"
_PART = rf"(?:{TOKEN}|(?:the\s+)?[^\W\d_][\w&'\u2019.-]*(?:\s+[\w&'\u2019.-]+){{0,4}})"
_LEAD = (
    r"(?:(?:go|navigate|browse|head|click|get)\s+(?:through\s+|to\s+|via\s+)?|open\s+|visit\s+|"
    r"(?:use|follow)\s+(?:the\s+)?(?:menu|breadcrumbs?|path|navigation)\s+)"
)
PATH = re.compile(
    rf"^(?P<lead>{_LEAD})?(?:the\s+)?(?P<path>{_PART}(?:{_ARROW}{_PART})+)"
    r"(?:\s+(?:menu|page|section|screen|tab))?$",
    re.IGNORECASE,
)
_SPLIT = re.compile(_ARROW)
# Without a verb before it, a path is only names as a menu shows them: capitalised or quoted.
_NAMED = re.compile(rf"^(?:{TOKEN}|[A-Z0-9])")
# Words no menu name is made of: a claim or a step hiding in the path.
_NOT_A_NAME = re.compile(
    r"\b(?:should|must|is|are|was|were|be|shows?|contains?|has|have|not|no|than|equals?)\b",
    re.IGNORECASE,
)


def read_menu_path(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = PATH.fullmatch(clause.masked)
    if found is None:
        return None
    parts = [p.strip() for p in _SPLIT.split(found.group("path")) if p.strip()]
    if len(parts) < 2 or any(_NOT_A_NAME.search(p) for p in parts):
        return None
    if not found.group("lead") and not all(_NAMED.match(p) for p in parts):
        return None  # "pick Status → Closed": a step, not a path of names
    drafts: list[Draft] = []
    for part in parts:
        step = read_navigate(clause.with_text(f"go to {part}"), ctx)
        if not step or len(step) != 1:
            return None
        drafts.append(step[0])
    return drafts
