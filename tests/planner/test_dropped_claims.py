"""Claims that were once skipped as framing, so a run passed with nothing checked for them.
Each must now be read as a step or be an error naming it, never silently dropped."""

from __future__ import annotations

import pytest

from vigil.planner.rule_planner import plan_goal

URL = "http://127.0.0.1:8000/"


@pytest.mark.parametrize(
    ("goal", "words"),
    [
        # An adverb between the modal and a claim verb: "should still be off".
        ("open Preferences, reload the page; Weekly report should still be off", "still be off"),
        ("go to Team; Billing access should now be granted", "now be granted"),
        # A head before a colon that asks for a step is no framing.
        ("On the orders page, sort by Total: INV-9 should be first", "sort by Total"),
        ("In Inventory, search for kale: you should see Kale chips", "search for kale"),
    ],
)
def test_a_claim_or_step_is_never_dropped_as_framing(goal: str, words: str) -> None:
    plan = plan_goal(URL, goal)
    accounted = [s.source or "" for s in plan.steps] + plan.errors
    assert any(words in said for said in accounted), (plan.steps, plan.errors)
    # The part before the colon is not lost either: read, or named as unread.
    head = goal.split(":")[0].split(";")[-1].split(",")[0].strip()
    assert any(head in said for said in accounted), (plan.steps, plan.errors)


@pytest.mark.parametrize(
    "goal",
    [
        "Make sure a customer can check out: log in as ana / pw-1",
        "Ana should be able to reach her invoices. Log in as ana / pw-1; open Invoices",
    ],
)
def test_framing_of_a_purpose_is_still_skipped(goal: str) -> None:
    plan = plan_goal(URL, goal)
    assert not plan.errors
    assert [s.action for s in plan.steps[1:4]] == ["fill", "fill", "press"]
