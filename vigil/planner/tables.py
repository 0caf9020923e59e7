"""Claims about rows, cells and how many: "'Spelt' is listed with a price of 4.20", "the row
for INV-204 shows 'Overdue' in the State column", "Spelt's price is 4.20", "the top row is
'Oat'", "shows 3 results", "exactly 2 items", "only 'A' and 'B' are shown".

A cell claim names its row by a text the row contains (Scope kind "row") or by position
(`nth`), and may name a column; the executor reads the row on the live page. A count names
what is counted in the goal's own words ("results", "tasks"), which the executor grounds.
"""

from __future__ import annotations

import re

from vigil.models import CountOp, Scope
from vigil.pipeline.vocabulary import parse_count, parse_ordinal
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.grammar import IS, SHOULD, TRAILER, negated, pattern
from vigil.planner.names import unquoted_name, unquoted_names
from vigil.planner.pronouns import IT, kind_reference, pronoun_subject
from vigil.planner.result_claims import item_names
from vigil.planner.steps import Draft
from vigil.planner.targets import element_name, plain_value

_SHOWS = r"(?:shows?|says?|reads?|contains?|displays?|has|have|holds?|lists?|includes?)"
_VALUE = r"(?P<value>.+?)"
_COLUMN = r"(?:\s+(?:in|under|for)\s+(?:the\s+|its\s+)?(?P<column>.+?)(?:\s+column|\s+field)?)?"
_ROW_NOUN = r"(?:row|line|entry|item|record|result)"
_ROW_OF = (
    rf"(?:the\s+)?{_ROW_NOUN}\s+(?:for|of|with|containing|that\s+(?:says|contains|has))\s+"
    r"(?P<row>.+?)"
)

