"""Goals told outcome first: "Oat Cake's price should read 4.20 - sign in as ops / pw-1 and
look at the Products list", "Keiko is on the Support team: sign in …, open Agents and check
her team".

The claim before the dash or colon is what the steps after it lead to, so it is checked
after them. A last "and check her team" / "and verify it" in such a goal points back at that
claim and adds no step of its own. Read so only when the head is nothing but claims and the
rest reads completely and holds at least one action; otherwise the clause is read as usual.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause
from vigil.planner.compounds import Piece, read_compound
from vigil.planner.context import Context
from vigil.planner.sign_in import is_login_fill
from vigil.planner.steps import Draft

OUTCOME_FIRST = re.compile(
    r"^(?P<claim>[^:\u2013\u2014]+?)\s*(?:\s-|\u2013|\u2014|:)\s+(?P<steps>.+)$", re.IGNORECASE
)
# "…, open Agents and check her team": a look at the outcome the goal stated first.
_LOOK_BACK = re.compile(
    r"(?:\s*,\s*|\s+)(?:and\s+)?(?:check|verify|confirm)\s+"
    r"(?:it|that|this|them|(?:her|his|its|their)\s+[a-z]+(?:\s+[a-z]+)?)$",
    re.IGNORECASE,
)


def read_outcome_first(clause: Clause, ctx: Context, previous: Piece | None) -> list[Piece] | None:
    found = OUTCOME_FIRST.fullmatch(clause.masked)
    if found is None:
        return None
    claims, unread = read_compound(clause.with_text(found.group("claim")), ctx, previous)
    drafts = [d for piece in claims for d in piece.drafts]
    if unread or not drafts or not all(d.action.startswith("assert") for d in drafts):
        return None
    steps_words = _LOOK_BACK.sub("", found.group("steps"))
    steps, steps_unread = read_compound(clause.with_text(steps_words), ctx, previous)
    acts = [d for piece in steps for d in piece.drafts if not d.action.startswith("assert")]
    if steps_unread or not acts or not _gets_there(acts[0]):
        return None
    return [*steps, *claims]


def _gets_there(draft: Draft) -> bool:
    """The steps start by getting somewhere (signing in, opening a page or a record): how
    the outcome is reached, as opposed to an action done on the page the claim is about."""
    return (
        is_login_fill(draft)
        or draft.action == "navigate"
        or draft.ground == "page"
        or draft.names_record
    )
