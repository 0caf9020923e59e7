"""The records Vigil passes around and stores, with DESIGN.md's JSON field names exactly.

These models are the contract between the parts: the store persists them, the pipeline fills
them, the API returns them. Field names must not drift from DESIGN §2/§4, because stored JSON
outlives the code that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, JsonValue
from pydantic.fields import FieldInfo

from vigil import validation

# --- Test definitions (DESIGN §2, `test:{id}` hash) ------------------------------------------

TestStatus = Literal["active", "paused"]
LastResult = Literal["passed", "failed", "error"]
TriggeredBy = Literal["manual", "schedule", "qstash", "cli"]
Outcome = Literal["passed", "passed_on_retry", "healed", "failed", "error"]

MAX_NAME = 200
MAX_TAG = 50
MAX_CRON = 200


def _published(pattern: str, max_length: int | None = None) -> FieldInfo:
    """A rule as the JSON Schema states it. The BeforeValidator beside it (vigil/validation.py)
    enforces the same rule on the value as sent, with a message in words; the pattern is not
    given to pydantic to enforce, because its message would be the regex."""
    extra: dict[str, JsonValue] = {"pattern": pattern}
    if max_length is not None:
        extra["maxLength"] = max_length
    field: FieldInfo = Field(json_schema_extra=extra)
    return field


Name = Annotated[
    str,
    Field(min_length=1, max_length=MAX_NAME),
    BeforeValidator(validation.raw_line(MAX_NAME)),
    _published(validation.NAME_PATTERN),
]
Url = Annotated[
    str,
    AfterValidator(validation.check_url),
    BeforeValidator(validation.raw_url),
    _published(validation.URL_PATTERN, validation.MAX_URL),
]
Goal = Annotated[
    str,
    AfterValidator(validation.check_goal),
    BeforeValidator(validation.raw_goal),
    _published(validation.GOAL_PATTERN, validation.MAX_GOAL),
]
# A goal being written: the same characters and length, and it may be empty (plan previews).
GoalDraft = Annotated[
    str,
    BeforeValidator(validation.raw_goal),
    _published(validation.GOAL_DRAFT_PATTERN, validation.MAX_GOAL),
]
Cron = Annotated[
    str,
    AfterValidator(validation.check_cron),
    BeforeValidator(validation.raw_line(MAX_CRON)),
    _published(validation.CRON_PATTERN, MAX_CRON),
]
AlertTarget = Annotated[
    str,
    AfterValidator(validation.check_alert_target),
    BeforeValidator(validation.raw_url),
    _published(validation.ALERT_TARGET_PATTERN, validation.MAX_URL),
]
# Free-form labels for grouping and filtering checks (checks as code, dashboards): one line,
# no commas (a filter lists tags with commas), something other than spaces.
Tag = Annotated[
    str,
    Field(min_length=1, max_length=MAX_TAG),
    AfterValidator(validation.check_tag),
    BeforeValidator(validation.raw_line(MAX_TAG)),
    _published(validation.TAG_PATTERN),
]
Tags = Annotated[list[Tag], Field(max_length=20)]


class _Strict(BaseModel):
    """Input models refuse unknown fields: a typo in a field name must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class AlertPolicy(BaseModel):
    """Per-test alert policy (DESIGN §6); defaults are the design's."""

    retries: int = Field(default=1, ge=0, le=5)
    alert_after: int = Field(default=1, ge=1, le=100)
    reminder_every: int = Field(default=0, ge=0, le=1000)


@dataclass(frozen=True)
class AlertState:
    """Where a test stands in its alert policy (vigil/alerts/policy.py), kept on its hash."""

    failures: int = 0  # consecutive counted failures
    errors: int = 0  # consecutive error runs
    failure_alerted: bool = False  # a test_failed alert went out in this failing streak
    error_alerted: bool = False  # a test_error alert went out since the last pass


class CheckCreate(_Strict):
    """What a user sends to create a check."""

    name: Name | None = None
    url: Url
    goal: Goal
    schedule: Cron = ""
    alert_webhook: AlertTarget = ""
    status: TestStatus = "active"
    timeout_s: int = Field(default=120, ge=5, le=1800)
    retries: int = Field(default=1, ge=0, le=5)
    alert_after: int = Field(default=1, ge=1, le=100)
    reminder_every: int = Field(default=0, ge=0, le=1000)
    tags: Tags = Field(default_factory=list)
    public_badge: bool = False


class CheckUpdate(_Strict):
    """A partial update: only the fields present change."""

    name: Name | None = None
    url: Url | None = None
    goal: Goal | None = None
    schedule: Cron | None = None
    alert_webhook: AlertTarget | None = None
    status: TestStatus | None = None
    timeout_s: int | None = Field(default=None, ge=5, le=1800)
    retries: int | None = Field(default=None, ge=0, le=5)
    alert_after: int | None = Field(default=None, ge=1, le=100)
    reminder_every: int | None = Field(default=None, ge=0, le=1000)
    tags: Tags | None = None
    public_badge: bool | None = None