# "the row for INV-204 shows 'Overdue' in the State column", "INV-204's row says 'Paid'".
ROW_SHOWS = pattern(
    rf"(?:{_ROW_OF}|(?:the\s+)?(?P<row2>.+?)(?:'s|\u2019s)?\s+{_ROW_NOUN})\s+"
    rf"{SHOULD}{_SHOWS}\s+(?:the\s+(?:value|text)\s+)?{_VALUE}{_COLUMN}"
)
# "it shows 'Shipped' in the Status column": the row named just before.
ITS_ROW_SHOWS = pattern(
    rf"(?:it|its\s+row|that\s+row|this\s+row|the\s+same\s+row)\s+{SHOULD}{_SHOWS}\s+"
    rf"{_VALUE}\s+(?:in|under)\s+(?:the\s+|its\s+)?(?P<column>.+?)\s+column"
)
# "the Price column shows 4.20 for Spelt", "the State column says 'Paid' for INV-7".
COLUMN_SHOWS = pattern(
    rf"(?:the\s+)?(?P<column>.+?)\s+column\s+{SHOULD}{_SHOWS}\s+{_VALUE}\s+"
    r"(?:for|in\s+the\s+row\s+(?:for|of)|next\s+to|beside)\s+(?P<row>.+)"
)
# "INV-204 is marked Overdue", "'Rye' is flagged as 'Low stock'".
MARKED = pattern(rf"(?P<row>.+?)\s+{IS}\s+(?:marked|flagged|labell?ed|tagged)\s+(?:as\s+)?{_VALUE}")
# "'Spelt' is listed with a price of 4.20", "'Spelt' is listed at 4.20".
LISTED_WITH = pattern(
    rf"(?P<row>.+?)\s+(?:{IS}\s+(?:listed|shown|displayed|there)\s+"
    rf"(?:with\s+(?:a|an|the)\s+(?P<column>[\w ]+?)\s+(?:of|at)\s+|at\s+|for\s+)"
    rf"|(?:costs?|is\s+priced\s+at|sells\s+for|should\s+cost)\s+){_VALUE}"
)
# A verb standing for a column: "Tom lives in Leeds", "'INV-7' is assigned to Luis", "the
# ticket belongs to Ana": the value is in the row of the thing named.
_RELATION_VERB = (
    r"(?:lives?|living|is\s+based|based|is\s+located|located|works?|resides?)\s+in"
    r"|(?:assigned|allocated|given|owned|written|created|reported|requested|sold)\s+(?:to|by)"
    r"|belongs?\s+to|is\s+for|are\s+for|costs?|is\s+priced\s+at|comes?\s+from|is\s+from"
    r"|is\s+(?:on|in)\s+the(?=\s+.+\s+(?:team|group|department|shift|plan|tier|squad)$)"
)
RELATION = pattern(
    rf"(?P<row>.+?)\s+(?:{IS}\s+)?(?:(?:still|also)\s+)?"
    rf"(?:{_RELATION_VERB})\s+{_VALUE}"
)
# "the list shows 1981 on the Cosmos row", "the table has 'Paid' in the row for INV-7".
ON_THE_ROW = pattern(
    rf"(?:the\s+)?(?:list|table|page|grid)\s+{SHOULD}{_SHOWS}\s+{_VALUE}\s+(?:on|in|for)\s+"
    rf"(?:the\s+|its\s+)?(?:(?P<row>.+?)(?:'s|\u2019s)?\s+{_ROW_NOUN}|{_ROW_NOUN}\s+(?:for|of)\s+"
    r"(?P<row2>.+))"
)
_GROUP_NOUN = re.compile(r"\s+(?:team|group|department|shift|plan|tier|squad)$", re.IGNORECASE)
_KIND_BEFORE = re.compile(rf"^(?:the\s+)?[a-z][\w-]*\s+(?={TOKEN}$)", re.IGNORECASE)
# "Spelt's price is 4.20", "the price of Spelt is 4.20", "its status should be 'Paid'".
ATTRIBUTE = pattern(
    rf"(?:(?P<row>.+?)(?:'s|\u2019s)\s+(?P<column>[\w -]+?)"
    rf"|(?P<own>its|their)\s+(?P<column3>[\w -]+?)"
    rf"|(?:the\s+)?(?P<column2>[\w -]+?)\s+(?:of|for)\s+(?P<row2>.+?))"
    rf"\s+{IS}\s+(?:shown\s+as\s+|listed\s+as\s+|set\s+to\s+|equal\s+to\s+)?{_VALUE}"
)
_PLAIN_IS = r"(?:is|are|'s|should\s+be|must\s+be|will\s+be)"
# "the top row is 'Oat'", "the second row shows 'Spelt'", "'Oat' is the first row".
# Any noun after the position counts as a row ("the first book", "the top order"), except
# words that name something else than a row ("the first name", "the first page").
_NTH_NOUN = (
    rf"(?:{_ROW_NOUN}|one|(?!(?:name|names|page|pages|time|step|field|tab|link|button|heading|"
    r"column|option|image|word|letter)\b)[a-z][\w-]*)"
)
NTH_ROW = pattern(
    rf"(?:the\s+)?(?P<nth>\w+)\s+{_NTH_NOUN}(?:\s+in\s+the\s+(?:list|table|results))?\s+"
    r"(?:(?:is|are|'s)(?P<neg>\s+not|n't)?|(?:should|must|will)(?P<neg2>\s+not|n't)?\s+be|"
    rf"(?:should\s+|must\s+|will\s+)?(?P<verb>{_SHOWS}))\s+{_VALUE}"
    # "Oat Cookie should come first", "'Zed' comes last", "Ana is on top".
    r"|(?P<value4>.+?)\s+(?:should\s+|must\s+|will\s+)?(?:come|comes|be|is|appear|appears|"
    r"show\s+up|shows\s+up|sit|sits|end\s+up|ends\s+up|stay|stays)\s+"
    r"(?:(?:at\s+the|on)\s+)?(?P<nth4>first|last|top|bottom)(?:\s+(?:in\s+the\s+(?:list|table)))?"
    # "…, the first being Alice": the position alone, its row noun left to the sentence.
    r"|(?:the\s+)?(?P<nth5>first|last|top|bottom|second|third)(?:\s+[a-z]+)?\s+being\s+"
    r"(?P<value5>.+)"
    rf"|(?P<value2>{TOKEN})\s+{_PLAIN_IS}\s+(?:the\s+)?(?P<nth2>\w+)(?:\s+{_ROW_NOUN})?"
    r"(?:\s+in\s+the\s+(?:list|table))?"
    rf"|(?P<value3>{TOKEN})\s+{_PLAIN_IS}\s+(?:at\s+the\s+)?(?P<nth3>top|bottom)"
)

