"""Phrases that state what should be true: text on the page, elements, title, URL, field values.

A claim may open with a verb of checking ("verify", "make sure", "check that", "expect"), which
is dropped, and is then read as one of the shapes below. Text claims accept unquoted words
("the page should say Welcome back"), but claims about presence or visibility of a *thing*
("'Error' should not appear", "there is a link 'Docs'") need the thing quoted or named with an
element noun, so a sentence such as "the page has loaded" is never mistaken for text to find.
"""

from __future__ import annotations

import re

from vigil.models import Action
from vigil.planner.actions import Context
from vigil.planner.clauses import Clause, has_token
from vigil.planner.steps import Draft
from vigil.planner.targets import (
    element_name,
    looks_like_url_or_path,
    parse_target,
    plain_value,
)


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


CLAIM_VERB = _pattern(
    r"(?P<verb>verify|assert|ensure|confirm|check|validate|expect|test|make\s+sure|"
    r"double[-\s]check|see)(?:\s+(?:that|if|whether))?\s+(?P<claim>.+)"
)
# "should", "must not", "doesn't", "cannot", "won't", "to" (as in "expect the title to be").
_AUX = r"(?:should|must|shall|will|would|does|do|did|can|ca|could|to|is\s+going\s+to|wo)"
_NOT = r"(?:\s*(?P<neg>not|n't|n\u2019t|never))?"
_SHOULD = rf"(?:{_AUX}{_NOT}\s+)?"
_NEVER = r"(?:(?P<never>never)\s+)?"

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
    rf"\s+{_SHOULD}(?:contains?|has|have|holds?|is|be|equals?|shows?|reads?)\s+"
    r"(?:the\s+|a\s+)?(?:value\s+)?(?:of\s+)?(?P<value>.+)"
)
VALUE_OF = _pattern(
    r"(?:the\s+)?value\s+(?:of|in)\s+(?P<field>.+?)(?:\s+field)?\s+"
    rf"{_SHOULD}(?:is|be|equals?)\s+(?P<value>.+)"
)
# "should see 'x'", "I can't see 'Error'", "see a button 'Buy'".
SEE = _pattern(
    rf"(?:(?:i|you|we|the\s+user|user)\s+)?{_SHOULD}{_NEVER}(?:see|notice)s?\s+(?P<what>.+)"
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
_NOT_A_SUBJECT_WORD = rf"(?!(?:and|or|then|never|not|{_AUX}(?:n't|n\u2019t|not)?)(?![\w'\u2019]))"
_SUBJECT = (
    rf"(?:{_NOT_A_SUBJECT_WORD}[\w'\u2019-]+\s+){{0,3}}(?:{_NOT_A_SUBJECT_WORD}[\w'\u2019-]+)?"
)
# "the dashboard says 'Welcome'", "the page does not show 'x'", "contains 'x'".
SUBJECT_SAYS = _pattern(
    rf"(?P<subject>{_SUBJECT})\s*{_SHOULD}{_NEVER}"
    r"(?P<verb>shows?|contains?|says?|displays?|includes?|reads?|lists?|mentions?|has|have)"
    r"\s+(?:the\s+(?:text|words?|message|phrase)\s+)?(?P<what>.+)"
)
# "'x' is visible", "'x' should not be visible", "the 'Buy' button is displayed".
IS_VISIBLE = _pattern(
    rf"(?P<what>.+?)\s+(?:is|are|{_AUX}){_NOT}\s*(?:be\s+)?"
    r"(?P<state>visible|displayed|shown|present|there|on\s+(?:the\s+)?(?:page|screen))"
)
# "'Error' should not appear", "'Loading' disappears", "'Out of stock' is missing".
APPEARS = _pattern(
    rf"(?P<what>.+?)\s+(?:{_AUX}{_NOT}\s+|{_NEVER})?"
    r"(?P<state>appears?|exists?|shows?\s+up|is\s+missing|is\s+gone|is\s+absent|disappears?)"
)
TEXT_KEYWORD = _pattern(r"(?P<no>no\s+)?text\s+(?P<what>.+)")
_TEXT_LEAD = re.compile(r"^(?:the\s+)?(?:text|words?|message|phrase)\s+", re.IGNORECASE)
EMPTY_VALUE = re.compile(r"(?:empty|blank|cleared)", re.IGNORECASE)
NEGATION = re.compile(
    r"\b(?:not|never|no|nothing|none|nowhere|without)\b|n't|n\u2019t", re.IGNORECASE
)
_NEGATIVE = ("assert_no_text", "assert_not_visible")
_ABSENT_STATES = ("is missing", "is gone", "is absent", "disappear")
_VISIBLE_STATES = ("visible", "displayed")


def read_claim(clause: Clause, ctx: Context) -> list[Draft] | None:
    """A claim, with or without a leading verb of checking."""
    claim, verb = clause.masked, None
    if found := CLAIM_VERB.fullmatch(claim):
        claim, verb = found.group("claim"), found.group("verb").lower()
    drafts = _read_shapes(clause, claim)
    if drafts is None and verb not in (None, "check"):
        # "verify 'Welcome'", "assert the 'Buy' button": the verb alone makes it a claim.
        # Plain "check 'I agree'" is left to the checkbox reader.
        drafts = _presence(clause, claim, negative=False, visible=False, words=False)
    if drafts and NEGATION.search(claim) and not any(d.action in _NEGATIVE for d in drafts):
        # A "not" that no shape accounted for must not turn into a positive check.
        return None
    return drafts


def _read_shapes(clause: Clause, claim: str) -> list[Draft] | None:
    for pattern in (TITLE, URL, LANDED_ON, FIELD_VALUE, VALUE_OF):
        if (found := pattern.fullmatch(claim)) and _negated(found):
            return None  # "the title should not contain 'X'": no action can check that
    if found := TITLE.fullmatch(claim):
        return _compare(clause, "assert_title", found.group("value"))
    if found := URL.fullmatch(claim):
        return _compare(clause, "assert_url", found.group("value"))
    if (found := LANDED_ON.fullmatch(claim)) and _is_url(clause, found.group("value")):
        return _compare(clause, "assert_url", found.group("value"))
    for pattern in (FIELD_VALUE, VALUE_OF):
        if found := pattern.fullmatch(claim):
            field = element_name(clause, found.group("field"))
            value = _value(clause, found.group("value"))
            if field is not None and value is not None:
                return [Draft("assert_value", target=field, value=value)]
    if found := THERE_IS_NOT.fullmatch(claim):
        return _presence(clause, found.group("what"), negative=True, visible=False, words=False)
    if found := THERE_IS.fullmatch(claim):
        negative = found.group("no") is not None
        return _presence(clause, found.group("what"), negative, visible=False, words=False)
    if found := SEE.fullmatch(claim):
        return _presence(clause, found.group("what"), _negated(found), visible=False, words=True)
    if found := IS_VISIBLE.fullmatch(claim):
        visible = found.group("state").lower() in _VISIBLE_STATES
        return _presence(clause, found.group("what"), _negated(found), visible, words=False)
    if found := APPEARS.fullmatch(claim):
        absent = found.group("state").lower().startswith(_ABSENT_STATES)
        negative = _negated(found) != absent
        return _presence(clause, found.group("what"), negative, visible=False, words=False)
    if found := TEXT_KEYWORD.fullmatch(claim):
        negative = found.group("no") is not None
        return _presence(clause, found.group("what"), negative, visible=False, words=True)
    if found := SUBJECT_SAYS.fullmatch(claim):
        # "the page has loaded" must not become a search for the word "loaded".
        words = not found.group("verb").lower().startswith("ha")
        return _presence(clause, found.group("what"), _negated(found), visible=False, words=words)
    return None


def _presence(
    clause: Clause, what: str, negative: bool, visible: bool, words: bool
) -> list[Draft] | None:
    """Steps claiming `what` is (or is not) on the page.

    Quoted phrases become text assertions, one per phrase ("shows 'a' and 'b'"); an element
    named with a noun becomes a visibility assertion with its role; bare words are accepted
    as text only when `words` says the phrasing was about text.
    """
    what = _TEXT_LEAD.sub("", what.strip())
    literals = clause.literal_list(what)
    if literals:
        action: Action
        if visible:
            action = "assert_not_visible" if negative else "assert_visible"
            return [Draft(action, target=text) for text in literals]
        action = "assert_no_text" if negative else "assert_text"
        return [Draft(action, value=text) for text in literals]
    target = parse_target(clause, what)
    if target is not None and target.noun:
        action = "assert_not_visible" if negative else "assert_visible"
        return [Draft(action, target=target.name, role=target.role, nth=target.nth)]
    if words and not has_token(what):
        text = element_name(clause, what)
        if text is not None:
            return [Draft("assert_no_text" if negative else "assert_text", value=text)]
    return None


def _compare(clause: Clause, action: Action, fragment: str) -> list[Draft] | None:
    value = _value(clause, fragment)
    return [Draft(action, value=value)] if value is not None else None


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
    return plain_value(clause, fragment)


def _is_url(clause: Clause, fragment: str) -> bool:
    text = clause.literal(fragment) or fragment.strip()
    return looks_like_url_or_path(text)


def _negated(found: re.Match[str]) -> bool:
    groups = found.groupdict()
    return bool(groups.get("neg") or groups.get("never"))
