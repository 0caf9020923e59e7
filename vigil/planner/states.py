"""Claims about an element's state and about where the user is.

"'Save' is disabled", "the 'Remember me' box should be ticked", "'Rye' is done", "the
checkbox next to 'Spelt' is not checked", and "I end up on the Dashboard", "he lands on his
order history", "the Orders page opens". Each negation is read explicitly (grammar.NOT).
"""

from __future__ import annotations

import re

from vigil.models import Action, Scope
from vigil.pipeline.vocabulary import parse_count
from vigil.planner.clauses import Clause
from vigil.planner.grammar import AUX, IS, NOT, TRAILER, negated, pattern
from vigil.planner.names import unquoted_name
from vigil.planner.pronouns import IT, pronoun_subject
from vigil.planner.steps import Draft
from vigil.planner.targets import looks_like_url_or_path, parse_target, place_target, plain_value

_STATES: dict[str, tuple[Action, Action]] = {
    "enabled": ("assert_enabled", "assert_disabled"),
    "clickable": ("assert_enabled", "assert_disabled"),
    "editable": ("assert_enabled", "assert_disabled"),
    "usable": ("assert_enabled", "assert_disabled"),
    "disabled": ("assert_disabled", "assert_enabled"),
    "greyed out": ("assert_disabled", "assert_enabled"),
    "grayed out": ("assert_disabled", "assert_enabled"),
    "unclickable": ("assert_disabled", "assert_enabled"),
    "read-only": ("assert_disabled", "assert_enabled"),
    "readonly": ("assert_disabled", "assert_enabled"),
    "checked": ("assert_checked", "assert_unchecked"),
    "ticked": ("assert_checked", "assert_unchecked"),
    "selected": ("assert_checked", "assert_unchecked"),
    "toggled on": ("assert_checked", "assert_unchecked"),
    "switched on": ("assert_checked", "assert_unchecked"),
    "on": ("assert_checked", "assert_unchecked"),
    "off": ("assert_unchecked", "assert_checked"),
    "unchecked": ("assert_unchecked", "assert_checked"),
    "unticked": ("assert_unchecked", "assert_checked"),
    "unselected": ("assert_unchecked", "assert_checked"),
    "deselected": ("assert_unchecked", "assert_checked"),
    "toggled off": ("assert_unchecked", "assert_checked"),
    "switched off": ("assert_unchecked", "assert_checked"),
    "hidden": ("assert_not_visible", "assert_visible"),
    "invisible": ("assert_not_visible", "assert_visible"),
}
# States of a list item rather than of a named control: read on the item's own checkbox.
_ITEM_STATES: dict[str, tuple[Action, Action]] = {
    "done": ("assert_checked", "assert_unchecked"),
    "completed": ("assert_checked", "assert_unchecked"),
    "complete": ("assert_checked", "assert_unchecked"),
    "finished": ("assert_checked", "assert_unchecked"),
    "crossed off": ("assert_checked", "assert_unchecked"),
    # A to-do struck through is a done one: the state is read on the item's own checkbox,
    # never guessed from how it is drawn.
    "crossed out": ("assert_checked", "assert_unchecked"),
    "struck through": ("assert_checked", "assert_unchecked"),
    "struck out": ("assert_checked", "assert_unchecked"),
    "struck-through": ("assert_checked", "assert_unchecked"),
    "strikethrough": ("assert_checked", "assert_unchecked"),
    "struckthrough": ("assert_checked", "assert_unchecked"),
    "lined through": ("assert_checked", "assert_unchecked"),
    "scratched out": ("assert_checked", "assert_unchecked"),
    "checked off": ("assert_checked", "assert_unchecked"),
    "ticked off": ("assert_checked", "assert_unchecked"),
    "marked as done": ("assert_checked", "assert_unchecked"),
    "marked done": ("assert_checked", "assert_unchecked"),
    "marked as complete": ("assert_checked", "assert_unchecked"),
    "marked as completed": ("assert_checked", "assert_unchecked"),
    "not done": ("assert_unchecked", "assert_checked"),
    "incomplete": ("assert_unchecked", "assert_checked"),
    "active": ("assert_unchecked", "assert_checked"),
    "open": ("assert_unchecked", "assert_checked"),
}
_CHECK_ACTIONS = ("assert_checked", "assert_unchecked")


