"""An action told as a verb and its object, where the app's control is named the same way:
"place the order" (the "Place order" button), "cancel the booking", "publish the post".

The control is clicked by that name (the verb, then the noun, without the article); a page
without such a control fails the step, naming it. Only verbs that are the usual wording of
such a button are read, and only with "the"/"my"/"this" and one noun, so a record named after
the verb ("archive 'Q3 report'") is left to the readers that act in its row.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.steps import Draft

NAMED_ACTION = re.compile(
    r"^(?P<verb>place|cancel|confirm|approve|reject|publish|unpublish|archive|refund|renew)\s+"
    r"(?:the|my|this|your|our)\s+(?P<noun>(?-i:[a-z])[a-z-]*)$",
    re.IGNORECASE,
)
# Nouns that name a place or a part of the page, never what a button does to.
_NOT_AN_OBJECT = frozenset(
    {"page", "site", "app", "form", "dialog", "modal", "popup", "list", "table", "field",
     "box", "search", "filter", "filters", "screen", "browser", "window", "input", "text"}
)  # fmt: skip


def read_named_action(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = NAMED_ACTION.fullmatch(clause.masked)
    if found is None:
        return None
    noun = found.group("noun").lower()
    if noun in _NOT_AN_OBJECT:
        return None
    verb = " ".join(found.group("verb").split()).capitalize()
    name = f"{verb} {noun}"
    return [Draft("click", target=name, note=f"Click '{name}' (the control named so)")]
