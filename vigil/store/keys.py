"""Every Redis key Vigil uses, and the numbers that bound them (DESIGN §2).

No other module formats a key string: a key's name is part of the stored contract, so it is
spelled exactly once, here.
"""

from __future__ import annotations

from datetime import date

# Index of all test ids, score = creation unix time.
TESTS = "tests"
# The newest runs across all tests, for the dashboard.
RECENT = "recent"

# Trims. Each keeps reads O(limit) and memory bounded however long a check has been running.
# Results per test: Settings.results_keep (VIGIL_RESULTS_KEEP, default 10 000).
INCIDENTS_KEEP = 500
RECENT_KEEP = 200
EVENTS_MAXLEN = 1000  # approximate (`MAXLEN ~`), which lets Redis trim whole macro-nodes

# Uptime day roll-ups outlive the longest window the API offers (30 d) by far, so a year-on-
# year view stays possible, but they do expire.
UPTIME_TTL_S = 400 * 24 * 3600
# Screenshots: Settings.screenshot_ttl_s (VIGIL_SCREENSHOT_TTL, default a week).


def test(test_id: str) -> str:
    return f"test:{test_id}"


def results(test_id: str) -> str:
    return f"results:{test_id}"


def timing(test_id: str) -> str:
    return f"timing:{test_id}"


def events(test_id: str) -> str:
    return f"events:{test_id}"


def incidents(test_id: str) -> str:
    return f"incidents:{test_id}"


def uptime(test_id: str, day: date) -> str:
    return f"uptime:{test_id}:{day.isoformat()}"


def metrics(test_id: str) -> str:
    """Prometheus counters of one test (vigil/store/metrics.py): runs by outcome, the
    run-duration histogram's buckets, alert deliveries by result."""
    return f"metrics:{test_id}"


# Fields of an `uptime:{test_id}:{day}` hash. `total` and `passed` count the runs that tested
# the site (DESIGN §2: Vigil's own `error` runs are not among them, since they say nothing
# about the site); `errors` counts those error runs apart, so an uptime answer can report them
# without letting them into the denominator. Each has a per-hour twin, `HH:total` and so on.
UPTIME_TOTAL = "total"
UPTIME_PASSED = "passed"
UPTIME_ERRORS = "errors"


def uptime_field(name: str, hour: int | None = None) -> str:
    """`name` for the whole day, or `HH:name` for one UTC hour of it."""
    return name if hour is None else f"{hour:02d}:{name}"


def run_lock(test_id: str) -> str:
    return f"lock:run:{test_id}"


def screenshot(run_id: str, step_number: int) -> str:
    return f"shot:{run_id}:{step_number}"


def timing_member(run_id: str, duration_ms: int) -> str:
    """Unique per run, so two runs with equal durations stay two members."""
    return f"{run_id}:{duration_ms}"


def parse_timing_member(member: str) -> tuple[str, int]:
    run_id, _, duration = member.rpartition(":")
    return run_id, int(duration)


# --- run bookkeeping (vigil/store/results.py, vigil/runs.py) ---------------------------------

# A redelivered schedule fire or QStash message must not store a second run: the store writes
# this marker in the same script as the run and refuses a run id it has already seen. It only
# has to outlive redelivery (QStash retries for up to about a day), not the run itself.
RUN_MARKER_TTL_S = 3 * 24 * 3600


def run_marker(test_id: str, run_id: str) -> str:
    """Marks `run_id` as stored for `test_id`; the value is the run's score in `results:`."""
    return f"run:{test_id}:{run_id}"


# `GET /api/runs/{run_id}` names a run without its test. This String, `"{test_id} {score}"`,
# leads from the id to the one member of `results:{test_id}` with that score. It lives exactly
# as long as the run's record: written by the script that stores the run, deleted by the same
# script when the record is trimmed away, and deleted with the test.
RUN_INDEX_PREFIX = "runindex:"


def run_index(run_id: str) -> str:
    return f"{RUN_INDEX_PREFIX}{run_id}"


# Fields of the `test:{id}` hash that Vigil writes itself beside the definition (DESIGN §2
# allows "what later capabilities need"). They are not part of Check.
# The latest run whose screenshots are kept only because it is the latest (a passed run), and
# how many steps it has: a newer run makes those screenshots obsolete.
SHOTS_RUN_FIELD = "shots_run"
SHOTS_STEPS_FIELD = "shots_steps"
# Alert policy state (vigil/store/alert_state.py): consecutive counted failures and errors, whether
# the current failure / error streak has been alerted, and the last delivery attempt (JSON).
ALERT_FAILURES_FIELD = "alert_failures"
ALERT_ERRORS_FIELD = "alert_errors"
ALERT_FAILURE_SENT_FIELD = "alert_failure_sent"
ALERT_ERROR_SENT_FIELD = "alert_error_sent"
ALERT_LAST_DELIVERY_FIELD = "alert_last_delivery"
ALERT_STATE_FIELDS = (
    ALERT_FAILURES_FIELD,
    ALERT_ERRORS_FIELD,
    ALERT_FAILURE_SENT_FIELD,
    ALERT_ERROR_SENT_FIELD,
)
# The cached plan (DESIGN §4 "a plan that passed is cached on the test"): the TestPlan as JSON,
# and a digest of the URL and goal it was planned from, so editing either makes it a miss
# without anyone having to remember to delete it (vigil/store/plan_cache.py).
CACHED_PLAN_FIELD = "cached_plan"
CACHED_PLAN_FOR_FIELD = "cached_plan_for"


# --- the job queue (vigil/scheduling/, DESIGN §5) --------------------------------------------

# pydocket keeps its queue, stream, task states and pickled payloads under this prefix; Vigil's
# keys above stay the truth and the reconciler rebuilds the queue from them.
QUEUE_NAME = "vigil-queue"


def schedule_task(test_id: str) -> str:
    """The queue's key of a test's one pending fire (a task key inside QUEUE_NAME)."""
    return f"schedule:{test_id}"


SCHEDULE_TASK_PREFIX = "schedule:"