_OPS: dict[str, CountOp] = {
    "exactly": "eq",
    "only": "eq",
    "just": "eq",
    "precisely": "eq",
    "at least": "ge",
    "no fewer than": "ge",
    "no less than": "ge",
    "at most": "le",
    "no more than": "le",
    "up to": "le",
    "more than": "gt",
    "over": "gt",
    "fewer than": "lt",
    "less than": "lt",
    "under": "lt",
}
_OP = "|".join(re.escape(op).replace(r"\ ", r"\s+") for op in sorted(_OPS, key=len, reverse=True))
_NUMBER = (
    r"\d+|zero|no|one|a\s+single|single|two|a\s+couple\s+of|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|fifteen|twenty"
)
_NOT_A_NOUN = (
    r"(?!(?:is|are|was|were|be|been|should|must|will|in|on|at|of|for|comes?|came|remains?|"
    r"left|returned|found)\b)"
)
_COUNTED = rf"(?P<noun>(?:{_NOT_A_NOUN}[a-z][\w-]*\s+){{0,2}}?{_NOT_A_NOUN}[a-z][\w-]*)"
_WHERE = (
    r"(?:\s+(?:in|on)\s+(?:the\s+)?(?:first\s+|this\s+|current\s+)?"
    r"(?:list|table|page|cart|results|screen|basket))?"
)
_SHOWN = (
    r"(?:\s+(?:are|is|should\s+be|must\s+be|should|must|will)?\s*"
    r"(?:shown|listed|displayed|visible|found|returned|there|present|comes?\s+back|came\s+back|"
    r"come\s+up|comes\s+up|remains?|are\s+left|is\s+left|match(?:es)?|turn\s+up))?"
)
# "shows 3 results", "the list has exactly 2 items", "there are at least 2 rows",
# "3 tasks are listed", "exactly one result".
COUNT = pattern(
    rf"(?:(?:[\w'\u2019]+\s+){{0,3}}?{SHOULD}(?:shows?|has|have|lists?|"
    r"contains?|displays?|holds?|returns?|gives?|finds?)\s+"
    r"|there\s+(?:are|is|should\s+be|must\s+be|will\s+be|'s)\s+"
    r"|(?:i|we|you|the\s+user)\s+(?:should\s+)?(?:see|sees|get|gets|have|has)\s+)?"
    rf"(?:(?P<op>{_OP})\s+)?(?P<count>{_NUMBER})\s+{_COUNTED}"
    rf"(?P<term>\s+(?:for|matching|containing|with)\s+{TOKEN})?{_WHERE}{_SHOWN}{_WHERE}{TRAILER}"
)
# "there should be 4 of them", "there are 9": as many rows or items as said, of what is listed.
# Also "I expect exactly 4", "exactly 2 should remain", "3 of them": the noun left out. A bare
# number ("… and 3") is not read so: it could be anything.
_REMAIN = r"\s+(?:should|must|will)\s+(?:remain|be\s+left|be\s+shown|be\s+listed|show\s+up)"
THERE_ARE_N = pattern(
    rf"(?:there\s+(?:are|is|should\s+be|must\s+be|will\s+be|'s)|(?:(?:i|we)\s+)?expect)\s+"
    rf"(?:(?P<op>{_OP})\s+)?(?P<count>{_NUMBER})(?:\s+of\s+them|\s+in\s+total|\s+left|\s+now)?"
    rf"|(?:(?P<op2>{_OP})\s+)?(?P<count2>{_NUMBER})(?:\s+of\s+them)?{_REMAIN}"
    rf"|(?:(?P<op3>{_OP})\s+)?(?P<count3>{_NUMBER})\s+of\s+them(?:{_REMAIN})?"
    rf"|(?P<op4>{_OP})\s+(?P<count4>{_NUMBER})"
)
# "Expect 2 results: Cosmos and Pale Blue Dot", "3 tickets: 'A', 'B' and 'C'": how many, and
# which.
COUNT_NAMING = pattern(
    rf"(?:{SHOULD}(?:see|get|find|expect)\s+|there\s+(?:should\s+be|must\s+be|will\s+be|are|is)\s+)?(?:(?P<op>exactly|only|just)\s+)?(?P<count>{_NUMBER})"
    rf"\s+{_COUNTED}\s*(?::|\u2014|-|,)\s*(?P<items>.+)"
)
# "Sylvia Plath should be the only result", "'Rye' is the only item left".
THE_ONLY = pattern(
    rf"(?P<item>.+?)\s+{IS}\s+the\s+only\s+(?P<noun>one|result|match|item|row|entry|record|"
    r"[a-z]+)(?:\s+(?:left|shown|listed|found|remaining))?"
)
# "the number of rows is 9", "the count of results should be 3".
NUMBER_OF = pattern(
    rf"(?:the\s+)?(?:total\s+)?(?:number|count|amount)\s+of\s+{_COUNTED}\s+"
    rf"(?:is|are|should\s+be|must\s+be|equals?)\s+(?:(?P<op>{_OP})\s+)?(?P<count>{_NUMBER})"
)
# "the list is empty", "no results are shown".
EMPTY = pattern(r"(?:the\s+)?(?P<noun>[\w ]+?)\s+(?:is|are|should\s+be|must\s+be)\s+empty")
# "only 'A' and 'B' are shown", "the list shows only 'A' and 'B'".
ONLY = pattern(
    rf"(?:only|just)\s+(?P<items>.+?)\s+{IS}\s*"
    r"(?:shown|listed|displayed|visible|left|remaining|there|present|in\s+the\s+(?:list|table))"
    rf"|(?:[\w ]+?\s+)?(?:should\s+|must\s+)?(?:shows?|lists?|contains?|displays?|has)\s+only\s+"
    rf"(?P<items2>.+)"
    rf"|(?:only|just)\s+(?P<items3>.+?)\s+(?:remains?|is\s+left|are\s+left)"
    # "Only SQ-102 should come up", "only Dune and Emma turn up": a search's whole answer.
    r"|(?:only|just)\s+(?P<items4>.+?)\s+(?:(?:should|must|will)\s+(?:come\s+up|show\s+up|"
    r"turn\s+up|appear|be\s+found|be\s+returned)|(?:comes?|shows?|turns?)\s+up|appears?)"
)
# A counted thing that is really a phrase of text: "2 items left" is the counter's wording.
_TEXT_COUNT = re.compile(r"\b(?:left|remaining|selected|in\s+stock|ago|per\s+\w+)$", re.I)
# "no error message": zero of something the page may show in any shape is not a count the
# page can be trusted to answer; the goal should quote the message instead.
_NOT_A_COLLECTION = re.compile(r"\b(?:errors?|warnings?|messages?|alerts?|problems?)$", re.I)
_NOT_COUNTABLE = re.compile(
    r"^(?:seconds?|minutes?|hours?|days?|times?|percent|px|ms|dollars?|euros?|steps?)$", re.I
)


