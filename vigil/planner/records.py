"""Records in admin-style apps: open one to edit it, change a field, save, change your mind.

"edit the ticket 'X'" clicks Edit in X's row; "change the priority of 'X' to high" does that
and then fills the field; "change its year to 1981" fills the field of the record at hand;
"save" clicks Save; "change your mind (No, take me back)" clicks the control that backs out
of a confirmation, and "(confirm when asked)" the one that confirms. Each is grounded on the
live page by the executor; the note says what was meant.
"""

from __future__ import annotations

import re

from vigil.models import Scope
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.steps import Draft
from vigil.planner.targets import NOT_A_RECORD_KIND, element_name, plain_value


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


# A record by its kind and name, or by its name alone: "the ticket 'X'", "Cosmos".
_RECORD = rf"(?:the\s+)?(?:(?P<kind>[a-z][\w-]*)\s+)?(?P<name>{TOKEN}|(?-i:[A-Z0-9])[^,]*?)"
EDIT_RECORD = _pattern(rf"(?:edit|modify|update)\s+{_RECORD}")
CHANGE_FIELD_OF = _pattern(
    r"(?:change|set|update|edit)\s+(?:the\s+)?(?P<field>[a-z][\w -]*?)\s+(?:of|for|on)\s+"
    rf"{_RECORD}\s+to\s+(?P<value>.+)"
)
CHANGE_OWN_FIELD = _pattern(
    r"(?:change|set|update)\s+(?:its|their|his|her|the)\s+(?P<field>[a-z][\w -]*?)\s+"
    r"(?:to|into|as)\s+(?P<value>.+)"
)
SAVE = _pattern(
    r"(?:save|submit)(?:\s+(?:it|them|this|that|the\s+(?:form|changes?|record|entry|edit|\w+)))?"
    r"(?:\s+(?:again|now))?"
)
CHANGE_MIND = _pattern(
    r"(?:change\s+(?:your|my|their|his|her)\s+mind|back\s+out|cancel(?:\s+(?:it|that))?)"
    r"(?:\s*\((?:click\s+)?(?P<control>[^()]+)\))?"
)
# "create it", "create the ticket": the open form's button that creates the record.
CREATE_IT = _pattern(r"(?:create|submit)\s+(?:it|them|this|the\s+(?-i:[a-z])[\w-]*)(?:\s+now)?")
CREATE_NAME = "Create"
CONFIRM = _pattern(r"confirm(?:\s+(?:it|that|the\s+\w+))?(?:\s+when\s+(?:asked|prompted))")
SAVE_NAME = "Save"
CANCEL_NAME = "Cancel"
CONFIRM_NAME = "Confirm"


def _record(clause: Clause, words: str) -> str | None:
    literal = clause.literal(words)
    if literal is not None:
        return literal if literal.strip() else None
    # "edit About us": a record's title in sentence case names it too (result_claims.py).
    from vigil.planner.result_claims import item_name

    return unquoted_name(clause, words) or item_name(clause, words)


def read_record(clause: Clause, ctx: Context) -> list[Draft] | None:
    text = clause.masked
    if SAVE.fullmatch(text) and text.lower().startswith("submit"):
        # A form's submit button has any name ("Sign up", "Send", an arrow); Enter in the
        # field just typed into submits it whatever the button says.
        note = "Submit the form (press Enter in the field last typed into)"
        return [Draft("press", value="Enter", note=note)]
    if CREATE_IT.fullmatch(text) and not text.lower().startswith("submit"):
        note = "Click 'Create' (the control that creates the record, also 'Create …')"
        return [Draft("click", target=CREATE_NAME, note=note, control=True)]
    if SAVE.fullmatch(text):
        note = "Click 'Save' (or the control named so)"
        return [Draft("click", target=SAVE_NAME, note=note, control=True)]
    if found := CHANGE_MIND.fullmatch(text):
        control = found.group("control")
        name = plain_value(clause, control.strip()) if control else CANCEL_NAME
        return [Draft("click", target=name, note=f"Back out: click '{name}'", control=True)]
    if CONFIRM.fullmatch(text):
        note = "Confirm when asked (the control that confirms)"
        return [Draft("click", target=CONFIRM_NAME, note=note, control=True)]
    if found := CHANGE_FIELD_OF.fullmatch(text):
        record = _record(clause, found.group("name"))
        field = element_name(clause, found.group("field"))
        value = _new_value(clause, found.group("value"))
        if record and field and value:
            return [_edit(record, _kind(found)), Draft("fill", target=field, value=value)]
    if found := CHANGE_OWN_FIELD.fullmatch(text):
        field = element_name(clause, found.group("field"))
        value = _new_value(clause, found.group("value"))
        if field and value:
            return [Draft("fill", target=field, value=value)]
    if found := EDIT_RECORD.fullmatch(text):
        record = _record(clause, found.group("name"))
        if record:
            return [_edit(record, _kind(found))]
    return None


def _new_value(clause: Clause, words: str) -> str | None:
    """A value to type: quoted, or a few words that do not run on into the next step."""
    if (literal := clause.literal(words)) is not None:
        return literal
    if "," in words or len(words.split()) > 4 or has_token(words):
        return None
    return plain_value(clause, words)


def _kind(found: re.Match[str]) -> str | None:
    """ "the ticket 'X'": the kind of record, which names the list it is found in."""
    kind = found.group("kind")
    return kind.lower() if kind and not NOT_A_RECORD_KIND.match(kind) else None


def _edit(record: str, kind: str | None = None) -> Draft:
    """Click Edit in the record's row: list pages of admin apps put the control there."""
    return Draft(
        "click",
        target="Edit",
        scope=Scope(kind="row", text=record),
        note=f"Edit '{record}' (the Edit control in its row)",
        control=True,
        kind=kind,
    )


# "after saving, …": save first, unless the step before just did.
AFTER_SAVING = _pattern(
    r"^(?:after|once|when)\s+(?:saving|you(?:'ve|\s+have)?\s+saved|(?:it\s+is|it's)\s+saved|"
    r"submitting)(?:\s+(?:it|them|the\s+\w+))?\s*,?\s*"
)


def is_save(draft: Draft) -> bool:
    return draft.action == "click" and draft.target == SAVE_NAME and draft.scope is None
