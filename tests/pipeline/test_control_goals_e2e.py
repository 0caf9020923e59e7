"""Controls and their states through the whole pipeline on the demo site's leave request page
(tests/site/pages/leave.html): a dropdown the page draws (a box and the listbox it opens, a
read-only input that carries the value, as Quasar draws it), switches, tag chips and a table
of earlier requests. Every reading has a trap it must fail: the value written elsewhere on
the page while the dropdown holds another, an option the app ignores, an option whose name
holds the wanted one ("Approved with changes"), a switch that is off while help text says
"on", a tag that is another row's, a dropdown's value taken for a tag.
"""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

P = "/leave"

GOALS = {
    # Choosing in a dropdown the page draws, then reading what it shows.
    "set a custom dropdown and read it back": Goal(
        P, "set Status to Approved. Status should be Approved", True
    ),
    "choose in a read-only input dropdown": Goal(
        P,
        "change the leave type to Sick leave, then the Leave type field should be Sick leave",
        True,
    ),
    "approve it by setting the status": Goal(
        P,
        "approve it by setting the status to Rejected; the page should say Status changed "
        "to Rejected",
        True,
    ),
    "TRAP an option the app ignores": Goal(
        P, "set Status to Cancelled", False, 2, "the control shows 'Pending'"
    ),
    "TRAP an option that is not offered": Goal(
        P, "set Status to Withdrawn", False, 2, "no option 'Withdrawn'"
    ),
    "TRAP the value written elsewhere on the page": Goal(
        P, "the status should be Approved", False, 2, "holds 'Pending'"
    ),
    "TRAP a longer option holds the wanted name": Goal(
        P,
        "set Status to Approved with changes. Status should be Approved",
        False,
        3,
        "'Approved with changes'",
    ),
    # Switches named by their label.
    "a switch that is on": Goal(P, "Email me updates is on", True),
    "a switch that is off": Goal(P, "Remind my manager is off", True),
    "TRAP a switch off while help text says on": Goal(
        P, "Remind my manager is on", False, 2, "unchecked"
    ),
    "turn a switch on and read it": Goal(
        P, "turn Remind my manager on; Remind my manager should still be on", True
    ),
    # Tags: an element whose whole text is the tag, the record's own.
    "a tag of the record on its own page": Goal(
        P, "Leave Request 12 should carry the annual tag", True
    ),
    "a tag in a record's row": Goal(P, "'Leave request 11' is tagged sick", True),
    "TRAP a tag only in another row": Goal(
        P, "'Leave request 11' is tagged annual", False, 2, "'annual'"
    ),
    "TRAP a tag on another record's row, seen from this record's page": Goal(
        P, "Leave Request 12 should carry the sick tag", False, 2, "another record's row"
    ),
    "TRAP a dropdown's value is not a tag": Goal(
        P, "Leave Request 12 should carry the Pending tag", False, 2, "form field"
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
