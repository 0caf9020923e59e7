"""Lists of things: add items, complete them, delete them, edit them in place.

Items are named by the goal ("put 'Rye', 'Spelt' and 'Oat' on the list", "create three tasks:
A, B and C") and grounded on the page by purpose: a new item is typed into the page's
new-item input (PlanStep.ground "new_item", which the executor finds as the input that adds to
a list, or an "Add"/"New" control and its form) and Enter adds it; an item is then acted on
inside its own row or list item (Scope kind "row"), which is where its checkbox, its
delete control (also one revealed on hover) and its text are.
"""

from __future__ import annotations

import re

from vigil.models import Action, Scope
from vigil.pipeline.vocabulary import parse_count
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.pronouns import kind_reference, pronoun_subject
from vigil.planner.steps import Draft
from vigil.planner.targets import NOT_A_RECORD_KIND, element_name, parse_target


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


_ITEM_NOUN = r"[a-z][\w-]*?(?:s|es)?"
_LIST_PLACE = (
    r"(?:(?:the|my|our|your|this|that)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:list|lists|to-?do(?:\s+list)?|todos|tasks|items|board|backlog|queue|collection|notes)"
)
_NAMING = (
    r"(?:called|named|titled|labell?ed|saying|that\s+says|with\s+(?:the\s+)?(?:name|title|text))"
)
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of)"

# "put 'Rye', 'Spelt' and 'Oat' on the list", "add 'Milk' to my shopping list".
ADD_TO_LIST = _pattern(
    r"(?:add|put|append|insert|enter|type|write|place|pop)\s+(?P<items>.+?)\s+"
    rf"(?:to|on|onto|in|into|at\s+the\s+end\s+of)\s+{_LIST_PLACE}"
)
# "add a note called 'X'", "create a new task 'Buy milk'", "add an item: 'X'".
ADD_NAMED = _pattern(
    r"(?:add|create|make|enter|insert|new|write)\s+(?:(?:a|an|one|the|another|some)\s+)?"
    rf"(?:new\s+)?(?:{_ITEM_NOUN}\s+)?(?:{_NAMING}\s+)?:?\s*(?P<items>{TOKEN}(?:.*{TOKEN})?)"
    r"(?:\s+(?:to|on|in|into)\s+(?:the\s+)?(?:list|page))?"
)
# "create three tasks: A, B and C", "add 2 items: 'x' and 'y'".
ADD_COUNTED = _pattern(
    rf"(?:add|create|make|enter|put\s+in)\s+(?P<count>{_COUNT})\s+(?:new\s+)?(?P<noun>{_ITEM_NOUN})"
    r"\s*(?::|,|called|named|-|\u2014)\s*(?P<items>.+)"
)
# Unquoted items after a colon: "A, B and C", "A, B, and C".
_ITEM_SEPARATOR = re.compile(r"\s*(?:,\s*and|,|\band\b)\s*", re.IGNORECASE)
_QUOTED_LIST = re.compile(rf"^{TOKEN}(?:\s*(?:,\s*and|,|and)\s*{TOKEN})*$")

_DONE = r"(?:done|complete|completed|finished|resolved|closed|checked|ticked|read)"
_UNDONE = r"(?:not\s+done|undone|incomplete|active|open|unfinished|not\s+completed|to\s+do|todo)"
COMPLETE = _pattern(
    r"(?P<verb>complete|finish|tick\s+off|check\s+off|cross\s+off|strike\s+off|resolve|close|"
    r"mark|tick|check|toggle|set)\s+(?P<what>.+?)\s*"
    rf"(?:(?:as\s+|to\s+)?(?<!\w)(?P<state>{_UNDONE}|{_DONE})|(?P<off>(?<=tick|heck|ross)\s*off))?"
)
DELETE = _pattern(
    r"(?P<verb>delete|remove|trash|discard|destroy|get\s+rid\s+of|erase|drop)\s+(?P<what>.+?)"
    rf"(?:\s+from\s+{_LIST_PLACE})?"
)
EDIT = _pattern(
    r"(?:edit|rename|change|update|modify)\s+(?P<what>.+?)(?:\s+in[\s-]place)?"
    r"(?:\s*\(\s*(?:by\s+)?double[-\s]?click(?:ing)?(?:\s+it)?\s*\))?"
    r"\s*,?\s*(?:so\s+(?:that\s+)?(?:it|the\s+text)\s+(?:reads|says|is|becomes|shows)|to(?:\s+read|\s+say)?"
    r"|into|as)\s+(?P<new>.+)"
)
DOUBLE_CLICK = _pattern(r"double[-\s]?click(?:\s+on)?\s+(?P<target>.+)")
# "(type each into 'New task' and press Enter)": where the items are typed.
TYPE_EACH_INTO = _pattern(
    r"(?:type|enter|add|put)\s+(?:each(?:\s+one)?|them|it|every\s+one|one\s+by\s+one)\s+"
    r"(?:in|into|using)\s+(?P<field>.+?)(?:\s*,?\s*(?:and\s+)?(?:then\s+)?press\s+enter(?:\s+after\s+each)?)?"
)
ADD_NOTE = "Add '{item}' (type it into the new-item input and press Enter)"