def read_cell(clause: Clause, claim: str) -> list[Draft] | None:
    if drafts := _nth_row(clause, claim):
        return drafts
    if (found := COLUMN_SHOWS.fullmatch(claim)) and _names_an_item(clause, found.group("row")):
        row = _row(clause, found.group("row"))
        return _cells(clause, row, found.group("value"), found.group("column"), found)
    if found := ITS_ROW_SHOWS.fullmatch(claim):
        return _cells(
            clause, Scope(kind="row", text=IT), found.group("value"), found.group("column"), found
        )
    if (found := MARKED.fullmatch(claim)) and _names_an_item(clause, found.group("row")):
        return _cells(clause, _row(clause, found.group("row")), found.group("value"), None, found)
    for found in (ROW_SHOWS.fullmatch(claim), LISTED_WITH.fullmatch(claim)):
        if found:
            row_words = found.group("row") or found.groupdict().get("row2")
            if row_words and parse_ordinal(row_words.strip()) is not None:
                continue  # "the first row shows …" is a position, read by _nth_row
            if row_words and _EVERY.match(row_words.strip()):
                return None  # "every row says 'Active'": no single row to read
            row = _row(clause, row_words)
            drafts = _cells(clause, row, found.group("value"), found.group("column"), found)
            if drafts:
                return drafts
    if found := ON_THE_ROW.fullmatch(claim):
        row_words = found.group("row") or found.group("row2")
        return _cells(clause, _row(clause, row_words), found.group("value"), None, found)
    if found := RELATION.fullmatch(claim):
        row_words = _KIND_BEFORE.sub("", found.group("row").strip())  # "the task 'X'" is 'X'
        # "is on the Technical team": the cell says "Technical".
        value_words = _GROUP_NOUN.sub("", found.group("value"))
        if value_words != found.group("value"):
            value_words = re.sub(r"^the\s+", "", value_words.strip(), flags=re.IGNORECASE)
        if _names_an_item(clause, row_words):
            return _cells(clause, _row(clause, row_words), value_words, None, found)
    if (
        (found := HAS_CELL.fullmatch(claim))
        and _names_an_item(clause, found.group("row"))
        and (drafts := _has_cell(clause, found))
    ):
        return drafts
    if found := ATTRIBUTE.fullmatch(claim):
        row_words = found.group("row") or found.group("row2")
        row = _row(clause, row_words) if row_words else Scope(kind="row", text=IT)
        column = found.group("column") or found.group("column2") or found.group("column3")
        if re.fullmatch(_ROW_NOUN, column.strip(), re.IGNORECASE) or column.strip()[:1].isdigit():
            return None  # "the row for 'X' is fine", "4 results for 'rye' are …": no column
        if _STATE_WORD.fullmatch(found.group("value").strip()):
            return None  # "… is shown" is a claim of presence, not a cell value
        if row_words is not None and not _names_an_item(clause, row_words):
            return None  # "the title of the page is …" is not a table
        return _cells(clause, row, found.group("value"), column, found)
    return None


