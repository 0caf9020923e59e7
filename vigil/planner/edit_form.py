"""Opening a record's edit form by the record's name.

"open Acme Ltd's edit form", "open the edit page for 'INV-7'", "bring up the edit form of the
member Ravi Menon": the "Edit" control in that record's row (an admin list's pencil link,
named "Edit" or "Edit record"). The row is named by a quoted text or a name written like one;
anything else is left to the other readers.
"""

from __future__ import annotations

import re

from vigil.models import Scope
from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.steps import Draft
from vigil.planner.targets import NOT_A_RECORD_KIND

_FORM = r"edit\s+(?:form|page|screen|view|dialog)"
EDIT_FORM = re.compile(
    r"^(?:open|go\s+to|bring\s+up|pull\s+up|view|show)\s+(?:up\s+)?"
    rf"(?:(?P<row>.+?)(?:'s|\u2019s)\s+{_FORM}|the\s+{_FORM}\s+(?:for|of)\s+(?P<row2>.+))$",
    re.IGNORECASE,
)
_KIND_THEN_NAME = re.compile(r"^(?:the\s+)?(?P<kind>[a-z][\w-]*)\s+(?P<name>\S.*)$")
EDIT_CONTROL = "Edit"


def read_edit_form(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = EDIT_FORM.fullmatch(clause.masked)
    if found is None:
        return None
    words = (found.group("row") or found.group("row2")).strip()
    name, kind = _named(clause, words)
    if name is None:
        return None
    note = f"Open the edit form of '{name}' (the 'Edit' control in its row)"
    return [Draft("click", target=EDIT_CONTROL, scope=Scope(kind="row", text=name), kind=kind,
                  note=note, control=True, shows=name)]  # fmt: skip


# "view the details of Rye Loaf", "open the details page for 'INV-7'", "see Acme's details".
DETAILS = re.compile(
    r"^(?:view|open|see|show|check|look\s+at|bring\s+up)\s+(?:the\s+)?(?:"
    r"details?\s+(?:page\s+|view\s+)?(?:of|for)\s+(?P<row>.+)"
    r"|(?P<row2>.+?)(?:'s|\u2019s)\s+details?(?:\s+page|\s+view)?)$",
    re.IGNORECASE,
)


def read_details(clause: Clause, ctx: Context) -> list[Draft] | None:
    """The record's own page, opened by its name as "open X" would (the kind's list first
    when X is not on the page)."""
    found = DETAILS.fullmatch(clause.masked)
    if found is None:
        return None
    name, kind = _named(clause, (found.group("row") or found.group("row2")).strip())
    if name is None:
        return None
    note = f"Open the details of '{name}' (the link or button named so)"
    return [Draft("click", target=name, kind=kind, note=note, names_record=True, shows=name)]


def _named(clause: Clause, words: str) -> tuple[str | None, str | None]:
    if (literal := clause.literal(words)) is not None:
        return (literal or None), None
    if (found := _KIND_THEN_NAME.fullmatch(words)) and not NOT_A_RECORD_KIND.match(found["kind"]):
        named = clause.literal(found["name"]) or unquoted_name(clause, found["name"])
        if named:
            return named, found["kind"].lower()
    return unquoted_name(clause, re.sub(r"^the\s+", "", words)), None


def fields_of_open_form(drafts: list[Draft]) -> list[Draft]:
    """ "open Acme's edit form; its email should be a@b.test": once the record's own page
    is open (its edit form, its details), a claim about one of its cells (read as a row's
    cell) is the value beside that field's label. Only claims right after the step change;
    any other step ends the record's turn."""
    result: list[Draft] = []
    row: str | None = None
    for d in drafts:
        if d.action == "assert_cell" and row is not None and d.column and d.scope is not None:
            if d.scope.kind == "row" and d.scope.text == row and d.nth is None:
                d = Draft("assert_value", target=d.column, value=d.value, negate=d.negate,
                          source=d.source)  # fmt: skip
        elif d.shows is not None:
            row = d.shows
        elif not d.action.startswith("assert"):
            row = None
        result.append(d)
    return result
