"""Phrases that state what should be true: text on the page, elements, title, URL, field values.

A claim may open with a verb of checking ("verify", "make sure", "check that", "expect"), which
is dropped, and is then read as one of the shapes below. Text claims accept unquoted words
("the page should say Welcome back"), but claims about presence or visibility of a *thing*
("'Error' should not appear", "there is a link 'Docs'") need the thing quoted or named with an
element noun, so a sentence such as "the page has loaded" is never mistaken for text to find.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vigil.models import Action, Scope
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.context import Context
from vigil.planner.counters import read_counter
from vigil.planner.creating import read_added
from vigil.planner.fields import read_field
from vigil.planner.grammar import AUX, NOT, SHOULD, TRAILER
from vigil.planner.grammar import negated as _negated
from vigil.planner.item_claims import read_item_claim
from vigil.planner.names import unquoted_names
from vigil.planner.pages import ASKS_FOR, asked_fields, read_page_claim
from vigil.planner.place_claims import read_place_claim, read_presence
from vigil.planner.pronouns import kind_reference, pronoun_subject
from vigil.planner.result_claims import read_result_claim
from vigil.planner.row_claims import read_comes_at, read_row_claim
from vigil.planner.scopes import split_scope
from vigil.planner.states import read_state, read_where
from vigil.planner.steps import Draft
from vigil.planner.tables import read_cell, read_count, read_only
from vigil.planner.tags import read_tag_claim
from vigil.planner.targets import (
    element_name,
    looks_like_url_or_path,
    parse_target,
    place_target,
    plain_value,
)
from vigil.planner.value_claims import read_value_claim, said_words

# Shapes read before the generic text and visibility ones; each reads its own negation.
Shape = Callable[[Clause, str], list[Draft] | None]
SHAPES: tuple[Shape, ...] = (
    read_place_claim,
    read_presence,
    read_counter,
    read_page_claim,
    read_added,
    read_only,
    read_count,
    read_state,
    read_tag_claim,
    read_comes_at,
    read_cell,
    read_row_claim,
    read_item_claim,
    read_result_claim,
    read_value_claim,
)


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


CLAIM_VERB = _pattern(
    # "I expect to see …", "we check that …": the person who checks adds nothing.
    r"(?:(?:i|we)\s+(?:would\s+|'d\s+)?)?(?P<verb>verify|assert|ensure|confirm|check|validate|expect|test|make\s+sure|be\s+sure|"
    r"make\s+certain|"
    r"double[-\s]check|see)(?:\s+(?:that|if|whether))?\s+(?P<claim>.+)"
)
_AUX, _NOT, _SHOULD = AUX, NOT, SHOULD
_NEVER = r"(?:(?P<never>never|no\s+longer)\s+)?"

TITLE = _pattern(
    r"(?:the\s+)?(?:page\s+|tab\s+|window\s+|document\s+)?title(?:\s+of\s+the\s+page)?\s+"
    rf"(?:{_SHOULD}(?:be|is|equals?|contains?|includes?|has|have|reads?|says?|matches|match)\s+)?"
    r"(?P<value>.+)"
)
URL = _pattern(
    r"(?:the\s+)?(?:current\s+|page\s+|browser\s+)?(?:url|address|location|path)\s+"
    rf"(?:{_SHOULD}(?:be|is|equals?|contains?|includes?|has|have|matches|match|"
    r"ends?\s+with|starts?\s+with)\s+)?(?P<value>.+)"
)
# "I should be on /dashboard", "we are redirected to /welcome".
LANDED_ON = _pattern(
    r"(?:(?:i|we|you|the\s+user|user)\s+)?(?:should\s+|must\s+|will\s+)?"
    r"(?:be|am|are|is|end\s+up|land|get)\s+(?:redirected\s+|taken\s+|sent\s+)?(?:to|on|at)\s+"
    r"(?P<value>.+)"
)
# "the Email field should contain 'a@b.c'", "the Email field has value 'x'".
FIELD_VALUE = _pattern(
    r"(?:the\s+)?(?P<field>.+?)\s+(?:field|input|box|textbox|text\s+box|text\s+field|dropdown)"
    r"(?P<where>\s+(?:in|on|under|inside|within)\s+(?:the\s+)?.+?)?"
    rf"\s+{_SHOULD}(?:contains?|has|have|holds?|is|be|equals?|shows?|reads?|says?)\s+"
    r"(?:the\s+|a\s+)?(?:value\s+)?(?:of\s+)?(?P<value>.+)"
)
VALUE_OF = _pattern(
    r"(?:the\s+)?value\s+(?:of|in)\s+(?P<field>.+?)(?:\s+field)?\s+"
    rf"{_SHOULD}(?:is|be|equals?)\s+(?P<value>.+)"
)
# "should see 'x'", "I can't see 'Error'", "see a button 'Buy'".
SEE = _pattern(
    rf"(?:(?:i|you|we|the\s+user|user)\s+)?{_SHOULD}{_NEVER}(?:be\s+able\s+to\s+)?"
    r"(?:see|notice)s?\s+(?P<what>.+)"
)
# "there is a link 'Docs'", "there is no 'Out of stock'", "find a button labeled 'Buy'".
THERE_IS = _pattern(
    r"(?:there(?:'s|\u2019s|\s+(?:is|are))|there\s+(?:should|must|will)\s+be|find|locate|look\s+for)"
    r"\s+(?P<no>no\s+|not\s+(?:an?\s+|any\s+)?)?(?P<what>.+)"
)
THERE_IS_NOT = _pattern(
    r"there\s+(?:is|are|should|must)\s*(?:not|n't|n\u2019t)\s+(?:be\s+)?(?:an?\s+|any\s+)?(?P<what>.+)"
)
# Who "says" something: up to four plain words ("the dashboard", "the cart page"), no joins,
# so "the homepage loads and shows 'Hi'" is not read as the subject "the homepage loads and".
_NOT_A_SUBJECT_WORD = (
    rf"(?!(?:and|or|then|never|not|no|{_AUX}(?:n't|n\u2019t|not)?)(?![\w'\u2019]))"
)
_SUBJECT = (
    rf"(?:{_NOT_A_SUBJECT_WORD}[\w'\u2019-]+\s+){{0,3}}(?:{_NOT_A_SUBJECT_WORD}[\w'\u2019-]+)?"
)
# "the dashboard says 'Welcome'", "the page does not show 'x'", "contains 'x'".
SUBJECT_SAYS = _pattern(
    rf"(?:(?P<subject>{_SUBJECT})\s+)?{_SHOULD}{_NEVER}"
    r"(?P<verb>shows?(?!\s+up\b)|contains?|says?|displays?|includes?|reads?|lists?|mentions?|"
    r"has|have)\s+(?:the\s+(?:text|words?|message|phrase)\s+)?(?P<what>.+)"
)
# "'x' is visible", "'x' should not be visible", "the 'Buy' button is displayed".
# Where a thing is said to be, when that is the page the steps are on ("is in the results",
# "is on the first page", "is in the menu"): a presence claim on the current page.
_SHOWN_PLACE = (
    r"(?:(?:in|on|among|within)\s+(?:the\s+|this\s+)?(?:first\s+|current\s+|same\s+)?"
    r"(?:[a-z]+\s+(?=list\b|table\b))?"
    r"(?:list|table|results|result\s+list|search\s+results|items|rows|entries|page|screen|"
    r"menu|dashboard|admin\s+home|home\s*page)"
    # "… isn't among them", "… should be one of them": the items the steps just listed.
    r"|(?:among|one\s+of)\s+(?:them|those|these))"
)
IS_VISIBLE = _pattern(
    rf"(?P<what>.+?)\s+(?:is|are|'s|gets?|got|{_AUX}){_NOT}\s*(?:(?:still|now)\s+)?(?:all\s+|both\s+)?"
    r"(?:be\s+)?(?:(?:still|now)\s+)?"
    r"(?P<state>visible|displayed|shown|present|there|listed|found|included|on\s+the\s+list|"
    r"available|"
    rf"{_SHOWN_PLACE}|(?:shown|listed|displayed|present)\s+{_SHOWN_PLACE})"
    # "Bread should be shown as a category": what it is shown as adds nothing to check.
    r"(?:\s+as\s+(?:a|an)\s+[a-z]+)?"
    rf"{TRAILER}"
)
# "'Error' should not appear", "'Loading' disappears", "'Out of stock' is missing".
APPEARS = _pattern(
    rf"(?P<what>.+?)\s+(?:{_AUX}{_NOT}\s+(?:(?:eventually|soon|finally|then)\s+)?|{_NEVER})?(?:all\s+|both\s+|each\s+)?"
    r"(?P<state>appears?|exists?|shows?\s+up|turns?\s+up|comes?\s+up|is\s+missing|is\s+gone|is\s+absent|disappears?|"
    r"vanishes|vanished|has\s+gone|has\s+disappeared|has\s+vanished|is\s+removed|"
    r"has\s+been\s+removed|was\s+removed|was\s+deleted|is\s+deleted|has\s+been\s+deleted"
    r"|goes\s+away|went\s+away|has\s+gone\s+away|is\s+hidden|shows|is\s+shown|"
    r"be\s+gone|be\s+missing|be\s+absent|be\s+removed)"
    r"(?:\s+(?:from\s+(?:the\s+)?(?:[a-z]+\s+(?=list\b|table\b))?(?:list|table|page|screen|results)|"
    rf"{_SHOWN_PLACE}))?"
    rf"{TRAILER}"
)
TEXT_KEYWORD = _pattern(r"(?P<no>no\s+)?text\s+(?P<what>.+)")
# "the 'Loading…' text", "the 'Saved' message": the quoted words are what is shown.
_TEXT_TRAIL = re.compile(
    rf"(?<={TOKEN[-1]})\s+(?:text|message|label|words?|notice|notification|banner|toast|"
    r"error|warning|alert|task|item|entry|section|panel)$",
    re.IGNORECASE,
)
# "the success message 'Saved!'", "an error saying 'Invalid email'": the words shown.
_DESCRIBED_LITERAL = re.compile(
    r"^(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:message|error|warning|notice|notification|banner|"
    r"toast|alert|text|label|confirmation|status)(?:\s+(?:saying|that\s+says|reading|which\s+says|"
    rf"with\s+the\s+text))?\s+(?={TOKEN}$)",
    re.IGNORECASE,
)
_LINK_TO = re.compile(r"^(?P<link>(?:an?|the|one)\s+link)\s+to\s+(?:the\s+)?", re.IGNORECASE)
_ARTICLE_BEFORE_LITERAL = re.compile(rf"^(?:the|a|an)\s+(?={TOKEN}$)", re.IGNORECASE)
_TEXT_LEAD = re.compile(r"^(?:the\s+)?(?:text|words?|message|phrase)\s+", re.IGNORECASE)
EMPTY_VALUE = re.compile(r"(?:empty|blank|cleared)", re.IGNORECASE)
NEGATION = re.compile(
    r"\b(?:not|never|no|nothing|none|nowhere|without)\b|n't|n\u2019t", re.IGNORECASE
)
_NEGATIVE = ("assert_no_text", "assert_not_visible")
QUANTIFIED = re.compile(
    r"\b(?:every|each)\s+[a-z]|\ball\s+(?:the\s+|of\s+the\s+)?[a-z]+s\b|\bnone\s+of\b",
    re.IGNORECASE,
)
# "the page shows All Systems Operational": a leading "All" in words written as a title, every
# word capitalised, after a verb of showing, is the page's text, not a quantifier. "All rows
# say Active", "shows all the orders" and "says All items in stock" stay quantifiers.
_TITLE_CASED_ALL = re.compile(
    r"(?i:.*?\b(?:shows?|says?|reads?|displays?)\s+(?:the\s+(?:text|message|banner|words?)\s+)?)"
    r"All(?:\s+[A-Z][\w'-]*)+[.!]?"
)
_TITLE_ALL = re.compile(r"All(?:\s+[A-Z][\w'-]*)+[.!]?")
_TOO_SHORT = re.compile(r"[\d.,$€£%]{1,4}|\w")
# "their balance", "an error", "some results": a description of something, not its text.
_DESCRIBED = re.compile(
    r"^(?:their|his|her|its|my|our|your|some|any|all|every|each|an?|no|this|that|these|those)\b",
    re.IGNORECASE,
)
_ABSENT_STATES = (
    "is missing", "is gone", "is absent", "disappear", "vanish", "has gone", "has disappeared",
    "has vanished", "is removed", "has been removed", "was removed", "was deleted",
    "is deleted", "has been deleted", "goes away", "went away", "has gone away", "is hidden",
    "be gone", "be missing", "be absent", "be removed",
)  # fmt: skip
_VISIBLE_STATES = ("visible", "displayed")


_WANTED = re.compile(
    r"(?:i|we)(?:\s+(?:want|need|expect|would\s+like)|['\u2019]d\s+like)\s+(?P<what>.+?)\s+to\s+"
    r"(?P<rest>(?:be|show|say|read|contain|display|list|appear|have|include)\b.*)",
    re.IGNORECASE,
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)", re.IGNORECASE)
_CLIPPED_IS = re.compile(r"\b(?P<who>it|that|this|he|she)['\u2019]s\b", re.IGNORECASE)


def read_claim(clause: Clause, ctx: Context) -> list[Draft] | None:
    """A claim, with or without a leading verb of checking."""
    claim, verb = clause.masked, None
    if found := CLAIM_VERB.fullmatch(claim):
        claim, verb = found.group("claim"), found.group("verb").lower()
    # "it's gone", "that's listed": the verb clipped onto a pronoun is read in full.
    claim = _CLIPPED_IS.sub(r"\g<who> is", claim)
    if wanted := _WANTED.fullmatch(claim):
        # "I want 'X' to be listed", "I'd like the title to be 'Y'": what should hold.
        claim = f"{wanted.group('what')} should {wanted.group('rest')}"
    if (relative := ASKS_FOR.fullmatch(claim)) and not NEGATION.search(claim):
        # "…the login page, which asks for a username and password": both halves.
        main = read_claim(clause.with_text(relative.group("where")), ctx)
        asked = asked_fields(clause, relative.group("fields"))
        return [*main, *asked] if main and asked else None
    if drafts := _owned_field_reads(clause, claim):
        return drafts
    for shape in SHAPES:
        if drafts := shape(clause, claim):
            return drafts
    if QUANTIFIED.search(claim) and not _TITLE_CASED_ALL.fullmatch(claim):
        return None  # "every row says 'Active'": one match on the page would not prove it
    drafts = _read_shapes(clause, claim) or _scoped_claim(clause, claim)
    if drafts is None and verb not in (None, "check"):
        # "verify 'Welcome'", "assert the 'Buy' button": the verb alone makes it a claim.
        # Plain "check 'I agree'" is left to the checkbox reader.
        drafts = _presence(clause, claim, negative=False, visible=False, words=False)
    if drafts and NEGATION.search(claim) and not any(_is_negative(d) for d in drafts):
        # A "not" that no shape accounted for must not turn into a positive check.
        return None
    if drafts is None:
        # Last: a field of a record ("stock should be 0", "'X' has no agent"), whose
        # shapes would otherwise shadow the page-level claims above. Each reads its own "not".
        return read_field(clause, claim) or _page_field(clause, claim)
    return drafts


# "the total is 4.20", "the delivery date is 2024-05-01": a field of the page, read from its
# form control or the value beside its label (the executor says which). The value must look
# like one (a number, an address, a capitalised name, quoted), so "the cart is empty" or "the
# door is open" stay unread.
PAGE_FIELD = _pattern(
    r"(?:the\s+)(?P<field>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+"
    r"(?:is|reads|shows|says)(?P<neg>\s+not)?\s+(?P<value>.+)"
)


# "the balance shows $40.00", "the due date reads 2024-05-01": a field that shows one value
# (a number, an amount, a date, an address) is read where the field is, never as the value
# anywhere on the page. A part of the page as the subject ("the banner says …") is not a field.
_ONE_VALUE = re.compile(r"[$€£]?\d[\d.,:/-]*%?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_THE_FIELD = re.compile(r"the\s+(?P<field>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)", re.IGNORECASE)
_PART_OF_PAGE = re.compile(
    r"\b(?:dashboard|sidebar|navigation|nav|menu|modal|popup|panel|section|card|summary|"
    r"home\s*page|homepage|app|widget|tooltip|status\s+bar|receipt|invoice|email|confirmation)$",
    re.IGNORECASE,
)


def _field_says(clause: Clause, found: re.Match[str]) -> list[Draft] | None:
    subject = _THE_FIELD.fullmatch((found.group("subject") or "").strip())
    what = found.group("what").strip()
    if subject is None or not _ONE_VALUE.fullmatch(what) or found.group("never"):
        return None
    field = subject.group("field")
    if _NOT_A_PAGE_FIELD.search(field) or _PART_OF_PAGE.search(field):
        return None
    name = element_name(clause, field)
    if name is None or found.group("verb").lower().startswith(("ha", "contain", "include", "list")):
        return None
    return [Draft("assert_value", target=name, value=what, negate=_negated(found))]


def _page_field(clause: Clause, claim: str) -> list[Draft] | None:
    found = PAGE_FIELD.fullmatch(claim)
    if not found or _NOT_A_PAGE_FIELD.search(found.group("field")):
        return None
    value = _value(clause, found.group("value"))
    field = element_name(clause, found.group("field"))
    if not value or field is None:
        return None
    return [Draft("assert_value", target=field, value=value, negate=_negated(found))]


# Words that name the page, a part of it or a count, never a field beside a label.
_NOT_A_PAGE_FIELD = re.compile(
    r"\b(?:page|title|url|address\s+bar|heading|header|footer|list|table|row|rows|column|"
    r"count|number\s+of|result|results|message|text|error|button|link|form|dialog|menu|"
    r"banner|notice|alert|toast|notification|badge|counter|bar|"
    r"site|screen|user|first|last|second|third|top|bottom|one|it|this|that)$",
    re.IGNORECASE,
)


# "its priority should read High", "Spelt's price shows 4.20": an owned field that reads a
# value is that field's value, never the value anywhere on the page.
_OWNED_READS = _pattern(
    r"(?P<field>(?:its|their)\s+[\w -]+?|[^\s].*?(?:'s|\u2019s)\s+[\w -]+?)\s+"
    r"(?:(?P<aux>should|must|will)(?P<not>\s+not|n't)?\s+(?:read|say|show)|"
    r"(?:reads|says|shows)(?P<not2>\s+not)?)\s+(?P<value>.+)"
)


_FIELD_NOUN_END = re.compile(r"\s(?:field|input|box|textbox|dropdown)$", re.IGNORECASE)


def _owned_field_reads(clause: Clause, claim: str) -> list[Draft] | None:
    found = _OWNED_READS.fullmatch(claim)
    if not found or _FIELD_NOUN_END.search(found.group("field")):
        return None  # "its city field says Porto": a form field, read by FIELD_VALUE
    no = " not" if found.group("not") or found.group("not2") else ""
    verb = f"{found.group('aux')}{no} be" if found.group("aux") else f"is{no}"
    return read_cell(clause, f"{found.group('field')} {verb} {found.group('value')}")


def _scoped_claim(clause: Clause, claim: str) -> list[Draft] | None:
    """ "'Reports' appears in the sidebar": the claim, checked inside the part it names."""
    split = split_scope(clause, claim)
    if split is None or not split[0]:
        return None
    inside = split[0]
    if bare := _BARE_BE.fullmatch(inside):
        # "Tickets is in the menu": being in a part of the page is being shown there.
        inside = f"{bare.group('what')} {bare.group('be')} shown"
    drafts = _read_shapes(clause, inside)
    if not drafts:
        return None
    return [d if d.scope or d.ground == "page" else d.but(scope=split[1]) for d in drafts]


_BARE_BE = _pattern(
    r"(?P<what>.+?)\s+(?P<be>(?:is|are|should|must|will)(?:\s*(?:not|n't))?(?:\s+still)?(?:\s+be)?"
    r"|isn't|aren't)"
)


# "its year field": the field of the record at hand is just "year".
_OWNER = re.compile(r"^(?:its|his|her|their|my|your|our)\s+", re.IGNORECASE)


def _is_negative(draft: Draft) -> bool:
    return draft.negate or draft.action in _NEGATIVE


# "her email address is a@b.io", "my name should be 'Ana'": a form field by its natural name.
OWN_FIELD = _pattern(
    r"(?:her|his|their|my|your|our)\s+(?P<field>[\w -]+?)\s+"
    rf"(?:{_SHOULD}(?:be|is|reads?|says?|shows?)|is|reads|says|shows)(?P<neg2>\s+not)?\s+"
    r"(?:still\s+)?(?P<value>.+)"
)


# "the heading is 'Orders'", "the main heading should read 'Orders'".
HEADING = _pattern(
    r"(?:the\s+)?(?:main\s+|page\s+|top\s+|first\s+)?(?:heading|header|h1)\s+"
    rf"{_SHOULD}(?:is|be|says?|reads?|shows?)\s+(?P<value>{TOKEN}|(?-i:[A-Z0-9])[^,;]*)"
)


# "the signup form appears", "a newsletter form should be shown": the part of the page
# named so (its label, legend or heading) shows a field.
FORM_SHOWN = _pattern(
    r"(?:the\s+|a\s+|an\s+)?(?P<name>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+form\s+"
    r"(?:(?:is|should\s+be|must\s+be|will\s+be)\s+(?:now\s+)?(?:shown|visible|displayed)|"
    r"(?:should\s+|must\s+|will\s+)?(?:appears?|shows?\s+up|opens?))"
)


def _form_shown(clause: Clause, claim: str) -> list[Draft] | None:
    found = FORM_SHOWN.fullmatch(claim)
    name = element_name(clause, found.group("name")) if found else None
    if not name or name.lower() in ("the", "a", "an", "this", "that", "new"):
        return None
    note = f"Check the '{name}' form is shown (a field in it is visible)"
    return [
        Draft("assert_visible", role="textbox", scope=Scope(kind="section", text=name), note=note)
    ]


def _read_shapes(clause: Clause, claim: str) -> list[Draft] | None:
    if drafts := _form_shown(clause, claim):
        return drafts
    if (found := HEADING.fullmatch(claim)) and not _negated(found):
        # "the page heading reads Dashboard": a heading named so, not the word anywhere.
        name = plain_value(clause, found.group("value").strip())
        return [Draft("assert_visible", target=name, role="heading")] if name else None
    if found := TITLE.fullmatch(claim):
        return _compare(clause, "assert_title", found.group("value"), _negated(found))
    if found := URL.fullmatch(claim):
        value = found.group("value")
        if _URL_WORD.fullmatch(value.strip()):
            # "the URL should contain dashboard": one lowercase word is a piece of the URL.
            return [Draft("assert_url", value=value.strip(), negate=_negated(found))]
        return _compare(clause, "assert_url", value, _negated(found))
    if (found := LANDED_ON.fullmatch(claim)) and _is_url(clause, found.group("value")):
        return _compare(clause, "assert_url", found.group("value"), _negated(found))
    if drafts := read_where(clause, claim):
        return drafts
    for pattern in (FIELD_VALUE, VALUE_OF, OWN_FIELD):
        if found := pattern.fullmatch(claim):
            field = element_name(clause, _OWNER.sub("", found.group("field")))
            value = _value(clause, found.group("value"))
            where = found.groupdict().get("where")
            scope = split_scope(clause, f"x{where}") if where else None
            if where and scope is None:
                continue
            if field is not None and value is not None:
                draft = Draft("assert_value", target=field, value=value, negate=_negated(found))
                return [draft.but(scope=scope[1]) if scope else draft]
    if found := THERE_IS_NOT.fullmatch(claim):
        return _presence(clause, found.group("what"), negative=True, visible=False, words=False)
    if found := THERE_IS.fullmatch(claim):
        negative = found.group("no") is not None
        return _presence(clause, found.group("what"), negative, visible=False, words=False)
    if found := SEE.fullmatch(claim):
        return _presence(clause, found.group("what"), _negated(found), visible=False, words=True)
    if found := IS_VISIBLE.fullmatch(claim):
        state = found.group("state").lower()
        visible = state in _VISIBLE_STATES
        what = found.group("what")
        # "The Lamp should be available" may be about the lamp's own state (in stock), not
        # its presence: only a quoted thing is said to be on the page that way.
        names = state != "available"
        drafts = _presence(clause, what, _negated(found), visible, words=False, names=names)
        return _off_the_list(claim, drafts)
    if found := APPEARS.fullmatch(claim):
        absent = found.group("state").lower().startswith(_ABSENT_STATES)
        negative = _negated(found) != absent
        what = found.group("what")
        drafts = _presence(clause, what, negative, visible=False, words=False, names=True)
        return _off_the_list(claim, drafts)
    if found := TEXT_KEYWORD.fullmatch(claim):
        negative = found.group("no") is not None
        return _presence(clause, found.group("what"), negative, visible=False, words=True)
    if (found := SUBJECT_SAYS.fullmatch(claim)) and not _shows_up(found):
        # "… show up under Closed" is where something appears, never the text "up under …".
        if drafts := _field_says(clause, found):
            return drafts
        # "the page has loaded" must not become a search for the word "loaded".
        words = not found.group("verb").lower().startswith("ha")
        drafts = _presence(clause, found.group("what"), _negated(found), visible=False, words=words)
        drafts = drafts or said_words(clause, found.group("verb"), found.group("what"), found)
        return _within(clause, found.group("subject") or "", drafts)
    return None


_SHOW_UP = re.compile(
    r"up(?:\s+(?:under|in|on|among|below|above|at|there|here|again|too)\b.*)?$", re.IGNORECASE
)


def _shows_up(found: re.Match[str]) -> bool:
    return found.group("verb").lower().startswith("show") and bool(
        _SHOW_UP.match(found.group("what"))
    )


# "no longer listed", "gone from the list", "not in the table": about the rows, not the page.
_OF_THE_LIST = re.compile(r"\b(?:list|table|rows?)\b|\blisted(?:\s+any\s*more)?$", re.IGNORECASE)


def _off_the_list(claim: str, drafts: list[Draft] | None) -> list[Draft] | None:
    """ "'X' is no longer listed": no row of the list holds X. Checked on the rows, because
    the page around them often names X just then ("The book 'X' was deleted")."""
    if not drafts or not _OF_THE_LIST.search(claim):
        return drafts
    return [
        Draft("assert_cell", value=d.value, negate=True)
        if d.action == "assert_no_text" and d.value
        else d
        for d in drafts
    ]


def _within(clause: Clause, subject: str, drafts: list[Draft] | None) -> list[Draft] | None:
    """ "the dialog says 'Are you sure?'", "the sidebar shows 'Reports'": the subject, when it
    names a part of the page, is where the claim is checked."""
    subject = subject.strip()
    if drafts and (page := NAMED_PAGE.fullmatch(subject)):
        # "the pricing page mentions 'Enterprise'": on that page, not just anywhere.
        place = place_target(clause, page.group("name"))
        if place is not None and place.name and place.scope is None:
            return [Draft("assert_visible", target=place.name, ground="page"), *drafts]
    where = split_scope(clause, f"x in {subject}") if subject else None
    if not drafts or where is None or where[0] != "x":
        return drafts
    return [d if d.scope else d.but(scope=where[1]) for d in drafts]


NAMED_PAGE = re.compile(
    r"(?:the\s+|my\s+|our\s+)?"
    r"(?!(?:the|a|an|this|that|current|same|whole|entire|next|new|web|home|landing|start|main|"
    r"front)\s)"
    r"(?P<name>[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?)\s+(?:page|screen)",
    re.IGNORECASE,
)


def _presence(
    clause: Clause, what: str, negative: bool, visible: bool, words: bool, names: bool = False
) -> list[Draft] | None:
    """Steps claiming `what` is (or is not) on the page.

    Quoted phrases become text assertions, one per phrase ("shows 'a' and 'b'"); an element
    named with a noun becomes a visibility assertion with its role; bare words are accepted
    as text only when `words` says the phrasing was about text.
    """
    what = _TEXT_TRAIL.sub("", _TEXT_LEAD.sub("", what.strip()))
    # "a link to Privacy Policy", "a link to the Help page": the link named so.
    what = _LINK_TO.sub(r"\g<link> called ", what)
    what = _DESCRIBED_LITERAL.sub("", _ARTICLE_BEFORE_LITERAL.sub("", what))
    if (subject := pronoun_subject(what)) is not None:
        # "it should be listed": the item named last (resolved by pronouns.resolve).
        return [Draft("assert_no_text" if negative else "assert_text", value=subject)]
    literals = clause.literal_list(what)
    if literals:
        action: Action
        if visible:
            action = "assert_not_visible" if negative else "assert_visible"
            return [Draft(action, target=text) for text in literals]
        action = "assert_no_text" if negative else "assert_text"
        return [Draft(action, value=text) for text in literals]
    target = parse_target(clause, what)
    if target is not None and target.noun and target.name is not None:
        action = "assert_not_visible" if negative else "assert_visible"
        return [
            Draft(action, target=target.name, role=target.role, nth=target.nth, scope=target.scope)
        ]
    if names and (reference := kind_reference(what)) is not None:
        # "the ticket should be gone": the ticket the goal named before.
        return [Draft("assert_no_text" if negative else "assert_text", value=reference)]
    if names and (named := unquoted_names(clause, what)):
        # "Almond Tart shows up", "A, B and C are all listed": names said to be shown.
        action = "assert_no_text" if negative else "assert_text"
        if negative:
            # "The Dashboard should not appear": a capital article may only start the
            # sentence, and absence of the longer text would prove nothing about the name.
            named = [_LEADING_ARTICLE.sub("", name) or name for name in named]
        return [Draft(action, value=name) for name in named]
    if words and not has_token(what) and (_TITLE_ALL.fullmatch(what) or not _DESCRIBED.match(what)):
        text = element_name(clause, what)
        if text is not None and _TOO_SHORT.fullmatch(text):
            return None  # "the counter shows 3": a bare number is on almost any page
        if text is not None:
            return [Draft("assert_no_text" if negative else "assert_text", value=text)]
    return None


def _compare(clause: Clause, action: Action, fragment: str, negative: bool) -> list[Draft] | None:
    value = _value(clause, fragment)
    return [Draft(action, value=value, negate=negative)] if value is not None else None


def _value(clause: Clause, fragment: str) -> str | None:
    """An expected value; refuses negations ("not 'X'"), which these actions cannot express.
    An unquoted "empty" or "blank" means the empty string."""
    fragment = fragment.strip()
    if re.match(r"(?:not|n't|never)\b", fragment, re.IGNORECASE):
        return None
    if EMPTY_VALUE.fullmatch(fragment):
        return ""
    if has_token(fragment) and clause.literal(fragment) is None:
        return None
    if not has_token(fragment) and not _LOOKS_LIKE_A_VALUE.match(fragment):
        return None  # "the Email field is required": a state, not what the field holds
    return plain_value(clause, fragment)


# A piece of a URL said without quotes: one lowercase word ("dashboard", "order-history").
_URL_WORD = re.compile(r"(?-i:[a-z][a-z0-9_-]*)")
# An unquoted value: a number, an address, a capitalised name, a path.
_LOOKS_LIKE_A_VALUE = re.compile(r"^(?:[A-Z0-9$€£/#+-]|\S*[\d@.])", re.ASCII)


def _is_url(clause: Clause, fragment: str) -> bool:
    text = clause.literal(fragment) or fragment.strip()
    return looks_like_url_or_path(text)
