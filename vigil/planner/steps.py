"""Planned steps before numbering, and the sentence each one shows the user.

How each action uses PlanStep's fields is the table beside PlanStep in vigil/models.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from vigil.models import (
    IF_ASKED,
    WAIT_FOR_LOAD,
    Action,
    CountOp,
    Ground,
    PlanStep,
    Scope,
    SortOrder,
)
from vigil.pipeline.vocabulary import ordinal_word

ROLE_WORDS = {"img": "image", "menuitem": "menu item", "radio": "radio button"}
COUNT_WORDS: dict[CountOp, str] = {
    "eq": "exactly",
    "ge": "at least",
    "le": "at most",
    "gt": "more than",
    "lt": "fewer than",
}
GROUND_WORDS: dict[Ground, str] = {
    "new_item": "the new-item input",
    "search": "the search box",
    "page": "the current page",
}


@dataclass(frozen=True)
class Draft:
    """A step without its number. `secret` keeps a password out of the description;
    `note` replaces the generated description when the step needs explaining; `source` is
    the words of the goal the step was read from."""

    action: Action
    target: str | None = None
    value: str | None = None
    role: str | None = None
    nth: int | None = None
    exact: bool = False
    secret: bool = False
    note: str | None = None
    scope: Scope | None = None
    ground: Ground | None = None
    # The kind of record the target or row scope names ("book" in "the book Cosmos").
    kind: str | None = None
    column: str | None = None
    order: SortOrder | None = None
    count_op: CountOp | None = None
    negate: bool = False
    source: str | None = None
    # A bare "log in" that may only announce the sign-in compound after it (never emitted).
    announces_login: bool = False
    # A control that acts on the record at hand ("Save", "Edit", "No, take me back"): never
    # what a later "it" points back to.
    control: bool = False
    # A step that opens a record or place by its name ("open 'INV-204'"): what "the
    # invoice" points back to later.
    names_record: bool = False
    # A delete the goal asks for as a whole ("delete 'X'"): confirmed if the app asks.
    deletes: bool = False
    # The submit of a sign-in the goal expects to work (PlanStep.signs_in).
    signs_in: bool = False
    # Opens one record's own page, its fields beside their labels ("open X's edit form",
    # "view the details of X"): the record named here is what `shows` reads.
    shows: str | None = None

    def but(self, **changes: object) -> Draft:
        """A copy with some fields changed (dataclasses.replace, typed loosely on purpose)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def number(drafts: list[Draft]) -> list[PlanStep]:
    return [
        PlanStep(
            step_number=index,
            action=d.action,
            description=describe(d),
            target=d.target,
            value=d.value,
            role=d.role,
            nth=d.nth,
            exact=d.exact,
            scope=d.scope,
            ground=d.ground,
            kind=d.kind,
            column=d.column,
            order=d.order,
            count_op=d.count_op,
            negate=d.negate,
            secret=d.secret,
            signs_in=d.signs_in,
            source=d.source,
        )
        for index, d in enumerate(drafts, start=1)
    ]


def describe(d: Draft) -> str:
    """One sentence a person can check the plan against, e.g.
    "Click the second button 'Add to cart'". A secret value never appears in it."""
    said = _describe(d)
    if d.kind and d.ground != "new_item":
        said += f" (if not on the page, from the {d.kind} list)"
    return said


