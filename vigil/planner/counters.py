"""A number a named thing shows, and an action on the nth of a kind of item.

"the cart count is 1", "the basket badge shows 3", "the notification counter should read 0":
the element named by the thing ("cart") must show that number, as a whole number ("Cart (12)"
is not 1). Written as an `assert_text` with a `target` (the element) and a `value` (the
number), which the executor checks inside that element only.

"Add the first product to the cart", "add the third book to the wishlist": the nth control
named for that place ("Add to cart"), in document order — the control of the nth item that
has one. A place outside shops' vocabulary ("add the first task to the list") stays unread,
since "Add to list" names too many different things.
"""

from __future__ import annotations

import re

from vigil.models import Action
from vigil.pipeline.vocabulary import parse_ordinal
from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.grammar import SHOULD, negated, pattern
from vigil.planner.places import go_to_page, page_name
from vigil.planner.steps import Draft
from vigil.planner.targets import element_name

_NOT_A_VERB = r"(?!(?:should|must|will|is|reads|says|shows)\b)"
_COUNTED = r"(?:count|counter|badge|total\s+count|item\s+count|number)"
COUNTER = pattern(
    rf"(?:the\s+)?(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?:'s|\u2019s)?\s+{_COUNTED}"
    rf"(?:\s+(?:on|in)\s+the\s+(?P<place>[a-z][\w-]*(?:\s+{_NOT_A_VERB}[a-z][\w-]*)?))?\s+"
    rf"(?:(?:is|reads|says|shows)(?P<neg2>\s+not|n't)?|{SHOULD}(?:be|read|say|show))"
    r"\s+(?:now\s+|still\s+)?(?P<count>\d{1,6})"
    r"(?:\s+(?:afterwards|after\s+that|now|again|too|as\s+well))?"
)
# Words that are not a thing with a counter of its own: "the item count is 3" counts rows.
_NOT_A_COUNTER = re.compile(
    r"^(?:item|items|row|rows|result|results|record|records|entry|entries|page|total|the)$",
    re.IGNORECASE,
)


def read_counter(clause: Clause, claim: str) -> list[Draft] | None:
    found = COUNTER.fullmatch(claim)
    if not found or _NOT_A_COUNTER.match(found.group("thing")):
        return None
    thing = element_name(clause, found.group("thing"))
    if thing is None:
        return None
    count = found.group("count")
    no = negated(found)
    note = f"Check the {thing} counter {'does not show' if no else 'shows'} {count}"
    action: Action = "assert_no_text" if no else "assert_text"
    go = []
    if found.group("place"):
        place = page_name(found.group("place"))
        if place is None:
            return None
        go = [go_to_page(place)]
    return [*go, Draft(action, target=thing, value=count, note=note)]


_PLACES = (
    r"(?P<place>cart|basket|shopping\s+cart|shopping\s+basket|bag|shopping\s+bag|wish\s*list|"
    r"favou?rites|watch\s*list|comparison)"
)
ADD_NTH = pattern(
    r"(?:add|put)\s+(?:the\s+)?(?P<nth>\w+)\s+(?P<noun>[a-z][\w-]*)\s+"
    rf"(?:to|in|into)\s+(?:the\s+|my\s+|your\s+)?{_PLACES}"
)


def read_add_nth(clause: Clause, ctx: Context) -> list[Draft] | None:
    """ "Add the first product to the cart": click the nth "Add to cart"."""
    found = ADD_NTH.fullmatch(clause.masked)
    if not found:
        return None
    nth = parse_ordinal(found.group("nth"))
    if nth is None:
        return None
    place = " ".join(found.group("place").lower().split())
    return [Draft("click", target=f"Add to {place}", nth=nth)]
