"""The records Vigil passes around and stores, with DESIGN.md's JSON field names exactly.

These models are the contract between the parts: the store persists them, the pipeline fills
them, the API returns them. Field names must not drift from DESIGN §2/§4, because stored JSON
outlives the code that wrote it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from vigil import validation

# --- Test definitions (DESIGN §2, `test:{id}` hash) ------------------------------------------

TestStatus = Literal["active", "paused"]
LastResult = Literal["passed", "failed", "error"]
TriggeredBy = Literal["manual", "schedule", "qstash", "cli"]
Outcome = Literal["passed", "passed_on_retry", "healed", "failed", "error"]

MAX_NAME = 200
MAX_GOAL = 4000

Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
Url = Annotated[str, AfterValidator(validation.check_url)]
Goal = Annotated[str, AfterValidator(validation.check_goal)]
Cron = Annotated[str, AfterValidator(validation.check_cron)]
AlertTarget = Annotated[str, AfterValidator(validation.check_alert_target)]


class _Strict(BaseModel):
    """Input models refuse unknown fields: a typo in a field name must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class AlertPolicy(BaseModel):
    """Per-test alert policy (DESIGN §6); defaults are the design's."""

    retries: int = Field(default=1, ge=0, le=5)
    alert_after: int = Field(default=1, ge=1, le=100)
    reminder_every: int = Field(default=0, ge=0, le=1000)


class TestSuiteCreate(_Strict):
    """What a user sends to create a check."""

    __test__ = False  # not a pytest test class, despite the name

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


class TestSuiteUpdate(_Strict):
    """A partial update: only the fields present change."""

    __test__ = False

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


class TestSuite(BaseModel):
    """A stored check, typed (the hash holds strings; the API returns this)."""

    __test__ = False

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
    qstash_schedule_id: str | None = None

    @property
    def policy(self) -> AlertPolicy:
        return AlertPolicy(
            retries=self.retries, alert_after=self.alert_after, reminder_every=self.reminder_every
        )


# --- Plans (DESIGN §4) -------------------------------------------------------------------------

Action = Literal[
    "navigate",
    "click",
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
    "assert_url",
    "assert_title",
]


class PlanStep(BaseModel):
    """One browser step.

    `target` names an element the way a person would ("Sign in", "the Email field") or is a
    CSS/XPath selector; `value` is what to type, select, press, wait for or compare. `role`
    and `nth` carry hints such as "the second 'Add to cart' button"; `exact` asks for an exact
    text match instead of Playwright's case-insensitive substring default.
    """

    step_number: int
    action: Action
    description: str
    target: str | None = None
    value: str | None = None
    role: str | None = None
    nth: int | None = None
    exact: bool = False


class TestPlan(BaseModel):
    """Steps planned from a goal. `errors` lists clauses the planner could not map: a plan
    with errors is not run, the run is an `error` the user sees (never a silent pass)."""

    __test__ = False

    url: str
    goal: str
    steps: list[PlanStep]
    total_steps: int
    source: Literal["rules", "llm", "cache"] = "rules"
    errors: list[str] = Field(default_factory=list)


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
    # The JPEG itself travels with the result in memory but is never part of the JSON.
    screenshot_jpeg: bytes | None = Field(default=None, exclude=True, repr=False)


class Navigation(BaseModel):
    url: str
    status: int | None


class BrowserResult(BaseModel):
    success: bool
    steps: list[StepResult]
    final_url: str | None = None
    page_title: str | None = None
    navigations: list[Navigation] = Field(default_factory=list)
    console_errors: list[str] = Field(default_factory=list)
    failed_requests: list[str] = Field(default_factory=list)
    duration_ms: int = 0
    error: str | None = None


class TestResult(BaseModel):
    __test__ = False

    passed: bool
    steps_passed: int
    steps_total: int
    details: str
    error: str | None = None
    duration_ms: int = 0
    step_results: list[StepResult] = Field(default_factory=list)


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


class IncidentRecord(BaseModel):
    run_id: str
    test_id: str
    error: str | None
    details: str
    started_at: str
    alert_sent: bool = False
    delivery_error: str | None = None


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
