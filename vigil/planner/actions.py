"""Phrases that make the browser do something to one element: wait, press, type, pick, click.

Each reader takes one masked clause (quoted text and URLs are tokens, see clauses.py) and
returns the steps it means, or None when the clause is not its kind of phrase; the planner
tries the readers in order. Patterns must match the whole clause, so a reader never claims a
clause it only half understands.
"""

from __future__ import annotations

import re

from vigil.models import WAIT_FOR_LOAD, Action, Scope
from vigil.pipeline.vocabulary import parse_duration_ms, parse_key
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.context import Context
from vigil.planner.no_errors import WITHOUT_ERRORS, no_error_shown
from vigil.planner.steps import Draft
from vigil.planner.targets import Target, parse_target, plain_value


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


# --- wait -------------------------------------------------------------------------------------

WAIT_FOR_PAGE_LOAD = _pattern(
    r"wait\s+(?:for|until|till)\s+(?:the\s+)?page\s*"
    r"(?:load|loads|is\s+loaded|has\s+loaded|to\s+load|to\s+finish\s+loading|finishes\s+loading)"
)
WAIT_DURATION = _pattern(r"(?:wait|pause|sleep)\s+(?:for\s+)?(?P<duration>.+)")
# "wait until 'Loaded' appears", "wait for the 'Buy' button to be visible".
WAIT_FOR_ELEMENT = _pattern(
    r"wait\s+(?:for|until|till)\s+(?:(?:the\s+)?(?:page|screen)\s+(?:shows|says|contains|displays)"
    r"\s+)?(?:the\s+text\s+)?(?P<what>.+?)"
    r"(?:\s+(?:to\s+)?(?:appears?|shows?\s+up|is\s+(?:visible|shown|displayed)"
    r"|to\s+be\s+(?:visible|shown|displayed)))?"
)


# "the homepage loads", "make sure the site is up": the navigate step already fails on an
# HTTP error, so what is left to check is that the current page finishes loading.
PAGE_LOADS = _pattern(
    r"(?:(?:check|verify|ensure|confirm|make\s+sure|see)\s+(?:that\s+|if\s+|whether\s+)?)?"
    r"(?:the\s+|our\s+|my\s+)?(?:home\s*page|landing\s+page|front\s+page|start\s+page|page|site|"
    r"web\s*site|app|application|web\s+app|service|server|url|it)\s+"
    r"(?:(?:should|must|will|can)\s+)?(?:be\s+)?"
    r"(?:loads?|opens?|works?|is\s+up|up|is\s+loaded|loaded|has\s+loaded|is\s+reachable|reachable|"
    r"is\s+online|online|is\s+available|available|is\s+accessible|accessible|responds|respond|"
    r"is\s+running|running|is\s+alive|alive|is\s+up\s+and\s+running|up\s+and\s+running|comes\s+up|"
    r"come\s+up|returns?\s+(?:a\s+)?(?:200|ok|success))"
    r"(?:\s+(?:successfully|correctly|fine|ok|properly|normally))?"
)


# "the 'Loading' text", "the 'Saving…' message": the quoted words themselves.
_SHOWN_WORDS = re.compile(
    r"^(?:the|a|an)\s+|\s+(?:text|message|label|notice|notification|banner|toast)$", re.I
)
# "wait until the 'Loading' text disappears": a claim that holds once it is gone.
WAIT_FOR_GONE = _pattern(
    r"wait\s+(?:for|until|till)\s+(?P<what>.+?)\s+(?:to\s+)?(?:disappears?|goes\s+away|go\s+away|"
    r"vanishes|vanish|is\s+gone|is\s+hidden|be\s+hidden|has\s+gone|closes|close)"
)


