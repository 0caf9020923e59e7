"""Vigil's exceptions. Code below the API raises these; `api/errors.py` maps them to HTTP.

Each carries the decision its caller must make, so callers do not parse messages.
"""

from __future__ import annotations

from typing import Literal

ModelErrorReason = Literal["auth", "rate_limit", "timeout", "provider", "invalid_output", "budget"]


class VigilError(Exception):
    """Base of every error Vigil raises on purpose."""


# --- configuration and start-up --------------------------------------------------------------


class ConfigError(VigilError):
    """A setting is missing or wrong; the message is one line naming the variable."""


class EmbeddedRedisError(VigilError):
    """The embedded redis-server could not be started."""


# --- store ------------------------------------------------------------------------------------


class NotFound(VigilError):
    """The test, run or screenshot does not exist (HTTP 404)."""


class Conflict(VigilError):
    """The request clashes with current state, e.g. a run already in progress (HTTP 409)."""


class StoreUnavailable(VigilError):
    """Redis did not answer, even after retries with backoff (HTTP 503). Raised at the store
    boundary so that callers decide without knowing redis-py's exceptions: a run-now answers
    503 (the run was not stored), a scheduled fire raises so the queue redelivers it."""


class InvalidInput(VigilError):
    """Input that passed parsing but is still wrong (HTTP 422). `field` names what to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# --- pipeline ---------------------------------------------------------------------------------


class PipelineError(VigilError):
    """Vigil could not finish a run (its outcome is `error`, not `failed`)."""


class PlanningError(PipelineError):
    """The goal could not be turned into steps; names the clauses that did not map."""


class BrowserUnavailable(PipelineError):
    """Chromium is missing or could not start."""


class RunTimeout(PipelineError):
    """The whole run exceeded its timeout."""


class ModelError(PipelineError):
    """The LLM could not help: `reason` says why, so callers branch on it, not on the text.

    auth: the provider refused the key; rate_limit: the provider throttled us; timeout: no
    answer in time; provider: any other provider failure; invalid_output: the model's answers
    stayed invalid after the bounded retries; budget: the run's model-call or token budget ran
    out.
    """

    def __init__(
        self, reason: ModelErrorReason, message: str, *, calls: int = 0, tokens: int = 0
    ) -> None:
        super().__init__(message)
        self.reason: ModelErrorReason = reason
        # What the run had spent on the model when it stopped, for its RunRecord.
        self.calls = calls
        self.tokens = tokens


class ExecutorServiceError(PipelineError):
    """A hosted executor (TinyFish) refused or broke off the run; `status` is its HTTP status
    (None when the connection or stream broke)."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


# --- alerts -----------------------------------------------------------------------------------


class DeliveryError(VigilError):
    """An alert could not be delivered. `permanent` tells the caller not to retry."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class SignatureError(VigilError):
    """A QStash signature is missing or invalid (HTTP 401)."""


class Unauthorized(VigilError):
    """Missing or wrong API token (HTTP 401)."""


class AlreadyStored(Conflict):
    """A run with this id was already stored: a redelivered schedule fire or QStash message.
    The caller returns the stored run instead of storing or alerting a second time."""

    def __init__(self, run_id: str) -> None:
        super().__init__(f"run '{run_id}' was already stored")
        self.run_id = run_id


# --- scheduling -------------------------------------------------------------------------------


class SchedulerUnavailable(VigilError):
    """The remote scheduler (QStash) refused or failed a change; the test was left as it was
    (HTTP 502). `status` is the remote API's HTTP status when it answered."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
