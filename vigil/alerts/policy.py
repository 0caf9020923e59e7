"""When a run alerts (DESIGN §6), as a pure state machine, plus its state on the test hash.

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

The state lives in `keys.ALERT_STATE_FIELDS` of `test:{id}` and changes with WATCH/MULTI, so
two processes finishing runs of the same test cannot both decide to send the first alert.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from redis.asyncio import Redis
from redis.exceptions import WatchError
from redis.typing import EncodableT, FieldT

from vigil.models import AlertPolicy, Outcome
from vigil.store import keys

AlertEvent = Literal["test_failed", "test_recovered", "test_error"]

ERRORS_BEFORE_ALERT = 3

T = TypeVar("T")


@dataclass(frozen=True)
class AlertState:
    failures: int = 0  # consecutive counted failures
    errors: int = 0  # consecutive error runs
    failure_alerted: bool = False  # a test_failed alert went out in this failing streak
    error_alerted: bool = False  # a test_error alert went out since the last pass


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


# --- the state on the test hash -----------------------------------------------------------


def _parse(raw: Sequence[bytes | str | None]) -> AlertState:
    values = [v.decode() if isinstance(v, bytes) else v for v in raw]
    failures, errors, failure_alerted, error_alerted = values
    return AlertState(
        failures=int(failures or 0),
        errors=int(errors or 0),
        failure_alerted=failure_alerted == "1",
        error_alerted=error_alerted == "1",
    )


def _fields(state: AlertState) -> Mapping[FieldT, EncodableT]:
    return {
        keys.ALERT_FAILURES_FIELD: str(state.failures),
        keys.ALERT_ERRORS_FIELD: str(state.errors),
        keys.ALERT_FAILURE_SENT_FIELD: "1" if state.failure_alerted else "0",
        keys.ALERT_ERROR_SENT_FIELD: "1" if state.error_alerted else "0",
    }


async def read_state(redis: Redis, test_id: str) -> AlertState:
    return _parse(await redis.hmget(keys.test(test_id), list(keys.ALERT_STATE_FIELDS)))


async def apply_run(
    redis: Redis, test_id: str, outcome: Outcome, policy: AlertPolicy, *, can_alert: bool = True
) -> Decision | None:
    """Advance the stored state by one run; None if the test no longer exists.

    Without an alert target (`can_alert` false) the streaks are still counted, but nothing
    counts as sent, so a target added during an outage alerts on the next failure."""

    def step(state: AlertState) -> tuple[AlertState, Decision]:
        decision = decide(state, outcome, policy)
        if not can_alert and decision.event is not None:
            decision = Decision(None, undelivered(decision.state, decision.event))
        return decision.state, decision

    return await _transact(redis, test_id, step)


async def forget_alert(redis: Redis, test_id: str, event: AlertEvent) -> None:
    """Record that `event` was not delivered (see `undelivered`)."""

    def step(state: AlertState) -> tuple[AlertState, None]:
        return undelivered(state, event), None

    await _transact(redis, test_id, step)


async def _transact(
    redis: Redis, test_id: str, step: Callable[[AlertState], tuple[AlertState, T]]
) -> T | None:
    key = keys.test(test_id)
    async with redis.pipeline(transaction=True) as pipe:
        while True:
            try:
                await pipe.watch(key)
                if not await pipe.exists(key):
                    return None  # deleted: writing the state would resurrect a partial hash
                values = await pipe.hmget(key, list(keys.ALERT_STATE_FIELDS))
                state, result = step(_parse(values))
                pipe.multi()  # type: ignore[no-untyped-call]
                pipe.hset(key, mapping=_fields(state))
                await pipe.execute()
                return result
            except WatchError:
                continue
