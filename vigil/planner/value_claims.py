"""Claims about one value the page shows, written the way people jot them down: "cart total =
$8.50", "the total should be $3.87", "The Open tasks number on the dashboard should be 5",
"the Revenue metric is visible", "the greek yogurt should cost $4.75 in the product list",
"the product table lists Croissant at $2.75", "Expect the message Order #1044 placed",
"'Update the labels' is already checked off".

A value is compared as a person reads it: "$8.50" is read beside its label by the executor,
which matches whole words and whole numbers (wording.holds_whole), so "8.5" is the amount
"8.50" shows and never "18.50" or "85.0". A label is a few plain words; a value must look like one
(an amount, a number, a percentage, quoted), so "the total should be right" stays unread.

An unquoted message is taken as the message's own words only when they are written like a
message (starting with a capital or a digit, two words or more): "an error saying the
password is wrong" is a description of a message, too vague to ground, and stays unread.
"""

from __future__ import annotations

import re

from vigil.models import NOTIFICATION, Action, Scope
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.grammar import pattern
from vigil.planner.places import go_to_page
from vigil.planner.result_claims import item_name
from vigil.planner.states import read_state
from vigil.planner.steps import Draft

# An amount or number as written: "$8.50", "€12", "12,00 €", "5", "-3", "40%", "1,204".
_AMOUNT = r"(?:[$€£]\s?)?-?\d[\d,]*(?:\.\d+)?%?(?:\s?[$€£]|\s?(?:usd|eur|gbp))?"
_VALUE = rf"(?P<value>{_AMOUNT}|{TOKEN})"
_LABEL = r"(?P<label>[a-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,3}?)"
# Words that name the page, a part of it, or a count, never a label beside a value.
_NOT_A_LABEL = re.compile(
    r"\b(?:page|title|url|heading|header|footer|list|table|row|rows|column|count|number|"
    r"result|results|message|text|error|button|link|form|dialog|menu|banner|notice|alert|"
    r"toast|site|screen|it|this|that|there|first|last|second|third|top|bottom|one)$",
    re.IGNORECASE,
)
_NOT_A_LABEL_START = re.compile(
    r"^(?:it|its|this|that|there|they|he|she|i|we|you|number\s+of|count\s+of)\b", re.IGNORECASE
)

