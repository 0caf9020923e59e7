"""Records and the places they are opened from, through the whole pipeline on the demo
site's cookbook (a recipe list, each recipe's page with a Delete that asks in a dialog, an
edit form, a New recipe dialog). Each reading has a trap that must fail: the claim true of
another recipe, a delete cancelled instead of confirmed (on a recipe page whose title names
the cookbook and which has a list of its own), a rename that did not reach the list, a new
recipe never created."""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

PANTRY = "/pantry"
GOALS = {
    "a record opened from a named place, its field read on its page": Goal(
        PANTRY, "open 'Lemon tart' from the Cookbook. Its course should be Dessert", True
    ),
    "TRAP the field's value is another record's": Goal(
        PANTRY,
        "open 'Rye loaf' from the Cookbook. Its course should be Dessert",
        False,
        4,
        "Dessert",
    ),
    "a lowercase place named first, no comma": Goal(
        PANTRY, "on the cookbook open Pea soup. Its chef should be Cy", True
    ),
    "delete the record opened, confirm, gone from the place": Goal(
        PANTRY,
        "open 'Plum cake' from the Cookbook, delete the recipe and confirm, then verify "
        "it's gone from the cookbook",
        True,
    ),
    "TRAP the delete is cancelled, so it stays": Goal(
        PANTRY,
        "open 'Plum cake' from the Cookbook, delete the recipe and cancel, then verify "
        "it's gone from the cookbook",
        False,
        7,
        "Plum cake",
    ),
    "TRAP another record's page never answers for a row's Delete": Goal(
        PANTRY,
        "open 'Lemon tart' from the Cookbook and delete 'Rye loaf'. Back on the Cookbook, "
        "'Rye loaf' should not be listed",
        False,
        4,
        "Rye loaf",
    ),
    "rename a record in its edit form and save": Goal(
        "/cookbook",
        "Rename the recipe Pea soup to 'Minted broth' and click Save. Back on the "
        "Cookbook, 'Minted broth' should be listed and 'Pea soup' should not",
        True,
    ),
    "TRAP the rename reached Pea soup, not another recipe": Goal(
        "/cookbook",
        "Rename the recipe Pea soup to 'Minted broth' and click Save. Back on the "
        "Cookbook, 'Rye loaf' should not be listed",
        False,
        6,
        "Rye loaf",
    ),
    "TRAP a rename never saved is not listed": Goal(
        "/cookbook",
        "Rename the recipe Pea soup to 'Minted broth' and click Cancel. Back on the "
        "Cookbook, 'Minted broth' should be listed",
        False,
        6,
        "Minted broth",
    ),
    "a form filled in prose, then created": Goal(
        PANTRY,
        "On the Cookbook click New recipe, give it the title 'Fig tart' and course Dessert, "
        "and create it. Back on the Cookbook the row for 'Fig tart' shows Dessert in the "
        "Course column",
        True,
    ),
    "TRAP the form is cancelled, nothing is created": Goal(
        PANTRY,
        "On the Cookbook click New recipe, give it the title 'Fig tart', and cancel. Back on "
        "the Cookbook, 'Fig tart' should be listed",
        False,
        7,
        "Fig tart",
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])
