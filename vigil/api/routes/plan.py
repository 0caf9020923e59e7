"""`POST /api/plan`: how Vigil reads a goal, without running anything (DESIGN §3).

The dashboard calls it as the user types ("How Vigil reads your goal"), so a user learns the
goal language by writing: each planned step comes back with the words it was read from, and
each clause the planner could not read comes back with the closest phrasings it does know.
It only plans (no browser, no Redis), so it is cheap enough to call on every pause in typing.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from vigil.api.deps import require_token
from vigil.models import PlanStep, Url
from vigil.planner.rule_planner import plan_goal
from vigil.validation import MAX_GOAL

router = APIRouter(tags=["plan"])

# Phrasings the rule planner reads (README "A first check"); the suggestions for an unread
# clause are the nearest of these, so they are always sentences that would plan.
KNOWN_PHRASINGS = (
    "go to /pricing",
    "click 'Sign in'",
    "click the second 'Add to cart' button",
    "type 'demo' into the Password field",
    "select 'Germany' from Country",
    "check 'I agree'",
    "press Enter",
    "hover over 'Menu'",
    "wait until 'Loaded' appears",
    "wait 2 seconds",
    "verify the page shows 'Welcome'",
    "'Error' should not appear",
    "the title should contain 'Shop'",
    "the Email field should contain 'a@b.c'",
    "the URL should contain '/dashboard'",
    "log in as demo / secret",
)
_UNREAD = re.compile(r"^could not understand: '(?P<clause>.*)'$", re.S)


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    url: Url
    # Unlike a stored check, an empty goal is fine here: the preview of an empty form.
    goal: str = Field(default="", max_length=MAX_GOAL)


class UnreadClause(BaseModel):
    clause: str
    suggestions: list[str]


class PlanResponse(BaseModel):
    """`errors` are the planner's messages as a run would report them; `unread` holds the
    same clauses with suggestions."""

    steps: list[PlanStep]
    errors: list[str]
    unread: list[UnreadClause]


def suggestions_for(clause: str, limit: int = 3) -> list[str]:
    found = process.extract(clause, KNOWN_PHRASINGS, scorer=fuzz.token_set_ratio, limit=limit)
    return [phrase for phrase, _score, _index in found]


@router.post(
    "/api/plan",
    response_model=PlanResponse,
    dependencies=[Depends(require_token)],
    summary="Read a goal into steps without running it",
)
async def plan(body: PlanRequest) -> PlanResponse:
    if not body.goal:
        return PlanResponse(steps=[], errors=[], unread=[])
    planned = plan_goal(body.url, body.goal)
    unread = [
        UnreadClause(clause=found["clause"], suggestions=suggestions_for(found["clause"]))
        for error in planned.errors
        if (found := _UNREAD.match(error))
    ]
    return PlanResponse(steps=planned.steps, errors=planned.errors, unread=unread)
