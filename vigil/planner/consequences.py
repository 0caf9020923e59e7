"""A click told by what it leads to: "clicking 'Products' takes me to the Products page",
"make sure 'Log in' leads to the login page", "pressing 'Open dialog' brings up a dialog that
says 'Confirm order'", and, after a click, "it should open the Catalog page".

Each is the click, then the outcome as the claim it would be on its own: where the user ends
up (read as "I end up on …"), a dialog that appears, or text that is shown. An outcome that
is not one of these leaves the whole clause unread.
"""

from __future__ import annotations

import re

from vigil.planner.actions import read_click
from vigil.planner.claims import read_claim
from vigil.planner.clauses import TOKEN, Clause
from vigil.planner.context import Context
from vigil.planner.dialogs import read_dialog_claim
from vigil.planner.states import read_where
from vigil.planner.steps import Draft

_CHECKING = r"(?:(?:verify|ensure|confirm|check|make\s+sure|test)\s+(?:that\s+)?)?"
_MODAL = r"(?:(?:should|must|will|does|would)\s+)?"
_MOVES = (
    r"(?:take|takes|bring|brings|lead|leads|send|sends|get|gets|navigate|navigates|redirect|"
    r"redirects|go|goes)"
)
_SHOWS = (
    r"(?:open|opens|bring\s+up|brings\s+up|show|shows|display|displays|reveal|reveals|pop\s+up|"
    r"pops\s+up)"
)
_WHO = r"(?:(?:me|you|us|the\s+user|the\s+visitor|them)\s+)?(?:back\s+)?(?:to|onto|on)\s+"
CLICKING = re.compile(
    rf"{_CHECKING}(?:clicking|pressing|tapping|hitting|following|selecting|choosing)\s+(?:on\s+)?"
    rf"(?P<what>.+?)\s+{_MODAL}(?:(?P<moves>{_MOVES})\s+{_WHO}|(?P<shows>{_SHOWS})\s+)"
    r"(?P<rest>.+)",
    re.IGNORECASE,
)
# "'Log in' leads to the login page": a quoted control and where it goes, verb-first omitted.
LEADS = re.compile(
    rf"{_CHECKING}(?:the\s+)?(?P<what>{TOKEN}(?:\s+(?:link|button|tab|menu\s+item))?)\s+"
    rf"{_MODAL}(?P<moves>{_MOVES})\s+{_WHO}(?P<rest>.+)",
    re.IGNORECASE,
)
# After a click: "it should open the Catalog page", "that takes me to the dashboard".
IT_LEADS = re.compile(
    rf"{_CHECKING}(?:it|that|this|which)\s+{_MODAL}(?:(?P<moves>{_MOVES})\s+{_WHO}|"
    rf"(?P<shows>open|opens)\s+)(?P<rest>(?:the\s+|my\s+)?.+?\s+(?:page|screen|view))",
    re.IGNORECASE,
)
_A_DIALOG = re.compile(
    r"^(?:the|a|an)\s+(?:.+?\s+)?(?:dialog|modal|popup|pop-up|overlay)\b", re.IGNORECASE
)
_A_PAGE = re.compile(r"^(?:the\s+|my\s+)?.+?\s+(?:page|screen|view)$", re.IGNORECASE)


def _outcome(clause: Clause, ctx: Context, rest: str, moves: bool) -> list[Draft] | None:
    if moves or _A_PAGE.fullmatch(rest):
        return read_where(clause, f"I end up on {rest}")
    if _A_DIALOG.match(rest):
        return read_dialog_claim(clause.with_text(f"{rest} appears"), ctx)
    return read_claim(clause.with_text(f"the page shows {rest}"), ctx)


def read_consequence(clause: Clause, ctx: Context) -> list[Draft] | None:
    if found := IT_LEADS.fullmatch(clause.masked):
        return read_where(clause, f"I end up on {found.group('rest')}")
    found = CLICKING.fullmatch(clause.masked) or LEADS.fullmatch(clause.masked)
    if found is None:
        return None
    click = read_click(clause.with_text(f"click {found.group('what')}"), ctx)
    if not click or len(click) != 1:
        return None
    moves = found.group("moves") is not None
    outcome = _outcome(clause, ctx, found.group("rest"), moves)
    return [*click, *outcome] if outcome else None
