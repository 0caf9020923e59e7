"""The real-app goal set's invariants (issue #8 §5), checked without starting any app."""

from __future__ import annotations

import inspect
import ipaddress
from collections import Counter
from urllib.parse import urlsplit

from bench.realapps.apps import LOOPBACK, STARTERS
from bench.realapps.goals import FAMILIES, TRAPS, all_goals

GOALS = all_goals()


def test_at_least_100_goals_on_at_least_3_apps() -> None:
    per_app = Counter(g.app for g in GOALS)
    assert len(GOALS) >= 100
    assert len(per_app) >= 3
    assert set(per_app) == set(STARTERS), "every app with goals is started, and vice versa"


def test_at_least_35_percent_expected_to_fail_each_as_a_named_trap() -> None:
    failing = [g for g in GOALS if g.expect == "failed"]
    assert len(failing) / len(GOALS) >= 0.35
    assert all(g.trap in TRAPS for g in failing)
    assert all(g.trap is None for g in GOALS if g.expect == "passed")


def test_every_goal_has_a_hand_written_script() -> None:
    for goal in GOALS:
        assert inspect.iscoroutinefunction(goal.script), goal.id
        assert goal.goal.strip(), goal.id


def test_ids_are_unique_and_families_known() -> None:
    assert len({g.id for g in GOALS}) == len(GOALS)
    assert {g.family for g in GOALS} <= FAMILIES
    assert {g.family for g in GOALS} == FAMILIES, "every family of §2 is exercised"


def test_urls_are_loopback() -> None:
    assert ipaddress.ip_address(LOOPBACK).is_loopback
    for goal in GOALS:
        assert goal.path.startswith("/"), goal.id
        host = urlsplit(goal.url(f"http://{LOOPBACK}:8123")).hostname
        assert host is not None and ipaddress.ip_address(host).is_loopback, goal.id
        assert "://" not in goal.goal, f"{goal.id}: a goal opens only its loopback app"


def test_goal_texts_are_not_duplicated() -> None:
    texts = Counter(" ".join(g.goal.lower().split()) for g in GOALS)
    assert [t for t, n in texts.items() if n > 1] == []


def test_the_fresh_set_covers_every_app_and_sets_enough_traps() -> None:
    fresh = [g for g in GOALS if g.fresh]
    per_app = Counter(g.app for g in fresh)
    only_blind = {g.app for g in GOALS if g.blind} - {g.app for g in GOALS if not g.blind}
    assert set(per_app) == set(STARTERS) - only_blind, "the fresh set reaches every older app"
    assert per_app["flask_admin"] >= 30, "the app the planner never met carries most of it"
    assert sum(n for app, n in per_app.items() if app != "flask_admin") >= 15
    assert sum(g.expect == "failed" for g in fresh) / len(fresh) >= 0.35
    assert not any(g.held_out for g in fresh), "one goal counts in one set"
    assert all(g.id.split(":")[1].startswith("f") for g in fresh)


def test_each_blind_set_is_its_own_and_sets_enough_traps() -> None:
    blind = [g for g in GOALS if g.blind]
    for app in {g.app for g in blind}:
        mine = [g for g in blind if g.app == app]
        assert len(mine) >= 22, app
        assert sum(g.expect == "failed" for g in mine) / len(mine) >= 0.35, app
    assert not any(g.held_out or g.fresh for g in blind), "one goal counts in one set"
