"""When a run alerts (DESIGN §6): a pure state machine, inputs -> decision, no I/O.

Rules:
- a counted failure is a `failed` run (after its immediate retries); `alert_after` of them in
  a row send `test_failed`, once per failing streak, then a reminder every `reminder_every`
  further failures (0 = never);
- Vigil's own `error` runs neither count as failures nor break a failing streak (they say
  nothing about the site); `ERRORS_BEFORE_ALERT` errors in a row send `test_error`, once
  until the test passes again;
- a passing run ends every streak and sends `test_recovered` only if a failure (or error)
  alert was delivered during it;
- an alert whose delivery failed is forgotten (`undelivered`), so the next failure of the
  streak tries again instead of staying silent for the rest of the outage.

The state is stored and changed atomically by vigil/store/alert_state.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from vigil.models import AlertPolicy, AlertState, Outcome

AlertEvent = Literal["test_failed", "test_recovered", "test_error"]

ERRORS_BEFORE_ALERT = 3


@dataclass(frozen=True)
class Decision:
    event: AlertEvent | None
    state: AlertState
    reminder: bool = False


def decide(state: AlertState, outcome: Outcome, policy: AlertPolicy) -> Decision:
    """The alert (if any) for a run with `outcome`, and the state after it."""
    if outcome in ("passed", "passed_on_retry", "healed"):
        owed = state.failure_alerted or state.error_alerted
        return Decision("test_recovered" if owed else None, AlertState())
    if outcome == "error":
        errors = state.errors + 1
        if errors >= ERRORS_BEFORE_ALERT and not state.error_alerted:
            return Decision("test_error", replace(state, errors=errors, error_alerted=True))
        return Decision(None, replace(state, errors=errors))
    failures = state.failures + 1
    after = replace(state, failures=failures, errors=0)
    if failures < policy.alert_after:
        return Decision(None, after)
    if not state.failure_alerted:
        return Decision("test_failed", replace(after, failure_alerted=True))
    beyond = failures - policy.alert_after
    if policy.reminder_every and beyond % policy.reminder_every == 0:
        return Decision("test_failed", after, reminder=True)
    return Decision(None, after)


def undelivered(state: AlertState, event: AlertEvent) -> AlertState:
    """The state after `event` could not be delivered: as if it had not been sent."""
    if event == "test_failed" and state.failures:
        return replace(state, failure_alerted=False)
    if event == "test_error" and state.errors:
        return replace(state, error_alerted=False)
    return state


def decide_run(
    state: AlertState, outcome: Outcome, policy: AlertPolicy, *, can_alert: bool
) -> Decision:
    """`decide` for a test that may have no alert target (`can_alert` false): its streaks are
    still counted, but nothing counts as sent, so a target added during an outage alerts on
    the next failure."""
    decision = decide(state, outcome, policy)
    if not can_alert and decision.event is not None:
        return Decision(None, undelivered(decision.state, decision.event))
    return decision
