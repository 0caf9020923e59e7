"""Grounding on pages that trip a literal reading, through the whole pipeline on the demo
site: going into a section of a page tree (its title opens the editor), a count of zero on a
page that drops its list and says nothing matched, and the n-th item under a heading. Each
reading has a trap that must fail, never pass: the wrong section, a page that says nothing
matched but still lists rows, a page that says nothing about the search, the item in another
position or under another heading."""

from __future__ import annotations

import pytest

from tests.pipeline.verdicts import Goal, assert_verdict
from vigil.pipeline.pipeline import Pipeline

GOALS = {
    "going into a section of a page tree": Goal(
        "/tree", "open Recipes: 'Rye Bread' should be listed", True
    ),
    "going into another section by its name": Goal(
        "/tree", "Go to Travel and check that Lisbon Weekend is listed", True
    ),
    "TRAP the other section does not hold the child": Goal(
        "/tree", "open Travel: 'Rye Bread' should be listed", False, 3, "Rye Bread"
    ),
    "a search that finds nothing holds a zero count": Goal(
        "/finder", "search for 'zzz' and expect no matching books", True
    ),
    "no results, said otherwise": Goal("/finder", "Search for 'qqq': there are no results", True),
    "TRAP a search that finds books is not zero": Goal(
        "/finder", "search for 'Dune' and expect no matching books", False, 3, "matching books"
    ),
    "TRAP a page that says nothing matched but lists rows": Goal(
        "/finder", "search for 'stale': 0 books listed", False, 3, "still lists"
    ),
    "TRAP a page that says nothing about books": Goal(
        "/tree", "there should be no books", False, 2, ""
    ),
    "the n-th item under a heading": Goal(
        "/finder", "under 'Staff picks' the second book is Emma", True
    ),
    "the n-th item in a named section": Goal(
        "/search", "in the Popular section the second item should be Croissant", True
    ),
    "the last item under a heading, told value first": Goal(
        "/finder", "Ulysses should be the last book under 'Staff picks'", True
    ),
    "TRAP the item is in another position": Goal(
        "/finder", "under 'Staff picks' the first book is Emma", False, 2, "Emma"
    ),
    "TRAP the item is first under another heading": Goal(
        "/finder", "under 'Staff picks' the first book is Beloved", False, 2, "Beloved"
    ),
    "TRAP a heading the page does not have": Goal(
        "/finder", "under 'Award winners' the first book is Dune", False, 2, "Award winners"
    ),
    "an explanatory aside frames": Goal(
        "/", "Go to Catalog. 'Oat' should be listed (still in stock).", True
    ),
    "TRAP the claim beside an aside is still checked": Goal(
        "/", "Go to Catalog. 'Spelt' isn't listed, the loaf was discontinued.", False, 3, "Spelt"
    ),
}


@pytest.mark.parametrize("name", list(GOALS))
async def test_goal_gets_the_expected_verdict(
    name: str, pipeline: Pipeline, demo_site: str
) -> None:
    await assert_verdict(pipeline, demo_site, GOALS[name])


async def test_the_step_says_it_went_into_the_section(pipeline: Pipeline, demo_site: str) -> None:
    _, browser, _ = await pipeline.run_check(demo_site + "/tree", "open Recipes")
    assert "opens its editor; used the row's link 'Explore child pages of 'Recipes''" in (
        browser.steps[1].details
    ), browser.steps[1].details
    assert browser.final_url is not None and browser.final_url.endswith("/tree/recipes")


async def test_a_title_link_that_does_not_edit_is_followed(
    pipeline: Pipeline, demo_site: str
) -> None:
    """The "Guides" link says nothing about editing: it is clicked as found, even though an
    "Explore Guides" link sits beside it."""
    _, browser, _ = await pipeline.run_check(demo_site + "/tree", "open Guides")
    assert browser.steps[1].passed, browser.steps[1].details
    assert "editor" not in browser.steps[1].details
    assert browser.final_url is not None and browser.final_url.endswith("/tree/travel")


async def test_a_zero_count_says_what_the_page_said(pipeline: Pipeline, demo_site: str) -> None:
    _, browser, result = await pipeline.run_check(
        demo_site + "/finder", "search for 'zzz' and expect no matching books"
    )
    assert result.passed, [s.details for s in browser.steps]
    assert "the page says 'Sorry, no books match zzz'" in browser.steps[-1].details
