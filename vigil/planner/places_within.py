"""A place inside a place: "in the Settings page's Security section, …", "the Open tab on the
Orders page lists …", "Orders → Open tab".

The page is gone to first (unless the browser is already on it), then a tab named in the goal
is clicked (a tab's panel shows only once it is chosen), and what the rest asks is looked for
inside that tab's panel or that section only, never elsewhere on the page. A bare "Open tab"
names the tab "Open": it is never the verb "open" with nothing named.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause, tidy
from vigil.planner.context import Context
from vigil.planner.places import go_to_page, page_name
from vigil.planner.steps import Draft

_POSSESSIVE = r"(?:'s|\u2019s)"
_PART_NOUN = r"(?P<noun>section|panel|tab|area|part|card|pane|box)"
_PART = rf"(?P<part>{TOKEN}|[^,\ue000]+?)"
_PAGE = r"(?:the\s+|my\s+)?(?P<page>[^,\ue000]+?)\s+(?:page|screen)"
# "in the Settings page's Security section, …", "on the Orders page's Open tab: …"
PAGE_PART_LEAD = re.compile(
    rf"^(?:in|on|under|within|inside)\s+{_PAGE}{_POSSESSIVE}\s+{_PART}\s+{_PART_NOUN}"
    r"\s*(?:,|:)\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# "the Open tab on the Orders page lists …", "the Security section of the Settings page has …"
PART_ON_PAGE = re.compile(
    rf"^(?:the\s+)?{_PART}\s+{_PART_NOUN}\s+(?:on|of|in)\s+{_PAGE}\s+(?P<rest>(?!,).+)$",
    re.IGNORECASE,
)
# "On Tasks, add …", "on Billing: …": a page named bare, as menus name it (capitalised).
ON_NAMED_PAGE = re.compile(
    r"^on\s+(?:the\s+)?(?P<page>(?-i:[A-Z])[\w'&-]*(?:\s+(?-i:[A-Z])[\w'&-]*){0,2})"
    r"\s*[,:]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|christmas|weekends?|launch|arrival|startup|"
    r"load|submit|success|failure|error|mobile|desktop",
    re.IGNORECASE,
)
# "Open tab", "the 'Closed' tab": a tab by its name, as a step of its own.
NAMED_TAB = re.compile(
    rf"^(?:the\s+)?(?P<name>{TOKEN}|(?-i:[A-Z0-9])[\w'&-]*(?:\s+(?-i:[A-Z0-9])[\w'&-]*){{0,2}})"
    r"\s+tab$",
    re.IGNORECASE,
)


def read_named_tab(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = NAMED_TAB.fullmatch(clause.masked)
    if found is None:
        return None
    name = _name(clause, found.group("name"))
    return [_choose_tab(name)] if name else None


def read_place_within(clause: Clause, ctx: Context) -> list[Draft] | None:
    # Imported here: compounds.py lists this reader among its own.
    from vigil.planner.compounds import read_compound

    if (bare := ON_NAMED_PAGE.fullmatch(clause.masked)) is not None:
        return _on_named_page(clause, ctx, bare)
    found = PAGE_PART_LEAD.fullmatch(clause.masked)
    subject_first = False
    if found is None:
        found = PART_ON_PAGE.fullmatch(clause.masked)
        subject_first = True
    if found is None:
        return None
    page = page_name(found.group("page"))
    part = _name(clause, found.group("part"))
    if page is None or part is None:
        return None
    noun = found.group("noun").lower()
    words, rest = found.group("part"), tidy(found.group("rest"))
    # The rest is read as said of that part: "the Open tab lists X", "in the Open tab, X …".
    said = f"the {words} {noun} {rest}" if subject_first else f"in the {words} {noun}, {rest}"
    pieces, unread = read_compound(clause.with_text(said), ctx, None)
    inner = [d for piece in pieces for d in piece.drafts]
    if unread or not inner:
        return None
    if subject_first and any(d.scope is None for d in inner if d.action.startswith("assert")):
        return None  # a claim not held to the part would be checked on the whole page
    steps = [go_to_page(page)]
    if noun == "tab":
        steps.append(_choose_tab(part))
    source = clause.written()
    return [*(d.but(source=source) for d in steps), *inner]


def _on_named_page(clause: Clause, ctx: Context, found: re.Match[str]) -> list[Draft] | None:
    from vigil.planner.compounds import read_compound

    page = page_name(found.group("page"))
    if page is None or _WHEN.fullmatch(page):
        return None  # "On Monday, …" says when, not where
    pieces, unread = read_compound(clause.with_text(tidy(found.group("rest"))), ctx, None)
    inner = [d for piece in pieces for d in piece.drafts]
    if unread or not inner:
        return None
    return [go_to_page(page).but(source=clause.written()), *inner]


def _choose_tab(name: str) -> Draft:
    return Draft("click", target=name, role="tab", note=f"Choose the tab '{name}'")


def _name(clause: Clause, words: str) -> str | None:
    literal = clause.literal(words)
    if literal is not None:
        return literal.strip() or None
    words = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.IGNORECASE)
    if not re.fullmatch(r"[\w'&-]+(?:\s+[\w'&-]+){0,3}", words):
        return None
    return words
