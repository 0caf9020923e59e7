"""Pronouns: "add 'Rye', then complete it" — "it" is the item named last.

Readers cannot know what "it" means while reading one clause, so they write a placeholder
and the planner resolves every placeholder once the whole goal is planned, walking the steps
in order (resolve). What counts as "named" is what a person would point back to: the item a
row scope names, the item just added, the element just acted on, the text just claimed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vigil.models import Scope
from vigil.pipeline.vocabulary import parse_ordinal
from vigil.planner.steps import Draft

# Private-use code points, never typed by a person (see clauses.py).
IT = "\ue002"
_NTH_OF_GROUP = "\ue003"
# "the ticket": the record named last, when it was of that kind (or of no kind said).
_OF_KIND = "\ue004"
_PRONOUN = re.compile(
    r"^(?:it|its|it's|him|her|his|them|their|theirs|this|that|this\s+one|that\s+one|"
    r"(?:this|that|the\s+same|the\s+new|the\s+added)\s+(?:one|item|entry|task|row|record|note|"
    r"product|order|user|invoice|line))$",
    re.IGNORECASE,
)
_GROUP_MEMBER = re.compile(
    r"^(?:the\s+)?(?P<which>first|second|third|last|final|top|bottom)\s+"
    r"(?:one|item|entry|task|row|record|note|of\s+them)$",
    re.IGNORECASE,
)


def pronoun_subject(words: str) -> str | None:
    """The placeholder for "it", "its", "that one", "the first one", …; None for other words."""
    words = " ".join(words.split())
    if _PRONOUN.match(words):
        return IT
    if found := _GROUP_MEMBER.match(words):
        return f"{_NTH_OF_GROUP}{parse_ordinal(found.group('which'))}"
    return None


# The kind is a common noun: "The Dashboard" names a place, never the record named last.
_KIND_REFERENCE = re.compile(
    r"^(?:the|this|that)\s+(?P<kind>(?-i:[a-z])[a-z-]{2,})$", re.IGNORECASE
)


# Nouns for what a page is made of, never a kind of record: "the chart is visible" is about a
# chart, not about the record named last.
_PART_OF_A_PAGE = re.compile(
    r"chart|graph|diagram|map|image|picture|photo|video|spinner|loader|icon|logo|banner|"
    r"table|grid|form|page|screen|tab|panel|section|sidebar|footer|header|button|link|"
    r"field|modal|popup|message|alert|toast|notification|badge|counter|calendar|widget|"
    r"menu|toolbar|chat|captcha|player|slider|carousel|avatar|dashboard|homepage|home",
    re.IGNORECASE,
)


def kind_reference(words: str) -> str | None:
    """The placeholder for "the ticket", "this book": the record the goal named last, which
    must be of that kind when the goal said its kind. Only read where nothing else reads
    the words (an element noun such as "the dialog" is read before this)."""
    found = _KIND_REFERENCE.match(" ".join(words.split()))
    if found is None or _PART_OF_A_PAGE.fullmatch(found.group("kind")):
        return None
    return f"{_OF_KIND}{found.group('kind').lower()}"


def _same_kind(a: str, b: str) -> bool:
    """ "ticket" and "tickets", "category" and "categories" are one kind."""

    def stem(word: str) -> str:
        word = word.casefold()
        if word.endswith("ies"):
            return word[:-3] + "y"
        return word[:-1] if word.endswith("s") else word

    return stem(a) == stem(b)


def is_placeholder(text: str | None) -> bool:
    return text is not None and text.startswith((IT, _NTH_OF_GROUP, _OF_KIND))


@dataclass
class _Memory:
    named: str | None = None
    group: tuple[str, ...] = ()
    # The record named last (opened, edited, deleted, a row's item) and its kind, if said.
    record: str | None = None
    record_kind: str | None = None

    def pick(self, placeholder: str) -> str | None:
        if placeholder == IT:
            return self.named
        if placeholder.startswith(_OF_KIND):
            kind = placeholder[len(_OF_KIND) :]
            if self.record_kind is not None and not _same_kind(kind, self.record_kind):
                return None
            return self.record
        index = int(placeholder[len(_NTH_OF_GROUP) :])
        if not self.group or index >= len(self.group):
            return None
        return self.group[index]

    def remember(self, draft: Draft) -> None:
        row = draft.scope is not None and draft.scope.kind == "row" and bool(draft.scope.text)
        if row and draft.scope is not None:
            self.record, self.record_kind = draft.scope.text, draft.kind
        elif draft.names_record and draft.action == "fill" and draft.value:
            # "add a book called 'Sula'": the name typed is the record's.
            self.record, self.record_kind, self.named = draft.value, draft.kind, draft.value
            return
        elif draft.names_record and draft.target:
            self.record, self.record_kind = draft.target, draft.kind
        if draft.control and not (draft.scope is not None and draft.scope.kind == "row"):
            return
        if draft.scope is not None and draft.scope.kind == "row" and draft.scope.text:
            self.named = draft.scope.text
        elif draft.ground in ("new_item", "search") and draft.value:
            self.named = draft.value
        elif draft.target and draft.action not in ("fill", "select", "press", "wait"):
            self.named = draft.target
        elif draft.action in ("assert_text", "assert_no_text", "assert_cell") and draft.value:
            self.named = draft.value


def resolve(
    drafts: list[Draft], groups: dict[int, tuple[str, ...]]
) -> tuple[list[Draft], list[Draft]]:
    """Replace placeholders by what they point back to; also return the steps whose
    placeholder points back to nothing.

    `groups` maps a draft's index to the items a clause named together ("create A, B and C"),
    which "the last one" and "the first one" choose from. A placeholder with nothing to point
    back to stays unresolved and the caller reports it: guessing would check the wrong thing.
    """
    memory = _Memory()
    resolved: list[Draft] = []
    failed: list[Draft] = []
    for index, draft in enumerate(drafts):
        if index in groups:
            memory.group = groups[index]
        fixed, ok = _fill_in(draft, memory)
        if not ok:
            failed.append(fixed)
        resolved.append(fixed)
        memory.remember(fixed)
    return resolved, failed


def _fill_in(draft: Draft, memory: _Memory) -> tuple[Draft, bool]:
    changes: dict[str, object] = {}
    for name in ("target", "value"):
        text = getattr(draft, name)
        if is_placeholder(text):
            changes[name] = memory.pick(text)
    if draft.scope is not None and is_placeholder(draft.scope.text):
        placeholder = draft.scope.text
        picked = memory.pick(placeholder)
        if picked is not None:
            changes["scope"] = Scope(kind=draft.scope.kind, text=picked)
        elif placeholder.startswith(_NTH_OF_GROUP):
            # "complete the last one" with no items named: the last one on the page.
            changes["scope"] = None
            changes["nth"] = int(placeholder[len(_NTH_OF_GROUP) :])
            if draft.action in ("check", "uncheck") and draft.role is None:
                changes["role"] = "checkbox"
        else:
            return _shown_unresolved(draft), False
    if any(changes.get(key, "") is None for key in ("target", "value")):
        return _shown_unresolved(draft), False
    return (draft.but(**changes) if changes else draft), True


def _shown_unresolved(draft: Draft) -> Draft:
    """An unresolved pronoun reads as "it" in the plan shown to the user (which has an
    error and is never run)."""
    changes: dict[str, object] = {}
    for name in ("target", "value"):
        if is_placeholder(getattr(draft, name)):
            changes[name] = "it"
    if draft.scope is not None and is_placeholder(draft.scope.text):
        changes["scope"] = Scope(kind=draft.scope.kind, text="it")
    return draft.but(**changes)
