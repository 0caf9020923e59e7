"""Planned steps before numbering, and the sentence each one shows the user.

How each action uses PlanStep's fields is the table beside PlanStep in vigil/models.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from vigil.models import WAIT_FOR_LOAD, Action, PlanStep

ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
ROLE_WORDS = {"img": "image", "menuitem": "menu item", "radio": "radio button"}


@dataclass(frozen=True)
class Draft:
    """A step without its number. `secret` keeps a password out of the description;
    `note` replaces the generated description when the step needs explaining."""

    action: Action
    target: str | None = None
    value: str | None = None
    role: str | None = None
    nth: int | None = None
    exact: bool = False
    secret: bool = False
    note: str | None = None


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
        )
        for index, d in enumerate(drafts, start=1)
    ]


def describe(d: Draft) -> str:
    """One sentence a person can check the plan against, e.g.
    "Click the second button 'Add to cart'"."""
    if d.note:
        return d.note
    element = _element(d)
    exact = " (exact match)" if d.exact else ""
    match d.action:
        case "navigate":
            return f"Go to {d.value}"
        case "click":
            return f"Click {element}{exact}"
        case "hover":
            return f"Hover over {element}{exact}"
        case "check":
            return f"Check {element}"
        case "uncheck":
            return f"Uncheck {element}"
        case "fill":
            typed = "the password" if d.secret else f"'{d.value}'"
            return f"Type {typed} into {element}"
        case "select":
            return f"Select '{d.value}' in {element}"
        case "press":
            return f"Press {d.value}" + (f" in {element}" if d.target else "")
        case "wait":
            return _describe_wait(d, element)
        case "assert_text":
            return f"Check the page shows '{d.value}'{exact}"
        case "assert_no_text":
            return f"Check the page does not show '{d.value}'{exact}"
        case "assert_visible":
            return f"Check {element} is visible{exact}"
        case "assert_not_visible":
            return f"Check {element} is not visible{exact}"
        case "assert_value":
            if not d.value:
                return f"Check {element} is empty"
            return f"Check {element} holds '{d.value}'{exact}"
        case "assert_url":
            verb = "is" if d.exact else "contains"
            return f"Check the URL {verb} '{d.value}'"
        case "assert_title":
            verb = "is" if d.exact else "contains"
            return f"Check the page title {verb} '{d.value}'"
        case _:
            return f"{d.action.replace('_', ' ').capitalize()} {element}"


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


def _element(d: Draft) -> str:
    """ "the second button 'Add to cart'", "the link 'Docs'" or just "'Sign in'"."""
    name = f"'{d.target}'"
    if d.role is None and d.nth is None:
        return name
    words = ["the"]
    if d.nth is not None:
        words.append(ordinal_word(d.nth))
    if d.role is not None:
        words.append(ROLE_WORDS.get(d.role, d.role))
    return " ".join([*words, name])


def ordinal_word(nth: int) -> str:
    if nth == -1:
        return "last"
    if 0 <= nth < len(ORDINAL_WORDS):
        return ORDINAL_WORDS[nth]
    number = nth + 1
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
