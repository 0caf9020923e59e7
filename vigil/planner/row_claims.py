"""More ways people name a row and one of its cells.

"Oat Cake should show a price of 4.20", "Tom is listed with the city Leeds", "the ticket
'VPN down' has priority high", "the Books list shows 1981 for Cosmos". Each names the row by
a text it holds and, where it says so, the column; the executor reads that cell on the live
page (tables.py). A column is only taken from a noun tables use for columns or from
"a <column> of <value>"; anything looser stays unread.
"""

from __future__ import annotations

import re

from vigil.pipeline.vocabulary import parse_ordinal
from vigil.planner.clauses import TOKEN, Clause
from vigil.planner.grammar import IS, SHOULD, pattern
from vigil.planner.names import unquoted_name
from vigil.planner.steps import Draft
from vigil.planner.tables import _COLUMN_NOUN, _cells, _names_an_item, _row, read_cell
from vigil.planner.targets import NOT_A_RECORD_KIND

_SHOWS = r"(?:shows?|says?|reads?|displays?|lists?|has|have)"
# "Oat Cake should show a price of 4.20".
SHOWS_A_COLUMN = pattern(
    rf"(?P<row>.+?)\s+{SHOULD}{_SHOWS}\s+(?:a|an|the)\s+(?P<column>[a-z][\w -]*?)\s+of\s+"
    r"(?P<value>\S+)"
)
# "Tom should be listed with the city Leeds".
LISTED_WITH_THE = pattern(
    rf"(?P<row>.+?)\s+{IS}\s+(?:listed|shown|there)\s+with\s+(?:a|an|the)\s+"
    r"(?P<column>[a-z]+)\s+(?P<value>.+)"
)
# "the Books list should show 1981 for Cosmos": a value in the row of the item named.
FOR_ROW = pattern(
    rf"(?:the\s+)?(?:[\w' -]+?\s+)?(?:list|table|page|grid)\s+{SHOULD}{_SHOWS}\s+"
    rf"(?P<value>{TOKEN}|[^\s]+)\s+for\s+(?P<row>.+)"
)
# "the ticket 'VPN down' has priority high": the kind word only says what the row is.
_KIND_THEN_NAME = re.compile(
    rf"^(?:the\s+)?(?P<kind>[a-z][\w-]*)\s+(?P<name>{TOKEN})\s+(?P<rest>.+)$"
)


def read_row_claim(clause: Clause, claim: str) -> list[Draft] | None:
    if (found := SHOWS_A_COLUMN.fullmatch(claim)) and _names_an_item(clause, found["row"]):
        return _cells(clause, _row(clause, found["row"]), found["value"], found["column"], found)
    if (
        (found := LISTED_WITH_THE.fullmatch(claim))
        and _COLUMN_NOUN.fullmatch(found["column"])
        and _names_an_item(clause, found["row"])
    ):
        return _cells(clause, _row(clause, found["row"]), found["value"], found["column"], found)
    if (found := FOR_ROW.fullmatch(claim)) and _names_an_item(clause, found["row"]):
        return _cells(clause, _row(clause, found["row"]), found["value"], None, found)
    if (found := _KIND_THEN_NAME.fullmatch(claim)) and not NOT_A_RECORD_KIND.match(found["kind"]):
        drafts = read_cell(clause, f"{found['name']} {found['rest']}")
        if drafts and all(d.action == "assert_cell" and d.scope for d in drafts):
            return [d.but(kind=found["kind"].lower()) for d in drafts]
    return None


# "Oat Cookie should be first", "'Zed' should come last": the row at that position.
COMES_AT = pattern(
    r"(?P<value>.+?)\s+(?:should|must|will)\s+(?:come|be|appear|show\s+up|sit|end\s+up)\s+"
    r"(?:(?:at\s+the|on)\s+)?(?P<nth>first|last|top|bottom)"
    r"(?:\s+(?:in|of)\s+the\s+(?:list|table|results|page))?"
)


def read_comes_at(clause: Clause, claim: str) -> list[Draft] | None:
    """Read before the cell shapes, which would take "Folding Spork" for a position."""
    found = COMES_AT.fullmatch(claim)
    if found is None:
        return None
    words = found["value"].strip()
    name = clause.literal(words) or unquoted_name(clause, words)
    nth = parse_ordinal(found["nth"])
    if name is None or nth is None:
        return None
    return [Draft("assert_cell", value=name, nth=nth)]


# "… the SKU should be RL-2 and the supplier Fjord Mills": the verb left out of the second
# half; the same row, another column. Only after a positive claim about a named column, and
# only with a value written like one.
_GAPPED = re.compile(rf"^the\s+(?P<column>[a-z][\w-]*)\s+(?P<value>{TOKEN}|\S.*)$", re.IGNORECASE)


def gapped_cell(clause: Clause, model: Draft) -> list[Draft] | None:
    found = _GAPPED.fullmatch(clause.masked)
    if found is None or model.action != "assert_cell" or not model.column or model.negate:
        return None
    words = found["value"].strip()
    value = clause.literal(words) or unquoted_name(clause, words)
    if value is None:
        return None
    return [model.but(value=value, column=found["column"], source=None)]
