"""Whether a goal expects its sign-in to be refused.

"log in as ana / old-pw and check the error 'Invalid password' appears", "An old password
must not work: log in as ana / old-pw", "sign in as ana / x; I stay on the login page": the
person wrote "log in" but checks a refusal, so the sign-in is an attempt and its outcome is
for the goal's claims to judge. Any other sign-in is expected to work, and a run whose
sign-in is refused fails there instead of judging the sign-in page as the place it leads to.
Reading too much as a refusal only skips that check, never passes something unchecked.
"""

from __future__ import annotations

import re

_REFUSAL = re.compile(
    r"\b(?:errors?|invalid|incorrect|wrong|fail(?:s|ed|ure|ing)?|denied|deny|rejected|rejects?|"
    r"refused|refuses?|unsuccessful|unauthori[sz]ed|forbidden|locked|blocked|expired|"
    r"mismatch|not\s+recogni[sz]ed|try\s+again|bad\s+(?:password|credentials|login))\b"
    r"|\b(?:not|n't|never|cannot|can't|can\u2019t)\s+(?:be\s+)?(?:work|let|allow|succeed|"
    r"(?:logged|signed)\s+in|log\s+in|sign\s+in|get\s+in|access)"
    r"|\b(?:still|stays?|remains?|back)\s+(?:on|at|to)\s+(?:the\s+)?"
    r"(?:log\s*-?\s*in|sign\s*-?\s*in|login|signin)"
    # "the page should ask for a correct username and password": the form asks again.
    r"|\b(?:asks?|prompts?)\s+(?:me\s+|you\s+|us\s+)?(?:again\s+)?(?:for|to\s+(?:re-?)?enter)\b"
    r"|\b(?:correct|valid|right)\s+(?:user\s*name|username|password|credentials|login|e-?mail)",
    re.IGNORECASE,
)


def expects_refusal(goal: str) -> bool:
    """Whether anything in the goal speaks of a sign-in being refused."""
    return _REFUSAL.search(goal) is not None
