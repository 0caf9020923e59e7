"""The real-app goal set: every goal as data beside the hand-written script that confirms it.

A goal is (app, start path, the words a user would type, the verdict a correct monitor gives,
the §2 family it exercises, and for expected failures the trap it sets). Its script is a
small async function using Playwright directly, given a page already opened at the start
path; it returns whether the goal's claims hold (True → `passed`, False → `failed`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

from playwright.async_api import Page

Verdict = Literal["passed", "failed", "error"]
Script = Callable[[Page], Awaitable[bool]]
FAMILIES = frozenset(
    {"navigation", "sign-in", "collections", "search-filter-sort", "scoped", "claims", "compound"}
)
TRAPS = frozenset(
    {
        "wrong page",  # the right text, but on another page than the one the goal asks about
        "other row",  # the value is in the table, in another row
        "off by one",  # a count one away from the truth
        "hidden",  # the element exists for others or elsewhere, not visible here
        "failed sign-in",  # a sign-in that does not succeed, then a success check
        "wrong value",  # the field or cell holds a different value
        "absent",  # a claimed item that is simply not there
        "still there",  # something claimed gone that is not
    }
)


@dataclass(frozen=True)
class Goal:
    id: str
    app: str
    path: str
    goal: str
    expect: Verdict
    family: str
    script: Script
    trap: str | None = None
    # Written after the rule planner was tuned on the others and never used to tune it: the
    # figures on these are the honest estimate of how Vigil reads goals it has not seen.
    held_out: bool = False
    # Written last, by someone who read neither the planner nor the other goals' sentences,
    # partly on an app the planner had never met (Flask-Admin); never to be used for tuning.
    fresh: bool = False
    # Written in a later session, again blind to the planner, on apps of other kinds than the
    # admin screens above (first contact recorded before any tuning); never used for tuning.
    blind: bool = False

    def url(self, base: str) -> str:
        return base.rstrip("/") + self.path


class GoalSet:
    """Collects one app's goals; `add` decorates the hand-written script of each."""

    def __init__(
        self, app: str, *, held_out: bool = False, fresh: bool = False, blind: bool = False
    ) -> None:
        self.app = app
        self.held_out = held_out
        self.fresh = fresh
        self.blind = blind
        self.goals: list[Goal] = []

    def add(
        self, path: str, goal: str, *, passes: bool, family: str, trap: str | None = None
    ) -> Callable[[Script], Script]:
        def register(script: Script) -> Script:
            self.goals.append(
                Goal(
                    id=f"{self.app}:{script.__name__}",
                    app=self.app,
                    path=path,
                    goal=goal,
                    expect="passed" if passes else "failed",
                    family=family,
                    script=script,
                    trap=trap,
                    held_out=self.held_out,
                    fresh=self.fresh,
                    blind=self.blind,
                )
            )
            return script

        return register


def all_goals() -> list[Goal]:
    from bench.realapps.goals import (
        blind_mlflow,
        blind_nicegui,
        blind_streamlit,
        blind_wagtail,
        datasette,
        django_admin,
        fresh_datasette,
        fresh_django_admin,
        fresh_flask_admin,
        fresh_sqladmin,
        held_out_datasette,
        held_out_django_admin,
        held_out_sqladmin,
        sqladmin,
    )

    sets = (
        datasette,
        django_admin,
        sqladmin,
        held_out_datasette,
        held_out_django_admin,
        held_out_sqladmin,
        fresh_flask_admin,
        fresh_datasette,
        fresh_django_admin,
        fresh_sqladmin,
        blind_wagtail,
        blind_streamlit,
        blind_nicegui,
        blind_mlflow,
    )
    return [goal for module in sets for goal in module.GOALS.goals]
