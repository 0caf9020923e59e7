"""Who the goal is told as, when that someone is nobody signed in: "As a guest, …".

"As a visitor who is not signed in, …", "As an anonymous user …", "Not logged in, …", "As a
logged-out shopper, …": every check starts in a fresh browser with no session, so being signed
out is where it already is, and the lead asks for no step. It only frames; the rest is read
on its own. A named role ("As the manager, …") is not read here: that is someone signed in,
and without a password it is never guessed.
"""

from __future__ import annotations

import re

_PERSON = r"(?:user|visitor|customer|shopper|buyer|person|member\s+of\s+the\s+public|reader|client)"
_SIGNED = r"(?:signed|logged)[\s-]+in"
_OUT = r"(?:not\s+(?:yet\s+)?|never\s+)"
_SIGNED_OUT_ADJECTIVE = (
    r"(?:anonymous|logged[\s-]+out|signed[\s-]+out|unauthenticated|unregistered|"
    r"not[\s-]+(?:yet[\s-]+)?(?:logged|signed)[\s-]+in|new|first[\s-]+time)"
)
VISITOR_LEAD = re.compile(
    r"^(?:"
    # "As a visitor who is not signed in", "as a user who isn't logged in"
    rf"as\s+an?\s+{_PERSON}\s+(?:who|that)\s+(?:is\s+{_OUT}|isn't\s+|is\s+not\s+|has\s+not\s+|"
    rf"hasn't\s+|never\s+)(?:yet\s+)?(?:{_SIGNED}|(?:signed|logged)\s+up)"
    # "As an anonymous user", "as a logged-out visitor", "as a guest", "as a guest user"
    rf"|as\s+an?\s+{_SIGNED_OUT_ADJECTIVE}\s+{_PERSON}"
    rf"|as\s+an?\s+guest(?:\s+{_PERSON})?|as\s+(?:an?\s+)?anonymous|as\s+(?:a\s+)?nobody"
    # "Not signed in, …", "While not logged in, …", "Without an account, …"
    rf"|(?:while\s+|when\s+)?{_OUT}{_SIGNED}|without\s+(?:an\s+|any\s+)?account"
    r")\s*(?:,\s*|:\s*|\s+(?=\S))",
    re.IGNORECASE,
)
