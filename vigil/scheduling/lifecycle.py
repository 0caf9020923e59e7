"""Create, edit, pause, resume and delete a test together with its schedule.

The API calls these instead of the store directly, so that every change to a test reaches the
scheduler at once and in one fixed order (see scheduler.py): a remote scheduler is asked
first and its refusal leaves the test untouched (HTTP 502); the local queue is told after the
write, and if that fails the reconciler repairs it from the test hashes, which are the truth.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from vigil.errors import InvalidInput, SchedulerUnavailable
from vigil.models import Check, CheckCreate, CheckUpdate, TestStatus, iso
from vigil.planner.readable import require_readable_goal
from vigil.services import Services
from vigil.store import checks
from vigil.validation import refuse_literal

log = logging.getLogger(__name__)


def _egress_allowed(services: Services, url: str | None, alert_webhook: str | None) -> None:
    """With VIGIL_BLOCK_PRIVATE_NETWORKS, a URL or alert target naming a private or loopback
    address literally is refused now (422) instead of failing every run; metadata addresses
    the validators refuse always (vigil/validation.py)."""
    if not services.settings.block_private_networks:
        return
    from vigil.egress.targets import alert_hosts

    for field, value in (("url", url), ("alert_webhook", alert_webhook)):
        for target in alert_hosts(value) if value else []:
            try:
                refuse_literal(target.host, block_private=True)
            except ValueError as exc:
                raise InvalidInput(field, str(exc)) from None


async def create_test(services: Services, spec: CheckCreate) -> Check:
    redis, scheduler = services.redis, services.scheduler
    _egress_allowed(services, spec.url, spec.alert_webhook)
    require_readable_goal(services.settings, spec.url, spec.goal)
    test = await checks.create_check(redis, spec)
    try:
        fields = await scheduler.prepare(None, test)
    except SchedulerUnavailable:
        # The new test's id is part of its schedule's destination, so it exists before the
        # remote call; take it back so a failed create leaves nothing behind.
        await checks.delete_check(redis, test.id)
        raise
    if fields:
        await checks.set_fields(redis, test.id, fields)
        test = await checks.get_check(redis, test.id)
    await _applied(services, test)
    return (await with_next_runs(services, [test]))[0]


async def update_test(services: Services, test_id: str, changes: CheckUpdate) -> Check:
    redis, scheduler = services.redis, services.scheduler
    before = await checks.get_check(redis, test_id)
    values = changes.model_dump(exclude_unset=True, exclude_none=True)
    _egress_allowed(services, values.get("url"), values.get("alert_webhook"))
    if "goal" in values or "url" in values:
        require_readable_goal(
            services.settings, values.get("url", before.url), values.get("goal", before.goal)
        )
    fields = await scheduler.prepare(before, before.model_copy(update=values))
    test = await checks.update_check(redis, test_id, changes)
    if fields:
        await checks.set_fields(redis, test_id, fields)
        test = await checks.get_check(redis, test_id)
    await _applied(services, test)
    return (await with_next_runs(services, [test]))[0]


async def set_status(services: Services, test_id: str, status: TestStatus) -> Check:
    return await update_test(services, test_id, CheckUpdate(status=status))


async def delete_test(services: Services, test_id: str) -> None:
    test = await checks.get_check(services.redis, test_id)
    await services.scheduler.removing(test)
    await checks.delete_check(services.redis, test_id)
    try:
        await services.scheduler.removed(test_id)
    except Exception:  # the fire finds the test gone and stops; the reconciler cleans up
        log.warning("could not cancel the schedule of deleted test %s", test_id, exc_info=True)


async def with_next_runs(services: Services, tests: Sequence[Check]) -> list[Check]:
    """The tests with `next_run_at` filled in from the scheduler (None when nothing fires)."""
    if not tests:
        return []
    try:
        nexts = await services.scheduler.next_runs(tests)
    except Exception:  # a read must not fail because the queue could not be asked
        log.warning("could not read next run times", exc_info=True)
        nexts = {}
    out = []
    for test in tests:
        when = nexts.get(test.id)
        out.append(test.model_copy(update={"next_run_at": iso(when) if when else None}))
    return out


async def _applied(services: Services, test: Check) -> None:
    try:
        await services.scheduler.applied(test)
    except Exception:
        log.warning(
            "could not update the schedule of test %s now; the reconciler will",
            test.id,
            exc_info=True,
        )