_COUNTED = re.compile(r"\b(?:items?|rows?|entries|results?|records?)$", re.IGNORECASE)
# An amount, not a bare count: a currency sign or cents.
_AN_AMOUNT = re.compile(r"[$€£]|\d[.,]\d{2}\b|usd|eur|gbp", re.IGNORECASE)
# "cart total = $8.50", "Total == 12", "the balance equals €40".
EQUALS = pattern(rf"(?:the\s+)?{_LABEL}\s*(?:==?|equals|is\s+equal\s+to)\s*{_VALUE}")
# "the total should be $3.87", "the subtotal must read 8.50", "the balance should not be 0".
SHOULD_BE = pattern(
    rf"the\s+{_LABEL}\s+(?:should|must|will)(?P<neg>\s+not|n't)?\s+"
    rf"(?:be|read|show|say|equal|come\s+to)\s+{_VALUE}"
)
# A tile that shows a label and a number: metric tiles, counters, badges, KPI cards.
_TILE = r"(?P<tile>metric|stat|statistic|kpi|tile|figure|number|card|widget|badge|gauge|indicator)"
_ON_PLACE = r"(?:\s+(?:on|in)\s+the\s+(?P<place>[a-z][\w-]*(?:\s+[a-z][\w-]*)?))?"
# "The Open tasks number on the dashboard should be 5", "the Revenue metric is $52.52".
TILE_IS = pattern(
    rf"(?:the\s+)?(?P<label>.+?)\s+{_TILE}{_ON_PLACE}\s+"
    r"(?:(?:should|must|will)(?P<neg>\s+not|n't)?\s+(?:be|read|show|say|equal)|"
    r"(?:is|reads|shows|says|equals)(?P<neg2>\s+not|n't)?)\s+"
    rf"{_VALUE}"
)
# "the Revenue metric is visible", "the Low stock badge should not be shown".
TILE_SHOWN = pattern(
    rf"(?:the\s+)?(?P<label>.+?)\s+{_TILE}{_ON_PLACE}\s+"
    r"(?:(?:should|must|will)(?P<neg>\s+not|n't)?\s+be|(?:is|are)(?P<neg2>\s+not|n't)?)\s+"
    r"(?:still\s+)?(?:visible|shown|displayed|present|there)"
)
# "the product table lists Croissant at $2.75", "the menu shows Latte for €3".
_LIST_NOUN = r"(?:list|table|grid|catalog|catalogue|menu|price\s+list)"
LISTS_AT = pattern(
    rf"(?:the\s+)?(?:[a-z]+\s+)?{_LIST_NOUN}\s+(?:should\s+|must\s+)?(?:lists?|shows?|has|have)"
    rf"\s+(?P<row>.+?)\s+(?:at|for|priced\s+at|costing)\s+{_VALUE}"
)
# "the greek yogurt should cost $4.75 in the product list", "Latte costs €3 on the menu".
COSTS = pattern(
    r"(?P<row>.+?)\s+(?:(?:should|must|will)(?P<neg>\s+not|n't)?\s+(?:cost|be\s+priced\s+at|"
    r"sell\s+for)|costs|is\s+priced\s+at|sells\s+for)\s+"
    rf"{_VALUE}(?:\s+(?:in|on)\s+the\s+(?:[a-z]+\s+)?{_LIST_NOUN})?"
)
# "Expect the message Order #1044 placed", "a warning saying Stock is low should appear".
_MESSAGE_NOUN = (
    r"(?:message|notice|notification|banner|toast|alert|confirmation|warning|error|"
    r"status\s+message|success\s+message|error\s+message)"
)
MESSAGE = pattern(
    rf"(?:the|a|an)\s+(?:[a-z]+\s+)?{_MESSAGE_NOUN}\s+(?:saying|that\s+says|reading|which\s+says|"
    r"with\s+the\s+text)?\s*(?P<words>.+?)"
    r"(?:\s+(?:should|must|will)\s+(?:appear|be\s+shown|show\s+up|be\s+displayed|pop\s+up)"
    r"|\s+(?:appears|is\s+shown|shows\s+up|is\s+displayed|pops\s+up))?"
)
# "I should see the notification Seat 14C reserved": who sees it adds nothing.
_SEER = re.compile(
    r"^(?:(?:i|we|you|the\s+user)\s+)?(?:should\s+|must\s+|will\s+)?(?:see|get|receive)\s+",
    re.IGNORECASE,
)
# "A 'Case C-12 resolved' notification should pop up", "you should get a Preferences saved
# toast", "a snackbar saying Draft discarded appears": the words of a notification, which must
# be found in one (browser/notices.py), never merely elsewhere on the page. A "message" or a
# "confirmation" may be any text the page shows, so only the nouns of pop-ups are read here.
_NOTICE_NOUN = r"(?:notification|toast|snackbar|pop-?up|notice\s+pop-?up)"
_POPS_UP = (
    r"(?:\s+(?:should|must|will)\s+(?:appear|be\s+shown|show\s+up|be\s+displayed|pop\s+up|"
    r"come\s+up)|\s+(?:appears|is\s+shown|shows\s+up|is\s+displayed|pops\s+up|comes\s+up))?"
    r"(?:\s+(?:now|then|afterwards|after\s+that|right\s+away|briefly))?"
)
NOTICE = pattern(
    rf"(?:the|a|an)\s+(?P<before>.+?)\s+{_NOTICE_NOUN}{_POPS_UP}"
    rf"|(?:the|a|an)\s+(?:[a-z]+\s+)?{_NOTICE_NOUN}\s+(?:saying|that\s+says|reading|which\s+says|"
    rf"with\s+the\s+text)\s+(?P<after>.+?){_POPS_UP}"
    rf"|(?:the|a|an)\s+(?:[a-z]+\s+)?{_NOTICE_NOUN}\s+(?P<quoted>{TOKEN}){_POPS_UP}"
)
# Words written as a message: a capital, a digit or "#" first, then more words.
_MESSAGE_WORDS = re.compile(r"(?-i:[A-Z0-9#])\S*(?:\s+\S+)+")
_DESCRIBES = re.compile(
    r"^(?:that|which|about|saying|telling|with|for|of|to|the|a|an|some|something|it|its|"
    r"their|this|what|how|why|when|whether)\b",
    re.IGNORECASE,
)
# A sentence about the message, not its words: "… should not appear", "… and the list …".
_CLAUSE = re.compile(r"\b(?:should|must|will|would|shall|can|cannot|and\s+the)\b", re.IGNORECASE)
# "'X' is already checked off", "Wash the van is ticked off": a box that is ticked.
CHECKED_OFF = pattern(
    r"(?P<head>.+?\s+(?:is|are|should\s+be|must\s+be|was)(?:\s+not|n't)?)\s+"
    r"(?:already\s+|still\s+)?(?P<state>checked|ticked|crossed)(?:\s+off)?"
    r"|(?P<head2>.+?\s+(?:is|are|should\s+be|must\s+be|was)(?:\s+not|n't)?)\s+already\s+"
    r"(?P<state2>checked|ticked|done|completed)"
)
_KIND_BEFORE_LITERAL = re.compile(rf"^(?:the\s+)?[a-z][\w-]*\s+(?={TOKEN})", re.IGNORECASE)


