"""A short heading that names the place the rest of the sentence is about.

"Orders list: 'Paid' should be shown", "Team page - Ana is listed", "Billing > Invoices:
three rows", "Homepage: no 'Error'": the heading is where the rest happens, so it is gone to
first (as "go to Orders" would), then the rest is read. Skipping such a heading as framing
would check the claim on whatever page happens to be open, which could pass for the wrong
reason. A heading is a place only when it is a short name (at most four words, starting with
a capital or a quoted text, no verb) and the rest reads completely; a heading that is a step
of its own ("as ana / pw-1: …") or frames the goal ("Make sure a customer can pay: …") is
left to the readers that handle those.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause
from vigil.planner.compounds import Piece, read_compound
from vigil.planner.context import Context
from vigil.planner.framing import is_framing
from vigil.planner.menu_paths import read_menu_path
from vigil.planner.navigation import read_navigate
from vigil.planner.places import go_to_page

_HEAD = re.compile(
    rf"^(?P<head>[^:\ue000]*?(?:[^\s:\ue000]|{TOKEN}))\s*(?::|\s[-\u2013\u2014])\s+(?P<rest>.+)$"
)
_NAME_WORD = r"[\w&'\u2019.>\u2192\u00bb\u203a-]+"
_PLACE = re.compile(
    rf"^(?:the\s+)?(?:{TOKEN}|[A-Z][\w&'\u2019.-]*)(?:\s+(?:{TOKEN}|{_NAME_WORD})){{0,5}}$"
)
# What a heading adds to the place's name: "Orders list", "Team page", "Dashboard check".
_SUFFIX = re.compile(
    r"\s+(?:list|listing|page|screen|view|section|tab|area|panel|overview|check|checks|test)$",
    re.IGNORECASE,
)
# Headings that label a part of the goal, never a place.
_LABEL_WORDS = re.compile(
    r"^(?:note|notes|nb|expected(?:\s+results?)?|expectations?|results?|steps?|setup|given|"
    r"preconditions?|then|when|check|checks|verify|goal|scenario|story|test|case|summary|"
    r"important|tip|hint|context|background|assert(?:ions?)?|outcome|finally|first|next|"
    r"also|after(?:wards)?|before|optional|bonus|todo|why)$",
    re.IGNORECASE,
)
_SECRET = re.compile(r"\b(?:password|passwd|pw|pin|passcode)\b", re.IGNORECASE)
_VERBISH = re.compile(
    r"\b(?:should|must|is|are|be|can|will|has|have|not|no|and|or|with|as|if|when)\b", re.IGNORECASE
)


def is_label_word(words: str) -> bool:
    """ "Note", "Expected result": a heading that labels a part of the goal."""
    return _LABEL_WORDS.match(words.strip()) is not None


def read_topic(clause: Clause, ctx: Context, previous: Piece | None) -> list[Piece] | None:
    found = _HEAD.match(clause.masked)
    if found is None:
        return None
    head, rest = found.group("head").strip(), found.group("rest").strip()
    if not _PLACE.match(head) or _LABEL_WORDS.match(head) or _VERBISH.search(head):
        return None
    if _SECRET.search(head):
        return None
    if is_framing(clause, head):
        return None
    own, own_unread = read_compound(clause.with_text(head), ctx, previous)
    if own and not own_unread:
        return None  # a step of its own: read where heads that are steps are read
    place = _SUFFIX.sub("", head) or head
    where = clause.with_text(place)
    drafts = read_menu_path(where, ctx) or read_navigate(clause.with_text(f"go to {place}"), ctx)
    if not drafts:
        return None
    if len(drafts) == 1 and drafts[0].action == "click" and drafts[0].target:
        # Where the rest happens: gone to unless already there ("To-do list: add …").
        drafts = [go_to_page(drafts[0].target)]
    there = Piece(where, [d.but(source=clause.written(head)) for d in drafts])
    # Nothing is borrowed from the going there: "Orders: Paid" is no click on "Paid".
    pieces, unread = read_compound(clause.with_text(rest), ctx, None)
    if not pieces or unread:
        return None
    return [there, *pieces]
