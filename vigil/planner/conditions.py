"""A condition the goal sets before what it asks: "With 'Show archived' checked, …".

"With In stock only ticked, Rye should not be listed", "with the Vegan filter on, …", "Having
switched on Hide completed, …": the words say a box is in a state while the rest holds, and
a check starts from a fresh page, so the box is put in that state first (ticking a box that
is already ticked leaves it ticked). The lead is read here as its own step; the comma after it
lets the compound reader read the rest on its own. Only box-like states are read ("checked",
"on", "off", …): "with Bakery selected" may be a dropdown's option or a row, so it is left to
the other readers (and stays an error when none reads it).
"""

from __future__ import annotations

import re

from vigil.planner.actions import read_check
from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.steps import Draft

_ON = r"(?:checked|ticked|enabled|on|switched\s+on|turned\s+on|toggled\s+on|active)"
_OFF = (
    r"(?:unchecked|unticked|not\s+checked|not\s+ticked|disabled|off|switched\s+off|"
    r"turned\s+off|toggled\s+off|cleared)"
)
# "With X checked", "with the Vegan filter on", "with 'Show archived' switched on".
WITH_STATE = re.compile(
    rf"^(?:with|having)\s+(?P<what>.+?)\s+(?:(?P<on>{_ON})|(?P<off>{_OFF}))$", re.IGNORECASE
)
# "Having ticked X", "having switched off 'Dark mode'".
HAVING_DONE = re.compile(
    r"^having\s+(?:(?P<on>checked|ticked|enabled|switched\s+on|turned\s+on)|"
    r"(?P<off>unchecked|unticked|disabled|switched\s+off|turned\s+off))\s+(?P<what>.+)$",
    re.IGNORECASE,
)
# "the Vegan filter": the box is named "Vegan"; the noun only says what it does.
_FILTER_NOUN = re.compile(r"^(?P<name>.+?)\s+(?:filter|option|setting)$", re.IGNORECASE)


def read_condition(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = WITH_STATE.fullmatch(clause.masked) or HAVING_DONE.fullmatch(clause.masked)
    if found is None:
        return None
    what = found.group("what").strip()
    if (noun := _FILTER_NOUN.fullmatch(what)) is not None:
        what = re.sub(r"^(?:the|a|an)\s+", "", noun.group("name"), flags=re.IGNORECASE)
    verb = "untick" if found.group("off") else "tick"
    # The box is found as "tick X" finds it, so both readings ground the same way.
    drafts = read_check(clause.with_text(f"{verb} {what}"), ctx)
    if not drafts or any(d.action not in ("check", "uncheck") for d in drafts):
        return None
    return drafts
