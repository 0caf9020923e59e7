"""Claims about items of a list or of the results, named the way shops and task lists name
them: "Rye bread should show up", "verify Oat milk appears in the results", "Olive oil 500ml
should be the first product", "confirm Bananas is at the top of the table", "Rye bread should
no longer be in the product table", "the greek yogurt should cost $4.75 in the product list".

Item names are often written in sentence case ("Rye bread", "Clean the espresso machine"),
which names.py does not take for a name (every word capitalised there). Here such words are
a name only in the subject of one of these claims, only when the first word is capitalised
and not a determiner or pronoun, and only when the last word is not a noun for a part of the
page ("Search results should show up" is not an item called so).

Where the claim puts the item decides what is read: "in the results" and "in the table" are
the rows the search or filter produced (assert_cell, some row holds it), never the page as a
whole, whose search box and "No results for …" notice also hold the words; a position is the
row at that place (assert_cell with `nth`); no place is text on the page, as elsewhere.
"""

from __future__ import annotations

import re

from vigil.models import Action
from vigil.pipeline.vocabulary import parse_ordinal
from vigil.planner.clauses import Clause, has_token
from vigil.planner.grammar import pattern
from vigil.planner.names import unquoted_name
from vigil.planner.steps import Draft

# A capitalised first word, then up to five words in any case ("Olive oil 500ml").
_SENTENCE_NAME = re.compile(
    r"(?-i:[A-Z\u00c0-\u00de])[\w'\u2019&-]*(?:\s+[\w'\u2019&#.-]+){0,5}", re.IGNORECASE
)
_NOT_A_FIRST_WORD = re.compile(
    r"^(?:the|a|an|this|that|these|those|it|its|their|his|her|my|our|your|there|here|they|"
    r"nothing|everything|something|anything|all|each|every|no|none|some|any|both|only|"
    r"one|other|another|what|which|who|when|where|if|then|and|or|but|not|please|i|we|you|"
    # A lead-in, not a name: "With In stock only checked, …", "After sorting, …".
    r"with|without|after|before|once|while|until|since|in|on|at|for|from|by|as|to|into|"
    r"under|over|via|per|upon|during|except|unless|because|so|also|just|now|still|then|"
    r"check|verify|confirm|ensure|expect|make|see|click|open|go|search|filter|sort|type|"
    r"enter|select|choose|press|add|remove|delete|log|sign|set|put)\b",
    re.IGNORECASE,
)
# Words that end a description of a part of the page or of something counted, not a name.
_NOT_A_LAST_WORD = re.compile(
    r"\b(?:page|pages|screen|list|lists|table|tables|results?|items?|rows?|entries|entry|"
    r"records?|message|messages|errors?|warnings?|alerts?|notice|notification|banner|toast|"
    r"buttons?|links?|fields?|form|dialog|modal|popup|menu|tabs?|heading|title|text|labels?|"
    r"section|panel|sidebar|header|footer|icons?|image|spinner|loader|count|counter|number|"
    r"total|metric|badge|value|status|options?|products?|orders?|tasks?|data|content|"
    r"everything|anything|nothing|one|ones|them|it|either|too|also|well|now|still|here|"
    r"there|again|yet|first|last|top|bottom|the|a|an|of|to|in|on|and|or|not|checked|"
    r"ticked|selected|enabled|disabled|chosen|applied|sorted|filtered|on|off|chart|graph|"
    r"map|widget|card|tile|avatar|logo|photo|picture|video|tooltip|dropdown|checkbox|input|"
    r"box|area|view|spinner|indicator)$",
    re.IGNORECASE,
)
# A verb or auxiliary inside the subject means the split was wrong ("Rye is listed and …").
_VERB_INSIDE = re.compile(
    r"\b(?:is|are|was|were|be|been|should|must|will|would|can|does|do|has|have|shows?|"
    r"appears?|not|no|never)\b",
    re.IGNORECASE,
)


