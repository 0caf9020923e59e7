"""Creating a record through a form, with the fields the goal names.

"add a book called 'Sula' by Toni Morrison, year 1973, genre Fiction", "create a new ticket
titled 'Wifi is slow' for requester 'Mei Chen' (status open, priority low)", "add a customer
named Ana without choosing a city". Read as: open the form for a new record of that kind
(its "Add …"/"New …" control, grounded on the page: see vigil/browser/records.py), type the
name into the naming field, then fill each named field by its label — a dropdown by the
option's text. "without choosing an author" leaves that field alone. Saving is the goal's
own next step ("save it").

And the claim that follows: "it was added successfully" — the record's name is shown and
the page says it was added.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.context import Context
from vigil.planner.grammar import pattern
from vigil.planner.pronouns import kind_reference, pronoun_subject
from vigil.planner.records import SAVE_NAME
from vigil.planner.steps import Draft
from vigil.planner.targets import NOT_A_RECORD_KIND, element_name, plain_value

CREATE = pattern(
    r"(?P<verb>add|create|make|register|enter)\s+(?:a|an|one)\s+(?:new\s+)?(?P<kind>[a-z][\w-]*)\s+"
    r"(?P<how>called|titled|named|entitled|with\s+(?:the\s+)?(?:title|name))\s+"
    rf"(?P<name>{TOKEN}|(?-i:[A-Z0-9])[\w'.-]*(?:\s+(?-i:[A-Z0-9])[\w'.-]*)*)"
    r"(?P<rest>.*)"
)
# How the goal names the naming field.
_NAMING_FIELD = {"titled": "Title", "entitled": "Title", "named": "Name", "called": "Name"}
# "by Toni Morrison": who made it.
_BY = re.compile(r"^by\s+(?P<value>.+)$", re.IGNORECASE)
# "for requester 'Mei Chen'", "with priority high", "year 1973", "genre Fiction".
_FIELD_VALUE = re.compile(
    r"^(?:(?:for|with|in|at|of|and)\s+)?(?:(?:the|a|an|its)\s+)?"
    rf"(?P<field>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*(?::|=|of|as|set\s+to)?\s+(?P<value>{TOKEN}|.+)$",
    re.IGNORECASE,
)
# "without choosing an author or year": those fields stay empty.
_WITHOUT = re.compile(
    r"^(?:and\s+)?without\s+(?:choosing|picking|setting|selecting|filling\s+in|entering|giving|"
    r"adding|any)\s+.+$",
    re.IGNORECASE,
)
_SPECS = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\(|\)|\s+and\s+(?=[a-z]+\s)|\s+(?=(?:on|in)\s+the\s+\S+(?:\s+\S+)?\s+"
    r"(?:team|group|department|squad|unit)$))\s*",
    re.IGNORECASE,
)
# "on the Billing team": the group it belongs to, a field named after the group's noun.
_GROUP = re.compile(
    r"^(?:on|in)\s+the\s+(?P<value>\S+(?:\s+\S+)?)\s+(?P<field>team|group|department|squad|unit)$",
    re.IGNORECASE,
)
CREATOR_FIELD = "Author"


def read_create(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = CREATE.fullmatch(clause.masked)
    if not found:
        return None
    kind = found.group("kind").lower()
    if NOT_A_RECORD_KIND.match(kind):
        return None
    name = clause.literal(found.group("name")) or plain_value(clause, found.group("name"))
    if not name:
        return None
    how = found.group("how").lower().split()[-1]
    naming = _NAMING_FIELD.get(how, how.capitalize())
    if not found.group("rest").strip() and clause.literal(found.group("name")) is not None:
        return None  # "add a note called 'X'": one entry, read as a new item (collections.py)
    # "create a category named Optics": a record of that kind with only its name, through
    # the kind's form (an unquoted name after a kind reads as a record, not a to-do entry).
    fields = _fields(clause, found.group("rest")) if found.group("rest").strip() else []
    if fields is None:
        return None
    opener = f"Add {kind}"
    return [
        Draft(
            "click",
            target=opener,
            ground="new_item",
            kind=kind,
            note=f"Open the form for a new {kind} (its 'Add'/'New' control)",
            control=True,
        ),
        Draft("fill", target=naming, value=name, names_record=True),
        *(Draft("fill", target=f, value=v) for f, v in fields),
    ]


def _fields(clause: Clause, rest: str) -> list[tuple[str, str]] | None:
    """Each "field value" the goal gives; None when a piece is not one."""
    pairs: list[tuple[str, str]] = []
    for spec in (s.strip() for s in _SPECS.split(rest.strip())):
        if not spec or _WITHOUT.match(spec):
            continue
        if by := _BY.match(spec):
            value = _value(clause, by.group("value"))
            if value is None:
                return None
            pairs.append((CREATOR_FIELD, value))
            continue
        if group := _GROUP.match(spec):
            value = _value(clause, group.group("value"))
            if value is None:
                return None
            pairs.append((group.group("field").lower(), value))
            continue
        found = _FIELD_VALUE.match(spec)
        if not found:
            return None
        field = element_name(clause, found.group("field"))
        value = _value(clause, found.group("value"))
        if field is None or value is None:
            return None
        pairs.append((field, value))
    return pairs


def _value(clause: Clause, words: str) -> str | None:
    words = words.strip()
    if (literal := clause.literal(words)) is not None:
        return literal
    if has_token(words) or len(words.split()) > 4:
        return None
    return plain_value(clause, words)


# "it was added successfully", "the book has been created".
ADDED = pattern(
    r"(?P<what>it|they|(?:the|this|that)\s+[a-z][\w-]*|"
    rf"{TOKEN})\s+(?:was|were|has\s+been|have\s+been|is|got)\s+"
    r"(?P<verb>added|created|saved|stored|registered)(?P<how>\s+successfully|\s+correctly|\s+ok)?"
)


def read_added(clause: Clause, claim: str) -> list[Draft] | None:
    """ "it was added successfully": the record's name is on the page, and so is the word
    for what happened ("added"), as a success message says it."""
    found = ADDED.fullmatch(claim)
    if not found:
        return None
    what = found.group("what")
    subject = clause.literal(what) or pronoun_subject(what) or kind_reference(what)
    if subject is None:
        return None
    verb = found.group("verb").lower()
    drafts = [Draft("assert_text", value=subject), Draft("assert_text", value=verb)]
    if (found.group("how") or "").strip().lower() == "successfully":
        # A column called "Date added" says "added" too; a success message says this.
        drafts.append(Draft("assert_text", value="successfully"))
    return drafts


def save_before_claims(drafts: list[Draft]) -> list[Draft]:
    """ "create an agent named X with team Y, then check X appears": a claim about a record
    made through its form is about the saved record, so the form is saved first when the
    goal goes straight from the fields to a claim (a goal that saves itself is left alone)."""
    result: list[Draft] = []
    in_form = False
    for d in drafts:
        if d.action == "click" and d.ground == "new_item" and d.kind:
            in_form = True
        elif in_form and d.action.startswith("assert"):
            result.append(
                Draft("click", target=SAVE_NAME, control=True, note=_SAVE_NOTE, source=d.source)
            )
            in_form = False
        elif d.action not in ("fill", "select", "check", "uncheck"):
            in_form = False
        result.append(d)
    return result


_SAVE_NOTE = "Save the new record (its form's Save control) before checking it"
