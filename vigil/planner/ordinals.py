"""The n-th item of the part of the page under a heading.

"under 'Latest from the journal' the first story is Three Days in Lisbon", "in the Popular
section the second item should be Croissant", "the third post under 'Recent posts' is X",
"Croissant should be the second item in the Popular section": the heading names a part of
the page (a landmark, a region or the content under that heading), and the claim is about
the n-th item of its list, table or cards, counted in the order the page shows them. The
step is an assert_cell with `nth` in that section scope, so a value in another position, a
list under another heading or a section the page does not have fails the step.

"in the Tickets list, the first ticket is X" names a page instead: it is gone to first
(unless already there) and its main list or table read. A heading without quotes needs a
noun after it ("the Popular section") or a comma after it
("under Latest from the journal, the first …"), so where its name ends is never guessed.
"""

from __future__ import annotations

import re

from vigil.models import Scope
from vigil.pipeline.vocabulary import ORDINALS, parse_ordinal
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.places import go_to_page
from vigil.planner.steps import Draft

_ORDINAL = rf"(?P<ord>{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th))"
# What the items are called: "story", "item", "blog post" (one or two lowercase words).
_NOUN = r"(?P<noun>(?-i:[a-z][a-z-]*)(?:\s+(?-i:[a-z][a-z-]*))?)"
_PART = r"(?:section|list|panel|area|block|box|widget|column|heading|region|card|group)"
# Where: a quoted heading (its noun optional), else an unquoted one ended by its noun.
_WHERE_QUOTED = (
    rf"(?:under|below|beneath|in|inside|within)\s+(?:the\s+)?(?P<qhead>{TOKEN})(?:\s+{_PART})?"
)
_WHERE_NAMED = (
    rf"(?:under|below|beneath|in|inside|within)\s+(?:the\s+)?"
    rf"(?P<head>(?-i:[A-Z0-9])[^,\ue000]*?)\s+(?P<part>{_PART}|page|listing|table)"
)
_WHERE_COMMA = r"(?:under|below|beneath)\s+(?:the\s+)?(?P<chead>(?-i:[A-Z0-9])[^,\ue000]*?)(?=,)"
_IS = (
    r"(?:is|should\s+be|must\s+be|has\s+to\s+be|ought\s+to\s+be|will\s+be|reads|says|"
    r"should\s+read|should\s+say|=)"
)
_VALUE = r"(?P<value>.+?)"


def _where(suffix: str) -> str:
    return rf"(?:{_WHERE_QUOTED}|{_WHERE_NAMED}|{_WHERE_COMMA}){suffix}"


_FORMS = (
    # "under 'H' the first story is X", "in the H section, the second item should be X"
    re.compile(rf"^{_where('')}\s*,?\s+the\s+{_ORDINAL}\s+{_NOUN}\s+{_IS}\s+{_VALUE}$", re.I),
    # "the first story under 'H' is X"
    re.compile(rf"^the\s+{_ORDINAL}\s+{_NOUN}\s+{_where('')}\s*,?\s+{_IS}\s+{_VALUE}$", re.I),
    # "X is the first story under 'H'", "X should be the second item in the H section"
    re.compile(
        rf"^{_VALUE}\s+(?:is|should\s+be|must\s+be|comes?|should\s+come)\s+(?:as\s+)?the\s+"
        rf"{_ORDINAL}\s+{_NOUN}\s+{_where('')}$",
        re.I,
    ),
)
# Nouns that say a position, not an item: "the first name is", "the second half".
# Part nouns that name a page of its own rather than a part of this one.
_PAGES = frozenset({"list", "listing", "page", "table"})
_NOT_ITEMS = frozenset({"name", "names", "half", "time", "step", "steps", "page", "pages"})


def read_ordinal(clause: Clause, ctx: Context) -> list[Draft] | None:
    """The n-th item under a named heading holds a value, as one assert_cell step."""
    text = " ".join(clause.masked.split()).rstrip(".")
    for form in _FORMS:
        found = form.fullmatch(text)
        if found is None:
            continue
        noun = found.group("noun").lower()
        if noun.split()[-1] in _NOT_ITEMS:
            return None
        nth = parse_ordinal(found.group("ord"))
        head = _heading(clause, found)
        value = _value(clause, found.group("value"))
        if nth is None or head is None or value is None:
            return None
        place = "last" if nth == -1 else found.group("ord").lower()
        if (found.group("part") or "").lower() in _PAGES:
            # "in the Tickets list, the first ticket is X": a page of its own, gone to first
            # (unless already there), then its main list's n-th row.
            note = f"Check the {place} {noun} on the '{head}' page is '{value}'"
            return [go_to_page(head), Draft("assert_cell", value=value, nth=nth, note=note)]
        note = f"Check the {place} {noun} under '{head}' is '{value}'"
        scope = Scope(kind="section", text=head)
        return [Draft("assert_cell", value=value, nth=nth, scope=scope, note=note)]
    return None


def _heading(clause: Clause, found: re.Match[str]) -> str | None:
    if quoted := found.group("qhead"):
        return clause.literal(quoted)
    words = (found.group("head") or found.group("chead") or "").strip()
    if not words or has_token(words) or re.search(r"\b(?:the|first|second|last)\b", words, re.I):
        return None
    return clause.written(words)


def _value(clause: Clause, words: str) -> str | None:
    words = words.strip()
    if (literal := clause.literal(words)) is not None:
        return literal.strip() or None
    if name := unquoted_name(clause, words):
        return name
    # "Printer jam": a title as written, capitalised at its start only ("is visible", "is
    # not X" are no values).
    if has_token(words) or not re.fullmatch(r"[A-Z0-9][^,;:()]{0,80}", words):
        return None
    return clause.written(words) if len(words.split()) <= 8 else None
