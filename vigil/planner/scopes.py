"""Where on the page a target is: "in the row for 'INV-204'", "next to 'Spelt'", "in the dialog".

A scope narrows the search for an element before its name is matched, and is resolved on the
live page by the executor (PlanStep.scope). Here a scope is only read off the words: either a
tail of an element description ("'Edit' in the row for 'INV-204'") or a lead-in that applies
to the whole clause ("In the Billing section, type …").
"""

from __future__ import annotations

import re

from vigil.models import Scope, ScopeKind
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.pronouns import pronoun_subject

_IN = r"(?:in|on|inside|within|from|of|for|at)"
_ROW_NOUN = r"(?:table\s+)?(?:row|line|entry|item|record|list\s+item)"
_CONTAINING = (
    r"(?:for|of|with|containing|that\s+(?:says|contains|shows|has|mentions|reads)|"
    r"which\s+(?:says|contains|shows|has)|showing|saying|reading|labell?ed|named|called)"
)
_DIALOG_NOUN = r"(?:dialog|modal|popup|pop-up|overlay|lightbox)(?:\s+box|\s+window)?"
_SECTION_NOUN = (
    r"(?:filter\s+list|filter\s+panel|section|panel|pane|area|form|region|card|fieldset|box|"
    r"block|group|sidebar|menu|list|filters?|widget|heading|tab|toolbar)"
)
_LANDMARK = (
    r"(?:sidebar|side\s+bar|header|footer|navigation(?:\s+bar|\s+menu)?|nav(?:\s+bar)?|navbar|"
    r"menu\s+bar|toolbar|main\s+content|top\s+bar|side\s+menu|banner|main\s+menu)"
)

# Each pattern has a `head` (the element) and, for most, a `text` naming the scope.
_TAILS: tuple[tuple[ScopeKind, re.Pattern[str]], ...] = (
    (
        "row",
        re.compile(
            rf"^(?P<head>.*?)(?:^|\s+){_IN}\s+(?:the\s+)?{_ROW_NOUN}\s+{_CONTAINING}\s+(?P<text>.+)$",
            re.I,
        ),
    ),
    (
        "row",
        re.compile(
            rf"^(?P<head>.*?)(?:^|\s+){_IN}\s+(?:the\s+)?(?P<text>.+?)(?:'s|\u2019s)?\s+{_ROW_NOUN}$",
            re.I,
        ),
    ),
    (
        "near",
        re.compile(
            r"^(?P<head>.*?)(?:^|\s+)(?:next\s+to|beside|near|alongside|close\s+to|"
            r"(?:to\s+the\s+)?(?:right|left)\s+of)\s+(?:the\s+)?(?P<text>.+)$",
            re.I,
        ),
    ),
    ("near", re.compile(rf"^(?P<head>.*?)(?:^|\s+)by\s+(?P<text>{TOKEN})$", re.I)),
    (
        "dialog",
        re.compile(
            rf"^(?P<head>.*?)(?:^|\s+){_IN}\s+(?:the\s+|a\s+|an\s+)?(?:(?P<text>.+?)\s+)?{_DIALOG_NOUN}$",
            re.I,
        ),
    ),
    ("section", re.compile(rf"^(?P<head>.+?)\s+{_IN}\s+(?:the\s+)?(?P<text>{_LANDMARK})$", re.I)),
    (
        "section",
        re.compile(
            rf"^(?P<head>.+?)\s+(?:{_IN}|under|below)\s+(?:the\s+)?(?P<text>.+?)\s+{_SECTION_NOUN}$",
            re.I,
        ),
    ),
    ("row", re.compile(rf"^(?P<head>.+?)\s+(?:for|of)\s+(?P<text>{TOKEN})$", re.I)),
    (
        "section",
        re.compile(rf"^(?P<head>.+?)\s+(?:under|below|in)\s+(?:the\s+)?(?P<text>{TOKEN})$", re.I),
    ),
    # "the Save button under Notifications": a heading's name, capitalised, needs no "the".
    (
        "section",
        re.compile(
            r"^(?P<head>.+?)\s+(?:under|below)\s+"
            r"(?P<text>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,3})$",
            re.I,
        ),
    ),
    # "Buy on the Pro plan", "Save under the Billing heading": a named part of the page.
    (
        "section",
        re.compile(
            r"^(?P<head>.+?)\s+(?:on|under|within|inside)\s+the\s+(?P<text>[^\ue000]+)$", re.I
        ),
    ),
)

