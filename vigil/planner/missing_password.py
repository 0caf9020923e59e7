"""A sign-in with no password ("Sign in as manager", "manager login", "log in as the admin
first"): the clause stays an error, and the error says what is missing instead of only that
it was not understood. A password is never guessed, looked up or borrowed from another goal.
"""

from __future__ import annotations

import re

NOT_UNDERSTOOD = "could not understand: '{clause}'"
NO_PASSWORD = (
    "could not understand: '{clause}': a sign-in as '{who}' needs its password, and none is "
    "given (write it as 'log in as {who} / <password>'; Vigil never guesses one)"
)
_VERB = r"(?:(?:try\s+to\s+|then\s+)?(?:log\s*in|login|sign\s*in|signin|sign\s+on|log\s+on))"
_WHO = r"(?:the\s+|our\s+|my\s+)?(?P<who>[\w.@+-]+)"
_END = r"(?=$|\s*,|\s+and\s|\s+then\s)"
_SIGN_INS_WITHOUT_PASSWORD = (
    # "Sign in as manager", "log in as the admin first", "Log in as the manager and …"
    re.compile(rf"^{_VERB}\s+as\s+{_WHO}(?:\s+(?:first|beforehand|again))?{_END}", re.I),
    # "manager login, Orders", "admin sign-in"
    re.compile(rf"^{_WHO}\s+(?:login|log-in|sign-in|signin){_END}", re.I),
    # "As manager: …", "As the manager, …": an account named for the whole goal.
    re.compile(rf"^as\s+{_WHO}(?=$|\s*[,:])", re.I),
)
# Words that say who the goal is told as, never an account: "log in as a customer", "As a
# guest, …" (a signed-out visitor: visitors.py), "as usual".
_NOT_AN_ACCOUNT = frozenset(
    {"a", "an", "someone", "anyone", "user", "usual", "normal", "guest", "visitor",
     "anonymous", "nobody", "expected", "before", "well", "such", "always", "follows"}
)  # fmt: skip


def unread_message(clause: str) -> str:
    """The error for a clause nobody read: a sign-in missing its password says so."""
    who = _account(clause)
    if who is None:
        return NOT_UNDERSTOOD.format(clause=clause)
    return NO_PASSWORD.format(clause=clause, who=who)


def signs_in_without_password(words: str) -> bool:
    """ "As manager" heading a goal: someone signed in, with no password to do it. Such a head
    is never skipped as framing (the steps after it would run signed out)."""
    return _account(words) is not None


def _account(words: str) -> str | None:
    found = next(
        (m for p in _SIGN_INS_WITHOUT_PASSWORD if (m := p.match(words.strip())) is not None), None
    )
    if found is None or found.group("who").lower() in _NOT_AN_ACCOUNT:
        return None
    return found.group("who")
