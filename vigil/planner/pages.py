"""Claims about the page as a whole: what it is about, what it is titled, whether its table
reads in order, what it lists, the greeting after signing in.

"this page should be about the Spelt Loaf" (its title, main heading or URL names it), "a
page titled Customers that says 6 rows", "the orders table is sorted by date, newest
first" (the column is read; nothing is clicked), "the home page lists the shop database
with its orders and customers tables", "the welcome message appears", "the page says there
are 34 rows in 3 tables", "the login page, which asks for a username and password".
"""

from __future__ import annotations

import re

from vigil.models import Action, SortOrder
from vigil.pipeline.vocabulary import parse_count
from vigil.planner.clauses import Clause
from vigil.planner.grammar import NOT, SHOULD, negated, pattern
from vigil.planner.names import unquoted_names
from vigil.planner.pronouns import kind_reference, pronoun_subject
from vigil.planner.search import ASCENDING, DESCENDING
from vigil.planner.steps import Draft
from vigil.planner.targets import element_name, place_target

_PAGE = r"(?:the\s+|this\s+|that\s+)?(?:(?:current|same|new|next)\s+)?(?:page|screen|view|tab)"
# "this page should be about the Spelt Loaf", "the page is about Rye".
ABOUT = pattern(
    rf"{_PAGE}\s+(?:(?:should|must|will){NOT}\s+be|is(?P<neg2>\s+not|n't)?|'s)"
    r"(?:\s+all)?\s+about\s+(?P<what>.+)"
)
# "a page titled Customers", "the page called 'Orders' that says 6 rows".
TITLED = pattern(
    r"(?:(?:i|we|you|the\s+user)\s+)?(?:should\s+|must\s+|will\s+)?"
    r"(?:(?:be|end\s+up|land|arrive)\s+(?:on|at)\s+)?(?:a|the)\s+page\s+(?:titled|entitled|called|"
    r"named)\s+(?P<title>.+?)"
    r"(?:\s*,?\s+(?:that|which)\s+(?:says|shows|has|lists)\s+(?P<count>\w+)\s+"
    r"(?P<noun>rows|items|entries|records|results))?"
)
# "the orders table is sorted by placed_on, newest first".
SORTED = pattern(
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:table|list|results|rows)\s+"
    rf"(?:is|are|should\s+be|must\s+be){NOT}\s+(?:sorted|ordered)\s+(?:by|on)\s+"
    r"(?:the\s+)?(?P<column>[\w -]+?)(?:\s+column)?\s*,?\s*(?:in\s+)?"
    rf"(?:(?P<down>{DESCENDING})|(?P<up>{ASCENDING}))(?:\s+(?:first|order))?"
)
# "the home page should list the bakery database with its orders, products and customers
# tables": the thing, and the things it holds.
LISTS_WITH = pattern(
    rf"(?:[\w ]+?\s+)?{SHOULD}(?:lists?|shows?)\s+(?:the\s+)?(?P<thing>[\w' -]+?)\s+"
    r"(?P<kind>[a-z]+)\s+with\s+(?:its|their|the)\s+(?P<items>.+?)\s+(?P<kinds>[a-z]+s)"
)
# "the welcome message appears", "a welcome banner is shown".
WELCOME = pattern(
    r"(?:the\s+|a\s+)?(?:welcome|greeting)\s+(?:message|banner|text|note)?\s*"
    rf"(?:{SHOULD}(?:appears?|is\s+shown|is\s+displayed|shows?\s+up|be\s+shown|be\s+displayed)"
    r"|(?:is\s+)?(?:shown|displayed))"
)
WELCOME_TEXT = "Welcome"
# "the page says there are 34 rows in 3 tables": the page's own words, minus "there are".
SAYS_THERE_ARE = pattern(
    rf"(?:[\w ]+?\s+)?{SHOULD}(?:says?|reads?|shows?|states?)\s+(?:that\s+)?"
    r"there\s+(?:are|is)\s+(?P<words>\d[\w ,.]*)"
)
# "the first page of the ticket list should show it", "the list should include 'Rye'": a row
# of the list holds it.
LIST_SHOWS = pattern(
    r"(?:the\s+)?(?:first\s+|top\s+|current\s+)?(?:page\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+)?"
    rf"(?:list|table|results)\s+{SHOULD}(?:shows?|lists?|includes?|contains?|has|have)\s+"
    r"(?P<what>.+)"
)
# "the list should say there are 13 tickets in total", "a total of 13 tickets": the number
# of records the page says it holds, which may be more than one page of rows shows.
TOTAL = pattern(
    rf"(?:[\w ]+?\s+)?(?:{SHOULD}(?:says?|shows?|states?|reads?|reports?|has|have)\s+)?"
    r"(?:that\s+)?(?:there\s+(?:are|is)\s+)?(?:(?P<lead>a\s+total\s+of)\s+)?"
    r"(?P<count>\d[\d,]*|[a-z]+)\s+(?P<noun>[a-z][\w-]*)(?P<trail>\s+in\s+total|\s+altogether)?"
)
TOTAL_WORD = "in total"
# "the login page, which asks for a username and password".
ASKS_FOR = pattern(
    r"(?P<where>.+?)\s*,?\s+(?:which|that)\s+(?:asks|prompts)\s+(?:you\s+)?for\s+"
    r"(?:a\s+|an\s+|the\s+|your\s+)?(?P<fields>.+)"
)
_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:a\s+|an\s+|the\s+|your\s+)?", re.I)


