"""Runs of checks, and the only places a RunRecord is made (DESIGN §1).

`execute_run` is the one path every trigger of a stored test takes (manual API calls, the
embedded cron, QStash callbacks), so locking, retries, idempotency, storage and alerting
behave the same whichever way a run starts. The order matters: the run is stored before any
alert is attempted, and a delivery problem is recorded, never raised, so a broken webhook
cannot lose a run.

`run_adhoc` is a check that is not stored (`vigil run`, `POST /api/run-test`): the same
pipeline and the same record builder, no Redis, no lock, no alert.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from vigil.alerts.background import deliver_recorded
from vigil.alerts.dispatch import AlertDispatcher, DeliveryReport, PendingAlert
from vigil.errors import AlreadyStored, InvalidInput, ModelError, RunTimeout, VigilError
from vigil.logs import bind_run_id, log_context
from vigil.models import (
    BrowserResult,
    Check,
    IncidentRecord,
    Outcome,
    RunRecord,
    TestPlan,
    TestResult,
    TriggeredBy,
    iso,
    utc_now,
)
from vigil.pipeline.pipeline import Pipeline
from vigil.pipeline.ports import EventSink
from vigil.services import Services
from vigil.store.alert_state import known_alert_state
from vigil.store.checks import get_check
from vigil.store.events import EventLog
from vigil.store.locks import run_lock
from vigil.store.persist import store_run
from vigil.store.results import stored_run
from vigil.validation import check_goal, check_url

log = logging.getLogger(__name__)

# Triggers that honour `paused`; a person pressing "run now" on a paused test means it.
_SCHEDULED: frozenset[TriggeredBy] = frozenset({"schedule", "qstash"})
# Beyond the pipeline's own timeout: a backstop in case a hung call ignores it.
_BACKSTOP_S = 15
_RUN_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
# The test id an ad-hoc run's record carries: it belongs to no stored test.
ADHOC_TEST_ID = "adhoc"


def new_run_id() -> str:
    return secrets.token_hex(6)


def qstash_run_id(message_id: str) -> str:
    """A run id derived from `Upstash-Message-Id`: a redelivered message maps to the same run,
    and an arbitrary header value never reaches a key name."""
    return "qs-" + hashlib.sha256(message_id.encode()).hexdigest()[:20]


@dataclass
class RunOutcome:
    test_id: str
    run_id: str
    record: RunRecord | None = None
    plan: TestPlan | None = None
    browser_result: BrowserResult | None = None
    result: TestResult | None = None
    incident: IncidentRecord | None = None
    alert: DeliveryReport | None = None
    skipped: bool = False
    reason: str | None = None
    duplicate: bool = False  # the run id was stored before; `record` is that stored run
    # Why an ad-hoc run could not finish (execute_run stores that as an `error` run instead).
    exception: Exception | None = None


@dataclass
class _Attempts:
    plan: TestPlan | None = None
    browser_result: BrowserResult | None = None
    result: TestResult | None = None
    error: str | None = None
    count: int = 0
    llm_calls: int = 0  # spent by a run that stopped on a model error (no TestResult)
    llm_tokens: int = 0


async def execute_run(
    services: Services,
    test_id: str,
    triggered_by: TriggeredBy,
    *,
    run_id: str | None = None,
    dispatcher: AlertDispatcher | None = None,
    alert_in_background: bool = False,
    test: Check | None = None,
) -> RunOutcome:
    """Run a stored test now, store the run, alert per policy.

    `test` is the test as its caller has just read it (a schedule fire does), which saves
    reading it again; without it the test is read here.

    `run_id` is given by idempotent triggers (a schedule fire, a QStash message): if that run
    was stored already, the stored run is returned and nothing runs or alerts again.
    With `alert_in_background` (run-now), the alert is delivered after this returns, as a
    task of `services.deliveries`, and `alert` stays None; otherwise it is delivered before.
    Raises NotFound (unknown or deleted test), Conflict (a run of the test is in progress),
    InvalidInput (malformed run id), StoreUnavailable (Redis stayed away: the run was not
    stored). Every log line written meanwhile carries the test id and, once known, the run id.
    """
    with log_context(test_id=test_id, run_id=run_id):
        return await _execute_run(
            services,
            test_id,
            triggered_by,
            run_id=run_id,
            dispatcher=dispatcher,
            alert_in_background=alert_in_background,
            test=test,
        )


async def _execute_run(
    services: Services,
    test_id: str,
    triggered_by: TriggeredBy,
    *,
    run_id: str | None = None,
    dispatcher: AlertDispatcher | None = None,
    alert_in_background: bool = False,
    test: Check | None = None,
) -> RunOutcome:
    """execute_run's body (inside its log context)."""
    if test is None or test.id != test_id:
        test = await get_check(services.redis, test_id)
    if test.status == "paused" and triggered_by in _SCHEDULED:
        return RunOutcome(test_id, run_id or "", skipped=True, reason="test is paused")
    if run_id is not None and not _RUN_ID.fullmatch(run_id):
        raise InvalidInput("run_id", "use 1-64 letters, digits, '.', '_' or '-'")
    idempotent = run_id is not None
    run_id = run_id or new_run_id()
    bind_run_id(run_id)
    dispatcher = dispatcher or AlertDispatcher(services.redis, services.settings)
    _build_pipeline(services)
    # A short lock renewed while the run lives: a crashed process frees it within one TTL.
    lock_s = services.settings.run_lock_ttl_s
    # An idempotent run holds the lock under its run id, so the redelivery of a fire whose
    # worker died mid-run takes over its own lock instead of waiting for it to expire; the
    # run marker still lets only one of them store. Its lock is taken by the same script
    # that looks for the marker (one round trip), and a stored run is answered even while
    # another run of the test holds the lock.
    owner = f"run:{run_id}" if idempotent else None
    marker = run_id if idempotent else None
    locked = False
    try:
        async with run_lock(
            services.redis, test_id, ttl_s=lock_s, owner=owner, unless_stored=marker
        ):
            locked = True
            outcome, pending = await _run_and_store(
                services, test, triggered_by, run_id, dispatcher
            )
    except AlreadyStored:
        if locked:  # not the lock's answer
            raise
        if (previous := await stored_run(services.redis, test_id, run_id)) is None:
            # Marked but trimmed from `results` meanwhile: run under the lock as any run,
            # and the store script refuses the id, so nothing is stored or alerted twice.
            async with run_lock(services.redis, test_id, ttl_s=lock_s, owner=owner):
                outcome, pending = await _run_and_store(
                    services, test, triggered_by, run_id, dispatcher
                )
        else:
            return RunOutcome(test_id, run_id, record=previous, duplicate=True)
    if pending is not None and not outcome.duplicate:
        if alert_in_background:
            services.deliveries.submit(dispatcher, pending)
        else:
            outcome.alert = await deliver_recorded(dispatcher, pending)
    return outcome


