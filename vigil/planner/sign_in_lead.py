"""A sign-in told as what has happened before the rest, without a comma to end it.

"After signing in as ana / pw-1 the Teams list should show Falcon", "once logged in as ops
with password pw-2 open Reports": the credentials end where the rest of the sentence starts.
Each cut after the credentials is tried, shortest first, and one is taken only when the
sign-in reads on its own and the rest reads completely; otherwise the clause is left to the
other readers (and, if nobody reads it, reported).
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause
from vigil.planner.compounds import AFTER_DOING, Piece, read_compound
from vigil.planner.context import Context
from vigil.planner.sign_in import read_login

AFTER_SIGNING_IN = re.compile(
    r"^(?:once|after|when|having)\s+(?:(?:you|we|i)(?:'ve|\s+have)?\s+)?"
    r"(?:signing|logging|signed|logged)\s+in\s+(?=(?:as|with|using)\s)",
    re.IGNORECASE,
)


def read_sign_in_lead(clause: Clause, ctx: Context, previous: Piece | None) -> list[Piece] | None:
    found = AFTER_SIGNING_IN.match(clause.masked)
    if found is None:
        return None
    tail = clause.masked[found.end() :]
    for space in re.finditer(r"\s+", tail):
        words, rest = tail[: space.start()], tail[space.end() :].strip()
        sign_in = clause.with_text(f"sign in {words.rstrip(',')}")
        drafts = read_login(sign_in, ctx)
        if not drafts or not rest:
            continue
        first = Piece(sign_in, [d.but(source=d.source) for d in drafts])
        pieces, unread = read_compound(clause.with_text(rest), ctx, first)
        if pieces and not unread:
            return [first, *pieces]
        return None  # the credentials end here: a rest that does not read is not guessed
    return None


def done_first(pieces: list[Piece]) -> list[Piece]:
    """ "'X' should be listed, after signing in as ana / pw-1": the step told last with
    "after" is done first. Only a last piece that is all steps (no claim) moves, so a claim
    is never checked before what it depends on, nor moved after what it was about."""
    if len(pieces) < 2 or not AFTER_DOING.match(pieces[-1].clause.masked):
        return pieces
    if any(d.action.startswith("assert") for d in pieces[-1].drafts):
        return pieces
    return [pieces[-1], *pieces[:-1]]