def _alternatives(words: dict[str, tuple[Action, Action]]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


STATE = pattern(
    # "it's crossed out": the verb may be clipped onto its subject.
    rf"(?P<what>.+?)(?:\s+|(?=['\u2019]s\s)){IS}\s+(?:(?:in\s+(?:a|the)\s+)?)?"
    rf"(?P<state>{_alternatives(_STATES)}|{_alternatives(_ITEM_STATES)})(?:\s+state)?{TRAILER}"
)

_VERB_PLACE = (
    r"(?:be|am|are|is|'m|\u2019m|'re|\u2019re|was|were|get|gets|got|end\s+up|ends\s+up|ended\s+up|"
    r"land|lands|landed|arrive|arrives|arrived|stay|stays|remain|remains|"
    r"is\s+left|are\s+left)"
)
_MOVED = r"(?:redirected|taken|sent|brought|returned|navigated|forwarded|bounced|kicked)"
WHERE = pattern(
    r"(?:(?:i|we|you|he|she|they|the\s+(?:user|customer|visitor|admin|browser)|user|"
    r"(?-i:[A-Z][\w-]*))\s+)?"
    rf"(?:{AUX}{NOT}\s+)?(?:still\s+|now\s+|then\s+|eventually\s+|finally\s+|also\s+)?"
    rf"{_VERB_PLACE}(?P<neg2>\s+not)?(?:\s+(?:still|now|then|back|safely|straight))?"
    rf"(?:\s+{_MOVED}(?:\s+back)?)?\s+(?:to|on|onto|at)\s+(?P<where>.+)"
)
# "the Orders page opens", "the Dashboard screen is shown".
PAGE_OPENS = pattern(
    rf"(?P<where>.+?\s+(?:page|screen|view))\s+(?:{AUX}{NOT}\s+)?"
    r"(?:opens|open|loads|load|appears|appear|comes\s+up|is\s+(?:shown|displayed|open|opened|loaded))"
    # "the Dashboard loads": a place by name alone only with verbs said of places.
    r"|(?P<place>(?:the\s+|my\s+)?(?!(?:the|a|an)\s)[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}?)\s+"
    r"(?:opens|loads|comes\s+up|is\s+loaded|(?:should|must|will)\s+(?:open|load|come\s+up|be\s+loaded))"
)
# Things that open and load but are not places: "the menu opens", "the dialog loads".
_NOT_A_PLACE_NAME = re.compile(
    r"(?:menu|dialog|modal|popup|pop-up|dropdown|drop-down|panel|drawer|tooltip|overlay|"
    r"image|picture|video|spinner|button|link|form|list|table|field)$",
    re.IGNORECASE,
)
_EXPANDED = {"i'm": "I am", "we're": "we are", "you're": "you are", "he's": "he is",
             "she's": "she is", "they're": "they are"}  # fmt: skip
_CONTRACTION = re.compile(r"\b(?:i|we|you|he|she|they)['\u2019](?:m|re|s)\b", re.IGNORECASE)
_NOT_A_PLACE = re.compile(r"^(?:the\s+)?(?:page|screen|site|list|table|same\s+page)$", re.I)


# "Daily digest should still be on" is "should be on", checked when the claim is read.
_STILL_BE = re.compile(
    r"\b(?P<aux>should|must|will|would)(?P<neg>\s+not|n't)?\s+still\s+be\b", re.IGNORECASE
)
# A control named as its label is written, in sentence case: "Email notifications", "Hide
# completed". Only for on/off states, where a sentence ("the order is complete") cannot hide.
_LABEL = re.compile(r"(?-i:[A-Z])[\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,4}")
_NOT_A_LABEL = re.compile(
    r"^(?:it|its|this|that|these|those|there|they|he|she|we|i|you|the|a|an|my|your|our|"
    r"everything|nothing|all|each|every|page|site|app)\b",
    re.IGNORECASE,
)


def read_state(clause: Clause, claim: str) -> list[Draft] | None:
    claim = _STILL_BE.sub(lambda m: f"{m['aux']}{m['neg'] or ''} be", claim)
    found = STATE.fullmatch(claim)
    if not found:
        return None
    state = " ".join(found.group("state").lower().split())
    negative = negated(found)
    what = found.group("what")
    if state in _ITEM_STATES:
        action = _ITEM_STATES[state][negative]
        scope = _item_scope(clause, what)
        return [Draft(action, scope=s) for s in scope] if scope else None
    action = _STATES[state][negative]
    names = clause.literal_list(what)
    if names and len(names) > 1:
        return [Draft(action, target=name) for name in names]
    target = parse_target(clause, what)
    if target is None and action in _CHECK_ACTIONS and (scope := _item_scope(clause, what)):
        # "the 'Bake bread' task is not ticked": the item's own checkbox.
        return [Draft(action, scope=s) for s in scope]
    if target is None:
        return None
    if target.name == IT and action in _CHECK_ACTIONS:
        return [Draft(action, scope=Scope(kind="row", text=IT))]
    if (
        target.name is not None
        and not (target.quoted or target.noun or target.name == IT)
        and action in _CHECK_ACTIONS
        and unquoted_name(clause, what) is not None
    ):
        # "Pro should be selected": a choice named as it is labelled, capitalised.
        return [Draft(action, target=target.name)]
    if (
        target.name is not None
        and not (target.quoted or target.noun or target.name == IT)
        and action in _CHECK_ACTIONS
        and _LABEL.fullmatch(what.strip())
        and not _NOT_A_LABEL.match(what.strip())
    ):
        # "Email notifications is on": a switch or box named by its label as written.
        return [Draft(action, target=clause.written(what.strip()))]
    if target.name is not None and not (target.quoted or target.noun or target.name == IT):
        return None  # "the order is complete": a sentence, not a named control
    return [Draft(action, target=target.name, role=target.role, nth=target.nth, scope=target.scope)]


def _item_scope(clause: Clause, what: str) -> list[Scope] | None:
    bare = re.sub(r"^(?:the|a|an)\s+", "", what.strip(), flags=re.IGNORECASE)
    names = clause.literal_list(re.sub(r"\s+(?:item|task|todo|to-do|entry|row)$", "", bare))
    if names:
        return [Scope(kind="row", text=name) for name in names]
    subject = pronoun_subject(what.strip())
    return [Scope(kind="row", text=subject)] if subject else None


def read_where(clause: Clause, claim: str) -> list[Draft] | None:
    """ "I end up on the Dashboard" (the title, main heading or URL names it), or a URL."""
    claim = _CONTRACTION.sub(lambda m: _EXPANDED[m.group(0).lower().replace("\u2019", "'")], claim)
    found = WHERE.fullmatch(claim) or PAGE_OPENS.fullmatch(claim)
    if not found:
        return None
    negative = negated(found)
    where = (found.groupdict().get("where") or found.group("place") or "").strip()
    if found.groupdict().get("place") and _NOT_A_PLACE_NAME.search(where):
        return None
    literal = clause.literal(where)
    if looks_like_url_or_path(literal if literal is not None else where):
        value = plain_value(clause, where)
        return [Draft("assert_url", value=value, negate=negative)] if value else None
    if _NOT_A_PLACE.match(where):
        return None
    count: list[Draft] = []
    if (rows := _WITH_ROWS.fullmatch(where)) and not negative:
        # "you're on the products list with 12 rows": where, and how many rows it shows.
        how_many = parse_count(rows.group("count"))
        if how_many is None:
            return None
        where = rows.group("place")
        count = [Draft("assert_count", value=str(how_many), count_op="eq")]
    target = place_target(clause, where)
    if target is None or target.name is None or target.scope is not None:
        return None
    action: Action = "assert_not_visible" if negative else "assert_visible"
    return [Draft(action, target=target.name, ground="page"), *count]


_WITH_ROWS = re.compile(
    r"(?P<place>.+?)\s+(?:with|showing|that\s+(?:shows|has))\s+(?P<count>\w+)\s+"
    r"(?:rows|items|entries|records|results)",
    re.IGNORECASE,
)