def read_value_claim(clause: Clause, claim: str) -> list[Draft] | None:
    """A labelled value, a tile, a price in a list, a message or a ticked box; else None."""
    for reader in (
        _notice,
        _summary_says,
        _tile,
        _equals,
        _lists_at,
        _costs,
        _message,
        _checked_off,
    ):
        if drafts := reader(clause, claim):
            return drafts
    return None


def _label(clause: Clause, words: str) -> str | None:
    words = " ".join(words.split())
    if (literal := clause.literal(words)) is not None:
        return literal
    if has_token(words) or len(words.split()) > 4:
        return None
    if _NOT_A_LABEL.search(words) or _NOT_A_LABEL_START.match(words):
        return None
    return clause.written(re.sub(r"^the\s+", "", words, flags=re.IGNORECASE))


def _value(clause: Clause, words: str) -> str | None:
    words = words.strip()
    return clause.literal(words) if has_token(words) else words


def _negative(found: re.Match[str]) -> bool:
    groups = found.groupdict()
    return bool(groups.get("neg") or groups.get("neg2"))


def _equals(clause: Clause, claim: str) -> list[Draft] | None:
    found = EQUALS.fullmatch(claim) or SHOULD_BE.fullmatch(claim)
    if found is None:
        return None
    label, value = _label(clause, found["label"]), _value(clause, found["value"])
    loose = found.re is SHOULD_BE and not _AN_AMOUNT.search(found["value"])
    if _COUNTED.search(found["label"]) or loose:
        return None  # "the number of items = 3", "the total should be 12": a count, maybe
    if label is None or value is None or has_token(found["value"]):
        # "the cart should read '1 items'": quoted words are text, read by claims.py.
        return None
    return [Draft("assert_value", target=label, value=value, negate=_negative(found))]


def _tile(clause: Clause, claim: str) -> list[Draft] | None:
    shown = TILE_SHOWN.fullmatch(claim)
    found = shown or TILE_IS.fullmatch(claim)
    if found is None:
        return None
    label = _label(clause, found["label"])
    if label is None:
        return None
    if found["tile"].lower() == "number" and re.fullmatch(r"[a-z]+", label):
        label = f"{label} number"  # "the order number is 1044": the field is "order number"
    page = _page(found["place"])
    if shown:
        action: Action = "assert_not_visible" if _negative(found) else "assert_visible"
        return [*page, Draft(action, target=label)]
    value = _value(clause, found["value"])
    if value is None:
        return None
    return [*page, Draft("assert_value", target=label, value=value, negate=_negative(found))]


def _page(place: str | None) -> list[Draft]:
    """ "… on the dashboard": that page is gone to first unless the browser is already on it
    (as counters.py reads "the Escalated count on the dashboard"): a value read after steps
    elsewhere is read where the goal says, and a page that holds the tile but is titled
    otherwise is no reason to fail a true claim."""
    if not place:
        return []
    name = re.sub(r"\s+page$", "", place.strip(), flags=re.IGNORECASE)
    return [go_to_page(name)]


def _lists_at(clause: Clause, claim: str) -> list[Draft] | None:
    found = LISTS_AT.fullmatch(claim)
    if found is None:
        return None
    return _price_in_row(clause, found["row"], found["value"], negate=False)


def _costs(clause: Clause, claim: str) -> list[Draft] | None:
    found = COSTS.fullmatch(claim)
    if found is None or has_token(found["value"]):
        return None  # a price is a number; "costs 'a lot'" is not one
    return _price_in_row(clause, found["row"], found["value"], negate=_negative(found))


# "the greek yogurt": an item named in lower case after "the", a few plain words.
_THE_ITEM = re.compile(r"^the\s+(?P<name>[a-z][\w'-]*(?:\s+[a-z0-9][\w'-]*){0,3})$")
_NOT_AN_ITEM = re.compile(
    r"\b(?:page|site|app|form|list|table|cart|basket|total|subtotal|price|cost|order|it|"
    r"one|item|product|thing|row|everything|all)$",
    re.IGNORECASE,
)


