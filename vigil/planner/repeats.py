"""Everyday action phrasings that the one-element readers do not take as they stand.

- Repetition: "hit Add to cart twice", "click 'Next' 3 times" — one click each.
- Left empty: "leave the password blank", "keep Email empty" — the field is cleared.
- Into a basket: "add the Notebook to the cart", "put Sencha in the basket" — the item's own
  "Add to cart" control, found in the row or item that holds the item's name.
- A choice named by what it is for: "choose 'Pro' as the plan", "pick Germany as the
  country", "select Large for the size" — the option of that dropdown.
"""

from __future__ import annotations

import re

from vigil.models import Scope
from vigil.pipeline.vocabulary import parse_count
from vigil.planner.actions import read_click
from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.steps import Draft
from vigil.planner.targets import parse_target, plain_value

# More repetitions than this are not a person's click count but a mistake in the goal.
MAX_REPEATS = 20

REPEATED = re.compile(
    r"(?P<act>(?:click|tap|press|hit|push)\s+.+?)\s+"
    r"(?:(?P<twice>twice|thrice)|(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+times)(?:\s+in\s+a\s+row)?",
    re.IGNORECASE,
)
_TIMES = {"twice": 2, "thrice": 3}
LEAVE_BLANK = re.compile(
    r"(?:leave|keep)\s+(?P<target>.+?)\s+(?:blank|empty|unfilled)"
    r"|(?:clear|empty)\s+(?:out\s+)?(?P<target2>.+?)(?:\s+field)?",
    re.IGNORECASE,
)
INTO_BASKET = re.compile(
    r"(?:add|put|place|drop)\s+(?:a\s+|an\s+|the\s+|one\s+)?(?P<item>.+?)\s+(?:to|in|into)\s+"
    r"(?:the\s+|my\s+|your\s+)?(?P<basket>cart|basket|bag|trolley|wish\s*list|favou?rites)",
    re.IGNORECASE,
)
CHOOSE_AS = re.compile(
    r"(?:choose|pick|select)\s+(?P<value>.+?)\s+(?:as|for)\s+(?:the\s+|my\s+|your\s+)?"
    r"(?P<field>[\w' -]+?)(?:\s+(?:dropdown|option|field|menu))?",
    re.IGNORECASE,
)


def read_repeated(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = REPEATED.fullmatch(clause.masked)
    if found is None:
        return None
    times = _TIMES.get((found.group("twice") or "").lower()) or parse_count(found.group("n") or "")
    if times is None or not 1 <= times <= MAX_REPEATS:
        return None
    once = read_click(clause.with_text(found.group("act")), ctx)
    if not once or len(once) != 1 or once[0].action != "click":
        return None
    return [once[0]] * times


def read_leave_blank(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = LEAVE_BLANK.fullmatch(clause.masked)
    if found is None:
        return None
    target = parse_target(clause, found.group("target") or found.group("target2"))
    if target is None or target.name is None:
        return None
    secret = "password" in target.name.lower()
    return [
        Draft("fill", target=target.name, value="", role=target.role, scope=target.scope,
              secret=secret, note=f"Leave '{target.name}' empty")
    ]  # fmt: skip


def read_into_basket(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = INTO_BASKET.fullmatch(clause.masked)
    if found is None:
        return None
    words = found.group("item")
    item = clause.literal(words) or unquoted_name(clause, words)
    if item is None:
        return None
    basket = " ".join(found.group("basket").lower().split())
    return [
        Draft("click", target=f"Add to {basket}", scope=Scope(kind="row", text=item),
              note=f"Click 'Add to {basket}' for '{item}'")
    ]  # fmt: skip


# "select the Pro option", "choose the Yearly choice": a choice clicked by its label.
SELECT_OPTION = re.compile(
    r"(?:select|choose|pick)\s+(?:the\s+)?(?P<name>.+?)\s+(?:option|choice)",
    re.IGNORECASE,
)


def read_select_option(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = SELECT_OPTION.fullmatch(clause.masked)
    if found is None:
        return None
    name = clause.literal(found.group("name")) or unquoted_name(clause, found.group("name"))
    return [Draft("click", target=name)] if name else None


def read_choose_as(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = CHOOSE_AS.fullmatch(clause.masked)
    if found is None:
        return None
    value = plain_value(clause, found.group("value"))
    field = found.group("field").strip()
    if value is None or not field or len(field.split()) > 3:
        return None
    return [Draft("select", target=field, value=value)]
