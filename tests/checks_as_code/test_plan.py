"""Matching declared checks to stored ones (no server needed: the plan is pure)."""

from __future__ import annotations

from typing import Any

from vigil.checks_as_code.loader import load_text
from vigil.checks_as_code.plan import make_plan, render_plan


def stored(test_id: str, name: str, **fields: Any) -> dict[str, Any]:
    base = {
        "id": test_id,
        "name": name,
        "url": "https://a.example",
        "goal": "x",
        "schedule": "",
        "alert_webhook": "",
        "status": "active",
        "retries": 1,
        "alert_after": 1,
        "reminder_every": 0,
        "timeout_s": 120,
        "tags": [],
        "public_badge": False,
    }
    return {**base, **fields}


def test_an_id_claims_its_check_before_any_name_match() -> None:
    text = (
        "name: Home\nurl: https://a.example\ngoal: x\n---\n"
        "id: aaaa1111\nname: Renamed\nurl: https://a.example\ngoal: x\n"
    )
    declared, problems = load_text(text, "f.yaml", {})
    assert problems == []

    plan, problems = make_plan(declared, [stored("aaaa1111", "Home")], prune=False)

    assert problems == []
    assert [(a.kind, a.name, a.test_id) for a in plan.actions] == [
        ("create", "Home", None),
        ("update", "Renamed", "aaaa1111"),
    ]


def test_two_stored_checks_with_the_declared_name_need_an_id() -> None:
    declared, _ = load_text("name: Home\nurl: https://a.example\ngoal: x\n", "f.yaml", {})

    _, problems = make_plan(
        declared, [stored("aaaa1111", "Home"), stored("bbbb2222", "Home")], prune=True
    )

    assert [str(p) for p in problems] == [
        "f.yaml: document 1, line 1: name: 2 stored checks are named so "
        "(aaaa1111, bbbb2222): add `id`"
    ]


def test_an_unchanged_check_and_a_prune_render_like_terraform() -> None:
    declared, _ = load_text("name: Home\nurl: https://a.example\ngoal: x\n", "f.yaml", {})

    plan, _ = make_plan(
        declared, [stored("aaaa1111", "Home"), stored("cccc3333", "Old")], prune=True
    )

    assert render_plan(plan).splitlines() == [
        "= unchanged 'Home' [aaaa1111]",
        "- delete    'Old' [cccc3333]",
        "Plan: 0 to create, 0 to update, 1 to delete, 1 unchanged.",
    ]
