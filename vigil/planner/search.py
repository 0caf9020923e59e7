"""Finding things in a list: search for a term, filter by a value, sort by a column.

A search types into the page's search box (PlanStep.ground "search", found by its role or
purpose on the live page), and the executor presses Enter after it. A filter picks a value
in a named control. A sort clicks the column's header with an `order`, which the executor
repeats until the column reads in that order, and so also verifies it.
"""

from __future__ import annotations

import re

from vigil.models import SortOrder
from vigil.planner.clauses import TOKEN, Clause
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.places import go_to_page, lowercase_place
from vigil.planner.steps import Draft
from vigil.planner.targets import element_name, parse_target


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


_SEARCH_BOX = r"(?:the\s+)?(?:search(?:\s*(?:box|bar|field|input))?|searchbox|filter\s+box)"
SEARCH = _pattern(
    r"(?:(?:search|hunt)\s+for|look\s+up)\s+(?P<term>.+?)"
    rf"(?:\s+(?:with|using|in|via|through|from)\s+{_SEARCH_BOX})?"
    r"|search\s+(?:the\s+|my\s+|all\s+)?(?:(?P<where>\w+)\s+)?for\s+(?P<term2>.+)"
    rf"|(?:search|query)\s+(?P<term3>{TOKEN})"
    rf"|(?:use|using)\s+{_SEARCH_BOX}\s*,?\s*(?:to\s+)?(?:find|look\s+up|search\s+for)\s+(?P<term4>.+)"
    rf"|find\s+(?P<term5>.+?)\s+(?:with|using|via)\s+{_SEARCH_BOX}"
)
# "order 1042" searches "1042": the identifier, not the word that says what it is.
_NOUN_THEN_ID = re.compile(r"^(?:the\s+)?[a-z]+\s+(?P<id>#?[\w-]*\d[\w-]*)$", re.IGNORECASE)

_ARROW = r"\s*(?:\u2192|->|=>|>|:|=|\bis\b|\bto\b|\bas\b|\bequals?\b)\s*"
# "filter by Category: Pastry", "filter the table by Category = Pastry", "pick Category → Pastry".
FILTER_FIELD = _pattern(
    r"(?:filter|narrow|limit|restrict)\s+(?:the\s+)?(?:\w+\s+)?(?:down\s+)?(?:by|on|to)\s+"
    rf"(?P<field>.+?){_ARROW}(?P<value>.+)"
    rf"|(?:pick|choose|select|set)\s+(?P<field2>.+?)\s*(?:\u2192|->|=>|:)\s*(?P<value2>.+)"
    # "filter by genre Poetry", "filter the orders to status refunded": one word for the
    # field, then its value.
    r"|(?:filter|narrow|limit)\s+(?:the\s+\w+\s+)?(?:down\s+)?(?:by|on|to)\s+"
    rf"(?P<field4>[a-z][\w-]*)\s+(?P<value4>{TOKEN}|[\w-]+|(?-i:[A-Z0-9])[\w' -]*)"
    # "click Cake in the category facet", "pick 'pending' from the status filter".
    r"|(?:click(?:\s+on)?|pick|choose|select|tick)\s+(?P<value5>.+?)\s+(?:in|from|under|on)\s+"
    r"(?:the\s+)?(?P<field5>[\w -]+?)\s+facet"
    r"|(?:filter|narrow)\s+(?P<field3>.+?)\s+(?:by|to)\s+(?P<value3>.+)"
)
# "narrow the list to the Pastry category", "filter the books to the Poetry genre".
FILTER_TO_KIND = _pattern(
    r"(?:filter|narrow(?:\s+down)?|limit|restrict)\s+(?:the\s+\w+\s+)?(?:down\s+)?to\s+(?:the\s+)?"
    r"(?P<value>.+?)\s+(?P<field>category|genre|status|type|kind|city|country|department|team|"
    r"priority|tag|label|group|region|state)"
)
# "filter by 'Pastry'", "show only Pastry", "filter to Pastry".
FILTER_VALUE = _pattern(
    r"(?:filter|narrow\s+down|limit)\s+(?:the\s+\w+\s+)?(?:by|to|on|for)\s+(?P<value>.+)"
    r"|(?:show|list|display)\s+only\s+(?P<value2>.+?)(?:\s+(?:items|rows|results|ones))?"
    r"|only\s+(?:show|list|display)\s+(?P<value3>.+?)(?:\s+(?:items|rows|results|ones))?"
)
# "the pending orders", "refunded tickets": the value, then the kind of record it qualifies.
_KIND = re.compile(r"(?-i:[a-z]+s)", re.IGNORECASE)
_VALUE_THEN_KIND = re.compile(r"^(?:the\s+)?(?P<value>.+?)\s+(?-i:[a-z]+s)$", re.IGNORECASE)