# "'INV-7' has status Paid", "'VPN drops' should have urgent priority": a column and its value
# in either order. Which word is the column is told by the nouns tables use for columns; with
# neither word such a noun the claim stays unread rather than guessed.
HAS_CELL = pattern(
    rf"(?P<row>.+?)\s+(?:{SHOULD}|(?P<never>never|no\s+longer)\s+)?(?:has|have|carries|carry)\s+"
    r"(?:a|an|the)?\s*"
    r"(?P<first>[\w$€£.,/-]+|\ue000\d+\ue001)\s+(?P<second>[\w$€£.,/-]+|\ue000\d+\ue001)"
)
_COLUMN_NOUN = re.compile(
    r"(?:status|state|priority|severity|stage|phase|type|kind|category|genre|role|plan|tier|"
    r"level|owner|assignee|agent|team|group|department|city|country|region|price|cost|stock|"
    r"quantity|qty|amount|total|balance|year|date|email|phone|rating|score|size|colou?r|label|"
    r"tag|version|language)",
    re.IGNORECASE,
)


def _has_cell(clause: Clause, found: re.Match[str]) -> list[Draft] | None:
    first, second = found.group("first"), found.group("second")
    if _COLUMN_NOUN.fullmatch(first) and not _COLUMN_NOUN.fullmatch(second):
        column, value = first, second  # "has status Paid"
    elif _COLUMN_NOUN.fullmatch(second) and not _COLUMN_NOUN.fullmatch(first):
        column, value = second, first  # "should have urgent priority"
    else:
        return None
    return _cells(clause, _row(clause, found.group("row")), value, column, found)


