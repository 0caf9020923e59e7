"""How a name the goal quotes meets the same name as a page spells it.

Pages decorate and typeset what a person reads as one name: a curly apostrophe (U+2019)
in "Yes, I'm sure", a sort arrow after a column header ("Name ▼"), a count after a filter
value ("Pastry 3"). A person sees through those; matching must too, without turning into a
loose "contains" that would land on "Pastry cream" for "Pastry".
"""

from __future__ import annotations

import re

# Typographic variants of the straight quotes a person types.
QUOTES = {
    "'": "'\u2018\u2019\u02bc\u2032",
    '"': '"\u201c\u201d\u2033',
    "-": "-\u2010\u2011\u2012\u2013\u2014\u2212",
}
_FOLD = str.maketrans({v: k for k, vs in QUOTES.items() for v in vs})


def fold(text: str) -> str:
    """`text` with curly quotes, primes and dashes made straight, spaces collapsed."""
    return " ".join(text.translate(_FOLD).split())


def _spelled(name: str) -> str:
    """A regex source matching `name` with any quote or dash variant and any spacing."""
    out: list[str] = []
    for word in fold(name).split(" "):
        piece = ""
        for ch in word:
            piece += f"[{re.escape(QUOTES[ch])}]" if ch in QUOTES else re.escape(ch)
        out.append(piece)
    return r"\s+".join(out)


def loose(name: str) -> re.Pattern[str]:
    """The whole of `name`, ignoring case and quote style."""
    return re.compile(r"^\s*" + _spelled(name) + r"\s*$", re.I)


# What may surround a name without changing which element it is: symbols (arrows, bullets,
# icons drawn as text) and, after it, a count ("Pastry 3", "Open (12)").
_DECOR_BEFORE = r"^[\s\W_]*?"
_DECOR_AFTER = r"(?:\s*[^\w\s]+|\s+\(?\d[\d,.]*\)?)*\s*$"


def decorated(name: str) -> re.Pattern[str]:
    """`name` with decorations around it: "Name ▼", "▲ Name", "Pastry 3", "Open (12)"."""
    return re.compile(_DECOR_BEFORE + _spelled(name) + _DECOR_AFTER, re.I)


def within(text: str) -> re.Pattern[str]:
    """`text` anywhere in a longer text, ignoring case and quote style."""
    return re.compile(_spelled(text), re.I)


# A number written with more decimals than the goal gave is the same amount ("8.5" is the
# "8.50" a price column shows); a number with other digits around it is another ("18.50").
_ENDS_IN_DECIMAL = re.compile(r"\d\.\d+$")
_ENDS_IN_INTEGER = re.compile(r"(?<![\d.,])\d+$")


def words_within(text: str) -> re.Pattern[str]:
    """`text` inside a longer text as whole words and whole numbers, ignoring case and quote
    style: "Unpaid" does not show "Paid", "13 results" does not show "3 results", "$18.50"
    does not show "$8.50", while "$8.50" shows "8.5" and "Total: 4.00" shows "Total: 4". A
    claim about what a page says is read the way a person reads it; a run of characters
    inside another word would pass a claim the page contradicts."""
    folded = fold(text)
    source = _spelled(text)
    if _ENDS_IN_DECIMAL.search(folded):
        source += "0*"
    elif _ENDS_IN_INTEGER.search(folded):
        source += r"(?:\.0+)?"
    if re.match(r"\w", folded):
        # Not glued to a word before it, nor the decimals of a longer number ("1.5" for "5").
        source = r"(?<!\w)(?<!\d[.,])" + source
    if re.search(r"\w$", folded):
        source += r"(?![\w]|[.,]\d)"
    return re.compile(source, re.I)


def holds_whole(actual: str, wanted: str) -> bool:
    """`wanted` in `actual` as whole words and whole numbers (see words_within): a field's
    value is read the way a person reads it, not as a run of characters."""
    if not wanted.strip():
        return not actual.strip()
    return words_within(wanted).search(fold(actual)) is not None
