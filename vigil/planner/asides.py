"""Explanatory asides: words that say why, not what to check.

"Iceland isn't listed (still a draft)", "… should find no matching pages, the draft was
removed", "Delete the 'Write for us' page (it's under Far & Near), confirm, …": the aside
explains the claim or the step beside it; the claim or step is what the goal asks. An aside
is set apart as framing (shown by `vigil plan`, never checked) only when all of these hold:

- it is in parentheses, or it ends the clause after a comma;
- it reads as an explanation: a state said of "it"/"they" ("it's under Far & Near",
  "they're archived"), a bare state ("still a draft", "already paid"), "there is/are …"
  without a number, a reason ("because …", "since …"), or, at the end only, a past event
  ("the draft was removed", "it was archived": a thing taken away);
- it holds no quoted text and no number (either could be a claim: "there are 3 orders");
- the planner cannot read it as a step or claim of its own (then it is read and checked,
  never dropped), except a hint of where the thing lives ("it's under Far & Near");
- what is left reads completely.
Anything else stays an error naming the clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vigil.planner.clauses import Clause, has_token

_STATE = (
    r"(?:still|already|now|currently|just|only|not\s+yet|no\s+longer)\s+"
    r"(?:an?\s+|the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
)
_OF_IT = (
    r"(?:it|this|that|they|these|those|which)(?:'s|\u2019s|'re|\u2019re|\s+is|\s+are|\s+was|"
    r"\s+were|\s+lives|\s+sits)\s+(?:still\s+|now\s+|already\s+|currently\s+|not\s+)?"
    r"(?:under|in|inside|below|within|on|a|an|the|still|archived|hidden|unpublished|"
    r"published|draft|live|new|old)\b[^()]*"
)
_THERE = r"there\s+(?:is|are|was|were)\s+(?:some\s+|still\s+)?[a-z][^()\d]*"
_REASON = r"(?:because|since|as|due\s+to)\s+[^()]+"
_INSIDE = re.compile(rf"(?:{_STATE}|{_OF_IT}|{_THERE}|{_REASON})", re.I)
_PAST = re.compile(
    r"(?:the|its|their|this|that|our|my)\s+(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:was|were|has\s+been|have\s+been|had\s+been|got)\s+(?:already\s+|just\s+)?"
    r"(?:removed|deleted|archived|unpublished|moved|renamed|cancell?ed|withdrawn|retired|"
    r"hidden|merged|replaced|taken\s+down|trashed|discontinued)",
    re.I,
)
# "(it's under Far & Near)": where the thing lives, a hint for finding it, never a claim.
_WHERE_IT_LIVES = re.compile(
    r"(?:it|this|that|they|these|those)(?:'s|\u2019s|'re|\u2019re|\s+is|\s+are|\s+lives|"
    r"\s+live|\s+sits)\s+(?:under|in|inside|within|below)\s+(?-i:[A-Z])[^()\d]*",
    re.I,
)
_PARENS = re.compile(r"\s*\((?P<inner>[^()]+)\)")
_TRAILING = re.compile(r"^(?P<head>.+?),\s+(?P<tail>[^,]+?)\.?$")


def _explains(words: str, *, trailing: bool) -> bool:
    words = " ".join(words.split()).rstrip(".")
    if not words or has_token(words) or re.search(r"\d", words):
        return False
    if _INSIDE.fullmatch(words):
        return True
    return trailing and _PAST.fullmatch(words) is not None


def without_asides(
    clause: Clause, reads: Callable[[Clause], bool], *, trailing: bool
) -> tuple[Clause, list[str]] | None:
    """The clause with its explanatory asides taken out (parenthesised ones, and with
    `trailing` one after a last comma), and the asides as written; None when it has none.
    `reads` says whether an aside reads as a step or claim of its own: such an aside is kept."""
    text = clause.masked
    asides: list[str] = []

    def drop(found: re.Match[str]) -> str:
        inner = found.group("inner")
        hint = _WHERE_IT_LIVES.fullmatch(" ".join(inner.split())) is not None
        if _explains(inner, trailing=False) and (
            hint or not reads(clause.with_text(inner.strip()))
        ):
            asides.append(clause.written(inner))
            return ""
        return found.group(0)

    text = _PARENS.sub(drop, text)
    tail = _TRAILING.fullmatch(text.strip()) if trailing else None
    if (
        tail is not None
        and _explains(tail["tail"], trailing=True)
        and not reads(clause.with_text(tail["tail"].strip()))
    ):
        asides.append(clause.written(tail["tail"]))
        text = tail["head"]
    if not asides:
        return None
    return clause.with_text(" ".join(text.split())), asides


def claim_aside(clause: Clause) -> tuple[Clause, Clause] | None:
    """ "Open Reports (the revenue should be $67.50)": a parenthesis that is a sentence of its
    own, checked after the words around it; (the clause without it, the aside). The caller
    reads both and keeps this only when both read completely and the aside only claims."""
    found = _PARENS.search(clause.masked)
    if found is None or _PARENS.search(clause.masked, found.end()) is not None:
        return None
    inner = found.group("inner").strip()
    if len(inner.split()) < 3:
        return None  # "(draft)", "(incl. VAT)": part of a name or a note, not a sentence
    rest = (clause.masked[: found.start()] + clause.masked[found.end() :]).strip()
    if not rest:
        return None
    return clause.with_text(rest), clause.with_text(inner)