# "this page should ask me to sign in", "the form asks for an email", "you should be asked for
# a username and password": the page shows fields for what it asks; to sign in, a password.
PAGE_ASKS = pattern(
    r"(?:(?:the\s+|this\s+)?(?:page|form|site|app|screen|dialog|it)\s+)?"
    rf"(?:{SHOULD})?(?:asks?|prompts?|requests?)\s+(?:me|you|us|the\s+user)?\s*"
    r"(?:to\s+(?P<sign_in>log\s*in|sign\s*in|log\s+on|authenticate)|for\s+(?P<fields>.+))"
    r"|(?:i|we|you|the\s+user)\s+(?:should|must|will)(?P<neg2>\s+not|n't)?\s+be\s+"
    r"(?:asked|prompted)\s+(?:to\s+(?P<sign_in2>log\s*in|sign\s*in|log\s+on|authenticate)|"
    r"for\s+(?P<fields2>.+))"
)
SIGN_IN_FIELD = "Password"


def read_page_asks(clause: Clause, claim: str) -> list[Draft] | None:
    found = PAGE_ASKS.fullmatch(claim)
    if found is None:
        return None
    if found.group("sign_in") or found.group("sign_in2"):
        drafts = [Draft("assert_visible", target=SIGN_IN_FIELD, note="A sign-in form is shown")]
    else:
        words = _OWN.sub("", (found.group("fields") or found.group("fields2")).strip())
        if qualified := _QUALIFIED.match(words):
            # "asks for a valid email address": the page's message says so; a field that is
            # merely there would not show the input was refused.
            phrase = clause.written(qualified.group(0)).strip(" .")
            drafts = [Draft("assert_text", value=phrase)]
        else:
            drafts = asked_fields(clause, words) or []
    if not drafts:
        return None
    if negated(found):
        return [d.but(action="assert_not_visible") for d in drafts]
    return drafts


_OWN = re.compile(r"^(?:a|an|the|my|your|our|their)\s+", re.I)
_QUALIFIED = re.compile(
    r"^(?:valid|correct|proper|different|stronger|longer|new|real)\s+[\w -]+$", re.I
)


def asked_fields(clause: Clause, words: str) -> list[Draft] | None:
    """ "asks for a username and password": a visible field for each thing asked for."""
    fields = [f.strip() for f in _AND.split(words.strip()) if f.strip()]
    names = [element_name(clause, f) for f in fields]
    if not names or any(n is None for n in names):
        return None
    return [Draft("assert_visible", target=n) for n in names if n]


def read_page_claim(clause: Clause, claim: str) -> list[Draft] | None:
    if drafts := read_page_asks(clause, claim):
        return drafts
    if found := ABOUT.fullmatch(claim):
        target = place_target(clause, found.group("what"))
        if target is not None and target.name and target.scope is None:
            action: Action = "assert_not_visible" if negated(found) else "assert_visible"
            return [Draft(action, target=target.name, ground="page")]
        return None
    if found := TITLED.fullmatch(claim):
        title = clause.literal(found.group("title")) or element_name(clause, found.group("title"))
        if title is None:
            return None
        drafts = [Draft("assert_title", value=title)]
        if found.group("count"):
            how_many = parse_count(found.group("count"))
            if how_many is None:
                return None
            noun = found.group("noun").lower()
            drafts.append(Draft("assert_count", target=noun, value=str(how_many), count_op="eq"))
        return drafts
    if found := LIST_SHOWS.fullmatch(claim):
        what = found.group("what").strip()
        subject = clause.literal(what) or pronoun_subject(what) or kind_reference(what)
        if subject is not None:
            return [Draft("assert_cell", value=subject, negate=negated(found))]
    if found := SORTED.fullmatch(claim):
        column = element_name(clause, found.group("column"))
        order: SortOrder = "descending" if found.group("down") else "ascending"
        if column is None or negated(found):
            return None
        return [Draft("assert_cell", column=column, order=order)]
    if found := LISTS_WITH.fullmatch(claim):
        if negated(found):
            return None
        thing = clause.literal(found.group("thing")) or element_name(clause, found.group("thing"))
        items = clause.literal_list(found.group("items")) or unquoted_names(
            clause, found.group("items")
        )
        if not items:
            items = [w for w in _AND.split(found.group("items").strip()) if w]
        if thing is None or not items:
            return None
        return [Draft("assert_text", value=text) for text in (thing, *items)]
    if WELCOME.fullmatch(claim):
        note = f"Check the page shows a welcome ('{WELCOME_TEXT}')"
        return [Draft("assert_text", value=WELCOME_TEXT, note=note)]
    found = TOTAL.fullmatch(claim)
    if found and (found.group("lead") or found.group("trail")) and not negated(found):
        how_many = parse_count(found.group("count").replace(",", ""))
        if how_many is None:
            return None
        noun = found.group("noun").lower()
        counted = f"{noun} {TOTAL_WORD}"
        return [Draft("assert_count", target=counted, value=str(how_many), count_op="eq")]
    if (found := SAYS_THERE_ARE.fullmatch(claim)) and not negated(found):
        words = " ".join(found.group("words").split()).rstrip(".,")
        return [Draft("assert_text", value=words)]
    return None
