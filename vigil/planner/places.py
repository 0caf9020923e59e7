"""Going to a page the goal names only as where something happens.

"On the Products page, check …", "search products for 'pad'", "look at the Suppliers list",
"it's gone from the book list": the page is where the rest is done or checked, so the plan
goes there first, unless the browser is already on it (PlanStep.ground "page" on a click:
the executor clicks the link named so only when the title, main heading or URL does not
already name the page). Generic words ("the site", "the results") name no page and are
never read as one.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.steps import Draft

# Words after "search"/"on the … page" that name no page of the app.
_NOT_A_PAGE = re.compile(
    r"^(?:the|a|an|my|our|your|his|her|their|its|site|website|web\s*site|web|app|application|"
    r"page|pages|list|table|results?|"
    r"everything|all|it|this|that|there|here|catalog(?:ue)?\s+page|current|same|whole|"
    r"entire|database|internet|inbox|screen|view|box|form|field|bar)$",
    re.IGNORECASE,
)
_PLACE_NAME = re.compile(r"[A-Za-z][\w' -]{0,40}")


def go_to_page(name: str) -> Draft:
    """A step to the page `name` names, skipped on the live page when already there."""
    # A control: never what a later "it" points back to ("… make sure it's gone from X").
    return Draft("click", target=name, ground="page", control=True)


def page_name(words: str) -> str | None:
    """ "the Products", "products", "my Orders": the page's name, or None when the words
    name no page (a generic word, a quoted text, more than three words)."""
    words = re.sub(r"^(?:the|my|our|your|all)\s+", "", words.strip(), flags=re.IGNORECASE)
    words = re.sub(r"\s+(?:page|list|table|listing|screen|view|tab)$", "", words, flags=re.I)
    if not _PLACE_NAME.fullmatch(words) or len(words.split()) > 3:
        return None
    if _NOT_A_PAGE.fullmatch(words):
        return None
    return words


# Plural words that follow "in" without naming a page ("in seconds", "in parts").
_NOT_A_PLACE_PLURAL = re.compile(
    r"^(?:terms|words|seconds|minutes|hours|days|weeks|months|years|pairs|parts|steps|"
    r"others|bulk|pieces|pixels|dollars|euros|cents|units|stages|columns|rows|brackets|"
    r"quotes|capitals|numbers|letters)$",
    re.IGNORECASE,
)


def lowercase_place(words: str) -> str | None:
    """ "In products, sort by stock": one lowercase plural names a page (a table's name as
    the app writes it); any other lowercase word ("In short, …") names none."""
    words = words.strip()
    if not re.fullmatch(r"[a-z][a-z_-]*s", words) or _NOT_A_PLACE_PLURAL.fullmatch(words):
        return None
    return page_name(words)


# "look at the Products list", "view the Suppliers page": where the next claims are checked.
LOOK_AT = re.compile(
    r"^(?:look\s+at|have\s+a\s+look\s+at|view|check\s+out|browse|glance\s+at)\s+(?:the\s+|my\s+)?"
    r"(?P<place>[\w' -]+?)\s+(?:list|table|listing|page)$",
    re.IGNORECASE,
)


def read_look_at(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = LOOK_AT.fullmatch(clause.masked)
    name = page_name(found.group("place")) if found else None
    return [go_to_page(name)] if name else None
