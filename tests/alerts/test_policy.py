"""The alert policy as a pure state machine (its stored state: tests/store/test_alert_state.py)."""

from __future__ import annotations

from vigil.alerts.policy import AlertEvent, decide, decide_run, undelivered
from vigil.models import AlertPolicy, AlertState, Outcome


def alerts_for(
    outcomes: list[Outcome], *, alert_after: int = 1, reminder_every: int = 0
) -> list[AlertEvent | None]:
    policy = AlertPolicy(alert_after=alert_after, reminder_every=reminder_every)
    state = AlertState()
    sent: list[AlertEvent | None] = []
    for outcome in outcomes:
        decision = decide(state, outcome, policy)
        state = decision.state
        sent.append(decision.event)
    return sent


def test_fail_fail_pass_fail_with_alert_after_1_alerts_once_per_streak_and_recovers() -> None:
    assert alerts_for(["failed", "failed", "passed", "failed"], alert_after=1) == [
        "test_failed",
        None,
        "test_recovered",
        "test_failed",
    ]


def test_fail_fail_pass_fail_with_alert_after_2_alerts_on_the_second_failure() -> None:
    assert alerts_for(["failed", "failed", "passed", "failed"], alert_after=2) == [
        None,
        "test_failed",
        "test_recovered",
        None,
    ]


def test_a_pass_after_an_unalerted_failure_sends_no_recovery() -> None:
    assert alerts_for(["failed", "passed"], alert_after=2) == [None, None]


def test_reminders_come_every_n_further_failures() -> None:
    outcomes: list[Outcome] = ["failed"] * 7
    assert alerts_for(outcomes, alert_after=2, reminder_every=2) == [
        None, "test_failed", None, "test_failed", None, "test_failed", None,
    ]  # fmt: skip


def test_a_reminder_is_flagged_as_one() -> None:
    policy = AlertPolicy(alert_after=1, reminder_every=1)
    first = decide(AlertState(), "failed", policy)
    second = decide(first.state, "failed", policy)
    assert (first.reminder, second.reminder) == (False, True)


def test_errors_neither_count_as_failures_nor_break_a_failing_streak() -> None:
    assert alerts_for(["failed", "error", "failed"], alert_after=2) == [None, None, "test_failed"]
    assert alerts_for(["error", "error"], alert_after=1) == [None, None]


def test_three_errors_in_a_row_send_one_test_error_and_a_pass_recovers() -> None:
    outcomes: list[Outcome] = ["error", "error", "error", "error", "error", "passed"]
    assert alerts_for(outcomes) == [None, None, "test_error", None, None, "test_recovered"]


def test_errors_interrupted_by_a_run_start_counting_again() -> None:
    assert alerts_for(["error", "error", "passed", "error", "error"]) == [None] * 5


def test_passes_on_retry_and_healed_runs_are_passes() -> None:
    assert alerts_for(["failed", "passed_on_retry"]) == ["test_failed", "test_recovered"]
    assert alerts_for(["failed", "healed"]) == ["test_failed", "test_recovered"]


def test_an_undelivered_failure_alert_is_tried_again_on_the_next_failure() -> None:
    policy = AlertPolicy(alert_after=1)
    first = decide(AlertState(), "failed", policy)
    assert first.event == "test_failed"
    state = undelivered(first.state, "test_failed")
    second = decide(state, "failed", policy)
    assert second.event == "test_failed" and not second.reminder
    assert decide(state, "passed", policy).event is None


def test_without_a_target_streaks_count_but_nothing_counts_as_sent() -> None:
    decision = decide_run(AlertState(), "failed", AlertPolicy(), can_alert=False)
    assert decision.event is None and decision.state == AlertState(failures=1)