_STATE_WORD = re.compile(
    r"(?:shown|listed|visible|displayed|hidden|present|there|gone|empty|enabled|disabled|"
    r"checked|selected|done|complete|completed)",
    re.IGNORECASE,
)
_EVERY = re.compile(r"^(?:every|each|all|any|some|no|other)\b", re.IGNORECASE)


def _nth_row(clause: Clause, claim: str) -> list[Draft] | None:
    """ "the top row is 'Oat'", "'Oat' is the first row", "the second row shows 'Spelt'"."""
    if found := NTH_ROW.fullmatch(claim):
        nth_word = found.group("nth") or found.group("nth2") or found.group("nth3")
        nth_word = nth_word or found.group("nth4") or found.group("nth5")
        nth = parse_ordinal(nth_word) if nth_word else None
        words = found.group("value") or found.group("value2") or found.group("value3")
        if alone := found.group("value4") or found.group("value5"):
            subject = _POSSESSIVE_END.sub("", alone.strip())
            name = clause.literal(subject) or unquoted_name(clause, subject)
            return (
                None if nth is None or name is None else [Draft("assert_cell", value=name, nth=nth)]
            )
        if nth is None or not words:
            return None
        if found.group("value") and (cells := _nth_cells(clause, words, found.group("verb"))):
            if negated(found) and len(cells) > 1:
                return None  # "not A with B" says neither which half is wrong
            return [
                Draft("assert_cell", value=v, column=c, nth=nth, negate=negated(found))
                for v, c in cells
            ]
        value = clause.literal(words)
        if value is None:
            return None
        return [Draft("assert_cell", value=value, nth=nth, negate=negated(found))]
    return None


# "Oat Cookie with a quantity of 12": the row's name, and a value in a named column.
_NAME_WITH_CELL = re.compile(
    r"^(?P<name>.+?)\s+with\s+(?:a|an|the)\s+(?P<column>[\w -]+?)\s+of\s+(?P<value>\S+)$", re.I
)
# "(has) quantity 3", "(has) a price of 4.80": a named column's value.
_COLUMN_VALUE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<column>[a-z][\w -]*?)\s+(?:of\s+)?(?P<value>[\d$\u20ac\u00a3][\S]*|"
    rf"{TOKEN})$",
    re.I,
)
_POSSESSIVE_END = re.compile(r"(?:'s|\u2019s|')$")


def _nth_cells(clause: Clause, words: str, verb: str | None) -> list[tuple[str, str | None]] | None:
    """What an nth row holds, without quotes: a name ("the first book should be Beloved",
    "the top order should be Priya Nair's", whose order it is), a name with a cell, or with
    "has", a column's value ("the first order has quantity 3")."""
    if (both := _NAME_WITH_CELL.match(words)) and (name := unquoted_name(clause, both["name"])):
        value = plain_value(clause, both["value"])
        return [(name, None), (value, both["column"].strip())] if value else None
    if verb and verb.lower().startswith("ha") and (cell := _COLUMN_VALUE.match(words)):
        value = plain_value(clause, cell["value"])
        return [(value, cell["column"].strip())] if value else None
    # "the top order is for Tom Becker": whose row it is.
    words = re.sub(r"^(?:for|by|from)\s+", "", words.strip(), flags=re.IGNORECASE)
    name = unquoted_name(clause, _POSSESSIVE_END.sub("", words))
    return [(name, None)] if name else None


# Owners that are parts of the page, not items: "the page's title", "the form's email".
_NOT_AN_ITEM = re.compile(
    r"^(?:the\s+)?(?:page|site|app|form|field|list|table|browser|window|screen|user|"
    r"account|cart|basket|dialog|header|footer|url|document|tab|current\s+page)$",
    re.IGNORECASE,
)