DESCENDING = (
    r"newest|latest|most\s+recent|descending|desc|high(?:est)?\s+to\s+low(?:est)?|highest|"
    r"largest|biggest|most\s+expensive|z\s*(?:to|-|\u2013|\u2014|\u2192)\s*a|reverse(?:d)?|decreasing|"
    r"last\s+to\s+first|big\s+to\s+small|largest\s+to\s+smallest|high\s+to\s+low"
)
ASCENDING = (
    r"oldest|earliest|ascending|asc|low(?:est)?\s+to\s+high(?:est)?|lowest|smallest|"
    r"cheapest|least\s+expensive|a\s*(?:to|-|\u2013|\u2014|\u2192)\s*z|alphabetical(?:ly)?|increasing|"
    r"first\s+to\s+last|small\s+to\s+big|smallest\s+to\s+largest"
)


def _order(n: int) -> str:
    return (
        rf"(?:\s*[,(]?\s*(?:in\s+|from\s+)?(?:(?P<down{n}>{DESCENDING})|(?P<up{n}>{ASCENDING}))"
        r"(?:\s+(?:first|order|ordering|sort))?\s*\)?)?"
    )


SORT = _pattern(
    r"(?:sort|order|arrange|rank)\s+(?:the\s+)?(?:\w+\s+)?(?:by|on)\s+(?:the\s+)?"
    rf"(?P<column>.+?)(?:\s+column)?{_order(1)}"
    rf"|sort\s+(?:the\s+)?(?P<column2>.+?)\s+column{_order(2)}"
)


def read_search(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = SEARCH.fullmatch(clause.masked)
    if not found:
        return None
    words = next(g for g in found.group("term", "term2", "term3", "term4", "term5") if g)
    term = clause.literal(words)
    if term is None:
        plain = element_name(clause, words)
        if plain is None:
            return None
        identifier = _NOUN_THEN_ID.match(plain)
        term = identifier.group("id") if identifier else plain
    # One step: with ground "search" the executor presses Enter after typing.
    search = Draft("fill", value=term, ground="search", note=f"Search for '{term}'")
    # "search products for 'pad'": on the Products page, gone to first unless there.
    where = found.group("where")
    place = (unquoted_name(clause, where) or lowercase_place(where)) if where else None
    return [go_to_page(place), search] if place else [search]


def read_filter(clause: Clause, ctx: Context) -> list[Draft] | None:
    if (found := FILTER_TO_KIND.fullmatch(clause.masked)) and (
        value := clause.literal(found.group("value")) or element_name(clause, found.group("value"))
    ):
        # "narrow the list to the Pastry category": the category filter, set to Pastry.
        return [Draft("select", target=found.group("field").lower(), value=value)]
    if found := FILTER_FIELD.fullmatch(clause.masked):
        field_words, value_words = next(
            pair
            for pair in (found.group("field", "value"), found.group("field2", "value2"),
                         found.group("field3", "value3"), found.group("field4", "value4"),
               found.group("field5", "value5"))
            if pair[0]
        )  # fmt: skip
        target = parse_target(clause, field_words)
        value = clause.literal(value_words) or element_name(clause, value_words)
        if found.group("field4") and _KIND.fullmatch(value_words):
            value = None  # "filter to archived projects": a value and its kind, no field
        if target is not None and target.name is not None and value is not None:
            return [
                Draft("select", target=_filter_name(target.name), value=value, scope=target.scope)
            ]
    if found := FILTER_VALUE.fullmatch(clause.masked):
        words = found.group("value") or found.group("value2") or found.group("value3")
        if kind := _VALUE_THEN_KIND.match(words):
            words = kind.group("value")  # "show only the pending orders": 'pending'
        target = parse_target(clause, words)
        if target is not None and target.name is not None:
            return [Draft("click", target=target.name, role=target.role, scope=target.scope)]
    return None


def _filter_name(name: str) -> str:
    """ "the Category filter" names the control "Category"."""
    return re.sub(r"\s+filter$", "", name, flags=re.IGNORECASE) or name


def read_sort(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = SORT.fullmatch(clause.masked)
    if not found:
        return None
    column = element_name(clause, found.group("column") or found.group("column2"))
    if column is None:
        return None
    order: SortOrder | None = None
    if found.group("down1") or found.group("down2"):
        order = "descending"
    elif found.group("up1") or found.group("up2"):
        order = "ascending"
    return [Draft("click", target=column, column=column, order=order)]
