"""Provider and validation failures of a model call, mapped to ModelError with a reason.

Callers (the run, the API, the alert) decide on `ModelError.reason`; the provider's own
exception types never leave vigil/agents/.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from pydantic_ai.exceptions import (
    ModelAPIError,
    ModelAuthenticationError,
    ModelConnectionError,
    ModelHTTPError,
    ModelQuotaExceededError,
    ModelRateLimitError,
    ModelRequestTimeout,
    ModelTimeoutError,
    UnexpectedModelBehavior,
    UsageLimitExceeded,
)

from vigil.agents.budget import RunBudget
from vigil.errors import ModelError, ModelErrorReason

T = TypeVar("T")

_BY_STATUS: dict[int, ModelErrorReason] = {
    401: "auth",
    403: "auth",
    408: "timeout",
    429: "rate_limit",
    504: "timeout",
}


async def guarded(call: Awaitable[T], *, what: str, timeout_s: float, budget: RunBudget) -> T:
    """Await a model call with a timeout; any failure becomes a ModelError naming `what` and
    carrying what the run had spent."""
    try:
        return await _mapped(call, what=what, timeout_s=timeout_s, budget=budget)
    except ModelError as exc:
        exc.calls, exc.tokens = budget.calls, budget.tokens
        raise


async def _mapped(call: Awaitable[T], *, what: str, timeout_s: float, budget: RunBudget) -> T:
    budget_note = (
        f"VIGIL_LLM_MAX_CALLS={budget.max_calls}, VIGIL_LLM_MAX_TOKENS={budget.max_tokens}"
    )
    try:
        async with asyncio.timeout(timeout_s):
            return await call
    except UsageLimitExceeded as exc:
        raise ModelError(
            "budget", f"{what}: the run went over its LLM budget ({budget_note}): {exc}"
        ) from exc
    except ModelAPIError as exc:
        reason = _reason(exc)
        status = f" (HTTP {exc.status_code})" if isinstance(exc, ModelHTTPError) else ""
        raise ModelError(reason, f"{what}: {_say(reason)}{status}") from exc
    except UnexpectedModelBehavior as exc:
        raise ModelError(
            "invalid_output", f"{what}: the model's answers stayed invalid: {exc.message}"
        ) from exc
    except TimeoutError as exc:
        raise ModelError("timeout", f"{what}: {_say('timeout')} ({timeout_s:g} s)") from exc
    except OSError as exc:  # connection refused, DNS: the provider is unreachable
        raise ModelError("provider", f"{what}: the model provider is unreachable: {exc}") from exc


def _reason(exc: ModelAPIError) -> ModelErrorReason:
    """pydantic-ai's error categories first; a bare HTTP error by its status."""
    if isinstance(exc, ModelAuthenticationError):
        return "auth"
    if isinstance(exc, ModelRateLimitError | ModelQuotaExceededError):
        return "rate_limit"
    if isinstance(exc, ModelTimeoutError | ModelRequestTimeout):
        return "timeout"
    if isinstance(exc, ModelHTTPError):
        return _BY_STATUS.get(exc.status_code, "provider")
    if isinstance(exc, ModelConnectionError):
        return "provider"
    return "provider"


def _say(reason: ModelErrorReason) -> str:
    return {
        "auth": "the model provider refused the API key",
        "rate_limit": "the model provider is rate-limiting us",
        "timeout": "the model did not answer in time",
        "provider": "the model provider failed",
        "invalid_output": "the model's answers stayed invalid",
        "budget": "over the LLM budget",
    }[reason]