# "Under Billing, …": "under" names a section even without a noun.
_UNDER_LEAD = re.compile(r"^under\s+(?:the\s+)?(?P<phrase>[^,\ue000]+?)\s*,\s*(?P<rest>.+)$", re.I)
# "In the Billing section, …", "In the dialog …", "In the row for 'INV-204', …".
_LEAD = re.compile(
    rf"^(?:{_IN}|under|below)\s+(?P<phrase>(?:the\s+|a\s+)?.+?)\s*,\s*(?P<rest>.+)$"
    rf"|^(?:in|inside|within|under)\s+(?P<phrase2>(?:the\s+|a\s+)?(?:.+?\s+)?"
    rf"(?:{_SECTION_NOUN}|{_DIALOG_NOUN}|{_LANDMARK}|{_ROW_NOUN}\s+{_CONTAINING}\s+{TOKEN}))"
    r"\s+(?P<rest2>.+)$",
    re.I,
)
# Words that name no scope: "in the page", "on the screen".
_NOT_A_SCOPE = re.compile(
    r"^(?:it|them)$|(?:^|\s)(?:page|screen|site|website|app|browser|window)$"
    # "the Settings page's Billing section": a part of another page (places_within.py).
    r"|\s(?:page|screen)(?:'s|\u2019s)\s",
    re.I,
)
_SCOPE_NAME_NOISE = re.compile(r"^(?:the|a|an)\s+", re.I)
MAX_SCOPE_WORDS = 5
# "next to the Email field": the text to be near is "Email".
_NEAR_NOUN = re.compile(r"\s+(?:field|button|link|box|input|label|text|checkbox)$", re.I)


def split_scope(clause: Clause, fragment: str) -> tuple[str, Scope] | None:
    """The element words and the scope of "'Edit' in the row for 'INV-204'"; None if no scope."""
    text = fragment.strip()
    for kind, pattern in _TAILS:
        found = pattern.match(text)
        if not found:
            continue
        scope = _scope(clause, kind, found.group("text"))
        if scope is not None:
            return found.group("head").strip(), scope
    return None


def split_lead(clause: Clause) -> tuple[Scope, str] | None:
    """The scope of a lead-in ("In the Billing section, type …") and the rest of the clause."""
    if under := _UNDER_LEAD.match(clause.masked):
        scope = _scope(clause, "section", under.group("phrase"))
        if scope is not None:
            return scope, under.group("rest")
    found = _LEAD.match(clause.masked)
    if not found:
        return None
    phrase = found.group("phrase") or found.group("phrase2")
    rest = found.group("rest") or found.group("rest2")
    for kind, pattern in _TAILS:
        matched = pattern.match(f"x in {phrase}") or pattern.match(f"x {phrase}")
        if matched and matched.group("head").strip() == "x":
            scope = _scope(clause, kind, matched.group("text"))
            if scope is not None:
                return scope, rest
    return None


def _scope(clause: Clause, kind: ScopeKind, text: str | None) -> Scope | None:
    if text is None:
        return Scope(kind=kind) if kind == "dialog" else None
    literal = clause.literal(text)
    if literal is not None:
        return Scope(kind=kind, text=literal) if literal.strip() else None
    if has_token(text):
        return None
    words = _SCOPE_NAME_NOISE.sub("", text.strip())
    if kind == "near":
        words = _NEAR_NOUN.sub("", words)
    if (subject := pronoun_subject(words)) is not None:
        return Scope(kind=kind, text=subject)
    if words.lower() in ("the", "a", "an", "this", "that", "my", "our", "your"):
        return None
    if not words or _NOT_A_SCOPE.search(words) or len(words.split()) > MAX_SCOPE_WORDS:
        return None
    if kind == "near" and not re.match(r"^[\w'\u2019 .:-]+$", words):
        return None
    return Scope(kind=kind, text=words)
