"""Waiting for loading to end: "wait for the spinner to disappear", "wait until the loader
goes away", "wait for the results to load", "wait until loading has finished".

A spinner, loader or progress bar is rarely named, so it is found by what it is: an element
with role progressbar, `aria-busy="true"`, or a class saying spinner, loader or loading. The
step passes once none of them is visible and fails when one is still shown at the step's
timeout, so a page that never stops loading never passes. "Wait for X to load" (X not a
control) waits for the page to finish loading and for any such indicator to go.
"""

from __future__ import annotations

import re

from vigil.models import WAIT_FOR_LOAD
from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.grammar import AUX, NOT, negated
from vigil.planner.steps import Draft
from vigil.planner.targets import parse_target

# What a busy indicator looks like in the page, whatever it is called.
# `css=` so the executor takes it as a selector list, never as words to find.
# Broad on purpose: an indicator missed here would let the wait pass while it still spins,
# whereas one caught wrongly only fails the step.
BUSY_INDICATORS = (
    "css=[role=progressbar], [aria-busy=true], [class*=spinner i], [class*=spin i], "
    "[class*=loader i], [class*=loading i], [class*=progress i], [class*=skeleton i], "
    "[class*=busy i], [aria-label*=loading i]"
)
_INDICATOR = (
    r"(?:(?:loading|busy|progress|activity)\s+)?(?:spinner|loader|throbber|loading\s+indicator|"
    r"busy\s+indicator|progress\s+(?:bar|indicator)|loading\s+(?:icon|animation|bar|wheel|overlay)|"
    r"loading\s+spinner|spinning\s+wheel|skeleton(?:\s+screen)?)"
)
_GONE = (
    r"(?:to\s+)?(?:disappears?|go(?:es)?\s+away|vanish(?:es)?|stops?(?:\s+spinning)?|"
    r"finish(?:es)?|is\s+(?:gone|hidden|done)|be\s+(?:gone|hidden)|has\s+(?:gone|disappeared|"
    r"finished|stopped))"
)
WAIT_INDICATOR_GONE = re.compile(
    rf"wait\s+(?:for|until|till)\s+(?:the\s+|a\s+|any\s+)?{_INDICATOR}(?:s)?\s+{_GONE}"
    rf"|wait\s+(?:for|until|till)\s+(?:there\s+is\s+|there's\s+)?no\s+(?:more\s+)?{_INDICATOR}"
    r"(?:\s+(?:is\s+)?(?:visible|shown|left))?",
    re.IGNORECASE,
)
# "the spinner should disappear", "the loader is gone", "no spinner is shown": a claim.
INDICATOR_CLAIM = re.compile(
    r"(?:(?:verify|ensure|confirm|check|make\s+sure|expect)\s+(?:that\s+)?)?"
    rf"(?:(?:the|a|any)\s+{_INDICATOR}s?\s+(?:{AUX}{NOT}\s+)?(?:eventually\s+)?"
    rf"(?P<gone>{_GONE})|(?:there(?:'s|\u2019s|\s+is|\s+should\s+be)\s+)?no\s+{_INDICATOR}"
    r"(?:\s+(?:is\s+)?(?:visible|shown|left|spinning))?)"
    r"(?:\s+(?:eventually|in\s+the\s+end|after\s+a\s+while))?",
    re.IGNORECASE,
)
# "wait for the results to load", "wait until the data is loaded", "wait for loading to finish".
WAIT_LOADED = re.compile(
    r"wait\s+(?:for|until|till)\s+(?:(?:the|it|everything|all)\s+)?"
    r"(?:(?P<what>[\w'-]+(?:\s+[\w'-]+){0,2})\s+)?"
    r"(?:to\s+(?:finish\s+)?load(?:ing)?|to\s+be\s+loaded|(?:is|are|has|have)\s+(?:been\s+)?loaded|"
    r"(?:has|have)\s+finished\s+loading|finish(?:es)?\s+loading|(?:is|are)\s+done\s+loading|"
    r"loads)"
    r"|wait\s+(?:for|until|till)\s+(?:the\s+)?loading\s+(?:to\s+)?(?:finish(?:es)?|end|stop|"
    r"is\s+(?:done|over|finished)|has\s+finished)",
    re.IGNORECASE,
)
# Words that are controls or places, which "wait for X to load" cannot mean loosely.
_NOT_CONTENT = re.compile(r"(?:.*\s)?(?:button|link|field|page|site|tab|checkbox)$", re.I)


# "wait a moment", "wait a bit": a short pause, said without a number.
WAIT_A_MOMENT = re.compile(
    r"(?:wait|pause|hold\s+on)\s+(?:for\s+)?(?:a\s+(?P<short>moment|bit|little|sec|second\s+or\s+two|"
    r"little\s+while)|(?P<couple>a\s+couple\s+(?:of\s+)?seconds))",
    re.IGNORECASE,
)


def _gone_note(words: str) -> str:
    return f"Wait until no loading indicator (spinner, loader, progress bar) is shown: {words}"


def read_loading(clause: Clause, ctx: Context) -> list[Draft] | None:
    words = clause.written()
    if moment := WAIT_A_MOMENT.fullmatch(clause.masked):
        return [Draft("wait", value="2000" if moment.group("couple") else "1000")]
    if WAIT_INDICATOR_GONE.fullmatch(clause.masked):
        return [Draft("assert_not_visible", target=BUSY_INDICATORS, note=_gone_note(words))]
    if (claim := INDICATOR_CLAIM.fullmatch(clause.masked)) and not negated(claim):
        return [Draft("assert_not_visible", target=BUSY_INDICATORS, note=_gone_note(words))]
    found = WAIT_LOADED.fullmatch(clause.masked)
    if found is None:
        return None
    what = found.group("what")
    if what and _NOT_CONTENT.fullmatch(what):
        # "wait for the Show details button to load": that control, shown.
        target = parse_target(clause, what)
        if target is None or target.name is None or not target.noun:
            return None  # "wait for the page to load" is read_wait's
        return [Draft("wait", target=target.name, role=target.role, scope=target.scope)]
    return [
        Draft("wait", value=WAIT_FOR_LOAD, note="Wait for the page to finish loading"),
        Draft("assert_not_visible", target=BUSY_INDICATORS, note=_gone_note(words)),
    ]
