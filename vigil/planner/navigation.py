"""Moving around: open a URL, go to a place by its name, go back, reload.

"go to /pricing" and "open https://…" navigate; "go to Orders" or "open the Invoices page"
click the link, tab or button whose name fits best, which the executor chooses on the live
page; "the homepage" is the check's own URL.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from vigil.pipeline.vocabulary import parse_ordinal
from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.steps import Draft
from vigil.planner.targets import place_target, resolve_url


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


NAVIGATE = _pattern(
    r"(?:(?:go|navigate|browse|head|jump|get|move|return|come)\s+(?:back\s+|over\s+|straight\s+)?"
    r"to|(?:go|get|head|step|drill\s+down|dive)\s+into|goto|open(?:\s+up)?|visit|load|switch\s+to|proceed\s+to|take\s+me\s+to|"
    r"bring\s+up|pull\s+up|show\s+me)"
    r"\s+(?P<where>.+)"
)
HOME = _pattern(
    r"(?:the\s+)?(?:home\s*page|start\s+page|landing\s+page|front\s+page|main\s+page|"
    r"site|website|web\s+site|app|application|url|page|it)"
)
GO_BACK = _pattern(
    r"(?:go|navigate|head|step)\s+back(?:\s+(?:one\s+page|a\s+page|to\s+the\s+previous\s+page))?"
    r"|(?:press|click|hit|use)\s+(?:the\s+)?(?:browser(?:'s)?\s+)?back(?:\s+button)?"
    r"|return\s+to\s+the\s+previous\s+page|back"
)
RELOAD = _pattern(r"(?:reload|refresh|re-?load)(?:\s+(?:the|this)\s+(?:page|browser|tab))?")
_ABSOLUTE_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
PLACE_NOTE = "Go to '{name}' (the link, tab or button named so)"


def read_navigate(clause: Clause, ctx: Context) -> list[Draft] | None:
    if GO_BACK.fullmatch(clause.masked):
        return [Draft("go_back")]
    if RELOAD.fullmatch(clause.masked):
        return [Draft("reload")]
    found = NAVIGATE.fullmatch(clause.masked)
    if not found:
        # A goal line that is only a URL ("https://shop.example/cart") means: open it.
        bare = clause.literal(clause.masked)
        if bare is not None and _ABSOLUTE_URL.match(bare):
            return [Draft("navigate", value=bare)]
        return None
    where = found.group("where")
    destination = resolve_url(clause, where, ctx.base_url)
    if destination is not None:
        return [Draft("navigate", value=destination.url)]
    if HOME.fullmatch(where.strip()):
        return [Draft("navigate", value=ctx.base_url)]
    if (listed := FROM_A_LIST.fullmatch(where)) and (steps := _open_from(clause, listed)):
        return steps
    if numbered := PAGE_NUMBER.fullmatch(where):
        # "go to page 2": the pagination link that says "2".
        ordinal = numbered.group("ordinal")
        number = numbered.group("number") or str((parse_ordinal(ordinal or "") or 0) + 1)
        note = f"Go to page {number} (the pagination link '{number}')"
        return [Draft("click", target=number, role="link", exact=True, note=note)]
    if _NTH_THING.fullmatch(where):
        # "open the first product": the first of them on the page, as "click" reads it.
        from vigil.planner.actions import read_click

        return read_click(clause.with_text(f"click {where}"), ctx)
    target = place_target(clause, where)
    if target is None or target.name is None:
        return None
    if not target.quoted and ": " in target.name:
        return None  # "open Agents: Keiko is …" runs on into a claim; a name has no colon
    if not target.quoted and target.scope is None and _names_the_check_url(target.name, ctx):
        # "open the ticket list" when the check's URL is /admin/ticket/list: that URL.
        note = f"Go to {ctx.base_url} (the check's URL is the '{target.name}' page)"
        return [Draft("navigate", value=ctx.base_url, note=note)]
    note = PLACE_NOTE.format(name=target.name)
    if target.scope is not None:
        note = f"Open '{target.name}' (in {target.scope.kind} '{target.scope.text}')"
    return [
        Draft(
            "click",
            target=target.name,
            scope=target.scope,
            note=note,
            kind=target.kind,
            names_record=True,
        )
    ]


# "open Beloved from the Books list": go to the list, then open the record there. Read as
# two steps because the list is usually somewhere else than where the goal stands.
FROM_A_LIST = _pattern(
    r"(?P<what>.+?)\s+from\s+(?:the\s+|my\s+)?(?P<place>[^\s].*?)\s+(?:list|table|listing|page)"
)


_NTH_THING = _pattern(
    r"(?:the\s+)?(?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th))\s+"
    r"(?!(?:results\s+)?page\b)[a-z][\w-]*"
)
PAGE_NUMBER = _pattern(
    r"(?:the\s+)?(?:results\s+)?page\s+(?:number\s+)?(?P<number>\d+)"
    r"|(?:the\s+)?(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th))\s+(?:results\s+)?page(?:\s+of\s+(?:the\s+)?(?:results|list))?"
)


def _open_from(clause: Clause, found: re.Match[str]) -> list[Draft] | None:
    place = place_target(clause, found.group("place"))
    record = place_target(clause, found.group("what"))
    if place is None or record is None or not place.name or not record.name:
        return None
    if place.scope is not None or record.scope is not None:
        return None
    return [
        Draft("click", target=place.name, note=PLACE_NOTE.format(name=place.name)),
        Draft("click", target=record.name, note=PLACE_NOTE.format(name=record.name)),
    ]


def _names_the_check_url(name: str, ctx: Context) -> bool:
    """Every word of the place's name is a part of the check URL's path ("ticket" in
    /admin/ticket/list), beyond its first part (an app prefix such as /admin)."""
    parts = [p.casefold() for p in re.split(r"[/_.-]+", urlsplit(ctx.base_url).path) if p]
    words = [w.casefold() for w in re.split(r"\W+", name) if w]
    if len(parts) < 2 or not words:
        return False

    def stem(word: str) -> str:
        return word[:-1] if word.endswith("s") else word

    inner = {stem(p) for p in parts[1:]}
    return all(stem(w) in inner for w in words)


def opens_a_url(clause: Clause, ctx: Context) -> bool:
    """A goal that starts with "go to /pricing" or "open https://…" needs no extra opening
    navigation: loading the check's URL first would only load a page twice."""
    found = NAVIGATE.fullmatch(clause.masked)
    if not found:
        bare = clause.literal(clause.masked)
        return bare is not None and _ABSOLUTE_URL.match(bare) is not None
    if resolve_url(clause, found.group("where"), ctx.base_url) is not None:
        return True
    if HOME.fullmatch(found.group("where").strip()):
        return False
    target = place_target(clause, found.group("where"))
    return (
        target is not None
        and target.name is not None
        and not target.quoted
        and target.scope is None
        and _names_the_check_url(target.name, ctx)
    )