def _names_an_item(clause: Clause, words: str) -> bool:
    """ "'Spelt'", "Spelt", "INV-204", "its": an item whose row holds the cell."""
    words = words.strip()
    if clause.literal(words) is not None or pronoun_subject(words) is not None:
        return True
    if has_token(words) or _NOT_AN_ITEM.match(words):
        return False
    if (the := re.match(r"the\s+(?=[A-Z0-9])", words)) and unquoted_name(
        clause, words[the.end() :]
    ):
        return True  # "the price of the Lamp": the item named Lamp
    if kind_reference(words) is not None:
        return True  # "the order's status": the order the goal named before
    if re.match(r"(?:the|a|an)\s", words, re.I):
        return False
    # Unquoted, an item is named like one: "Spelt", "INV-204", "Ana" (not "rows").
    return len(words.split()) <= 3 and (words[:1].isupper() or any(c.isdigit() for c in words))


# A negation that the claim's pattern left in the row's words ("Tom never lives in Leeds"):
# reading on would check the opposite of what was asked, so the claim stays unread.
_STRAY_NEGATION = re.compile(r"(?:\bnot|\bnever|\bno\s+longer|n't|n\u2019t)\b", re.IGNORECASE)


def _row(clause: Clause, words: str | None) -> Scope | None:
    if words is None or _STRAY_NEGATION.search(words):  # quoted text is masked here
        return None
    subject = pronoun_subject(words.strip())
    if subject is not None:
        return Scope(kind="row", text=subject)
    if the := re.match(r"the\s+(?=[A-Z0-9])", words.strip()):
        words = words.strip()[the.end() :]
    elif (reference := kind_reference(words)) is not None:
        return Scope(kind="row", text=reference)
    name = element_name(clause, words)
    return Scope(kind="row", text=name) if name else None


def _cells(
    clause: Clause, row: Scope | None, value_words: str, column_words: str | None,
    found: re.Match[str],
) -> list[Draft] | None:  # fmt: skip
    if row is None:
        return None
    if not column_words and (described := _DESCRIBED_CELL.fullmatch(value_words.strip())):
        # "shows a stock of 6": the column is named with the value.
        column_words, value_words = described.group("column"), described.group("value")
    if (pair := _SECOND_CELL.fullmatch(value_words.strip())) and column_words:
        # "with a price of 2.4 and stock 40": two cells of the same row.
        first = _cells(clause, row, pair.group("value"), column_words, found)
        second = _cells(clause, row, pair.group("value2"), pair.group("column2"), found)
        return [*first, *second] if first and second else None
    values = clause.literal_list(value_words)
    if not values:
        single = _cell_value(clause, value_words)
        if single is None:
            return None
        values = [single]
    column = element_name(clause, column_words) if column_words else None
    if column_words and column is None:
        return None
    return [
        Draft("assert_cell", value=v, scope=row, column=column, negate=negated(found))
        for v in values
    ]


_DESCRIBED_CELL = re.compile(
    r"(?:a|an|the)\s+(?P<column>[a-z][\w -]*?)\s+of\s+(?P<value>[^\s,]+)", re.IGNORECASE
)
_SECOND_CELL = re.compile(
    r"(?P<value>[^\s,]+)\s+and\s+(?:(?:a|an|the)\s+)?(?P<column2>[a-z][\w -]*?)\s+(?:of\s+)?"
    r"(?P<value2>[^\s,]+)",
    re.IGNORECASE,
)


def _cell_value(clause: Clause, words: str) -> str | None:
    words = words.strip()
    if re.match(r"(?:not|n't|never|no)\b", words, re.I):
        return None
    if has_token(words) and clause.literal(words) is None:
        return None
    if len(words.split()) > 4:
        return None
    return plain_value(clause, words)


