"""An action told by its purpose and its means: "reopen it by setting the status to To do",
"approve the request by choosing Approved as the decision", "hide them by switching on Hide
completed". The means is the step; the purpose only says why, and is what the claims after
it check. Only a short purpose (a verb and what it acts on) is dropped, and the means must
read as a step of its own, so nothing the goal asks to be true is lost.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause

# The means, as a gerund, turned back into the verb a step is read from.
_GERUNDS = {
    "setting": "set", "changing": "change", "choosing": "choose", "picking": "pick",
    "selecting": "select", "switching": "switch", "turning": "turn", "toggling": "toggle",
    "ticking": "tick", "unticking": "untick", "checking": "check", "unchecking": "uncheck",
    "clicking": "click", "pressing": "press", "marking": "mark", "filling": "fill",
    "typing": "type", "entering": "enter", "moving": "move", "flipping": "flip",
}  # fmt: skip
_PURPOSE = (
    rf"(?:[a-z][\w-]*)(?:\s+(?:it|them|this|that|him|her|{TOKEN}|"
    r"(?:the|this|that|its|their|my)\s+[\w-]+(?:\s+[\w-]+)?))?(?:\s+(?:again|back|now))?"
)
BY_MEANS = re.compile(
    rf"^(?P<purpose>{_PURPOSE})\s*,?\s+by\s+(?P<verb>{'|'.join(_GERUNDS)})\b(?P<rest>.+)$",
    re.IGNORECASE,
)


def told_by_means(clause: Clause) -> Clause | None:
    """The means as a step of its own ("set the status to To do"), or None."""
    found = BY_MEANS.fullmatch(clause.masked)
    if found is None:
        return None
    verb = _GERUNDS[found.group("verb").lower()]
    return clause.with_text(f"{verb}{found.group('rest')}")
