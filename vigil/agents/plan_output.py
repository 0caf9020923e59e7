"""What the planning model must answer, and the checks its answer has to pass.

The model writes steps over the same closed action set as the rule planner (PlanStep minus
the fields Vigil fills itself: number, origin, secret). `problems` applies the action table of
vigil/models.py; each problem goes back to the model as a retry prompt, so a model that
forgot a value gets told which step and why.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import BaseModel, Field

from vigil.models import (
    Action,
    CountOp,
    Ground,
    PlanStep,
    Scope,
    SortOrder,
)

MAX_MODEL_STEPS = 40

_NEEDS_TARGET: frozenset[Action] = frozenset(
    {
        "click",
        "double_click",
        "hover",
        "assert_visible",
        "assert_not_visible",
        "assert_value",
        "assert_enabled",
        "assert_disabled",
    }
)
_NEEDS_VALUE: frozenset[Action] = frozenset(
    {
        "navigate",
        "fill",
        "select",
        "press",
        "assert_text",
        "assert_no_text",
        "assert_cell",
        "assert_url",
        "assert_title",
        "assert_count",
    }
)


class ModelStep(BaseModel):
    """One step as the model writes it; see the action table in vigil/models.py."""

    action: Action
    description: str = Field(description="One sentence a person can check the step against")
    target: str | None = Field(
        None, description="The element by its visible name or label, as in the snapshot"
    )
    value: str | None = Field(
        None, description="Text to type or find, URL, key or number, per the action"
    )
    role: str | None = None
    nth: int | None = None
    exact: bool = False
    scope: Scope | None = None
    ground: Ground | None = None
    column: str | None = None
    order: SortOrder | None = None
    count_op: CountOp | None = None
    negate: bool = False


class Addition(BaseModel):
    """Steps to insert after a step of the draft plan (0: before its first step)."""

    after_step: int = Field(ge=0)
    steps: list[ModelStep] = Field(min_length=1)


class PlanAnswer(BaseModel):
    """The model's answer: steps for what the draft plan misses, plus, only if some part of
    the goal cannot be checked by any step, that part as a judgement for after the run."""

    additions: list[Addition] = Field(default_factory=list)
    judgement: str | None = Field(
        None, description="Only what no step can check; the evaluator judges it after the run"
    )


def problems(answer: PlanAnswer, draft_steps: int, *, must_add: bool) -> list[str]:
    """Everything wrong with the answer, one sentence each (empty: it is usable)."""
    found: list[str] = []
    if must_add and not answer.additions and not answer.judgement:
        found.append("the answer adds nothing, but the goal has parts the draft plan misses")
    count = sum(len(a.steps) for a in answer.additions)
    if count > MAX_MODEL_STEPS:
        found.append(f"too many steps ({count}); use at most {MAX_MODEL_STEPS}")
    for a in answer.additions:
        if a.after_step > draft_steps:
            found.append(f"after_step {a.after_step} is beyond the draft's {draft_steps} steps")
        for i, step in enumerate(a.steps, start=1):
            where = f"addition after step {a.after_step}, step {i} ({step.action})"
            found += [f"{where}: {p}" for p in step_problems(step)]
    return found


def step_problems(step: ModelStep) -> list[str]:
    found: list[str] = []
    has_target = bool(step.target) or step.ground is not None or step.scope is not None
    if step.action in _NEEDS_TARGET and not has_target:
        found.append("needs a `target`")
    if step.action in _NEEDS_VALUE and step.value is None:
        found.append("needs a `value`")
    if step.action == "navigate" and step.value is not None:
        parts = urlsplit(step.value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            found.append("`value` must be an absolute http(s) URL")
    if step.action == "assert_count" and step.value is not None and not step.value.isdigit():
        found.append("`value` must be a whole number")
    return found


def to_plan_step(step: ModelStep, number: int, *, secret: bool) -> PlanStep:
    return PlanStep(
        step_number=number,
        origin="llm",
        secret=secret,
        **step.model_dump(),
    )
