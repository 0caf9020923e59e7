"""Words both halves of the pipeline must read the same way: keys, durations, ordinals, numbers.

The planner writes a PlanStep and the executor reads it; if each kept its own table of key
names or ordinals, "press return" could plan as `Enter` and run as `Return`. This module is
the one place for them. It has no dependencies, so both vigil/planner and vigil/browser can
import it without crossing a boundary.
"""

from __future__ import annotations

import re

# --- keys -------------------------------------------------------------------------------------

# Spoken key names -> Playwright's names (KeyboardEvent.key / .code spellings).
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
    "back space": "Backspace",
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
    "arrowup": "ArrowUp",
    "arrowdown": "ArrowDown",
    "arrowleft": "ArrowLeft",
    "arrowright": "ArrowRight",
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
_KEY_DECORATION = re.compile(r"^(?:the\s+)|\s+(?:key|button)$", re.IGNORECASE)


def parse_key(text: str) -> str | None:
    """A key or chord in Playwright's spelling ("ctrl+a" -> "Control+A"), or None.

    A single letter under a modifier is upper-cased: Playwright reads "Control+a" and
    "Control+A" alike, and one spelling keeps plans comparable.
    """
    text = _KEY_DECORATION.sub("", text.strip())
    text = _KEY_DECORATION.sub("", text)
    parts = [" ".join(p.split()) for p in re.split(r"\s*\+\s*|\s*-\s*(?=\S)", text)]
    if len(parts) > 1 and not all(parts):
        return None
    *modifiers, key = parts
    resolved = [MODIFIER_NAMES.get(m.lower()) for m in modifiers]
    if any(m is None for m in resolved) or not key:
        return None
    main: str
    if key.lower() in KEY_NAMES:
        main = KEY_NAMES[key.lower()]
    elif _FUNCTION_KEY.match(key) or (len(key) == 1 and modifiers):
        main = key.upper()
    elif key in KEY_NAMES.values():
        main = key
    else:
        return None
    return "+".join([*(m for m in resolved if m), main])


# --- numbers ----------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "a single": 1,
    "single": 1,
    "two": 2,
    "a couple of": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}


def parse_count(text: str) -> int | None:
    """A whole number written in digits or words ("3", "three"), or None."""
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


# --- ordinals ---------------------------------------------------------------------------------

# 0-based positions as PlanStep.nth reads them; -1 is the last.
ORDINALS: dict[str, int] = {
    "first": 0,
    "top": 0,
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
    "bottom": -1,
    "final": -1,
}
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth")  # fmt: skip
_NUMERIC_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)


def parse_ordinal(word: str) -> int | None:
    """The 0-based position a word names ("second" -> 1, "3rd" -> 2, "last" -> -1), or None."""
    word = word.strip().lower()
    if word in ORDINALS:
        return ORDINALS[word]
    found = _NUMERIC_ORDINAL.match(word)
    return int(found.group(1)) - 1 if found and int(found.group(1)) > 0 else None


def ordinal_word(nth: int) -> str:
    """How a 0-based position is said: 0 -> "first", -1 -> "last", 11 -> "12th"."""
    if nth == -1:
        return "last"
    if 0 <= nth < len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[nth]
    return ordinal_suffix(nth + 1)


def ordinal_suffix(number: int) -> str:
    """A 1-based position with its English suffix: 1 -> "1st", 12 -> "12th", 23 -> "23rd"."""
    tens = number % 100
    suffix = "th" if 10 <= tens <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


# --- durations --------------------------------------------------------------------------------

_DURATION_WORDS: dict[str, float] = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "half a": 0.5,
    "a half": 0.5,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "ten": 10.0,
    "a few": 3.0,
    "a couple of": 2.0,
}
_UNIT_MS: dict[str, int] = {
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
_AMOUNT = "|".join(sorted((re.escape(w) for w in _DURATION_WORDS), key=len, reverse=True))
_DURATION = re.compile(
    rf"^(?:about\s+|around\s+|roughly\s+)?(?P<amount>\d+(?:\.\d+)?|{_AMOUNT})"
    r"\s*(?P<unit>ms|milliseconds?|msecs?|s|secs?|seconds?|m|mins?|minutes?)$",
    re.IGNORECASE,
)


def parse_duration_ms(text: str) -> int | None:
    """Milliseconds for "2 seconds", "500ms", "1.5 s", "half a second"; None otherwise."""
    found = _DURATION.match(text.strip())
    if not found:
        return None
    amount_text = " ".join(found.group("amount").lower().split())
    amount = _DURATION_WORDS.get(amount_text)
    if amount is None:
        amount = float(amount_text)
    unit = found.group("unit").lower()
    unit = unit[:-1] if unit.endswith("s") and unit not in ("ms", "s") else unit
    return round(amount * _UNIT_MS[unit])
