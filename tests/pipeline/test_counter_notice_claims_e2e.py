"""Counters read by their label, notifications that pop up after an action, and what "the
<place> says …" claims, through the whole pipeline on the demo site's help desk
(tests/site/pages/desk.html), a domain of its own. Every reading has a trap it must fail: a
count one off, the number of another tile, a toast's words that are only in the page's text
(no toast), a status line that was there before the action, words the page does not say.
"""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

P = "/desk"

GOALS = {
    # A number beside its label, on a page named in the claim (already there: no click).
    "a tile counter by its label": Goal(P, "the Escalated count should read 2", True),
    "a counter on a named page": Goal(P, "The Resolved counter on the overview should be 12", True),
    "TRAP a counter one off": Goal(P, "the Escalated count should read 3", False, 2, "holds '2'"),
    "TRAP the number of another tile": Goal(
        P, "the Waiting counter should say 12", False, 2, "'12'"
    ),
    "TRAP a label the page does not have": Goal(P, "the Overdue count should read 2", False, 2),
    "a counter after an action": Goal(
        P,
        "click Resolve in the row for C-12, then the Resolved counter should be 13 afterwards",
        True,
    ),
    "TRAP a counter that did not change the way claimed": Goal(
        P, "click Resolve in the row for C-12. The Open cases counter should be 7", False, 3
    ),
    # A toast gone 300 ms after it appeared: recorded, and found after it has gone.
    "a quoted notification pops up": Goal(
        P,
        "click Resolve in the row for C-14. A 'Case C-14 resolved' notification should pop up",
        True,
    ),
    "an unquoted notification you get": Goal(
        P, "click Save layout. You should get a Layout saved notification", True
    ),
    "a toast saying": Goal(P, "click Save layout; a toast saying Layout saved appears", True),
    "TRAP the words are only in the page's text": Goal(
        P,
        "click Save preferences. You should get a Preferences saved notification",
        False,
        3,
        "notification",
    ),
    "TRAP a status line from before the action": Goal(
        P,
        "click Resolve in the row for C-15. A 'Case C-9 resolved' notification should pop up",
        False,
        3,
        "notification",
    ),
    "TRAP another case's toast": Goal(
        P,
        "click Resolve in the row for C-15. A 'Case C-12 resolved' notification should pop up",
        False,
        3,
        "Case C-15 resolved",
    ),
    # "the <place> says X": the words, on the page the steps are on.
    "a greeting with a comma": Goal(P, "check the dashboard says Welcome back, Noor", True),
    "TRAP a greeting to someone else": Goal(
        P, "check the dashboard says Welcome back, Dana", False, 2
    ),
    # What a named summary says, inside it only.
    "a summary says a count": Goal(P, "the Case summary must say 2 Escalated", True),
    "TRAP a summary's count one off": Goal(P, "the Case summary must say 3 Escalated", False, 2),
    "TRAP the words outside the summary": Goal(
        P, "the Case summary should read 5 Waiting", False, 2, "Case summary"
    ),
    # Presence inside a tab: the tab is opened to look under it.
    "an item under a tab not selected yet": Goal(
        P, "'Password reset loop' should show up under the Done tab", True
    ),
    "TRAP an item only in the other tab": Goal(
        P, "'Printer jams on tray 2' should show up under the Done tab", False, 2, "Done"
    ),
    "moved from one tab to the other": Goal(
        P,
        "click Resolve in the row for C-12. 'Printer jams on tray 2' should not be in the Open "
        "tab, and it should be listed in the Done tab",
        True,
    ),
    "TRAP still in the first tab": Goal(
        P,
        "click Resolve in the row for C-12. 'VPN drops at noon' is gone from the Open tab",
        False,
        3,
    ),
    # Positions, a title holding a verb of its own.
    "a title with a verb at the top": Goal(P, "Printer jams on tray 2 should be at the top", True),
    "a title with a verb second": Goal(
        P, "C-14 Laptop shows blue lines should be the second case", True
    ),
    "TRAP the second row is not the top": Goal(
        P, "Laptop shows blue lines should be at the top", False, 2
    ),
    # Only these are shown.
    "both show up": Goal(
        P, "check that both 'Printer jams on tray 2' and 'VPN drops at noon' show up", True
    ),
    "TRAP one of both is in a hidden tab": Goal(
        P, "check that both 'Printer jams on tray 2' and 'Password reset loop' show up", False, 3
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