def read_wait(clause: Clause, ctx: Context) -> list[Draft] | None:
    if found := WAIT_FOR_GONE.fullmatch(clause.masked):
        text = clause.literal(_SHOWN_WORDS.sub("", found.group("what")))
        if text:
            return [Draft("assert_no_text", value=text)]
        target = parse_target(clause, found.group("what"))
        if target is not None and (target.quoted or target.noun) and target.name:
            return [_on(Draft("assert_not_visible"), target)]
        return None
    if WAIT_FOR_PAGE_LOAD.fullmatch(clause.masked) or PAGE_LOADS.fullmatch(clause.masked):
        return [Draft("wait", value=WAIT_FOR_LOAD)]
    if (tail := WITHOUT_ERRORS.search(clause.masked)) and PAGE_LOADS.fullmatch(
        clause.masked[: tail.start()]
    ):
        # "the homepage loads without errors": loaded, and no error message on it.
        return [Draft("wait", value=WAIT_FOR_LOAD), no_error_shown()]
    if found := WAIT_DURATION.fullmatch(clause.masked):
        ms = parse_duration_ms(found.group("duration"))
        if ms is not None:
            return [Draft("wait", value=str(ms))]
    if found := WAIT_FOR_ELEMENT.fullmatch(clause.masked):
        target = parse_target(clause, found.group("what"))
        if target is not None and (target.quoted or target.noun):
            return [_on(Draft("wait"), target)]
    return None


# --- press a key ------------------------------------------------------------------------------

# "press Escape to close the dialog": the purpose says why, the key is what is pressed.
PRESS_KEY = _pattern(
    r"(?:press|hit|tap|push|strike)\s+(?P<key>.+?)(?:\s+(?:in|on|inside)\s+(?P<target>.+?))?"
    r"(?:\s+to\s+(?:close|dismiss|submit|confirm|cancel|continue|search|open|save|clear)\b.*)?"
)


