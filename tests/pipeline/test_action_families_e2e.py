"""Conditions set first, signed-out framing and quantities in a basket, through the whole
pipeline on the demo site; each reading has a trap that must fail where it is wrong."""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

GOALS = {
    "a box ticked first hides what it filters out": Goal(
        "/catalog", "With 'In stock only' checked, 'Spelt' should not be shown", True
    ),
    "an unticked box keeps every row": Goal(
        "/catalog", "With In stock only unticked, Spelt should be listed", True
    ),
    "TRAP a sold-out row is not listed once the box is ticked": Goal(
        "/catalog", "With In stock only ticked, Danish should be listed", False, 3, "Danish"
    ),
    "a signed-out visitor is sent to sign in": Goal(
        "/orders",
        "As a visitor who is not signed in, 'Order history' should not be shown",
        True,
    ),
    "TRAP a signed-out visitor does not see the signed-in page": Goal(
        "/orders", "As an anonymous user, 'Order history' should be shown", False, 2, "Order"
    ),
    "each unit is its own click": Goal(
        "/storefront",
        "Put 2 Sencha and 1 Rooibos in the basket. Open the Basket: 'Sencha x 2' and "
        "'Rooibos x 1' should be shown",
        True,
    ),
    "a plural after a count is the item's row": Goal(
        "/storefront", "add three senchas to the basket; 'Basket (3)' should be shown", True
    ),
    "TRAP one unit more than claimed": Goal(
        "/storefront",
        "add 2 Rooibos to the basket, then open the Basket. 'Rooibos x 3' should be shown",
        False,
        5,
        "Rooibos x 3",
    ),
    "taking an item out of the basket": Goal(
        "/storefront",
        "put 2 Sencha and a Rooibos in the basket, open the Basket and take the Sencha out of "
        "the basket. 'Rooibos x 1' should be shown and 'Sencha x 2' should not",
        True,
    ),
    "TRAP the other item is the one still there": Goal(
        "/storefront",
        "put 1 Sencha and 1 Rooibos in the basket, open the Basket and remove Rooibos from the "
        "basket. 'Rooibos x 1' should be shown",
        False,
        7,
        "Rooibos x 1",
    ),
    "a tab on its page is chosen before what it lists is read": Goal(
        "/board", "the Closed tab on the Board page lists T-3", True
    ),
    "TRAP the ticket is in the other tab": Goal(
        "/board", "the Closed tab on the Board page lists T-1", False, 4, "T-1"
    ),
    "TRAP a page nobody links to is never passed": Goal(
        "/", "the Closed tab on the Board page lists T-3", False, 2, "Board"
    ),
    "a path to a tab, then a claim": Goal(
        "/board", "Board → Closed tab → 'Password reset' should be shown", True
    ),
    "a section of another page": Goal(
        "/",
        "in the Settings page's Billing section, type 'b@x.io' into Email and click Save. "
        "'Billing saved (b@x.io)' should be shown",
        True,
    ),
    "TRAP the section's own Save answers only there": Goal(
        "/",
        "in the Settings page's Profile section, type 'b@x.io' into Email and click Save. "
        "'Billing saved' should be shown",
        False,
        5,
        "Billing saved",
    ),
    "a new item goes in with its attributes": Goal(
        "/chores",
        "add a new chore 'Wipe the counters' assigned to Jo with priority High. The row for "
        "'Wipe the counters' shows 'Jo' in the Who column. The row for 'Wipe the counters' "
        "shows 'High' in the Priority column",
        True,
    ),
    "TRAP the attribute is another row's": Goal(
        "/chores",
        "add 'Water the plants' assigned to Jo. The row for 'Water the plants' shows 'Sam' in "
        "the Who column",
        False,
        4,
        "Sam",
    ),
    "a bare page name leads the rest": Goal(
        "/", "On Catalog, with In stock only checked, 'Danish' should not be shown", True
    ),
    "TRAP a bare page nobody links to": Goal(
        "/", "On Warehouse, 'Spelt' should not be shown", False, 2, "Warehouse"
    ),
    "a verb and its object name the control": Goal(
        "/storefront",
        "add 2 Sencha to the basket, open the Basket and place the order. "
        "'Order placed: 2 items' should be shown",
        True,
    ),
    "TRAP no control is named for that verb": Goal(
        "/storefront",
        "add 1 Sencha to the basket, open the Basket and cancel the order. 'Sencha' is shown",
        False,
        4,
        "Cancel order",
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
