"""Cookie banners: "accept the cookie banner", "accept all cookies", "reject cookies",
"dismiss the cookie notice".

The banner's own button is clicked, found near the word "cookie": "Accept" (or "Reject"),
whose name may go on ("Accept all"). A page with no such banner fails the step, so a goal
never passes a consent it did not give.
"""

from __future__ import annotations

import re

from vigil.models import Scope
from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.steps import Draft

CONSENT = re.compile(
    r"(?P<verb>accept|agree\s+to|allow|ok|okay|consent\s+to|reject|decline|refuse|deny|dismiss|"
    r"close)\s+(?:all\s+|the\s+|any\s+)?(?:(?:cookie|cookies)(?:\s+(?:banner|notice|consent|"
    r"popup|pop-up|prompt|bar|dialog|message|warning))?)",
    re.IGNORECASE,
)
_YES = ("accept", "agree to", "allow", "ok", "okay", "consent to")
_NO = ("reject", "decline", "refuse", "deny")


def read_consent(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = CONSENT.fullmatch(clause.masked)
    if found is None:
        return None
    verb = " ".join(found.group("verb").lower().split())
    name = "Accept" if verb in _YES else "Reject" if verb in _NO else "Close"
    return [
        Draft("click", target=name, scope=Scope(kind="near", text="cookie"),
              note=f"Click '{name}' on the cookie banner")
    ]  # fmt: skip