def item_name(clause: Clause, words: str) -> str | None:
    """The item these words name: a quoted phrase, a name in title case, or one in sentence
    case ("Rye bread", "Olive oil 500ml"). None for anything that reads as a description."""
    words = " ".join(words.split()).rstrip(".")
    if (literal := clause.literal(words)) is not None:
        return literal
    if not words or has_token(words):
        return None
    if (name := unquoted_name(clause, words)) is not None:
        return name
    if (
        not _SENTENCE_NAME.fullmatch(words)
        or _NOT_A_FIRST_WORD.match(words)
        or _NOT_A_LAST_WORD.search(words)
        or _VERB_INSIDE.search(words)
        or len(words.split()) < 2
    ):
        return None
    return words


def item_names(clause: Clause, words: str) -> list[str] | None:
    """ "Rye bread and Spelt loaf": each an item, or None if any is not one."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", " ".join(words.split()))
    names = [item_name(clause, part) for part in parts]
    if not names or any(n is None for n in names):
        return None
    return [n for n in names if n is not None]


# Where the claim puts the item. Rows of what was listed: "in the results", "among the
# results", "in the product table", "in the list of products"; "from the results".
_IN_ROWS = (
    r"(?:in|among|within|inside|from|on)\s+(?:the\s+|this\s+|these\s+)?"
    r"(?:(?:search|filtered|[a-z]+)\s+)?(?P<rows>results|result\s+list|table|grid)"
    r"|(?:in|among)\s+(?:the\s+)?(?:(?:search|filtered)\s+)?results"
)
# A list: text in it, as "'X' is in the list" is read elsewhere (a list may be no <ul>).
_IN_LIST = r"(?:in|on|from)\s+(?:the\s+|this\s+)?(?:[a-z]+\s+)?(?P<list>list)(?:\s+of\s+[a-z]+)?"
_WHERE = rf"(?:\s+(?:{_IN_ROWS}|{_IN_LIST}))?"


def _neg(name: str) -> str:
    return rf"(?P<{name}>\s+not|n't|n\u2019t|\s+never|\s+no\s+longer)?"


_STILL = r"(?:\s+(?:still|also|now|again|then))?"
_SHOWN = (
    r"(?:shown|listed|displayed|visible|present|there|included|found|returned|back|left|"
    r"remaining)"
)
_SHOWS_UP = r"(?:show\s+up|turn\s+up|come\s+up|appear|be\s+shown|be\s+listed|be\s+displayed)"
# "X should show up", "X should not be in the results", "X is among the results", "X appears
# in the results", "X turns up", "X doesn't appear", "X is still listed".
PRESENCE = pattern(
    r"(?P<what>.+?)\s+(?:"
    rf"(?:should|must|will|would|does|do|can|did){_neg('neg')}{_STILL}\s+(?:{_SHOWS_UP}|be\s+{_SHOWN}"
    rf"|(?P<be>be))"
    rf"|(?:is|are|'s|\u2019s){_neg('neg2')}{_STILL}(?:\s+(?:{_SHOWN})|(?P<be2>))"
    r"|(?:shows|turns|comes)\s+up|appears|is\s+there"
    rf"){_WHERE}"
)
# "X should be the first product", "X is at the top of the table", "X comes first", "X is
# second in the list", "X should be last".
_ORDINAL = r"first|second|third|fourth|fifth|last|top|bottom|1st|2nd|3rd|4th|5th"
_ROW_WORD = (
    r"(?!(?:page|name|time|step|field|tab|link|button|heading|column|option|image|word|"
    r"letter|thing|one\s+to)\b)[a-z][\w-]*"
)
_POSITIONS = r"(?:list|table|results|grid|rows|column)"
POSITION = pattern(
    r"(?P<what>.+?)\s+(?:(?:should|must|will)\s+(?:be|come|appear|show\s+up|sit|end\s+up|stay)"
    r"|is|'s|\u2019s|comes|appears|sits|ends\s+up|shows\s+up|stays)\s+"
    rf"(?:(?:at\s+the|on|in)\s+(?P<edge>top|bottom)(?:\s+of\s+the\s+(?:[a-z]+\s+)?{_POSITIONS})?"
    rf"|(?:the\s+|in\s+)?(?P<nth>{_ORDINAL})(?:\s+(?:place|position|{_ROW_WORD}))?"
    rf"(?:\s+(?:in|of|on)\s+the\s+(?:[a-z]+\s+)?{_POSITIONS})?)"
)
# "the first product should be Olive oil 500ml", "the top row is Bananas".
NTH_IS = pattern(
    rf"(?:the\s+)?(?P<nth>{_ORDINAL})\s+(?P<noun>{_ROW_WORD})"
    rf"(?:\s+(?:in|of|on)\s+the\s+(?:[a-z]+\s+)?{_POSITIONS})?\s+"
    r"(?:should\s+be|must\s+be|will\s+be|is|'s|\u2019s|reads|says|shows)\s+(?P<what>.+)"
)


def read_result_claim(clause: Clause, claim: str) -> list[Draft] | None:
    """Presence or position of an item said in sentence case, or of any item "in the
    results"; None for every other claim (read by the shapes after this one)."""
    return _position(clause, claim) or _presence(clause, claim)


