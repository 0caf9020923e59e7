"""Regex pieces shared by the claim readers: auxiliaries, negation, subjects.

Every claim reader spells "should not", "doesn't", "is no longer" the same way, so a
negation is either read by a named group (`neg`) or the claim is not read at all; a "not"
can never be skipped over and turn into a positive check.
"""

from __future__ import annotations

import re

# "should", "must not", "doesn't", "cannot", "won't", "to" (as in "expect the title to be").
# No "might" / "may": a claim that only may hold asks nothing definite to check.
AUX = r"(?:should|must|shall|will|would|does|do|did|can|ca|could|to|is\s+going\s+to|wo|ought\s+to)"
# A negation in the verb group: "not", "n't", "never", "no longer", "not … anymore".
_NEGATION = r"not|n't|n\u2019t|never|no\s+longer|not\s+any\s*more"
NOT = rf"(?:\s*(?P<neg>{_NEGATION}))?"
_NOT_AGAIN = rf"(?:\s*(?P<neg3>{_NEGATION}))?"
# "should", "should not", "should still", "should no longer".
SHOULD = rf"(?:{AUX}{NOT}\s+)?(?:(?:still|also|now|then|again|eventually|finally|immediately)\s+)?"
# "is", "are", "isn't", "is no longer", "should be", "should not be", "remains", "stays".
IS = (
    rf"(?:(?:is|are|was|were|'s|\u2019s|'re|\u2019re){NOT}|{AUX}{_NOT_AGAIN}\s+be|"
    r"(?:remains?|stays?|becomes?|gets?|appears?\s+to\s+be|looks?)(?P<neg2>\s+not|n't)?)"
    r"(?:\s+(?:still|now|also|then|again|correctly|properly))?"
)
# Who is doing the looking: "I", "we", "the user", "Ana", "he": up to three words.
PERSON = r"(?:(?:i|we|you|he|she|they|the\s+(?:user|customer|visitor|admin)|user|[A-Z][\w-]*)\s+)"
# Trailing words that add nothing to a claim: "anymore", "on the page", "on screen".
TRAILER = (
    r"(?:\s+(?:any\s*more|on\s+(?:the\s+)?(?:page|screen)|in\s+the\s+(?:page|ui)|"
    r"at\s+all|either|too|as\s+well))*"
)


def negated(found: re.Match[str]) -> bool:
    groups = found.groupdict()
    return any(groups.get(name) for name in ("neg", "neg2", "neg3", "never", "no"))


def pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)
