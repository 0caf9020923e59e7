"""Closest known phrasings for clauses Vigil could not read (vigil plan, POST /api/plan)."""

from __future__ import annotations

import pytest

from vigil.planner.rule_planner import plan_goal
from vigil.planner.suggestions import (
    EXAMPLES,
    closest_phrasings,
    plan_with_suggestions,
    suggest,
)

URL = "https://shop.example/app/"
EXAMPLE_LIST = [example for family in EXAMPLES.values() for example in family]


@pytest.mark.parametrize("example", EXAMPLE_LIST)
def test_every_suggested_phrasing_is_one_the_planner_reads(example: str) -> None:
    assert plan_goal(URL, example).errors == []


@pytest.mark.parametrize(
    ("unread", "expected"),
    [
        ("tap on 'Basket'", "click 'Save'"),
        ("erase 'Rye'", "delete 'Rye'"),
        ("make sure 'X' is greyed out", "the 'Save' button is disabled"),
        ("confirm he lands on his order history", "I end up on the Dashboard"),
        ("remove every item", "delete 'Rye'"),
    ],
)
def test_the_closest_phrasing_of_the_same_family_comes_first(unread: str, expected: str) -> None:
    assert closest_phrasings(unread)[0] == expected


def test_at_most_limit_phrasings_are_suggested() -> None:
    assert len(closest_phrasings("click the shiny thing", limit=2)) <= 2


def test_an_empty_clause_gets_no_suggestion() -> None:
    assert closest_phrasings("   ") == []


def test_each_unread_clause_of_a_goal_gets_its_suggestions() -> None:
    plan, suggestions = plan_with_suggestions(
        URL, "click 'Buy'. right-click on 'Basket'. swipe left"
    )

    assert plan.errors == [
        "could not understand: 'right-click on 'Basket''",
        "could not understand: 'swipe left'",
    ]
    assert [s.clause for s in suggestions] == ["right-click on 'Basket'", "swipe left"]
    assert suggestions[0].closest[0] == "click 'Save'"


def test_suggest_keeps_the_order_of_the_clauses() -> None:
    assert [s.clause for s in suggest(["b", "a"])] == ["b", "a"]