def _price_in_row(
    clause: Clause, row_words: str, value_words: str, negate: bool
) -> list[Draft] | None:
    words = " ".join(row_words.split())
    name = item_name(clause, _KIND_BEFORE_LITERAL.sub("", words))
    if name is None and (the := _THE_ITEM.fullmatch(words)) and not _NOT_AN_ITEM.search(words):
        name = the["name"]
    value = _value(clause, value_words)
    if name is None or value is None:
        return None
    return [Draft("assert_cell", value=value, scope=Scope(kind="row", text=name), negate=negate)]


def _message(clause: Clause, claim: str) -> list[Draft] | None:
    found = MESSAGE.fullmatch(_SEER.sub("", claim))
    if found is None:
        return None
    words = found["words"].strip()
    if has_token(words):
        return None  # a quoted message is read by claims.py
    if not _MESSAGE_WORDS.fullmatch(words) or _DESCRIBES.match(words) or _CLAUSE.search(words):
        return None  # "an error saying the password is wrong": not the message's words
    return [Draft("assert_text", value=clause.written(words))]


def _notice(clause: Clause, claim: str) -> list[Draft] | None:
    found = NOTICE.fullmatch(_SEER.sub("", claim))
    if found is None:
        return None
    words = " ".join((found["before"] or found["after"] or found["quoted"]).split())
    if (literal := clause.literal(words)) is None:
        if has_token(words) or not _MESSAGE_WORDS.fullmatch(words):
            return None  # "a success notification": what kind, not what it says
        if _DESCRIBES.match(words) or _CLAUSE.search(words):
            return None
        literal = clause.written(words)
    note = f"Check a notification shows '{literal}' (since the last action)"
    return [Draft("assert_text", value=literal, role=NOTIFICATION, note=note)]


# "the Site summary must say 15 Pages", "the Case summary should show 2 Escalated": what a
# named summary of counts says, read inside that part of the page only (the same words
# elsewhere, a number that belongs to another line, are not what it says).
SUMMARY_SAYS = pattern(
    r"(?:the\s+)?(?P<name>(?-i:[A-Z])[\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,2}?\s+"
    r"(?:summary|overview|stats|statistics|totals|counts|figures))\s+"
    r"(?:(?:should|must|will)(?P<neg>\s+not|n't)?\s+(?:still\s+)?(?:say|show|read|display|list)"
    r"|(?:says|shows|reads|displays|lists)(?P<neg2>\s+not)?)\s+(?P<what>.+)"
)
# A count with its noun as a summary writes it: "15 Pages", "2 open cases", "1,204 users".
_COUNT_WITH_NOUN = re.compile(r"\d[\d,]*\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?", re.IGNORECASE)


def _summary_says(clause: Clause, claim: str) -> list[Draft] | None:
    found = SUMMARY_SAYS.fullmatch(claim)
    if found is None:
        return None
    what = " ".join(found["what"].split())
    text = clause.literal(what)
    if text is None and not has_token(what) and _COUNT_WITH_NOUN.fullmatch(what):
        text = what
    if not text:
        return None
    action: Action = "assert_no_text" if _negative(found) else "assert_text"
    name = " ".join(found["name"].split())
    return [Draft(action, value=text, scope=Scope(kind="section", text=name))]


def _checked_off(clause: Clause, claim: str) -> list[Draft] | None:
    found = CHECKED_OFF.fullmatch(claim)
    if found is None:
        return None
    head = _KIND_BEFORE_LITERAL.sub("", found["head"] or found["head2"])
    state = found["state2"] if found["state2"] in ("done", "completed") else "checked"
    return read_state(clause, f"{head} {state}")


# "says Welcome back, Noor", "reads Hello, world": the words a page says, commas and all.
_SAYING = re.compile(r"^(?:says?|reads?)$", re.IGNORECASE)
_A_LIST = re.compile(r"\b(?:and|or|nor)\b|,\s*,|,$", re.IGNORECASE)


def said_words(clause: Clause, verb: str, words: str, found: re.Match[str]) -> list[Draft] | None:
    """ "the dashboard says Welcome back, Noor": the words said, as text on the page the
    steps are on. A subject that names a place ("the dashboard") is not made a requirement
    that the page be titled so: the words are what was claimed, and a page not named that
    way that says them makes the claim true. A comma after "says" is part of the message
    ("Welcome back, Noor"), never a list: a list ("says A, B and C") stays with the readers
    of lists, and each piece must read as words on its own."""
    words = " ".join(words.split())
    if not _SAYING.match(verb) or "," not in words or _A_LIST.search(words) or has_token(words):
        return None
    if not _MESSAGE_WORDS.fullmatch(words) or _DESCRIBES.match(words) or _CLAUSE.search(words):
        return None
    action: Action = "assert_no_text" if _negative(found) else "assert_text"
    return [Draft(action, value=clause.written(words))]