def read_add_items(clause: Clause, ctx: Context) -> list[Draft] | None:
    items: list[str] | None = None
    if found := ADD_COUNTED.fullmatch(clause.masked):
        items = _items(clause, found.group("items"))
        wanted = parse_count(found.group("count"))
        if items is not None and wanted is not None and len(items) != wanted:
            return None  # "create three tasks: A and B": say so instead of guessing
    elif found := ADD_TO_LIST.fullmatch(clause.masked):
        items = _items(clause, found.group("items"), quoted_only=True)
    elif found := ADD_NAMED.fullmatch(clause.masked):
        items = clause.literal_list(found.group("items"))
    if not items:
        return None
    return [step for item in items for step in add_item(item)]


def add_item(item: str) -> list[Draft]:
    """One step: the executor types into the new-item input and presses Enter (or, for a
    list without one, opens its "Add …" control and fills the form), per the contract."""
    return [Draft("fill", value=item, ground="new_item", note=ADD_NOTE.format(item=item))]


def type_items_into(drafts: list[Draft], clause: Clause, words: str) -> list[Draft] | None:
    """Apply "(type each into 'New task' and press Enter)" to the new-item steps before it."""
    found = TYPE_EACH_INTO.fullmatch(words)
    if not found or not any(d.ground == "new_item" for d in drafts):
        return None
    target = parse_target(clause, found.group("field"))
    if target is None or target.name is None:
        return None
    # The step keeps its ground, so the executor still presses Enter after typing.
    return [
        d.but(target=target.name, role=target.role, scope=target.scope,
              note=f"Add '{d.value}' (type it into '{target.name}' and press Enter)")
        if d.ground == "new_item"
        else d
        for d in drafts
    ]  # fmt: skip


def _items(clause: Clause, text: str, quoted_only: bool = False) -> list[str] | None:
    text = text.strip()
    if _QUOTED_LIST.match(text):
        return clause.literal_list(text)
    if quoted_only:
        return None
    names = [element_name(clause, part) for part in _ITEM_SEPARATOR.split(text)]
    if any(name is None for name in names):
        return None
    return [name for name in names if name]


def read_complete(clause: Clause, ctx: Context) -> list[Draft] | None:
    """ "complete 'Rye'", "mark 'Rye' as done", "tick off the last one", "mark it as not done"."""
    found = COMPLETE.fullmatch(clause.masked)
    if not found:
        return None
    verb = " ".join(found.group("verb").lower().split())
    state = (found.group("state") or "").lower()
    if verb in ("mark", "set", "toggle") and not state:
        return None  # "mark 'X'" alone is a checkbox, read by read_check
    if verb in ("tick", "check") and not (state or found.group("off")):
        return None
    if verb in ("finish", "resolve", "close") and not state and not has_token(found.group("what")):
        return None  # "close Settings" is not an item to tick
    undo = bool(state) and re.fullmatch(_UNDONE, state, re.IGNORECASE) is not None
    action: Action = "uncheck" if undo else "check"
    item = _item(clause, found.group("what"))
    if item is None:
        return None
    note = f"{'Uncheck' if undo else 'Check'} the checkbox of the item"
    if isinstance(item, Scope):
        return [Draft(action, scope=item, note=f"{note} '{item.text}'" if _shown(item) else None)]
    return [Draft(action, role="checkbox", nth=item, note=None)]


