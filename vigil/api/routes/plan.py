"""`POST /api/plan`: how Vigil reads a goal, without running anything (DESIGN §3).

The dashboard calls it as the user types ("How Vigil reads your goal"), so a user learns the
goal language by writing: each planned step comes back with the words it was read from, and
each clause the planner could not read comes back with the closest phrasings it does know.
By default it only reads with the rules (no browser, no Redis, no model), so it is cheap
enough to call on every pause in typing. With `model: true` on a server in LLM mode it plans
as a run would — the rules first, the model for what they could not read — and every step
says who planned it (`origin`: `rules` or `llm`), so a user sees what to trust.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from vigil.api.deps import ServicesDep, require_token
from vigil.errors import BrowserUnavailable, InvalidInput, ModelError, PipelineError
from vigil.models import PlanStep, TestPlan, Url
from vigil.planner.suggestions import plan_with_suggestions
from vigil.validation import MAX_GOAL

router = APIRouter(tags=["plan"])


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    url: Url
    # Unlike a stored check, an empty goal is fine here: the preview of an empty form.
    goal: str = Field(default="", max_length=MAX_GOAL)
    model: bool = Field(
        default=False,
        description="Plan as a run would in LLM mode (loads the page, may call the model)",
    )


class UnreadClause(BaseModel):
    clause: str
    suggestions: list[str]


class PlanResponse(BaseModel):
    """`errors` are the planner's messages as a run would report them; `unread` holds the
    same clauses with suggestions. `source` says who made the plan (`rules`, `llm`: the
    model added steps, `cache`: a plan that passed before); each step's `origin` says who
    planned that step."""

    steps: list[PlanStep]
    errors: list[str]
    unread: list[UnreadClause]
    source: Literal["rules", "llm", "cache"] = "rules"


@router.post(
    "/api/plan",
    response_model=PlanResponse,
    dependencies=[Depends(require_token)],
    summary="Read a goal into steps without running it",
)
async def plan(body: PlanRequest, services: ServicesDep) -> PlanResponse:
    if not body.goal:
        return PlanResponse(steps=[], errors=[], unread=[])
    ruled, suggestions = plan_with_suggestions(body.url, body.goal)
    unread = [UnreadClause(clause=s.clause, suggestions=s.closest) for s in suggestions]
    if not body.model:
        return _response(ruled, unread)
    settings = services.settings
    if not settings.model or settings.planner == "rules" or settings.executor != "playwright":
        raise InvalidInput(
            "model", "this server plans with rules only (set VIGIL_MODEL to plan with a model)"
        )
    try:
        planned = await services.pipeline.planner.plan(body.url, body.goal)
    except (ModelError, BrowserUnavailable):
        raise  # the model or the browser failed, not the request: 502 / 503
    except PipelineError as exc:  # the start page could not be loaded for its snapshot
        raise InvalidInput("url", str(exc)) from None
    # The model answers for every clause the rules could not read, or the plan keeps errors.
    return _response(planned, unread if planned.errors else [])


def _response(planned: TestPlan, unread: list[UnreadClause]) -> PlanResponse:
    steps = [s if s.origin else s.model_copy(update={"origin": "rules"}) for s in planned.steps]
    return PlanResponse(steps=steps, errors=planned.errors, unread=unread, source=planned.source)
