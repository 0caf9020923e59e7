"""Claims about one field of the record at hand or of a named record.

"the page shows a stock of 3", "stock should be 0" (the record the goal just opened), "the
ticket 'X' has no agent" (an empty cell), "'Lamp' should be marked as not available" (a
yes/no column such as Available, often drawn as a tick icon), "the Cinnamon Roll is out of
stock (stock 0)" (a state the goal spells out in brackets as a field and its value). Each
becomes an `assert_cell` on the record's row, which the executor reads on the live page (a
list row or a record's own page of field/value rows); a record the goal never named is an
unresolved reference, never a guess.
"""

from __future__ import annotations

import re

from vigil.models import Scope
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.grammar import IS, NOT, SHOULD, negated, pattern
from vigil.planner.names import unquoted_name
from vigil.planner.pronouns import IT, kind_reference, pronoun_subject
from vigil.planner.steps import Draft
from vigil.planner.targets import element_name, plain_value

# The value written for a yes/no column; the executor reads ticks, "True", "Yes" alike.
YES, NO = "yes", "no"

# Adjectives that name a yes/no column of a record ("Available", "Published"), with the
# words that say the opposite.
_FLAGS = (
    "available", "published", "featured", "verified", "approved", "archived", "paid",
    "public", "visible to customers", "in stock", "on sale", "staff", "confirmed",
)  # fmt: skip
_UN = {"unavailable": "available", "unpublished": "published", "unverified": "verified",
       "unapproved": "approved", "unpaid": "paid", "unconfirmed": "confirmed"}  # fmt: skip
_FLAG = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted([*_FLAGS, *_UN], key=len, reverse=True)
)
# "Pale Blue Dot should be marked as not available", "'Lamp' is unavailable".
FLAG = pattern(
    rf"(?P<row>.+?)\s+{IS}\s+(?:(?:marked|flagged|shown|listed|set)\s+(?:as\s+)?)?"
    rf"(?P<not>not\s+)?(?P<flag>{_FLAG})"
)
# "the page shows a stock of 3", "it has a price of 4.20": a field of the record at hand.
FIELD_OF_RECORD = pattern(
    r"(?:the\s+)?(?:page|record|row|entry|details?|it|this\s+page|this\s+record)\s+"
    rf"{SHOULD}(?:shows?|has|lists?|displays?|says?|gives?)\s+(?:a|an|the)\s+"
    r"(?P<column>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:of|as)\s+(?P<value>\S+)"
)
# "stock should be 0", "the status should read 'closed'": a field of the record at hand.
BARE_FIELD = pattern(
    r"(?:the\s+)?(?P<column>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
    rf"(?:should|must|ought\s+to){NOT}\s+(?:be|read|say|show|equal)\s+(?P<value>.+)"
)
# Words that name the page itself, not a field: read by the title, URL, heading readers.
_NOT_A_FIELD = re.compile(
    r"^(?:(?:page|tab|window|document)\s+)?(?:title|url|address|location|path|heading|header|"
    r"page|list|table|count|number|total|result|results|message|text|error|it|this|that|"
    r"there|everything|nothing|button|link|form|dialog|menu|field|input|user|site)$",
    re.IGNORECASE,
)
# "the ticket 'X' has no agent", "Tom has no phone number": an empty cell.
HAS_NO = pattern(
    rf"(?P<row>.+?)\s+(?:has|have|{SHOULD}have)\s+no\s+(?P<column>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
    r"(?:\s+(?:set|yet|assigned|given))?"
)
# "the Cinnamon Roll is out of stock (stock 0)": the brackets say what the state means.
SPELLED_STATE = pattern(
    rf"(?P<row>.+?)\s+{IS}\s+[\w' -]+?\s*\(\s*(?P<column>[a-z][\w -]*?)\s*(?:[:=]|of|is)?\s*"
    r"(?P<value>[^\s()]+)\s*\)"
)
_KIND_BEFORE = re.compile(rf"^(?:the\s+)?[a-z][\w-]*\s+(?={TOKEN}$)", re.IGNORECASE)


def record_scope(clause: Clause, words: str, *, kind_is_opened: bool = False) -> Scope | None:
    """The row of the record the words name: quoted, a name, a pronoun, or "the ticket".
    With `kind_is_opened`, "the ticket" is the record the goal just opened (which a click
    named), never a row saying "ticket"."""
    words = _KIND_BEFORE.sub("", words.strip())
    if (literal := clause.literal(words)) is not None:
        return Scope(kind="row", text=literal) if literal.strip() else None
    if (subject := pronoun_subject(words)) is not None:
        return Scope(kind="row", text=subject)
    if has_token(words):
        return None
    reference = kind_reference(words)
    if kind_is_opened and reference is not None:
        return Scope(kind="row", text=IT)
    # "the Cinnamon Roll" is "Cinnamon Roll"; "The Dispossessed" is a title, kept whole.
    bare = re.sub(r"^the\s+", "", words) if words.startswith("the ") else words
    if bare[:1].isupper() and (name := unquoted_name(clause, bare)):
        return Scope(kind="row", text=name)
    if reference is not None:
        return Scope(kind="row", text=reference)
    return None


def _value(clause: Clause, words: str) -> str | None:
    words = words.strip().rstrip(".")
    if (literal := clause.literal(words)) is not None:
        return literal
    if has_token(words) or len(words.split()) > 3:
        return None
    return plain_value(clause, words)


def read_field(clause: Clause, claim: str) -> list[Draft] | None:
    if found := FLAG.fullmatch(claim):
        row = record_scope(clause, found.group("row"))
        flag = " ".join(found.group("flag").lower().split())
        opposite = flag in _UN
        named = _UN.get(flag, flag)
        yes = (negated(found) or bool(found.group("not"))) == opposite
        if row is not None:
            return [Draft("assert_cell", value=YES if yes else NO, scope=row, column=named)]
    if found := SPELLED_STATE.fullmatch(claim):
        row = record_scope(clause, found.group("row"))
        column = element_name(clause, found.group("column"))
        value = _value(clause, found.group("value"))
        if row is not None and column and value is not None and not negated(found):
            return [Draft("assert_cell", value=value, scope=row, column=column)]
    if found := HAS_NO.fullmatch(claim):
        row = record_scope(clause, found.group("row"))
        column = element_name(clause, found.group("column"))
        if row is not None and column and not negated(found):
            return [Draft("assert_cell", value="", scope=row, column=column, exact=True)]
    found = FIELD_OF_RECORD.fullmatch(claim) or BARE_FIELD.fullmatch(claim)
    if found and not _NOT_A_FIELD.match(found.group("column")):
        column = element_name(clause, found.group("column"))
        value = _value(clause, found.group("value"))
        if column and value:
            return [
                Draft(
                    "assert_cell",
                    value=value,
                    scope=Scope(kind="row", text=IT),
                    column=column,
                    negate=negated(found),
                )
            ]
    return None