def _describe(d: Draft) -> str:
    if d.note:
        return d.note
    element = _element(d) + _where(d)
    exact = " (exact match)" if d.exact else ""
    shown = "the password" if d.secret else f"'{d.value}'"
    no = " not" if d.negate else ""
    match d.action:
        case "navigate":
            return f"Go to {d.value}"
        case "go_back":
            return "Go back to the previous page"
        case "reload":
            return "Reload the page"
        case "click":
            if d.value == IF_ASKED:
                return "Confirm if the app asks (its yes control), else go on"
            if d.ground == "page":
                return f"Go to the '{d.target}' page unless already on it (click the link named so)"
            if d.order:
                return f"Sort by {element}, {d.order} (click the column header until it holds)"
            return f"Click {element}{exact}"
        case "double_click":
            return f"Double-click {element}{exact}"
        case "hover":
            return f"Hover over {element}{exact}"
        case "check":
            return f"Check {element}"
        case "uncheck":
            return f"Uncheck {element}"
        case "fill":
            return f"Type {shown} into {element}"
        case "select":
            return f"Select {shown} in {element}"
        case "press":
            return f"Press {d.value}" + (f" in {element}" if d.target or d.ground else "")
        case "wait":
            return _describe_wait(d, element)
        case "assert_text":
            return f"Check the page shows {shown}{exact}"
        case "assert_no_text":
            return f"Check the page does not show {shown}{exact}"
        case "assert_visible":
            if d.ground == "page":
                return f"Check the current page is {_name(d)}"
            return f"Check {element} is visible{exact}"
        case "assert_not_visible":
            if d.ground == "page":
                return f"Check the current page is not {_name(d)}"
            return f"Check {element} is not visible{exact}"
        case "assert_value":
            if not d.value:
                return f"Check {element} is{no} empty"
            return f"Check {element} {'does not hold' if d.negate else 'holds'} {shown}{exact}"
        case "assert_checked" | "assert_unchecked" | "assert_enabled" | "assert_disabled":
            return f"Check {element} is {d.action.removeprefix('assert_')}"
        case "assert_count":
            counted = f"'{d.target}'" if d.target else "the items"
            op = COUNT_WORDS[d.count_op or "eq"]
            return f"Check there are{no} {op} {d.value} of {counted}{_where(d)}"
        case "assert_cell":
            if d.order is not None and d.value is None:
                verb = "does not read" if d.negate else "reads"
                return f"Check the '{d.column}' column {verb} in {d.order} order"
            if d.negate and d.scope is None and d.nth is None and not d.column:
                return f"Check no row of the list or table shows {shown}{exact}"
            row = _row(d)
            column = f" in the '{d.column}' column" if d.column else ""
            if d.value == "" and d.exact:
                return f"Check {row} {'shows something' if d.negate else 'shows nothing'}{column}"
            return f"Check {row} {'does not show' if d.negate else 'shows'} {shown}{column}{exact}"
        case "assert_url":
            return f"Check the URL {_compare_verb(d)} {shown}"
        case "assert_title":
            return f"Check the page title {_compare_verb(d)} {shown}"
    return f"{d.action.replace('_', ' ').capitalize()} {element}"  # pragma: no cover


def _compare_verb(d: Draft) -> str:
    if d.exact:
        return "is not" if d.negate else "is"
    return "does not contain" if d.negate else "contains"


def _describe_wait(d: Draft, element: str) -> str:
    if d.target:
        return f"Wait until {element} appears"
    if d.value == WAIT_FOR_LOAD:
        return "Wait for the page to finish loading"
    ms = int(d.value or 0)
    if ms % 1000 == 0:
        seconds = ms // 1000
        return f"Wait {seconds} second{'s' if seconds != 1 else ''}"
    return f"Wait {ms / 1000:g} seconds" if ms > 1000 else f"Wait {ms} milliseconds"


def _name(d: Draft) -> str:
    return f"'{d.target}'" if d.target else "it"


def _element(d: Draft) -> str:
    """ "the second button 'Add to cart'", "the link 'Docs'", "the search box" or "'Sign in'"."""
    if d.ground is not None and d.ground != "page" and not d.target:
        return GROUND_WORDS[d.ground]
    if d.target is None and d.column is None:
        words = ["the"]
        if d.nth is not None:
            words.append(ordinal_word(d.nth))
        checkbox = d.action in ("check", "uncheck", "assert_checked", "assert_unchecked")
        noun = "checkbox" if checkbox else "element"
        words.append(ROLE_WORDS.get(d.role, d.role) if d.role else noun)
        return " ".join(words)
    name = f"'{d.target or d.column}'"
    if d.role is None and d.nth is None:
        return name
    words = ["the"]
    if d.nth is not None:
        words.append(ordinal_word(d.nth))
    if d.role is not None:
        words.append(ROLE_WORDS.get(d.role, d.role))
    return " ".join([*words, name])


def _where(d: Draft) -> str:
    """ " in the row for 'INV-204'", " in the dialog", "" when the step has no scope."""
    scope = d.scope
    if scope is None or d.action == "assert_cell":
        return ""
    match scope.kind:
        case "row":
            return f" in the row for '{scope.text}'"
        case "section":
            return f" in the '{scope.text}' section"
        case "dialog":
            return f" in the '{scope.text}' dialog" if scope.text else " in the dialog"
        case "near":
            return f" next to '{scope.text}'"


def _row(d: Draft) -> str:
    if d.scope is not None and d.scope.kind == "row":
        return f"the row for '{d.scope.text}'"
    if d.nth is not None:
        return f"the {ordinal_word(d.nth)} row"
    return "a row"
