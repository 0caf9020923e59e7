"""Claims about dialogs: "the 'Confirm order' dialog appears", "a popup opens", "the dialog
should close", "the Edit product modal is gone".

A dialog that appears is an open, shown dialog (`<dialog open>`, role dialog or alertdialog)
whose name or text holds the words; one that is gone is no such dialog on screen. Unnamed
("a dialog appears", "the dialog closes") means any open dialog. The claims are made on the
dialog itself, never on text that might also be on the page behind it.
"""

from __future__ import annotations

import re

from vigil.models import Scope
from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.grammar import AUX, NOT, negated
from vigil.planner.steps import Draft
from vigil.planner.targets import element_name

_KIND = (
    r"(?:dialog|modal|popup|pop-up|overlay|lightbox|confirmation\s+box|dialog\s+box|modal\s+window)"
)
_CHECKING = r"(?:(?:verify|ensure|confirm|check|make\s+sure|expect|see|assert)\s+(?:that\s+)?)?"
_APPEARS = (
    r"(?P<shown>appears?|opens?|open|pops?\s+up|pop\s+up|shows?\s+up|show|comes?\s+up|"
    r"is\s+(?:shown|displayed|visible|open|opened)|be\s+(?:shown|displayed|visible|open|opened))"
)
_GOES = (
    r"(?P<gone>closes?|close|disappears?|disappear|goes\s+away|go\s+away|vanishes|vanish|"
    r"is\s+(?:gone|closed|dismissed|hidden)|be\s+(?:gone|closed|dismissed|hidden)|"
    r"is\s+no\s+longer\s+(?:shown|visible|open|displayed)|"
    r"be\s+no\s+longer\s+(?:shown|visible|open|displayed))"
)
DIALOG_CLAIM = re.compile(
    rf"{_CHECKING}(?:the|a|an)\s+(?:(?P<name>.+?)\s+)?{_KIND}"
    rf"(?:\s+(?:that\s+says|saying|with(?:\s+the\s+text)?|titled|called)\s+(?P<says>.+?))?"
    rf"\s+(?:{AUX}{NOT}\s+)?(?:(?:now|then|also|still)\s+)?(?:{_APPEARS}|{_GOES})"
    rf"(?:\s+(?:that\s+says|saying|with(?:\s+the\s+text)?|titled)\s+(?P<says2>.+?))?",
    re.IGNORECASE,
)
# "there's no dialog", "no popup is shown": nothing open.
NO_DIALOG = re.compile(
    rf"{_CHECKING}(?:there(?:'s|\u2019s|\s+is|\s+should\s+be)\s+)?no\s+(?:open\s+)?{_KIND}"
    r"(?:\s+(?:is\s+)?(?:open|shown|visible|displayed))?(?:\s+any\s*more)?",
    re.IGNORECASE,
)
# `css=` so the executor takes it as a selector list, never as words to find.
OPEN_DIALOGS = "css=dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]"


# A dialog is gone only when nothing like one is shown: besides the marked-up kinds, the
# classes that home-made modals carry. Catching too much only fails the claim; missing a
# modal would pass it while the modal is still on screen.
_DIALOG_LIKE = (
    "dialog[open]",
    "[role=dialog]",
    "[role=alertdialog]",
    "[aria-modal=true]",
    "[class*=modal i]:not(button):not(a):not(body):not(html)",
    "[class*=dialog i]:not(button):not(a):not(body):not(html)",
    "[class*=popup i]:not(button):not(a):not(body):not(html)",
)
ANY_DIALOG_SHOWN = "css=" + ", ".join(_DIALOG_LIKE)


def named_open_dialog(name: str) -> str:
    """The selector for a shown dialog holding `name` (its title or any of its text)."""
    said = name.replace("\\", "\\\\").replace('"', '\\"')
    return "css=" + ", ".join(f'{p}:has-text("{said}")' for p in _DIALOG_LIKE)


def read_dialog_claim(clause: Clause, ctx: Context) -> list[Draft] | None:
    if NO_DIALOG.fullmatch(clause.masked):
        return [Draft("assert_not_visible", target=ANY_DIALOG_SHOWN, note="No dialog is open")]
    found = DIALOG_CLAIM.fullmatch(clause.masked)
    if found is None:
        return None
    name_words = found.group("name")
    name = None
    if name_words:
        name = clause.literal(name_words) or element_name(clause, name_words)
        if name is None or name.lower() in ("new", "open", "same", "confirmation"):
            return None
    says_words = found.group("says") or found.group("says2")
    says = clause.literal(says_words) if says_words else None
    if says_words and says is None:
        return None  # what the dialog says is compared only when quoted
    gone = found.group("gone") is not None
    if negated(found):
        gone = not gone
    if gone:
        if says:
            return None  # "the dialog saying X closes": one claim too many to be sure of
        what = f"the '{name}' dialog" if name else "the dialog"
        target = named_open_dialog(name) if name else ANY_DIALOG_SHOWN
        return [Draft("assert_not_visible", target=target, note=f"Check {what} is not open")]
    scope = Scope(kind="dialog", text=name or "")
    drafts: list[Draft] = []
    if name:
        drafts.append(
            Draft("assert_text", value=name, scope=scope, note=f"Check the '{name}' dialog is open")
        )
    else:
        drafts.append(Draft("assert_visible", target=OPEN_DIALOGS, note="Check a dialog is open"))
    if says:
        drafts.append(Draft("assert_text", value=says, scope=scope))
    return drafts
