"""A claim about what happens when someone does something, told in one sentence.

"check that when our manager signs in (ana, pw-1) and opens the Loaves page, Spelt and Rye
are all there", "verify that once you log in as ana / pw-1 and go to Orders, A-7 is listed":
the steps after "when" are done, then the claim after the comma is checked. The person doing
it is dropped and "signs in" / "opens" read as "sign in" / "open". Read so only when both the
steps and the claim read completely; otherwise the clause is left to the other readers.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause
from vigil.planner.compounds import Piece, read_compound
from vigil.planner.context import Context

WHEN_CLAIM = re.compile(
    r"^(?:(?:check|verify|make\s+sure|confirm|ensure)\s+(?:that\s+)?)?(?:when|once|after)\s+"
    r"(?P<steps>[^,]+?(?:\([^)]*\)[^,]*?)?),\s*(?P<claim>.+)$",
    re.IGNORECASE,
)
_DOER = re.compile(
    r"^(?:(?:our|the|a|an|my|your|their)\s+[a-z]+|i|we|you|they|he|she|someone|somebody)\s+",
    re.IGNORECASE,
)
_THIRD_PERSON = {
    "signs": "sign", "logs": "log", "opens": "open", "goes": "go", "clicks": "click",
    "searches": "search", "visits": "visit", "navigates": "navigate", "adds": "add",
    "creates": "create", "deletes": "delete", "removes": "remove", "selects": "select",
    "types": "type", "enters": "enter", "fills": "fill", "filters": "filter", "sorts": "sort",
    "heads": "head", "switches": "switch", "presses": "press", "chooses": "choose",
}  # fmt: skip
_VERB = re.compile(rf"(?:(?<=^)|(?<=\band\s))(?P<verb>{'|'.join(_THIRD_PERSON)})\b", re.IGNORECASE)


def read_when_then(clause: Clause, ctx: Context, previous: Piece | None) -> list[Piece] | None:
    found = WHEN_CLAIM.fullmatch(clause.masked)
    if found is None:
        return None
    steps_words = _DOER.sub("", found.group("steps").strip())
    steps_words = _VERB.sub(lambda m: _THIRD_PERSON[m.group("verb").lower()], steps_words)
    steps, unread = read_compound(clause.with_text(steps_words), ctx, previous)
    if unread or not steps or all(d.action.startswith("assert") for p in steps for d in p.drafts):
        return None
    claims, claim_unread = read_compound(clause.with_text(found.group("claim")), ctx, steps[-1])
    drafts = [d for piece in claims for d in piece.drafts]
    if claim_unread or not drafts or not all(d.action.startswith("assert") for d in drafts):
        return None
    return [*steps, *claims]