def read_press(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = PRESS_KEY.fullmatch(clause.masked)
    if not found:
        return None
    key_words = found.group("key")
    key = parse_key(clause.literal(key_words) or key_words)
    if key is None:
        return None
    if found.group("target") is None:
        return [Draft("press", value=key)]
    target = parse_target(clause, found.group("target"))
    return [_on(Draft("press", value=key), target)] if target else None


# --- type into a field ------------------------------------------------------------------------

# "type 'demo' into the Password field", "enter demo in the username field".
FILL_INTO = _pattern(
    r"(?:type|enter|input|put|write|insert|paste)\s+(?P<value>.+?)\s+"
    r"(?:in|into|in\s+to|inside|to)\s+(?P<target>.+)"
)
# "fill Email with a@b.c", "fill in the email field with 'x'", "set Email to x".
FILL_WITH = _pattern(
    r"(?:fill|complete)(?:\s+(?:in|out))?\s+(?P<target>.+?)\s+(?:with|as)\s+(?P<value>.+)"
)
SET_TO = _pattern(r"set\s+(?P<target>.+?)\s+to\s+(?P<value>.+)")
# "enter demo as the username", "use 'x' for the Email field".
ENTER_AS = _pattern(r"(?:enter|type|use|input)\s+(?P<value>.+?)\s+(?:as|for)\s+(?P<target>.+)")


# "fill in the form: Name 'Ana', Email 'a@b.io'", "fill the form with Name 'Ana' and …",
# "submit the contact form with name 'Test' and email test@example.com" (then submitted),
# "… and send it".
FORM = _pattern(
    r"(?P<verb>fill(?:\s+(?:in|out))?|complete|submit|send)\s+(?:the\s+|this\s+|a\s+)?"
    r"(?:(?P<name>[\w-]+)\s+)?(?:form|fields)\s*(?::|with|using)?\s*(?P<pairs>.+?)"
    r"(?P<submit>,?\s+(?:and\s+)?(?:then\s+)?(?:submit|send|save)\s+(?:it|the\s+form))?"
)
# A field and its value: quoted, or unquoted when it cannot be words of the field's name (an
# address, a number): "email test@example.com", "age 33".
_PAIR = re.compile(
    rf"(?P<field>[^,\ue000]+?)\s*[:=]?\s*(?P<value>{TOKEN}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d[\d.,]*)",
    re.IGNORECASE,
)
_PAIR_SEPARATOR = re.compile(r"\s*(?:,\s*and|,|;|\band\b)\s*", re.IGNORECASE)
# A sign-in form is often headed "Sign in" when called "the login form": one form, unscoped.
_NOT_A_FORM_NAME = frozenset(
    {"the", "this", "a", "an", "new", "whole", "entire", "same", "web", "login", "log-in",
     "signin", "sign-in"}
)  # fmt: skip
SUBMIT_NOTE = "Submit the form (press Enter in the field last typed into)"


def read_form(clause: Clause, ctx: Context) -> list[Draft] | None:
    """Several fields of one form, each named and given a value; submitted when the goal
    says so (Enter in the last field, as a plain "submit" is read)."""
    found = FORM.fullmatch(clause.masked)
    if not found:
        return None
    drafts: list[Draft] = []
    for pair in _PAIR_SEPARATOR.split(found.group("pairs").strip()):
        matched = _PAIR.fullmatch(pair.strip())
        target = parse_target(clause, matched.group("field")) if matched else None
        if matched is None or target is None or target.name is None:
            return None
        words = matched.group("value")
        value = clause.literal(words) if has_token(words) else words
        secret = "password" in target.name.lower()
        drafts.append(_on(Draft("fill", value=value or "", secret=secret), target))
    name = (found.group("name") or "").lower()
    if name and name not in _NOT_A_FORM_NAME:
        # "the contact form": its fields, not another form's of the same name on the page.
        where = Scope(kind="section", text=name)
        drafts = [d if d.scope else d.but(scope=where) for d in drafts]
    if drafts and (found.group("submit") or found.group("verb").lower() in ("submit", "send")):
        drafts.append(Draft("press", value="Enter", note=SUBMIT_NOTE))
    return drafts or None


def read_fill(clause: Clause, ctx: Context) -> list[Draft] | None:
    for pattern in (FILL_INTO, FILL_WITH, SET_TO, ENTER_AS):
        found = pattern.fullmatch(clause.masked)
        if not found:
            continue
        target = parse_target(clause, found.group("target"))
        words = found.group("value")
        if has_token(words) and clause.literal(words) is None:
            continue  # "Name 'Ana' and Email 'a@b.io'" is several values, not one
        value = plain_value(clause, words)
        if target is None or value is None:
            continue
        secret = "password" in (target.name or "").lower()
        return [_on(Draft("fill", value=value, secret=secret), target)]
    return None


# --- choose from a list -----------------------------------------------------------------------

# "select 'Germany' from Country", "choose Germany in the Country dropdown".
SELECT_FROM = _pattern(
    r"(?:select|choose|pick)\s+(?:the\s+)?(?P<value>.+?)(?:\s+option)?\s+"
    r"(?:from|in|on|under|for)\s+(?P<target>.+)"
)


def read_select(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = SELECT_FROM.fullmatch(clause.masked)
    if not found:
        return None
    target = parse_target(clause, found.group("target"))
    value = plain_value(clause, found.group("value"))
    if (
        target is None
        or value is None
        or _NOT_AN_OPTION.fullmatch(value)
        or _BY_POSITION.match(value)
    ):
        return None  # "select the checkbox for 'bob'" ticks a box, read by read_check
    return [_on(Draft("select", value=value), target)]


# "choose the second option": a position, which `select` (an option by its text) cannot say.
_BY_POSITION = re.compile(
    r"(?:the\s+)?(?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th))\b", re.IGNORECASE
)
_NOT_AN_OPTION = re.compile(r"(?:the\s+)?(?:check\s*box|box|radio(?:\s+button)?|row|switch)", re.I)


# --- checkboxes -------------------------------------------------------------------------------

CHECK = _pattern(
    r"(?P<verb>check|tick|mark|uncheck|untick|unmark|unselect|deselect|select|enable|disable|"
    r"turn\s+on|turn\s+off|switch\s+on|switch\s+off|turn|switch)\s+"
    r"(?:off\s+)?(?P<target>.+?)(?P<after>\s+(?:on|off))?"
)
# What follows "check" when it asks a question rather than names a box.
_A_CLAUSE = re.compile(
    r"(?:there|that|if|whether|it's|(?:i|we|you)\s+(?:can|am|are|see|get|have|should|will)|"
    r"the\s+page|nothing|no)\b",
    re.IGNORECASE,
)
_UNCHECK_VERBS = ("un", "de", "disable", "turn off", "switch off")
# Verbs that tick a box only when the words name one ("select the checkbox for 'bob'").
_BOX_ONLY_VERBS = ("check", "mark", "select")
_BOX_ROLES = ("checkbox", "radio", "switch")


def read_check(clause: Clause, ctx: Context) -> list[Draft] | None:
    """Only a quoted name or a box-like noun makes "check" a checkbox: "check the homepage
    loads" and "check that …" are claims to verify, not boxes to tick."""
    found = CHECK.fullmatch(clause.masked)
    if not found:
        return None
    verb = " ".join(found.group("verb").lower().split())
    if _A_CLAUSE.match(found.group("target")):
        return None  # "check there's a Terms link" asks something; it ticks nothing
    after = (found.group("after") or "").strip().lower()
    if after and not verb.startswith(("turn", "switch")):
        return None
    if verb in ("turn", "switch") and not after:
        return None  # "switch to the Archived tab" is navigation
    off = verb.startswith(_UNCHECK_VERBS) or after == "off"
    action: Action = "uncheck" if off else "check"
    names = clause.literal_list(found.group("target"))
    if names and len(names) > 1:
        return [Draft(action, target=name) for name in names]
    target = parse_target(clause, found.group("target"))
    if target is None:
        return None
    if verb in ("check", "mark") and not (target.quoted or target.noun):
        return None
    if verb == "select" and target.role not in _BOX_ROLES:
        return None
    return [_on(Draft(action), target)]


# --- hover and click --------------------------------------------------------------------------

HOVER = _pattern(r"(?:hover|mouse\s*over|move\s+(?:the\s+)?mouse\s+(?:over|to))\s+(?P<target>.+)")
# "press the Submit button" lands here too: read_press only takes key names.
# "choose 'Pro'" / "pick the Yearly option" with no list named: a radio button or a choice
# card, which a click selects ("select X from Y" is read_select's).
CLICK = _pattern(
    r"(?:click|tap|press|hit|push|follow|choose|pick|toggle|expand|collapse)\s+(?:on\s+)?"
    r"(?P<target>.+)"
)
# "close the dialog": its Close control.
CLOSE_DIALOG = _pattern(
    r"(?:close|dismiss|cancel)\s+(?:the\s+|this\s+)?(?:(?P<name>.+?)\s+)?"
    r"(?:dialog|modal|popup|pop-up|overlay)(?:\s+(?:box|window))?"
)


def read_hover(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = HOVER.fullmatch(clause.masked)
    target = parse_target(clause, found.group("target")) if found else None
    return [_on(Draft("hover"), target)] if target else None


def read_click(clause: Clause, ctx: Context) -> list[Draft] | None:
    if closing := CLOSE_DIALOG.fullmatch(clause.masked):
        name = clause.literal(closing.group("name") or "") or (closing.group("name") or "")
        scope = Scope(kind="dialog", text=name if name and not has_token(name) else "")
        return [Draft("click", target="Close", scope=scope)]
    found = CLICK.fullmatch(clause.masked)
    if not found:
        return None
    # "click 'Accept', 'Next' and 'Finish'": one click each, in order.
    names = clause.literal_list(found.group("target"))
    if names and len(names) > 1:
        return [Draft("click", target=name) for name in names]
    target = parse_target(clause, found.group("target"))
    return [_on(Draft("click"), target)] if target else None


def _on(draft: Draft, target: Target) -> Draft:
    """`draft` aimed at `target`; "the search box" is grounded by purpose, not by name."""
    generic = target.noun and not target.quoted
    if draft.action in ("fill", "press") and generic and SEARCH_BOX.fullmatch(target.name or ""):
        return draft.but(ground="search", scope=target.scope)
    return draft.but(target=target.name, role=target.role, nth=target.nth, scope=target.scope)


SEARCH_BOX = re.compile(r"(?:the\s+)?(?:search|search\s*bar|search\s+field|searchbox)", re.I)
