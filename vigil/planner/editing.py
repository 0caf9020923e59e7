"""Editing verbs of content and admin apps: open a record in its editor, publish, confirm,
and the message an action leaves.

- "open Rye Loaf for editing", "open 'INV-7' in the editor", "bring up Rye Loaf in the
  page editor": the record's Edit control in its row (the executor opens the record by
  its link when the row has no such control);
- "publish it", "publish the page", "publish": the control named Publish (it may sit behind
  a menu button; a missing control fails the step, never passes it);
- a bare "confirm", "confirm it", "confirm the deletion": the control that says yes on the
  confirmation on screen (required: with none shown, the step fails);
- "expect the message that the order 'A-1' has been updated", "a message saying 'Saved'":
  the quoted words and the statement after them are both shown.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.records import CONFIRM_NAME, _edit, _kind
from vigil.planner.steps import Draft


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


_RECORD = rf"(?:the\s+)?(?:(?P<kind>(?-i:[a-z])[\w-]*)\s+)?(?P<name>{TOKEN}|(?-i:[A-Z0-9])[^,]*?)"
OPEN_FOR_EDITING = _pattern(
    r"(?:open|bring\s+up|pull\s+up|load)\s+(?:up\s+)?"
    rf"{_RECORD}\s+(?:for\s+editing|in\s+(?:the|its|an?)\s+(?:[\w-]+\s+)?editor|to\s+edit(?:\s+it)?)"
)
PUBLISH = _pattern(
    r"(?P<verb>publish|unpublish)(?:\s+(?:it|this|that|them|the\s+(?:page|post|article|entry|"
    r"changes?|draft|\w+)))?(?:\s+(?:now|again))?"
)
BARE_CONFIRM = _pattern(
    r"confirm(?:\s+(?:it|that|this|the\s+(?:deletion|delete|removal|action|change|dialog)))?"
)
# "expect the message that …", "a message saying …", "the notice that …".
MESSAGE_THAT = _pattern(
    r"(?:(?:expect|see|verify|check|confirm)\s+)?(?:(?:that\s+)?(?:there\s+is\s+)?)?"
    r"(?:the|an?)\s+(?:success\s+|confirmation\s+|error\s+)?(?:message|notice|notification|"
    r"banner|toast|alert)\s+(?:that\s+says\s+|saying\s+|that\s+|reading\s+)(?P<what>.+)"
)
_LEADING_SUBJECT = re.compile(r"^(?:the|a|an)\s+[a-z][\w-]*\s+(?=\ue000)", re.IGNORECASE)
_AFTER_LITERAL = re.compile(rf"^(?P<literal>{TOKEN})\s+(?P<rest>[a-z][\w' -]+)$", re.IGNORECASE)


def read_editing(clause: Clause, ctx: Context) -> list[Draft] | None:
    text = clause.masked
    if found := OPEN_FOR_EDITING.fullmatch(text):
        words = found.group("name").strip()
        name = clause.literal(words) or unquoted_name(clause, words)
        if name:
            return [_edit(name, _kind(found))]
        return None
    if found := PUBLISH.fullmatch(text):
        name = found.group("verb").capitalize()
        note = f"Click '{name}' (the control named so, also inside a menu of actions)"
        return [Draft("click", target=name, note=note, control=True)]
    if BARE_CONFIRM.fullmatch(text):
        note = "Confirm (the control that says yes on the confirmation shown)"
        return [Draft("click", target=CONFIRM_NAME, note=note, control=True)]
    if found := MESSAGE_THAT.fullmatch(text):
        return _message(clause, found.group("what").strip())
    return None


def _message(clause: Clause, what: str) -> list[Draft] | None:
    if (literal := clause.literal(what)) is not None:
        return [Draft("assert_text", value=literal)] if literal.strip() else None
    what = _LEADING_SUBJECT.sub("", what)
    found = _AFTER_LITERAL.fullmatch(what)
    if found is None or has_token(found.group("rest")):
        return None
    literal = clause.literal(found.group("literal"))
    rest = found.group("rest").strip()
    if not literal or len(rest.split()) < 2:
        return None
    return [Draft("assert_text", value=literal), Draft("assert_text", value=rest)]
