"""`POST /api/plan`: how Vigil reads a goal, without running anything (DESIGN §3).

The dashboard calls it as the user types ("How Vigil reads your goal"), so a user learns the
goal language by writing: each planned step comes back with the words it was read from, and
each clause the planner could not read comes back with the closest phrasings it does know.
It only plans (no browser, no Redis), so it is cheap enough to call on every pause in typing.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict

from vigil.api.deps import require_token
from vigil.models import GoalDraft, PlanStep, Url
from vigil.planner.suggestions import plan_with_suggestions

router = APIRouter(tags=["plan"])


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    url: Url
    # Unlike a stored check, an empty goal is fine here: the preview of an empty form.
    goal: GoalDraft = ""


class UnreadClause(BaseModel):
    clause: str
    suggestions: list[str]


class PlanResponse(BaseModel):
    """`errors` are the planner's messages as a run would report them; `unread` holds the
    same clauses with suggestions."""

    steps: list[PlanStep]
    errors: list[str]
    unread: list[UnreadClause]


@router.post(
    "/api/plan",
    response_model=PlanResponse,
    dependencies=[Depends(require_token)],
    summary="Read a goal into steps without running it",
)
async def plan(body: PlanRequest) -> PlanResponse:
    if not body.goal:
        return PlanResponse(steps=[], errors=[], unread=[])
    planned, suggestions = plan_with_suggestions(body.url, body.goal)
    unread = [UnreadClause(clause=s.clause, suggestions=s.closest) for s in suggestions]
    return PlanResponse(steps=planned.steps, errors=planned.errors, unread=unread)
