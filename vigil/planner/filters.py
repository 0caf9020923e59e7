"""More ways of asking for a filter, and the list it is on.

"filter products by Supplier 'Alpine Works'" (go to Products unless there, then the
Supplier filter set to Alpine Works), "add a filter on Category for Cooking", "filter city =
Lisbon", "narrow it to status pending". Each names the filter and its value; the executor
picks the value in that control (search.py). A value is quoted or written like a name, or
one word after a column noun; anything looser stays unread.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.places import go_to_page, lowercase_place
from vigil.planner.steps import Draft
from vigil.planner.tables import _COLUMN_NOUN
from vigil.planner.targets import plain_value

_VALUE = rf"(?P<value>{TOKEN}|(?-i:[A-Z0-9])[\w' .&+-]*|[a-z][\w-]*)"
_FIELD = r"(?P<field>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)"
# What a place is called after its name: "the Countries snippets", "the orders list".
_LISTING = r"(?:snippets?|list|listing|table|page|records|entries|items)"
# "filter products by Supplier 'Alpine Works'", "filter the Countries snippets by continent Asia".
FILTER_PLACE = re.compile(
    rf"^(?:filter|narrow(?:\s+down)?)\s+(?:the\s+)?(?P<place>[\w-]+)(?:\s+{_LISTING})?\s+(?:by|on)\s+"
    rf"{_FIELD}\s+{_VALUE}$",
    re.IGNORECASE,
)
# "add a filter on Category for Cooking", "add a Category filter for Cooking".
ADD_FILTER = re.compile(
    rf"^(?:add|apply|set|use)\s+(?:a\s+|the\s+)?(?:filter\s+(?:on|for|by)\s+{_FIELD}"
    rf"|(?P<field2>[A-Za-z][\w-]*)\s+filter)\s+(?:for|of|to|=|:|with)\s*{_VALUE}$",
    re.IGNORECASE,
)
# "filter city = Lisbon", "filter by status: open".
FILTER_EQUALS = re.compile(
    rf"^(?:filter|narrow)\s+(?:(?:by|on)\s+)?(?P<field>[A-Za-z][\w-]*)\s*(?:=|:|\u2192|->)\s*{_VALUE}$",
    re.IGNORECASE,
)
# "narrow it to status pending", "filter them to priority high".
FILTER_IT = re.compile(
    r"^(?:filter|narrow|limit)\s+(?:it|them|this|that|the\s+(?:list|table|results))\s+"
    rf"(?:down\s+)?to\s+(?P<field>[a-z]+)\s+{_VALUE}$",
    re.IGNORECASE,
)


def read_more_filters(clause: Clause, ctx: Context) -> list[Draft] | None:
    if found := FILTER_PLACE.fullmatch(clause.masked):
        place = unquoted_name(clause, found["place"]) or lowercase_place(found["place"])
        select = _select(clause, found["field"], found["value"])
        return [go_to_page(place), select] if place and select else None
    if found := ADD_FILTER.fullmatch(clause.masked):
        select = _select(clause, found["field"] or found["field2"], found["value"])
        return [select] if select else None
    if found := FILTER_EQUALS.fullmatch(clause.masked):
        select = _select(clause, found["field"], found["value"])
        return [select] if select else None
    if (found := FILTER_IT.fullmatch(clause.masked)) and _COLUMN_NOUN.fullmatch(found["field"]):
        select = _select(clause, found["field"], found["value"])
        return [select] if select else None
    return None


def _select(clause: Clause, field: str, value_words: str) -> Draft | None:
    value = plain_value(clause, value_words.strip())
    if not value or not field.strip():
        return None
    return Draft("select", target=field.strip(), value=value)
