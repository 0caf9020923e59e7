"""What a step acts on, read from words: elements, places named in navigation, and URLs.

An element is named the way a person would ("the second 'Add to cart' button", "the Login
link", "the Email field", "'Edit' in the row for 'INV-204'"). The planner keeps the name and
turns the rest into hints the executor can use: a role (button, link, …), a position (`nth`,
0-based, -1 for "last") and a scope (scopes.py). Keys, durations and ordinals are read by
vigil/pipeline/vocabulary.py, shared with the executor.
Field words ("field", "box", "dropdown") are dropped without a role, because a field may be a
textbox, searchbox, spinbutton or combobox and the executor already picks roles by action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from vigil.models import Scope
from vigil.pipeline.vocabulary import ORDINALS, parse_ordinal
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.names import unquoted_name
from vigil.planner.pronouns import pronoun_subject
from vigil.planner.scopes import split_scope

# Element nouns and the ARIA role each implies; None = a form-field word, dropped without a role.
ELEMENT_NOUNS: dict[str, str | None] = {
    "radio button": "radio",
    "check box": "checkbox",
    "menu item": "menuitem",
    "text field": None,
    "text box": None,
    "input field": None,
    "select box": None,
    "drop-down": None,
    "dropdown": None,
    "button": "button",
    "link": "link",
    "checkbox": "checkbox",
    "radio": "radio",
    "tab": "tab",
    "heading": "heading",
    "column header": "columnheader",
    "header": "columnheader",
    "image": "img",
    "option": "option",
    "switch": "switch",
    "toggle": "switch",
    "field": None,
    "input": None,
    "textbox": None,
    "textarea": None,
    "box": None,
    "list": None,
    "select": None,
    "menu": None,
}

# Longest nouns first so "radio button" wins over "button".
_NOUN = "|".join(re.escape(n).replace("\\ ", " ").replace(" ", r"\s+") for n in ELEMENT_NOUNS)
_ORDINAL = "|".join(ORDINALS)
_ARTICLE_OR_PREPOSITION = re.compile(r"^(?:the|a|an|on|onto|over)\s+", re.IGNORECASE)
_LEADING_ORDINAL = re.compile(rf"^(?:(?P<word>{_ORDINAL})|(?P<number>\d+)(?:st|nd|rd|th))\s+", re.I)
# "button labeled 'Buy'", "the link 'Docs'": the noun first, then (maybe) a naming phrase.
_NAMING = (
    r"labell?ed|named|called|titled|saying|reading|that\s+says|which\s+says|"
    r"with\s+(?:the\s+)?(?:text|label|name|title|caption)(?:\s+of)?"
)
_NOUN_THEN_NAME = re.compile(
    rf"^(?P<noun>{_NOUN})\s+(?:(?:{_NAMING})\s+(?P<named>.+)|(?P<literal>{TOKEN}))$", re.I
)
# "the 'Add to cart' button", "the Login link": the name, then the noun.
_NAME_THEN_NOUN = re.compile(rf"^(?P<name>.+?)\s+(?P<noun>{_NOUN})$", re.IGNORECASE)
# "the first link in the list": the list is where everything is, it narrows nothing.
_IN_THE_COLLECTION = re.compile(
    r"\s+(?:in|on|of)\s+the\s+(?:list|table|results|page|grid|screen)$", re.IGNORECASE
)
# "First name", "Last name": field names that start with an ordinal word.
_FIELD_NAMED_BY_ORDINAL = re.compile(r"^(?:first|last)\s+name\b", re.IGNORECASE)
_NOUN_ALONE = re.compile(rf"^(?:{_NOUN})$", re.IGNORECASE)

# An unquoted name longer than this is more likely a sentence we misread than a label.
MAX_UNQUOTED_NAME_WORDS = 6


@dataclass(frozen=True)
class Target:
    """An element as the goal describes it. `noun` says a word like "button" was present;
    `name` is None only for a bare noun inside a scope ("the checkbox next to 'Spelt'")."""

    name: str | None
    role: str | None = None
    nth: int | None = None
    noun: bool = False
    quoted: bool = False
    scope: Scope | None = None
    # The record's kind when the words name one ("the book Cosmos" → "book").
    kind: str | None = None


def parse_target(clause: Clause, fragment: str) -> Target | None:
    """Read an element description; None when the words do not describe one element.

    A mix of quoted and unquoted words ("the 'Add' to cart thing") is refused rather than
    guessed at, and so is a bare noun with no name and no scope ("click the button").
    """
    scope: Scope | None = None
    if split := split_scope(clause, fragment):
        fragment, scope = split
    text = _strip_articles(fragment.strip())
    if (owned := _OWNER_PRONOUN.sub("", text)) != text and not _NOUN_ALONE.match(owned):
        text = owned  # "its status" is the field "status"; "its checkbox" is the item's
    nth: int | None = None
    ordinal = _LEADING_ORDINAL.match(text)
    if ordinal and not _FIELD_NAMED_BY_ORDINAL.match(text):
        word, number = ordinal.group("word"), ordinal.group("number")
        nth = parse_ordinal(word or f"{number}th")
        text = text[ordinal.end() :]
    text = _IN_THE_COLLECTION.sub("", text)
    if _NOUN_ALONE.match(text):
        if scope is not None or (nth is not None and _role(text) is not None):
            # "the checkbox next to 'Spelt'", "the first link": an element by its kind.
            return Target(None, _role(text), nth, noun=True, scope=scope)
        if _role(text) is None and nth is None:
            # "type hello into the input": the one field there is, by the word for it.
            return Target(" ".join(text.split()), None, None, noun=True)
        return None
    noun: str | None = None
    name = text
    if found := _NOUN_THEN_NAME.match(text):
        noun, name = found.group("noun"), found.group("named") or found.group("literal")
    elif found := _NAME_THEN_NOUN.match(text):
        noun, name = found.group("noun"), found.group("name")
    resolved = pronoun_subject(name) or element_name(clause, name)
    if resolved is None:
        return None
    return Target(
        resolved,
        _role(noun) if noun else None,
        nth,
        noun=noun is not None,
        quoted=clause.literal(name) is not None,
        scope=scope,
    )


def _role(noun: str) -> str | None:
    return ELEMENT_NOUNS[" ".join(noun.lower().split())]


def element_name(clause: Clause, fragment: str) -> str | None:
    """A literal as written, or plain words; None for empty, mixed or over-long names."""
    literal = clause.literal(fragment)
    if literal is not None:
        return literal if literal.strip() else None
    if has_token(fragment):
        return None
    words = _strip_articles(fragment.strip()).split()
    if not words or len(words) > MAX_UNQUOTED_NAME_WORDS:
        return None
    name = " ".join(words)
    if "," in name or _SWALLOWED_STEP.search(name) or _UNREAD_PLACE.search(name):
        return None
    if _RUNS_ON.search(name):
        return None
    return name


# "Invoices and frobnicate the widget": "and" then a word that acts on a thing ("the",
# "a", "it" after it) starts another step, read or not; "Terms and conditions" is a name.
_RUNS_ON = re.compile(
    r"\s(?:and|but|then)\s+[a-z][\w-]*\s+(?:the|a|an|it|its|them|this|that|my|our|your)\b"
)
# "option in the Size": a place the readers did not take as a scope is not part of a name.
_UNREAD_PLACE = re.compile(r"\b(?:in|on|into|inside|from)\s+the\b", re.IGNORECASE)
# A name that runs on into another step ("Textbox and click Submit", "Escape to close the
# dialog") was cut in the wrong place: refusing it lets the clause split where it should.
_SWALLOWED_STEP = re.compile(
    r"\b(?:and|then|to|or)\s+(?:click|press|hit|tap|type|enter|select|choose|pick|verify|check|"
    r"confirm|ensure|go|open|submit|close|save|log|sign|wait|make|see|fill|delete|remove|add)\b",
    re.IGNORECASE,
)


def plain_value(clause: Clause, fragment: str) -> str | None:
    """A value to type or compare: a literal exactly, otherwise the words as written."""
    literal = clause.literal(fragment)
    if literal is not None:
        return literal
    if _SWALLOWED_STEP.search(fragment):
        return None  # "Bread, and verify …": the value ran on into the next step
    value = clause.written(fragment)
    return value or None


# "The Colossus", "A Wizard of Earthsea": a capitalised article before a capitalised word
# begins a title, and is kept.
_TITLE_ARTICLE = re.compile(r"^(?-i:The|A|An)\s+(?-i:[A-Z0-9])")
_OWNER_PRONOUN = re.compile(r"^(?:its|his|her|their)\s+", re.IGNORECASE)


def _is_title(text: str) -> bool:
    """ "The Colossus" is a title; "The Save button" is an element named Save."""
    return _TITLE_ARTICLE.match(text) is not None and _NAME_THEN_NOUN.match(text) is None


def _strip_articles(text: str) -> str:
    while (found := _ARTICLE_OR_PREPOSITION.match(text)) and not _is_title(text):
        text = text[found.end() :]
    return text


# --- URLs -----------------------------------------------------------------------------------

_URL_PREFIX = re.compile(r"^(?:the\s+)?(?:url|address|page(?:\s+at)?|site|website)\s+", re.I)
_ABSOLUTE = re.compile(r"^https?://\S+$", re.IGNORECASE)
_RELATIVE = re.compile(r"^(?:/|\./|\.\./|\?|#)\S*$")
_BARE_HOST = re.compile(
    r"^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?$", re.I
)


@dataclass(frozen=True)
class Destination:
    url: str
    absolute: bool


def resolve_url(clause: Clause, fragment: str, base: str) -> Destination | None:
    """Where "go to …" leads: absolute URLs as given, paths joined onto the check's URL."""
    text = clause.literal(fragment)
    if text is None:
        text = _URL_PREFIX.sub("", fragment.strip())
        text = clause.literal(text) or text
    text = text.strip()
    if has_token(text):
        return None
    if _ABSOLUTE.match(text):
        return Destination(text, absolute=True)
    if _RELATIVE.match(text):
        return Destination(urljoin(base, text), absolute=False)
    if _BARE_HOST.match(text):
        scheme = "http" if text.lower().startswith("localhost") else "https"
        return Destination(f"{scheme}://{text}", absolute=True)
    return None


