"""Sentences that frame the steps instead of asking for one.

"Make sure a customer can check out:", "Ana should be able to reach her invoices.", "An old
password must not work:", "As an admin, I want to archive an order." Such a sentence says
what the steps after it are for; it is skipped only when the goal has steps of its own (a
goal made of nothing but framing asks something that nothing checks, which is an error) and
only when it quotes nothing (a quoted text is something to check, never framing).
"""

from __future__ import annotations

import re

from vigil.planner.claims import NEGATION
from vigil.planner.clauses import Clause, has_token

_VERB_OF_CHECKING = r"(?:make\s+sure|ensure|check|verify|confirm|test|prove|see|show)"
_ACTOR = r"(?:[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2})"
_MODAL = (
    r"(?:should|must|can|could|will|needs?\s+to|has\s+to|have\s+to|is\s+able\s+to|"
    r"are\s+able\s+to|cannot|can't|can\u2019t|won't)"
)
# Claims keep their verbs after the modal ("it should be listed", "the page must show …");
# framing goes on with a doing verb ("a customer can check out", "Ana should reach …").
_CLAIM_VERB = (
    r"(?:be|have|has|show|shows|display|contain|say|read|list|appear|remain|stay|equal|"
    r"include|look|not|get|become|match|hold|report|reports|state|states|mention|mentions|"
    r"offer|offers|"
    # What a page or a part of one does ("the dashboard should load", "… should open"): a
    # claim about the place, never the framing of a person's purpose.
    r"load|loads|open|opens|come\s+up|render|display|redirect)\b"
)
_NOT_AN_ACTOR = r"(?!(?:it|this|that|these|those|there|they|its)\b)"
FRAMING = re.compile(
    rf"^(?:{_VERB_OF_CHECKING}\s+(?:that\s+|whether\s+|if\s+)?)?(?:as\s+{_ACTOR}\s*,\s*)?"
    rf"{_NOT_AN_ACTOR}{_ACTOR}\s+{_MODAL}(?:\s+(?:still|also|always|never))?(?:\s+not)?"
    # The lookahead sees past adverbs, so "X should still be off" never frames "still be off".
    rf"(?:\s+be\s+able\s+to\s+|\s+(?!(?:(?:still|also|always|never|not|now|then)\s+)*"
    rf"{_CLAIM_VERB}))(?P<rest>.+)$"
    r"|^(?:scenario|story|goal|test|case|flow|journey|purpose|use\s+case)\b.*$"
    r"|^as\s+an?\s+[\w ]+?,\s*i\s+(?:want|need|would\s+like)\s+to\s+.+$"
    rf"|^(?:{_VERB_OF_CHECKING}\s+)?(?:that\s+)?(?:an?\s+|the\s+)?[\w ]+?\s+"
    r"(?:works?|(?:must|should|does|do)(?:\s+not|n't)\s+work|is\s+rejected|gets\s+rejected)$"
    rf"|^(?:{_VERB_OF_CHECKING}\s+)(?:that\s+)?(?:the\s+)?[\w ]+?\s+"
    r"(?:flow|process|journey|feature)"
    r"(?:\s+works?)?$",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"^(?:scenario|story|user\s+story|goal|test(?:\s+case)?|case|flow|journey|purpose|"
    r"use\s+case|feature|title|summary|description)\s*\d*\s*:\s*[^\ue000]*$",
    re.IGNORECASE,
)
# "Make sure a customer can check out: log in …" on one line: the head frames the rest.
HEAD_COLON = re.compile(r"^(?P<head>[^:\ue000]+?)\s*:\s+(?P<rest>.+)$")


def is_framing(clause: Clause, fragment: str | None = None) -> bool:
    """Whether these words frame the goal rather than ask something (see the module doc)."""
    text = clause.masked if fragment is None else fragment
    if has_token(text) or _CREDENTIALS_OR_PATH.search(text):
        return False
    return clause.introduces or FRAMING.match(text.strip()) is not None


def modal_rest(clause: Clause) -> str | None:
    """ "a customer can log in as demo / demo" -> "log in as demo / demo", to read on its own."""
    found = FRAMING.match(clause.masked)
    if found is None or not found.group("rest"):
        return None
    if NEGATION.search(clause.masked[: found.start("rest")]):
        return None  # "a user cannot delete X" is no instruction to delete X
    return found.group("rest")


def is_label(clause: Clause) -> bool:
    """ "Scenario: buying bread", "Story: …": a title for the goal, framing as a whole."""
    return LABEL.match(clause.masked) is not None


# Words that start a step ("On the board, filter Priority to Low: …"): a head that asks for
# one is never skipped as framing, or the claim after it is judged where the step did not go.
_ASKS_A_STEP = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|then)\s+)(?:please\s+)?(?:open|go|navigate|visit|click|tap|press|"
    r"filter|search|sort|type|enter|fill|select|choose|pick|add|create|delete|remove|edit|set|"
    r"turn|switch|tick|untick|check|uncheck|log|sign|submit|save|reload|refresh|scroll|"
    r"upload|change|rename|mark|assign|move|close|expand|collapse|hover|wait)\b",
    re.IGNORECASE,
)


# "Settings page check (dana / board-room-7):", "dana / pw -> Settings:": a head holding an
# account and its password, or a path to a place, asks for a sign-in or a visit; skipped as
# framing, the steps after it would run signed out or on the wrong page.
_CREDENTIALS_OR_PATH = re.compile(r"\b[\w.@+-]+\s*/\s*[\w.@+-]+|->|\u2192|=>")


def asks_a_step(words: str) -> bool:
    """Whether these words ask for a step somewhere (see _ASKS_A_STEP)."""
    return _ASKS_A_STEP.search(words) is not None or _CREDENTIALS_OR_PATH.search(words) is not None


def split_head(clause: Clause) -> tuple[str, str] | None:
    """The head and the rest of "Make sure a customer can check out: log in …". The head
    frames only if the rest reads completely; the caller decides that."""
    found = HEAD_COLON.match(clause.masked)
    if not found or has_token(found.group("head")):
        return None
    return found.group("head"), found.group("rest")