def read_delete(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = DELETE.fullmatch(clause.masked)
    if not found:
        return None
    item = _item(clause, found.group("what"))
    if not isinstance(item, Scope):
        return None
    verb = found.group("verb").lower()
    control = "Remove" if verb.startswith(("remove", "get", "drop")) else "Delete"
    note = _delete_note(control, item)
    kind = _kind(found.group("what"), clause)
    return [Draft("click", target=control, scope=item, note=note, kind=kind, deletes=True)]


def _delete_note(control: str, item: Scope) -> str | None:
    if not _shown(item):
        return None
    return f"Click '{control}' in the item '{item.text}' (hovering it first if the control hides)"


def read_edit(clause: Clause, ctx: Context) -> list[Draft] | None:
    """ "edit 'Rye' in place so it reads 'Dark rye'": double-click it, type, press Enter."""
    found = EDIT.fullmatch(clause.masked)
    if not found:
        return None
    item = _item(clause, found.group("what"))
    new = clause.literal(found.group("new"))
    if not isinstance(item, Scope) or new is None:
        return None
    shown = _shown(item)
    return [
        Draft("double_click", target=item.text, note=f"Double-click '{item.text}' to edit it"
              if shown else None),
        Draft("fill", value=new, scope=item, note=f"Type '{new}' into the item's edit box"),
        Draft("press", value="Enter", note="Press Enter to save the edit"),
    ]  # fmt: skip


def read_double_click(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = DOUBLE_CLICK.fullmatch(clause.masked)
    target = parse_target(clause, found.group("target")) if found else None
    if target is None or target.name is None:
        return None
    return [
        Draft("double_click", target=target.name, role=target.role, nth=target.nth,
              scope=target.scope)
    ]  # fmt: skip


_NOUN_AFTER = re.compile(
    r"^(?P<name>.+?)\s+(?:item|task|todo|to-do|note|entry|row|record|line|one|product|order)$", re.I
)


# An item named without quotes reads like a name: capitalised, a few words, no article.
_UNQUOTED_ITEM = re.compile(r"(?-i:[A-Z0-9])[\w'.#-]*(?:\s+[\w'.#-]+){0,3}")
_NOUN_BEFORE = re.compile(
    rf"^(?:[a-z][\w-]*\s+)?(?P<kind>[a-z][\w-]*)\s+(?P<name>{TOKEN})$", re.IGNORECASE
)


def _item(clause: Clause, words: str) -> Scope | int | None:
    """The item a clause acts on: its row scope ("'Rye'", "the 'Rye' task", "it", "the last
    one"), or a bare position (-1 for "the last one" with nothing named before)."""
    text = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.I)
    if (found := _NOUN_AFTER.match(text)) and clause.literal(found.group("name")) is not None:
        text = found.group("name")
    elif (found := _NOUN_BEFORE.match(text)) and clause.literal(found.group("name")) is not None:
        text = found.group("name")  # "the user 'bob'", "the task 'Rye'"
    elif (found := _KIND_AFTER.match(text)) and not NOT_A_RECORD_KIND.match(found.group("kind")):
        text = text[: found.start("kind")].strip()  # "the 'Basil' seed"
    elif (found := _KIND_AFTER.match(text)) and found.group("kind").lower() == "page":
        text = text[: found.start("kind")].strip()  # "the 'Write for us' page" of a CMS
    literal = clause.literal(text)
    if literal is not None:
        return Scope(kind="row", text=literal) if literal.strip() else None
    subject = pronoun_subject(words.strip())
    if subject is not None:
        return Scope(kind="row", text=subject)
    if (reference := kind_reference(words.strip())) is not None:
        return Scope(kind="row", text=reference)  # "delete the ticket": the one opened
    the = re.match(r"the\s", words.strip(), re.IGNORECASE) is not None
    if the and (kinded := _named_with_kind(clause, text)) is not None:
        return Scope(kind="row", text=kinded[1])  # "the author Sylvia Plath", "the Rye task"
    if _UNQUOTED_ITEM.fullmatch(words.strip()):
        return Scope(kind="row", text=words.strip())  # "delete Rye", "complete Buy flour"
    return None


_KIND_THEN_NAME = re.compile(r"^(?P<kind>[a-z][\w-]*)\s+(?P<name>(?-i:[A-Z0-9]).*)$")
_NAME_THEN_KIND = re.compile(r"^(?P<name>(?-i:[A-Z0-9]).*?)\s+(?P<kind>[a-z][\w-]*)$")


def _named_with_kind(clause: Clause, text: str) -> tuple[str, str] | None:
    """ "author Sylvia Plath", "Camp Sandal product" (after "the", so "Buy flour" stays one
    name): a lowercase kind beside a name written like one (names.py), as (kind, name)."""
    for shape in (_KIND_THEN_NAME, _NAME_THEN_KIND):
        found = shape.fullmatch(text.strip())
        if found is None or NOT_A_RECORD_KIND.match(found.group("kind")):
            continue
        if (name := unquoted_name(clause, found.group("name"))) is not None:
            return found.group("kind").lower(), name
    return None


def _kind(words: str, clause: Clause | None = None) -> str | None:
    """ "the ticket 'X'", "the 'X' task": the kind of record named, for finding its list."""
    text = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.I)
    found = _NOUN_BEFORE.match(text) or _KIND_AFTER.match(text)
    kind = found.group("kind") if found else None
    the = re.match(r"the\s", words.strip(), re.IGNORECASE) is not None
    if kind is None and the and clause is not None and (kinded := _named_with_kind(clause, text)):
        kind = kinded[0]
    return kind.lower() if kind and not NOT_A_RECORD_KIND.match(kind) else None


_KIND_AFTER = re.compile(rf"^{TOKEN}\s+(?P<kind>[a-z][\w-]*)$", re.IGNORECASE)


def _shown(scope: Scope) -> bool:
    """Notes name the item only when it is known now; a pronoun is named after resolving."""
    return scope.text.isprintable() and not scope.text.startswith(("\ue002", "\ue003", "\ue004"))
