"""Claims about items, positions, prices, tiles, messages and ticked boxes, written the way a
shop keeper writes them (sentence-case names, no quotes), through the whole pipeline on the
demo site's corner shop page (tests/site/pages/corner.html). Every reading has a trap it must
fail: a name shown elsewhere on the page but not in the results (a "Popular" aside, a "No
results for …" notice), the row one place away, the price in another row, a tile's delta
line, an amount that differs only in its cents, a message with another number, a box that is
not ticked.
"""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

P = "/corner"

GOALS = {
    # In the results: a row the search produced.
    "an item appears in the results": Goal(
        P, "search for rye and verify Rye bread appears in the results", True
    ),
    "TRAP an item shown only beside the results": Goal(
        P, "Search for 'oat milk' and verify Oat milk appears in the results", False, 3
    ),
    "an item is not among the results": Goal(
        P, "search for 'r' and make sure Spelt loaf is not among the results", True
    ),
    "TRAP an item claimed absent that is listed": Goal(
        P, "search for 'r' and make sure Honey jar is not among the results", False, 3
    ),
    # The second half borrows the first's predicate, negated.
    "one shows up, the other should not": Goal(
        P, "Search for loaf. Spelt loaf should turn up, Rye bread should not.", True
    ),
    "TRAP the other one shows up too": Goal(
        P, "Search for 'r'. Rye bread should show up, Honey jar should not.", False, 4
    ),
    # Position.
    "the first product": Goal(P, "Rye bread should be the first product", True),
    "TRAP the second product is not the first": Goal(
        P, "Spelt loaf should be the first product", False, 2
    ),
    "at the bottom of the table": Goal(
        P, "confirm Sparkling water is at the bottom of the table", True
    ),
    "third in the list": Goal(P, "Greek yogurt is third in the list", True),
    "TRAP fourth is not third": Goal(P, "Honey jar is third in the list", False, 2),
    # A price in the item's own row.
    "an item's price in the list": Goal(
        P, "the greek yogurt should cost $3.15 in the product list", True
    ),
    "TRAP the price of another row": Goal(
        P, "the greek yogurt should cost $4.75 in the product list", False, 2
    ),
    "the table lists an item at a price": Goal(
        P, "Check that the product table lists Honey jar at $4.75", True
    ),
    # Tiles: a label over its value.
    "a metric tile's number": Goal(P, "The Open tasks number should be 4", True),
    "TRAP a tile one off": Goal(P, "The Open tasks number should be 5", False, 2),
    "TRAP a number inside a bigger one": Goal(
        P, "the Low stock items figure should be 4", False, 2
    ),
    "a metric tile's amount": Goal(P, "the Shipped revenue metric is $52.52", True),
    "TRAP the tile's delta line": Goal(P, "the Shipped revenue metric is $4.75", False, 2),
    "a metric is visible": Goal(P, "check the Shipped revenue metric is visible", True),
    "TRAP a metric that is not there": Goal(P, "check the Refunds metric is visible", False, 2),
    # Amounts beside a label.
    "an amount with an equals sign": Goal(P, "cart total = $8.50", True),
    "cents written shorter are the same amount": Goal(P, "cart total = $8.5", True),
    "TRAP the cents of the total": Goal(P, "cart total = 50", False, 2),
    "the subtotal should be": Goal(P, "the subtotal should be $7.25", True),
    "TRAP another subtotal": Goal(P, "the subtotal should be $7.52", False, 2),
    # Messages without quotes.
    "an unquoted message": Goal(P, "Expect the message Order #2051 placed", True),
    "TRAP a message with another number": Goal(
        P, "Expect the message Order #2015 placed", False, 2
    ),
    # Already ticked.
    "a task already checked off": Goal(P, "'Face the cereal shelf' is already checked off", True),
    "TRAP a task not ticked": Goal(P, "'Restock the fridge' is already ticked off", False, 2),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