def looks_like_url_or_path(text: str) -> bool:
    return bool(_ABSOLUTE.match(text) or _RELATIVE.match(text))


# --- places named in navigation -------------------------------------------------------------

# Words that say what kind of place a name is, not which: "the Invoices page", "the Archived
# tab", "the product list". Dropped, so "Invoices" is matched against link and tab names.
_PLACE_NOISE = re.compile(
    r"\s+(?:page|pages|list|listing|tab|view|table|record|records|screen|section|area|"
    r"overview|panel|menu|link|button|entry|details|detail\s+page|home|database|folder)$",
    re.IGNORECASE,
)
_ROW_WORD = re.compile(r"(?:row|line|entry|item|record)?", re.IGNORECASE)
_OWNER_WORDS = re.compile(r"^(?:my|our|your|his|her|their|the)\s+", re.IGNORECASE)
# "Priya's profile": the owner names the link; a generic noun after it adds nothing.
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)(?:'s|\u2019s|')\s+(?P<thing>.+)$")
_GENERIC_THINGS = re.compile(
    r"^(?:profile|page|details|detail|record|row|entry|card|account|item|info|information)$",
    re.IGNORECASE,
)


# "the book Cosmos", "ticket 'Laptop fan'", "customer Ana Souza": a record's kind, then its
# name; the kind is dropped, the name is what the link says.
_NOUN_THEN_RECORD = re.compile(r"^(?P<noun>(?-i:[a-z])[\w-]*)\s+(?P<name>\S.*)$", re.IGNORECASE)
NOT_A_RECORD_KIND = re.compile(
    r"^(?:page|tab|link|button|step|section|menu|and|or|then|to|of|for|in|on|with|at|by|new|"
    r"next|previous|last|first|top|bottom|all|every|each|some|any|this|that|these|those)$",
    re.IGNORECASE,
)