def _build_pipeline(services: Services) -> None:
    """Build the pipeline (the first run of a process imports Playwright, which takes seconds
    and blocks the loop) before the lock is taken: a blocked loop cannot renew the lock."""
    try:
        services.pipeline  # noqa: B018 (a property that builds on first use)
    except Exception:  # a pipeline that cannot be built: _attempt stores that as an error run
        log.debug("building the pipeline failed; the run will record why", exc_info=True)


async def run_adhoc(
    pipeline: Pipeline,
    url: str,
    goal: str,
    triggered_by: TriggeredBy,
    *,
    events: EventSink | None = None,
    timeout_s: float | None = None,
) -> RunOutcome:
    """Run a check that is not stored: one attempt, nothing written, no alert.

    Never raises for a run that could not finish (bad URL or goal, planning error, browser
    missing, timeout, any exception): the outcome is an `error` record and `exception` says
    why, for a caller that answers with an error instead (the API).
    """
    started_at = utc_now()
    clock = time.monotonic()
    attempts = _Attempts(count=1)
    exception: Exception | None = None
    try:
        url = _checked("url", url, check_url, shown=f"url '{url}'")
        goal = _checked("goal", goal, check_goal, shown="goal")
        attempts.plan, attempts.browser_result, attempts.result = await pipeline.run_check(
            url, goal, events=events, timeout_s=timeout_s
        )
    except Exception as exc:  # an ad-hoc run that could not finish is still a record
        attempts.error, exception = _error_text(exc), exc
        _note_model_spend(attempts, exc)
    duration_ms = int((time.monotonic() - clock) * 1000)
    return _adhoc_outcome(triggered_by, attempts, started_at, duration_ms, exception)


def adhoc_error(exc: Exception, triggered_by: TriggeredBy) -> RunOutcome:
    """The `error` outcome of an ad-hoc run that could not even start (e.g. bad settings)."""
    attempts = _Attempts(error=_error_text(exc), count=1)
    return _adhoc_outcome(triggered_by, attempts, utc_now(), 0, exc)


def _adhoc_outcome(
    triggered_by: TriggeredBy,
    attempts: _Attempts,
    started_at: datetime,
    duration_ms: int,
    exception: Exception | None,
) -> RunOutcome:
    run_id = new_run_id()
    record = _record(ADHOC_TEST_ID, run_id, triggered_by, attempts, started_at, duration_ms)
    return RunOutcome(
        ADHOC_TEST_ID,
        run_id,
        record=record,
        plan=attempts.plan,
        browser_result=attempts.browser_result,
        result=attempts.result or _error_result(record),
        exception=exception,
    )


def _checked(field: str, value: str, check: Callable[[str], str], *, shown: str) -> str:
    try:
        return check(value)
    except ValueError as exc:
        raise InvalidInput(field, f"{shown} {exc}") from None


