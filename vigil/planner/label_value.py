"""A claim written as the page shows it: "Label: value".

"Delivery time: 3 to 5 days", "Opening hours: Mon to Fri", "Status: Shipped" as a line of the
goal says the page shows that label with that value. It is checked as a field's value (the
value beside the label: a definition list, a table row, a line "Label: value", or a form
control labelled so), with the label and the value matched as whole words, so a value that
appears elsewhere on the page never passes for it, nor does "Subtotal" for "Total". Read only
when nothing else reads the clause, when the label is a short name (never a word that labels
a part of the goal: "Note:", "Expected:") and the value looks like data (it starts with a
capital, a digit or a quoted text and is no step of its own).
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause
from vigil.planner.compounds import read_compound
from vigil.planner.context import Context
from vigil.planner.steps import Draft
from vigil.planner.targets import plain_value
from vigil.planner.topics import is_label_word

_LABEL_VALUE = re.compile(
    r"^(?P<label>[A-Z][\w'\u2019&/ -]{1,60}?)\s*:\s+"
    rf"(?P<value>(?:{TOKEN}|[A-Z0-9$€£]).{{0,80}})$"
)
_LABEL_WORDS = 8
_VALUE_WORDS = 8
# A value that says something about the page is a claim for the readers, not data.
_CLAIM_WORDS = re.compile(
    r"\b(?:should|must|shows?|displays?|is|are|be|not|never|visible|appears?|click|open|go)\b",
    re.IGNORECASE,
)

# A credential is typed, never looked for on the page.
_SECRET = re.compile(r"\b(?:password|passwd|pw|pin|passcode|secret|token|key)\b", re.IGNORECASE)


def read_label_value(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = _LABEL_VALUE.fullmatch(clause.masked)
    if found is None:
        return None
    label, value = found.group("label").strip(), found.group("value").strip()
    if len(label.split()) > _LABEL_WORDS or len(value.split()) > _VALUE_WORDS:
        return None
    if (
        is_label_word(label)
        or _SECRET.search(label)
        or _CLAIM_WORDS.search(label)
        or _CLAIM_WORDS.search(value)
    ):
        return None
    steps, unread = read_compound(clause.with_text(value), ctx, None)
    if steps and not unread:
        return None
    wanted = plain_value(clause, value)
    if wanted is None:
        return None
    return [Draft("assert_value", target=label, value=wanted, source=clause.written())]
