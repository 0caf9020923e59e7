"""A new list item with attributes: "add a new task 'Wipe the counters' assigned to Jo",
"add 'Call the bank' with priority High", "create a card 'Fix login' with label Bug and due
Friday".

Read as: each named field is set first (by its label; a dropdown by its option's text), then
the item is typed into the list's new-item input and added (see collections.add_item), so the
attributes go in with the item. "assigned to Jo" fills the field whose label holds "Assign"
("Assign to", "Assigned to", "Assignee"); "owned by Jo" the one holding "Owner". A form opened
by an "Add …" control ("add a book called 'Sula' by …") is creating.py's; an item named
without quotes is not read here (its end is a guess).
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.collections import add_item
from vigil.planner.context import Context
from vigil.planner.steps import Draft
from vigil.planner.targets import NOT_A_RECORD_KIND, plain_value

ADD_WITH = re.compile(
    r"^(?:add|create|make|enter|put\s+in)\s+(?:(?:a|an|one)\s+)?(?:new\s+)?"
    rf"(?:(?P<kind>[a-z][\w-]*)\s+)?(?P<name>{TOKEN})\s*,?\s+"
    r"(?P<rest>(?:assigned\s+to|owned\s+by|with|due)\s.+)$",
    re.IGNORECASE,
)
_SPEC_SEPARATOR = re.compile(
    r"\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:with\s+|assigned\s|owned\s|due\s|[a-z]+\s))"
    r"|\s+(?=(?:with|assigned\s+to|owned\s+by)\s)",
    re.I,
)
# "assigned to Jo", "owned by 'Sam'", "due Friday": a field told by its verb.
_TOLD = (
    (re.compile(r"^assigned\s+to\s+(?P<value>.+)$", re.I), "Assign"),
    (re.compile(r"^owned\s+by\s+(?P<value>.+)$", re.I), "Owner"),
    (re.compile(r"^due(?:\s+(?:on|by))?\s+(?P<value>.+)$", re.I), "Due"),
)
# "with priority High", "priority: High", "with the label 'Bug'".
_FIELD_VALUE = re.compile(
    r"^(?:with\s+)?(?:(?:the|a|an)\s+)?(?!with\s)"
    r"(?P<field>(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*))??)\s*(?::|=|of|set\s+to)?\s+"
    rf"(?P<value>{TOKEN}|[^\s\ue000][^\ue000]*)$",
    re.IGNORECASE,
)


def read_add_with(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = ADD_WITH.fullmatch(clause.masked)
    if found is None:
        return None
    kind = found.group("kind")
    if kind and NOT_A_RECORD_KIND.match(kind):
        return None
    name = clause.literal(found.group("name"))
    if not name or not name.strip():
        return None
    fields: list[Draft] = []
    for spec in (s.strip() for s in _SPEC_SEPARATOR.split(found.group("rest").strip())):
        pair = _field(clause, spec)
        if pair is None:
            return None
        field, value = pair
        fields.append(Draft("fill", target=field, value=value, note=f"Set '{field}' to '{value}'"))
    return [*fields, *add_item(name)] if fields else None


def _field(clause: Clause, spec: str) -> tuple[str, str] | None:
    for pattern, field in _TOLD:
        if (told := pattern.fullmatch(spec)) is not None:
            value = _value(clause, told.group("value"))
            return (field, value) if value else None
    found = _FIELD_VALUE.fullmatch(spec)
    if found is None:
        return None
    value = _value(clause, found.group("value"))
    field = found.group("field").strip()
    return (field, value) if value else None


def _value(clause: Clause, words: str) -> str | None:
    words = words.strip()
    if (literal := clause.literal(words)) is not None:
        return literal.strip() or None
    if has_token(words) or len(words.split()) > 3:
        return None
    return plain_value(clause, words)


# "give it the title 'X' and priority High", "give the ticket the title 'X'": the form open
# now gets those fields, each by its label (a dropdown by its option's text).
GIVE_IT = re.compile(
    r"^give\s+(?:it|this|them|the\s+(?-i:[a-z])[\w-]*)\s+(?P<rest>(?:an?\s+|the\s+)?"
    r"(?-i:[a-z]).+)$",
    re.IGNORECASE,
)
# "the title 'X'", "priority High", "a due date of 2025-05-01": a field, then its value (quoted,
# or a capitalised word or a number, so "create it" is never a field and its value).
_GIVEN = re.compile(
    r"(?:(?:the|a|an)\s+)?(?P<field>(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*)?)\s+(?:of\s+|as\s+)?"
    rf"(?P<value>{TOKEN}|(?-i:[A-Z0-9])[\w.@/:-]*(?:\s+(?-i:[A-Z0-9])[\w.@/:-]*){{0,2}})",
    re.IGNORECASE,
)
_NOT_A_FIELD = re.compile(r"^(?:it|them|this|that|one|a|an|the|some|any)\b", re.I)
_GIVE_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)


def read_give_fields(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = GIVE_IT.fullmatch(clause.masked)
    if found is None:
        return None
    fields: list[Draft] = []
    for spec in (s.strip() for s in _GIVE_SEPARATOR.split(found.group("rest").strip())):
        given = _GIVEN.fullmatch(spec)
        value = clause.literal(given.group("value")) if given else None
        if given is None or _NOT_A_FIELD.match(given.group("field")):
            return None
        field, value = given.group("field"), value if value is not None else given.group("value")
        if not value.strip():
            return None
        fields.append(Draft("fill", target=field, value=value, note=f"Set '{field}' to '{value}'"))
    return fields or None
