"""Absence said without a verb of showing: "nothing about 'maintenance' should appear",
"no mention of 'beta' anywhere", "there's nothing saying 'Error'".

Each is a text claim of absence on the page (or where a scope says), as "'X' should not
appear" is. Only quoted words are taken: "nothing about errors" names no text to look for.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.steps import Draft

_CHECKING = r"(?:(?:verify|ensure|confirm|check|make\s+sure|expect)\s+(?:that\s+)?)?"
_ABOUT = r"(?:about|mentioning|saying|that\s+says|containing|with|related\s+to|regarding|on)"
_SHOWN = (
    r"(?:(?:should|must|will|may|can|is\s+to)\s+)?(?:be\s+)?(?:appears?|show(?:s|n)?(?:\s+up)?|"
    r"displayed|visible|listed|mentioned|there|come\s+up|comes\s+up)"
)
_ANYWHERE = r"(?:\s+(?:anywhere|at\s+all|on\s+(?:the\s+)?(?:page|screen)|any\s*more))*"
NOTHING_ABOUT = re.compile(
    rf"{_CHECKING}(?:there(?:'s|\u2019s|\s+is|\s+should\s+be)\s+)?nothing\s+{_ABOUT}\s+"
    rf"(?P<what>\S+)(?:\s+(?:is\s+)?{_SHOWN})?{_ANYWHERE}"
    rf"|{_CHECKING}(?:there(?:'s|\u2019s|\s+is|\s+should\s+be)\s+)?no\s+mention\s+of\s+"
    rf"(?P<what2>\S+){_ANYWHERE}",
    re.IGNORECASE,
)


def read_nothing_about(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = NOTHING_ABOUT.fullmatch(clause.masked)
    if found is None:
        return None
    text = clause.literal(found.group("what") or found.group("what2") or "")
    if not text:
        return None
    return [Draft("assert_no_text", value=text)]