class Check(BaseModel):
    """A stored check (DESIGN's "test suite", served at /api/tests), typed: the hash holds
    strings; the API returns this."""

    id: str
    name: str
    url: str
    goal: str
    schedule: str = ""
    alert_webhook: str = ""
    status: TestStatus = "active"
    created_at: str
    updated_at: str
    last_result: LastResult | None = None
    last_run_at: str | None = None
    timeout_s: int = 120
    retries: int = 1
    alert_after: int = 1
    reminder_every: int = 0
    tags: list[str] = Field(default_factory=list)
    public_badge: bool = False
    qstash_schedule_id: str | None = None
    # When the scheduler will next fire this test; filled in on read, not stored.
    next_run_at: str | None = None

    @property
    def policy(self) -> AlertPolicy:
        return AlertPolicy(
            retries=self.retries, alert_after=self.alert_after, reminder_every=self.reminder_every
        )


# --- Plans (DESIGN §4) -------------------------------------------------------------------------

Action = Literal[
    "navigate",
    "go_back",
    "reload",
    "click",
    "double_click",
    "fill",
    "select",
    "check",
    "uncheck",
    "press",
    "hover",
    "wait",
    "assert_text",
    "assert_no_text",
    "assert_visible",
    "assert_not_visible",
    "assert_value",
    "assert_checked",
    "assert_unchecked",
    "assert_enabled",
    "assert_disabled",
    "assert_count",
    "assert_cell",
    "assert_url",
    "assert_title",
]

# How each action reads PlanStep's fields; the planner writes them and the executor reads
# them this way (DESIGN §4). "element" is a name as a person says it ("Sign in", "the Email
# field") or a CSS/XPath selector; every element may be narrowed by `scope`, `role`, `nth`.
#
# | action                          | target                  | value                           |
# |---------------------------------|-------------------------|---------------------------------|
# | navigate                        | -                       | absolute URL                    |
# | go_back, reload                 | -                       | -                               |
# | click, double_click, hover      | element                 | - (click: or IF_ASKED)          |
# | check, uncheck                  | element (or - in scope) | -                               |
# | fill, select                    | field (or `ground`)     | text to type / option to choose |
# | press                           | element to focus, or -  | Playwright key ("Enter")        |
# | wait                            | element or text, or -   | milliseconds, or WAIT_FOR_LOAD  |
# | assert_text, assert_no_text     | -                       | text a person sees              |
# | assert_visible, _not_visible    | element or text         | -                               |
# | assert_value                    | field                   | the value it holds ("" = empty) |
# | assert_checked, _unchecked      | element (or - in scope) | -                               |
# | assert_enabled, _disabled       | element                 | -                               |
# | assert_count                    | what is counted, or -   | a whole number; `count_op`      |
# | assert_cell                     | - (row: scope or nth)   | text the row/cell holds         |
# | assert_url, assert_title        | -                       | expected substring (or exact)   |
#
# `negate` turns assert_count, assert_cell, assert_url, assert_title and assert_value into
# their negation; the other claims have explicit opposites in the action set. An assert_cell
# with a `column` and an `order` but no value claims the column reads in that order (nothing
# is clicked); a "yes"/"no" value matches a yes/no cell however drawn ("True", a tick icon).
WAIT_FOR_LOAD: Final = "load"
# A click whose value is IF_ASKED answers a confirmation only when one is shown ("delete
# 'X'" in an app that may ask "Are you sure?"): with none shown, the step passes saying so.
IF_ASKED: Final = "if asked"
# An assert_text whose role is NOTIFICATION claims its words were in a notification (a toast,
# an alert, a status message) shown since the last action, not merely somewhere on the page.
NOTIFICATION: Final = "alert"

ScopeKind = Literal["row", "section", "dialog", "near"]
Ground = Literal["new_item", "search", "page"]
CountOp = Literal["eq", "ge", "le", "gt", "lt"]
SortOrder = Literal["ascending", "descending"]


class Scope(BaseModel):
    """Where on the page a target is looked for, resolved on the live page.

    `row`: the table row or list item containing `text`; `section`: a landmark, region,
    fieldset, form or the section under a heading named `text`; `dialog`: the open dialog
    (named `text`, or any when empty); `near`: the element closest to the one showing `text`.
    """

    kind: ScopeKind
    text: str = ""


