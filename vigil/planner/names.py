"""Things named without quotes: "Carrot Cake", "The Colossus", "Ursula K. Le Guin", "INV-204".

People rarely quote the names of the records they check ("make sure Almond Tart shows up").
Such words are taken as a name only when they read like one: each word capitalised (small
joining words such as "of" or "de" allowed between), or an identifier holding a digit, and
not a pronoun or a description ("It", "Nothing", "the page"). A list of such names ("A, B
and C") is read as several. Anything else is left to the other readers, so a sentence such
as "the page has loaded" is never a text to look for.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause, has_token

# A capitalised word, an initial ("K."), an identifier with a digit, or a possessive.
_NAME_WORD = r"(?:(?-i:[A-Z\u00c0-\u00de])[\w'\u2019.&-]*|[\w-]*\d[\w.#/-]*)"
# Small words inside names in several languages: "Pain au Chocolat", "Casa de los Reyes".
_JOINING = (
    r"(?:of|the|a|an|de|da|das|do|dos|del|della|der|des|di|du|au|aux|el|al|la|le|les|los|"
    r"las|van|von|zu|y|e|et|und|for|in|on|to|at|&)"
)
NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_JOINING}\s+)*{_NAME_WORD}){{0,5}}")
# First words that describe or point rather than name.
_NOT_A_NAME = re.compile(
    r"^(?:it|its|this|that|these|those|there|they|them|he|she|his|her|we|i|you|nothing|"
    r"everything|something|all|each|every|no|none|some|any|both|only|page|the\s+page|"
    r"the\s+(?:list|table|results?|row|rows|site|app|form|menu|dialog))\b",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+")


def unquoted_name(clause: Clause, words: str) -> str | None:
    """The name these words spell, as written, or None when they do not read like one."""
    words = " ".join(words.split()).rstrip(".")
    if not words or has_token(words) or _NOT_A_NAME.match(words):
        return None
    if not NAME.fullmatch(words):
        return None
    return clause.written(words)


def unquoted_names(clause: Clause, words: str) -> list[str] | None:
    """ "Carrot Cake, Almond Tart and Lemon Drizzle": each name, or None if any is not one."""
    parts = _SEPARATOR.split(" ".join(words.split()))
    names = [unquoted_name(clause, part) for part in parts]
    if not names or any(name is None for name in names):
        return None
    return [name for name in names if name is not None]