_ROW_OF_NAME = re.compile(
    r"(?:row|record|entry)\s+(?:for|of)\s+(?P<name>.+)|(?P<owner>its|their|his|her)\s+(?:row|record)"
    r"|(?P<named>[^\ue000]+?)(?:'s|\u2019s)\s+row",
    re.IGNORECASE,
)


def _record_name(clause: Clause, found: re.Match[str]) -> str | None:
    if NOT_A_RECORD_KIND.match(found.group("noun")):
        return None
    literal = clause.literal(found.group("name"))
    if literal is not None:
        return literal if literal.strip() else None
    return unquoted_name(clause, found.group("name"))


def place_target(clause: Clause, fragment: str) -> Target | None:
    """What "go to …" names when it is not a URL: "Orders", "the Invoices page", "Priya's
    profile from the Team list", "the row for 'INV-204'"."""
    scope: Scope | None = None
    if split := split_scope(clause, fragment):
        fragment, scope = split
    text = _strip_articles(fragment.strip())
    if scope is not None and scope.kind == "row" and _ROW_WORD.fullmatch(text):
        return Target(scope.text, scope=scope)  # "open the row for 'INV-204'"
    literal = clause.literal(text)
    if literal is None:
        literal = clause.literal(_PLACE_NOISE.sub("", text))
    if literal is not None:
        return Target(literal, quoted=True, scope=scope) if literal.strip() else None
    if (row := _ROW_OF_NAME.fullmatch(text)) and scope is None:
        # "open the row for Carrot Cake", "open its row": the record that row shows.
        owner = row.group("owner") or row.group("name") or row.group("named")
        subject = pronoun_subject(owner)
        record = subject or unquoted_name(clause, owner) or clause.literal(owner)
        if record:
            return Target(record, scope=Scope(kind="row", text=record))
    if (named := _NOUN_THEN_RECORD.match(text)) and (record := _record_name(clause, named)):
        kind = named.group("noun").lower()
        return Target(record, quoted=has_token(text), scope=scope, kind=kind)
    if has_token(text):
        found = _POSSESSIVE.match(text)
        owner = clause.literal(found.group("owner")) if found else None
        if found and owner and _GENERIC_THINGS.match(found.group("thing")):
            return Target(owner, quoted=True, scope=scope)
        return None
    if found := _POSSESSIVE.match(text):
        owner, thing = found.group("owner"), _PLACE_NOISE.sub("", found.group("thing"))
        if _GENERIC_THINGS.match(thing):
            text = owner
        elif pronoun_subject(owner) is None and scope is None:
            scope, text = Scope(kind="row", text=owner), thing
        else:
            text = thing
    if not _is_title(text):
        text = _OWNER_WORDS.sub("", text)
    while (stripped := _PLACE_NOISE.sub("", text)) != text and stripped:
        text = stripped
    if _LEADING_ORDINAL.match(f"{text} "):
        return None  # "the second page" is a position, not a name
    name = element_name(clause, text)
    return Target(name, scope=scope) if name else None