class PlanStep(BaseModel):
    """One browser step; the table above says how each action reads the fields.

    `role` and `nth` carry hints such as "the second 'Add to cart' button" (nth 1; -1 is the
    last); `exact` asks for an exact text match instead of Playwright's case-insensitive
    substring default. `ground` names a target found by its purpose instead of its name:
    `new_item` (the input that adds an item to a list, or the "Add"/"New" control and its
    form), `search` (the page's search box), `page` (for assert_visible: "I am on the
    Dashboard" — the title, main heading or URL names it). `kind` is the kind of record a
    target or row scope names ("the book Cosmos" → "book"): when the record is not on the
    page, the executor first follows the link named after that kind ("Books"). `column`
    names a table column (assert_cell, or the header a sort clicks); `order` makes a click
    on a column header repeat until the column reads in that order. `secret` marks a
    credential: never shown, logged or asserted. `signs_in` marks the submit of a sign-in the
    goal expects to work (not "try to sign in …"): the step fails while the page still asks
    for a password, so a failed sign-in is never read as the place it leads to. `source` is
    the words of the goal the step was read from; `origin` says who planned the step (the
    rule planner or the model), so a user sees what to trust.
    """

    step_number: int
    action: Action
    description: str
    target: str | None = None
    value: str | None = None
    role: str | None = None
    nth: int | None = None
    exact: bool = False
    scope: Scope | None = None
    ground: Ground | None = None
    kind: str | None = None
    column: str | None = None
    order: SortOrder | None = None
    count_op: CountOp | None = None
    negate: bool = False
    secret: bool = False
    signs_in: bool = False
    source: str | None = None
    origin: Literal["rules", "llm"] | None = None


class TestPlan(BaseModel):
    """Steps planned from a goal. `errors` lists clauses the planner could not map: a plan
    with errors is not run, the run is an `error` the user sees (never a silent pass).
    `judgement` is what the model planner could not turn into steps and the model evaluator
    must judge from the run's evidence (None: the steps are the whole check)."""

    url: str
    goal: str
    steps: list[PlanStep]
    total_steps: int
    source: Literal["rules", "llm", "cache"] = "rules"
    errors: list[str] = Field(default_factory=list)
    judgement: str | None = None


# --- Results (DESIGN §2, §4) -------------------------------------------------------------------


class StepResult(BaseModel):
    step_number: int
    passed: bool
    details: str
    retry_count: int = 0
    action: Action | None = None
    target: str | None = None
    duration_ms: int = 0
    screenshot: bool = False
    error: str | None = None
    healed: bool = False
    healed_from: str | None = None  # the target the plan named, when the healer replaced it
    # The JPEG itself travels with the result in memory but is never part of the JSON.
    screenshot_jpeg: bytes | None = Field(default=None, exclude=True, repr=False)


class Navigation(BaseModel):
    url: str
    status: int | None


class Heal(BaseModel):
    """A step the LLM healer repaired during a run (DESIGN §4): `before` and `after` say how
    the step named its element; `step` is the repaired step, which replaces the plan's in
    the plan cache. It may type a secret, so it never leaves the process as JSON (and is
    None in a Heal read back from JSON)."""

    step_number: int
    before: str
    after: str
    reason: str
    step: PlanStep | None = Field(default=None, exclude=True, repr=False)


class BrowserResult(BaseModel):
    success: bool
    steps: list[StepResult]
    heals: list[Heal] = Field(default_factory=list)
    final_url: str | None = None
    page_title: str | None = None
    navigations: list[Navigation] = Field(default_factory=list)
    console_errors: list[str] = Field(default_factory=list)
    failed_requests: list[str] = Field(default_factory=list)
    duration_ms: int = 0
    error: str | None = None


class TestResult(BaseModel):
    passed: bool
    steps_passed: int
    steps_total: int
    details: str
    error: str | None = None
    duration_ms: int = 0
    step_results: list[StepResult] = Field(default_factory=list)
    llm_calls: int = 0  # model calls and tokens the run used (planning and judging)
    llm_tokens: int = 0


class RunRecord(BaseModel):
    """One run as stored in `results:{test_id}`."""

    run_id: str
    test_id: str
    passed: bool
    duration_ms: int
    steps_passed: int
    steps_total: int
    details: str
    step_results: list[StepResult]
    error: str | None = None
    triggered_by: TriggeredBy
    started_at: str
    completed_at: str
    outcome: Outcome
    attempts: int = 1
    llm_calls: int = 0
    llm_tokens: int = 0


class IncidentRecord(BaseModel):
    run_id: str
    test_id: str
    error: str | None
    details: str
    started_at: str
    alert_sent: bool = False
    delivery_error: str | None = None
    # Alerts are delivered after the run is stored (issue #14): how many times Vigil tried,
    # and when the last try ended. 0 and None while the delivery is still pending.
    delivery_attempts: int = 0
    delivery_at: str | None = None


class RecentRun(BaseModel):
    """The short form kept in the `recent` list for the dashboard."""

    run_id: str
    test_id: str
    name: str
    passed: bool
    outcome: Outcome
    duration_ms: int
    completed_at: str


EventType = Literal[
    "plan_start",
    "plan_complete",
    "browser_start",
    "step_start",
    "step_complete",
    "browser_complete",
    "eval_start",
    "eval_complete",
    "error",
]


class Event(BaseModel):
    """An entry of `events:{test_id}`; `id` is the stream id when read back."""

    type: EventType
    message: str
    timestamp: str
    run_id: str
    step_number: int | None = None
    passed: bool | None = None
    id: str | None = None


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(ts: datetime) -> str:
    """ISO 8601 UTC with a `Z`, second precision as in DESIGN's examples plus milliseconds
    so that two runs in one second still order."""
    return ts.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
