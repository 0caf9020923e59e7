"""No error on the page: "the homepage loads without errors", "make sure there's no error
message", "no errors are shown", "sign in as ana / pw without any error".

An error message has no text a goal names, so it is found by what it is: an alert that is
not a success or info notice, or an element whose class or state says error, danger or
invalid (Bootstrap, Django's errorlist, Rails' field_with_errors, aria-invalid fields). The
claim passes on a settled page where none of them is visible. Broad on purpose: an error
missed here would pass a broken page, while a notice caught wrongly only fails the step
(whose details name what was seen). Before this, "loads without errors" checked only that
the page loaded, so a page showing "Error: card declined" passed.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.steps import Draft

# `css=` so the executor takes it as a selector list, never as words to find.
ERROR_INDICATORS = (
    "css=[role=alert]:not([class*=success i]):not([class*=info i]):not(:empty), "
    "[class*=error i]:not(:empty), [class*=danger i]:not(:empty), "
    "[class*=invalid i]:not(:empty), [aria-invalid=true]"
)
_CHECKING = r"(?:(?:verify|ensure|confirm|check|make\s+sure|expect)\s+(?:that\s+)?)?"
_ERROR = (
    r"(?:any\s+|an?\s+)?(?:error|validation\s+error|problem)s?"
    r"(?:\s+(?:message|banner|alert|notice)s?)?"
)
_SHOWN = (
    r"(?:(?:is|are|should\s+be|must\s+be|gets?|get)\s+)?"
    r"(?:shown|displayed|visible|appears?|shows?\s+up|pops?\s+up|come\s+up|comes\s+up)"
)
NO_ERRORS = re.compile(
    rf"{_CHECKING}(?:"
    rf"(?:there(?:'s|\u2019s|\s+is|\s+are|\s+should\s+be)\s+)?no\s+{_ERROR}(?:\s+{_SHOWN})?"
    rf"|(?:the\s+page\s+)?(?:shows?|displays?)\s+no\s+{_ERROR}"
    rf")(?:\s+(?:anywhere|on\s+(?:the\s+)?(?:page|screen)))?",
    re.IGNORECASE,
)
# "… without errors", "… without any error message": a tail on a step or a loading claim.
WITHOUT_ERRORS = re.compile(rf"\s+without\s+{_ERROR}$", re.IGNORECASE)


def no_error_shown() -> Draft:
    return Draft(
        "assert_not_visible",
        target=ERROR_INDICATORS,
        note="Check no error message is shown (an alert, or anything marked error or invalid)",
    )


def read_no_errors(clause: Clause, ctx: Context) -> list[Draft] | None:
    if NO_ERRORS.fullmatch(clause.masked):
        return [no_error_shown()]
    return None