async def _run_and_store(
    services: Services,
    test: Check,
    triggered_by: TriggeredBy,
    run_id: str,
    dispatcher: AlertDispatcher,
) -> tuple[RunOutcome, PendingAlert | None]:
    events = EventLog(services.redis, test.id, run_id)
    started_at = utc_now()
    clock = time.monotonic()
    attempts = await _attempt(services, test, run_id, events)
    duration_ms = int((time.monotonic() - clock) * 1000)
    await events.flush()  # a live view sees the whole run before its record
    record = _record(test.id, run_id, triggered_by, attempts, started_at, duration_ms)
    outcome = RunOutcome(
        test.id,
        run_id,
        record=record,
        plan=attempts.plan,
        browser_result=attempts.browser_result,
        result=attempts.result or _error_result(record),
    )
    settings = services.settings
    # Screenshots and record as one unit, retried while Redis is away (StoreUnavailable after
    # VIGIL_STORE_RETRY_WINDOW); it sets the steps' `screenshot` flags the record carries.
    stored = await store_run(
        services.redis,
        services.raw_redis,
        test,
        record,
        results_keep=settings.results_keep,
        screenshot_ttl_s=settings.screenshot_ttl_s,
        retry_s=settings.store_retry_s,
    )
    if stored.duplicate:
        # Only possible if our lock expired and a redelivery stored the same run meanwhile.
        outcome.duplicate = True
        outcome.record = stored.record
        return outcome, None
    outcome.incident = stored.incident  # /metrics counted the run in the same script
    try:
        # The store script read the alert state under this same lock: the decision starts
        # from that reading (its compare-and-set still checks it).
        with known_alert_state(test.id, stored.alert_state):
            pending = await dispatcher.decide(test, record, attempts.plan)
    except Exception:  # the run is stored; an alerting failure must not turn it into a 500
        log.exception("alert policy for test %s failed", test.id)
        pending = None
    return outcome, pending


async def _attempt(services: Services, test: Check, run_id: str, events: EventSink) -> _Attempts:
    """The first attempt plus `retries` immediate retries of a failed (not error) run."""
    attempts = _Attempts()
    for _ in range(test.retries + 1):
        attempts.count += 1
        backstop = asyncio.timeout(test.timeout_s + _BACKSTOP_S)
        try:
            async with backstop:
                plan, browser_result, result = await services.pipeline.run_check(
                    test.url,
                    test.goal,
                    events=events,
                    timeout_s=test.timeout_s,
                    test_id=test.id,
                )
        except Exception as exc:  # DESIGN §1: an exception anywhere still stores the run
            if isinstance(exc, TimeoutError) and backstop.expired():
                # The pipeline ignored its own timeout, so it logged no `error` event either.
                attempts.error = str(RunTimeout(f"the run did not finish in {test.timeout_s} s"))
                await events("error", attempts.error)
            else:  # the pipeline has logged the `error` event (its contract)
                log.warning("run %s of test %s errored: %s", run_id, test.id, exc, exc_info=True)
                attempts.error = _error_text(exc)
                _note_model_spend(attempts, exc)
            # Vigil's own failure: retrying it is not what `retries` is for.
            attempts.plan = attempts.browser_result = attempts.result = None
            break
        attempts.plan, attempts.browser_result, attempts.result = plan, browser_result, result
        if result.passed:
            break
    return attempts


def _note_model_spend(attempts: _Attempts, exc: Exception) -> None:
    if isinstance(exc, ModelError):
        attempts.llm_calls, attempts.llm_tokens = exc.calls, exc.tokens


def _error_text(exc: Exception) -> str:
    """Vigil's own errors speak for themselves; anything else is named by its type."""
    if isinstance(exc, InvalidInput):
        return exc.message  # already names the input (see _checked)
    text = str(exc) or type(exc).__name__
    return text if isinstance(exc, VigilError) else f"{type(exc).__name__}: {text}"


def _outcome(attempts: _Attempts) -> Outcome:
    result = attempts.result
    if result is None:
        return "error"
    if not result.passed:
        return "failed"
    if attempts.count > 1:
        return "passed_on_retry"
    return "healed" if any(s.healed for s in result.step_results) else "passed"


def _record(
    test_id: str,
    run_id: str,
    triggered_by: TriggeredBy,
    attempts: _Attempts,
    started_at: datetime,
    duration_ms: int,
) -> RunRecord:
    result = attempts.result
    error = attempts.error or "the run did not finish"
    return RunRecord(
        run_id=run_id,
        test_id=test_id,
        passed=result.passed if result else False,
        duration_ms=duration_ms,
        steps_passed=result.steps_passed if result else 0,
        steps_total=result.steps_total if result else 0,
        details=result.details if result else f"Vigil could not finish the run: {error}",
        step_results=result.step_results if result else [],
        error=result.error if result else error,
        triggered_by=triggered_by,
        started_at=iso(started_at),
        completed_at=iso(utc_now()),
        outcome=_outcome(attempts),
        attempts=attempts.count,
        llm_calls=result.llm_calls if result else attempts.llm_calls,
        llm_tokens=result.llm_tokens if result else attempts.llm_tokens,
    )


def _error_result(record: RunRecord) -> TestResult:
    return TestResult(
        passed=False,
        steps_passed=0,
        steps_total=record.steps_total,
        details=record.details,
        error=record.error,
        duration_ms=record.duration_ms,
    )
