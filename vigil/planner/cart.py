"""Quantities put into a cart, and things taken out of it.

"add 2 croissants to the cart", "put 1 Dark chocolate and 3 Sparkling water in the basket",
"add three coffees to my bag", "add a Greek yogurt to the cart": each item's own "Add to
cart" (the control in its row or list item) is clicked once per unit, so the count the goal
gives is what the cart should hold. "remove Sencha from the basket", "take the Sencha out of
the cart": the item's own Remove control.

Shop items are often written in sentence case or lower case ("rye bread"); with a count
before them such words can only be the item, so they are taken as its name. A plural after a
count is made singular ("2 croissants" is the row "Croissant"; rows are matched ignoring case,
as part of their text). A shop that adds through a product dropdown and a quantity field
instead is not read here: the step then fails naming the row it could not act in.
"""

from __future__ import annotations

import re

from vigil.models import Scope
from vigil.pipeline.vocabulary import parse_count
from vigil.planner.clauses import Clause
from vigil.planner.collections import read_delete
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.repeats import MAX_REPEATS
from vigil.planner.steps import Draft

_BASKET = r"(?:the\s+|my\s+|your\s+|our\s+)?(?P<basket>cart|basket|bag|trolley|shopping\s+cart)"
INTO_BASKET = re.compile(
    rf"(?:add|put|place|drop|throw)\s+(?P<items>.+?)\s+(?:to|in|into)\s+{_BASKET}",
    re.IGNORECASE,
)
OUT_OF_BASKET = re.compile(
    rf"(?P<verb>remove|delete|take|drop)\s+(?P<what>.+?)\s+(?:out\s+of|from)\s+{_BASKET}",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
_COUNTED = re.compile(r"^(?P<n>\d+|an?|[a-z]+)\s+(?:x\s+)?(?P<name>.+)$", re.IGNORECASE)
# Words that say how many or which, never what: "2 items", "3 of them", "a few more".
_NOT_AN_ITEM = re.compile(
    r"^(?:items?|products?|things?|units?|pieces?|more|of\s+them|of\s+those|of\s+these|it|them|"
    r"each|every|all|some|any|few|couple)\b",
    re.IGNORECASE,
)
_PLAIN_WORDS = re.compile(r"[A-Za-z][\w'-]*(?:\s+[A-Za-z0-9][\w'-]*){0,4}")


def read_cart_quantities(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = INTO_BASKET.fullmatch(clause.masked)
    if found is None:
        return None
    parts = _SEPARATOR.split(found.group("items").strip())
    basket = " ".join(found.group("basket").lower().split()).removeprefix("shopping ")
    control = f"Add to {basket}"
    drafts: list[Draft] = []
    counted = False
    for part in parts:
        read = _counted_item(clause, part)
        if read is None:
            return None
        times, item, had_count = read
        counted = counted or had_count
        note = f"Click '{control}' for '{item}'"
        drafts += [
            Draft("click", target=control, scope=Scope(kind="row", text=item), note=note)
        ] * times
    if not counted and len(parts) == 1:
        return None  # "add 'Sencha' to the basket" without a count: repeats.py reads it
    return drafts if len(drafts) <= MAX_REPEATS else None


def _counted_item(clause: Clause, words: str) -> tuple[int, str, bool] | None:
    """(how many, the item's name, whether a count was written) for "2 croissants", "a Greek
    yogurt", "'Oat milk'"; None when the words are not one counted item."""
    if (literal := clause.literal(words)) is not None:
        return (1, literal, False) if literal.strip() else None
    found = _COUNTED.fullmatch(words.strip())
    if found is None:
        return None
    number = found.group("n").lower()
    times = 1 if number in ("a", "an") else parse_count(number)
    if times is None or not 1 <= times <= MAX_REPEATS:
        return None
    name_words = found.group("name").strip()
    if (literal := clause.literal(name_words)) is not None:
        return (times, literal, True) if literal.strip() else None
    name = unquoted_name(clause, name_words)
    if name is None:
        if _NOT_AN_ITEM.match(name_words) or not _PLAIN_WORDS.fullmatch(name_words):
            return None
        name = clause.written(name_words)
    return times, _singular(name) if times > 1 else name, True


def _singular(name: str) -> str:
    """ "croissants" -> "croissant", "peaches" -> "peach": the last word only ("rye breads"
    -> "rye bread"). What is left is part of both spellings, so the row is found whether the
    shop names it "Peach" or "Peaches"; "cherries" stays (neither "cherry" nor "cherries" is
    part of the other)."""
    head, _, last = name.rpartition(" ")
    lower = last.lower()
    if lower.endswith("ies"):
        return name
    if lower.endswith(("ches", "shes", "sses", "xes", "oes")):
        last = last[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        last = last[:-1]
    return f"{head} {last}" if head else last


def read_out_of_cart(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = OUT_OF_BASKET.fullmatch(clause.masked)
    if found is None:
        return None
    verb = "delete" if found.group("verb").lower() == "delete" else "remove"
    # "the Sencha": the item is named after the article.
    what = re.sub(r"^(?:the|my|your|our)\s+(?=(?-i:[A-Z0-9]))", "", found.group("what").strip())
    return read_delete(clause.with_text(f"{verb} {what}"), ctx)
