"""What a step acts on, read from words: elements, keys, durations and URLs.

An element is named the way a person would ("the second 'Add to cart' button", "the Login
link", "the Email field"). The planner keeps the name and turns the rest into hints the
executor can use: a role (button, link, …) and a position (`nth`, 0-based, -1 for "last").
Field words ("field", "box", "dropdown") are dropped without a role, because a field may be a
textbox, searchbox, spinbutton or combobox and the executor already picks roles by action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from vigil.planner.clauses import TOKEN, Clause, has_token

ORDINALS: dict[str, int] = {
    "first": 0,
    "second": 1,
    "third": 2,
    "fourth": 3,
    "fifth": 4,
    "sixth": 5,
    "seventh": 6,
    "eighth": 7,
    "ninth": 8,
    "tenth": 9,
    "last": -1,
}

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
    "image": "img",
    "option": "option",
    "switch": "switch",
    "toggle": "switch",
    "field": None,
    "input": None,
    "textbox": None,
    "textarea": None,
    "box": None,
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
_NOUN_ALONE = re.compile(rf"^(?:{_NOUN})$", re.IGNORECASE)

# An unquoted name longer than this is more likely a sentence we misread than a label.
MAX_UNQUOTED_NAME_WORDS = 6


@dataclass(frozen=True)
class Target:
    """An element as the goal describes it. `noun` says a word like "button" was present."""

    name: str
    role: str | None = None
    nth: int | None = None
    noun: bool = False
    quoted: bool = False


def parse_target(clause: Clause, fragment: str) -> Target | None:
    """Read an element description; None when the words do not describe one element.

    A mix of quoted and unquoted words ("the 'Add' to cart thing") is refused rather than
    guessed at, and so is a bare noun with no name ("click the button").
    """
    text = _strip_articles(fragment.strip())
    nth: int | None = None
    ordinal = _LEADING_ORDINAL.match(text)
    if ordinal:
        word, number = ordinal.group("word"), ordinal.group("number")
        nth = ORDINALS[word.lower()] if word else int(number) - 1
        text = text[ordinal.end() :]
    if _NOUN_ALONE.match(text):
        return None
    noun: str | None = None
    name = text
    if found := _NOUN_THEN_NAME.match(text):
        noun, name = found.group("noun"), found.group("named") or found.group("literal")
    elif found := _NAME_THEN_NOUN.match(text):
        noun, name = found.group("noun"), found.group("name")
    resolved = element_name(clause, name)
    if resolved is None:
        return None
    role = ELEMENT_NOUNS[" ".join(noun.lower().split())] if noun else None
    return Target(
        resolved, role, nth, noun=noun is not None, quoted=clause.literal(name) is not None
    )


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
    return " ".join(words)


def plain_value(clause: Clause, fragment: str) -> str | None:
    """A value to type or compare: a literal exactly, otherwise the words as written."""
    literal = clause.literal(fragment)
    if literal is not None:
        return literal
    value = clause.written(fragment)
    return value or None


def _strip_articles(text: str) -> str:
    while found := _ARTICLE_OR_PREPOSITION.match(text):
        text = text[found.end() :]
    return text


# --- keys -----------------------------------------------------------------------------------

# Spoken key names → Playwright key names (which follow KeyboardEvent.key / .code).
KEY_NAMES: dict[str, str] = {
    "enter": "Enter",
    "return": "Enter",
    "escape": "Escape",
    "esc": "Escape",
    "tab": "Tab",
    "space": "Space",
    "spacebar": "Space",
    "space bar": "Space",
    "backspace": "Backspace",
    "delete": "Delete",
    "del": "Delete",
    "insert": "Insert",
    "home": "Home",
    "end": "End",
    "page up": "PageUp",
    "pageup": "PageUp",
    "page down": "PageDown",
    "pagedown": "PageDown",
    "up": "ArrowUp",
    "down": "ArrowDown",
    "left": "ArrowLeft",
    "right": "ArrowRight",
    "up arrow": "ArrowUp",
    "down arrow": "ArrowDown",
    "left arrow": "ArrowLeft",
    "right arrow": "ArrowRight",
    "arrow up": "ArrowUp",
    "arrow down": "ArrowDown",
    "arrow left": "ArrowLeft",
    "arrow right": "ArrowRight",
}
MODIFIER_NAMES: dict[str, str] = {
    "ctrl": "Control",
    "control": "Control",
    "cmd": "Meta",
    "command": "Meta",
    "meta": "Meta",
    "alt": "Alt",
    "option": "Alt",
    "shift": "Shift",
}
_FUNCTION_KEY = re.compile(r"^f(?:[1-9]|1[0-2])$", re.IGNORECASE)
_KEY_WORD = re.compile(r"\s+key$", re.IGNORECASE)


def parse_key(text: str) -> str | None:
    """A key or chord in Playwright's spelling ("ctrl+a" → "Control+a"), or None."""
    text = _KEY_WORD.sub("", _strip_articles(text.strip()))
    parts = [" ".join(p.split()) for p in text.split("+")]
    *modifiers, key = parts
    resolved = [MODIFIER_NAMES.get(m.lower()) for m in modifiers]
    if None in resolved or not key:
        return None
    if key.lower() in KEY_NAMES:
        main = KEY_NAMES[key.lower()]
    elif _FUNCTION_KEY.match(key):
        main = key.upper()
    elif len(key) == 1 and modifiers:
        main = key
    else:
        return None
    return "+".join([*(m for m in resolved if m), main])


# --- durations ------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "half a": 0.5,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "ten": 10.0,
}
_UNIT_MS = {
    "ms": 1,
    "millisecond": 1,
    "msec": 1,
    "s": 1000,
    "sec": 1000,
    "second": 1000,
    "m": 60_000,
    "min": 60_000,
    "minute": 60_000,
}
_DURATION = re.compile(
    r"^(?:about\s+|around\s+)?(?P<amount>\d+(?:\.\d+)?|half\s+a|an?|one|two|three|four|five|ten)"
    r"\s*(?P<unit>ms|milliseconds?|msecs?|s|secs?|seconds?|m|mins?|minutes?)$",
    re.IGNORECASE,
)


def parse_duration_ms(text: str) -> int | None:
    """Milliseconds for "2 seconds", "500ms", "1.5 s", "half a second"; None otherwise."""
    found = _DURATION.match(text.strip())
    if not found:
        return None
    amount_text = " ".join(found.group("amount").lower().split())
    amount = _NUMBER_WORDS.get(amount_text) or float(amount_text)
    unit = found.group("unit").lower()
    unit = unit[:-1] if unit.endswith("s") and unit not in ("ms", "s") else unit
    return round(amount * _UNIT_MS[unit])


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