def _position(clause: Clause, claim: str) -> list[Draft] | None:
    if (found := NTH_IS.fullmatch(claim)) or (found := POSITION.fullmatch(claim)):
        what = found["what"]
    else:
        return None
    word = found.groupdict().get("edge") or found["nth"]
    nth = parse_ordinal(word.lower())
    name = item_name(clause, what) or _title_with_verb(clause, what)
    if nth is None or name is None:
        return None
    return [Draft("assert_cell", value=name, nth=nth)]


# "Laptop shows blue lines should be at the top": a title that holds a verb of its own is
# still the subject when a claim's own verb follows it; only words that would make the
# subject a sentence of its own (an auxiliary, a negation) refuse it.
_SENTENCE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|should|must|will|would|can|not|n't)\b", re.IGNORECASE
)


def _title_with_verb(clause: Clause, words: str) -> str | None:
    words = " ".join(words.split()).rstrip(".")
    if (
        has_token(words)
        or not _SENTENCE_NAME.fullmatch(words)
        or _NOT_A_FIRST_WORD.match(words)
        or _NOT_A_LAST_WORD.search(words)
        or _SENTENCE_VERB.search(words)
        or len(words.split()) < 3
    ):
        return None
    return words


def _presence(clause: Clause, claim: str) -> list[Draft] | None:
    found = PRESENCE.fullmatch(claim)
    if found is None:
        return None
    in_rows = found["rows"] is not None
    bare_be = found["be"] is not None or found["be2"] is not None
    if bare_be and not (in_rows or found["list"]):
        return None  # "X is Y" with no place: not a claim of presence
    words = found["what"].strip()
    names = clause.literal_list(words) or item_names(clause, words)
    if not names:
        return None
    already = clause.literal_list(words) or _all_title_case(clause, words)
    if already and not in_rows:
        return None  # read as before by claims.py ("'X' is listed", "Almond Tart shows up")
    negative = found["neg"] is not None or found["neg2"] is not None
    if in_rows:
        return [Draft("assert_cell", value=n, negate=negative) for n in names]
    action: Action = "assert_no_text" if negative else "assert_text"
    if negative and (found["list"] or re.search(r"\blisted$", claim, re.IGNORECASE)):
        # "X should no longer be in the list": no row holds it (the page may say it was
        # removed), as claims.py reads it for quoted names.
        return [Draft("assert_cell", value=n, negate=True) for n in names]
    return [Draft(action, value=n) for n in names]


def _all_title_case(clause: Clause, words: str) -> bool:
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", " ".join(words.split()))
    return all(unquoted_name(clause, p) is not None for p in parts)