def read_count(clause: Clause, claim: str) -> list[Draft] | None:
    if found := NUMBER_OF.fullmatch(claim):
        count = parse_count(found.group("count"))
        op: CountOp = (
            _OPS[" ".join(found.group("op").lower().split())] if found.group("op") else "eq"
        )
        if count is not None:
            return [
                Draft("assert_count", target=found.group("noun"), value=str(count), count_op=op)
            ]
    if found := EMPTY.fullmatch(claim):
        noun = found.group("noun").strip()
        if re.fullmatch(r"(?:the\s+)?(?:list|table|cart|basket|results|inbox)", noun, re.I):
            return [Draft("assert_count", value="0", count_op="eq")]
        return None
    if found := THERE_ARE_N.fullmatch(claim):
        number = next(g for g in found.group("count", "count2", "count3", "count4") if g)
        op_words = next((g for g in found.group("op", "op2", "op3", "op4") if g), None)
        count = parse_count(number)
        if count is not None:
            op = _OPS[" ".join(op_words.lower().split())] if op_words else "eq"
            return [Draft("assert_count", value=str(count), count_op=op)]
    if found := COUNT_NAMING.fullmatch(claim):
        items = _items(clause, found.group("items"))
        count = parse_count(found.group("count"))
        if items and count is not None:
            shown = [Draft("assert_text", value=item) for item in items]
            return [*shown, Draft("assert_count", value=str(count), count_op="eq")]
    found = COUNT.fullmatch(claim)
    if not found or has_token(claim[: found.start("term")] if found.group("term") else claim):
        return None
    noun = found.group("noun")
    if _TEXT_COUNT.search(noun) or _NOT_COUNTABLE.match(noun):
        return None
    count = parse_count(found.group("count"))
    if count is None or (count == 0 and _NOT_A_COLLECTION.search(noun)):
        return None
    op = _OPS[" ".join(found.group("op").lower().split())] if found.group("op") else "eq"
    return [
        Draft("assert_count", target=noun, value=str(count), count_op=op, negate=negated(found))
    ]


def _items(clause: Clause, words: str) -> list[str] | None:
    """Quoted items ("'A' and 'B'") or names written without quotes ("Ariel and Beloved")."""
    return clause.literal_list(words) or unquoted_names(clause, words)


# "only the sparkling water should be left": an item named in lower case after "the".
_THE_ITEM = re.compile(r"the\s+(?P<name>[a-z][\w'-]*(?:\s+[a-z0-9][\w'-]*){0,3})")
_NOT_AN_ITEM = re.compile(
    r"\b(?:first|last|one|ones|item|items|row|rows|result|results|thing|things|page|list|"
    r"table|same|other|others|rest|new|old|it|them|these|those|following)$",
    re.IGNORECASE,
)


def _the_item(words: str) -> list[str] | None:
    found = _THE_ITEM.fullmatch(" ".join(words.split()))
    if found is None or _NOT_AN_ITEM.search(found["name"]):
        return None
    return [found["name"]]


def read_only(clause: Clause, claim: str) -> list[Draft] | None:
    """ "only 'A' and 'B' are shown": each is shown, and nothing else (a count of 2)."""
    if (alone := THE_ONLY.fullmatch(claim)) and not negated(alone):
        item = _items(clause, alone.group("item"))
        # "India, Japan and Vietnam should be the only ones left": several, said in plural.
        several = item and len(item) > 1 and alone.group("noun").lower().endswith("s")
        if item and (len(item) == 1 or several):
            return [
                *(Draft("assert_text", value=one) for one in item),
                Draft("assert_count", value=str(len(item)), count_op="eq"),
            ]
    found = ONLY.fullmatch(claim)
    if not found:
        return None
    words = (
        found.group("items") or found.group("items2") or found.group("items3")
        or found.group("items4")
    )  # fmt: skip
    items = _items(clause, words) or item_names(clause, words) or _the_item(words)
    if not items:
        return None
    return [
        *(Draft("assert_text", value=item) for item in items),
        Draft("assert_count", value=str(len(items)), count_op="eq"),
    ]
