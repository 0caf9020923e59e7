"""VIGIL_SCHEDULER=qstash: each test's cron is a QStash schedule calling back
`{VIGIL_PUBLIC_URL}/api/callback/{id}` (DESIGN §5, reference/integrations.md §2).

Changes go to QStash BEFORE the test hash is written (Scheduler.prepare), so an error from
the QStash API is answered 502 and leaves the test as it was. Schedule ids are chosen by Vigil
(`vigil-{test_id}`): a create is an idempotent upsert, so a retried request cannot leave a
second schedule behind. The SDK's own retries cover dropped connections; a whole call is
bounded by CALL_TIMEOUT_S so a hung QStash cannot hang the API.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Sequence
from datetime import datetime
from typing import TypeVar

import httpx
from qstash import AsyncQStash
from qstash.errors import QStashError

from vigil.config import Settings
from vigil.errors import ConfigError, SchedulerUnavailable
from vigil.models import Check, utc_now
from vigil.scheduling.cadence import Cadence
from vigil.scheduling.scheduler import QueueDepth, SchedulerMode, wants_schedule

log = logging.getLogger(__name__)

CALL_TIMEOUT_S = 15.0
_STATUS = re.compile(r"status: (\d{3})")
T = TypeVar("T")


def schedule_id_for(test_id: str) -> str:
    return f"vigil-{test_id}"


class QStashScheduler:
    mode: SchedulerMode = "qstash"

    def __init__(self, settings: Settings) -> None:
        token = settings.secret("qstash_token")
        if not token:
            raise ConfigError("QSTASH_TOKEN: required when VIGIL_SCHEDULER=qstash")
        if not settings.public_url:
            raise ConfigError(
                "VIGIL_PUBLIC_URL: required when VIGIL_SCHEDULER=qstash (QStash calls it back)"
            )
        self.public_url = settings.public_url
        self.cadence = Cadence()
        self.client = AsyncQStash(
            token,
            base_url=settings.qstash_url,
            retry={"retries": 2, "backoff": lambda attempt: 200.0 * (attempt + 1)},
        )

    def destination(self, test_id: str) -> str:
        return f"{self.public_url}/api/callback/{test_id}"

    async def prepare(self, before: Check | None, after: Check) -> dict[str, str]:
        had = before.qstash_schedule_id if before is not None else None
        if not after.schedule:
            if had:
                await self._delete(had)
                return {"qstash_schedule_id": ""}
            return {}
        recreate = had is None or before is None or before.schedule != after.schedule
        was_paused = before is not None and before.status == "paused"
        schedule_id = had or schedule_id_for(after.id)
        try:
            if recreate:
                schedule_id = await self._call(
                    "create",
                    self.client.schedule.create(
                        destination=self.destination(after.id),
                        cron=after.schedule,
                        schedule_id=schedule_id_for(after.id),
                        method="POST",
                    ),
                )
            if after.status == "paused" and (recreate or not was_paused):
                await self._call("pause", self.client.schedule.pause(schedule_id))
            elif after.status == "active" and was_paused:
                await self._call("resume", self.client.schedule.resume(schedule_id))
        except SchedulerUnavailable:
            if had is None and recreate:  # do not leave a schedule for a test never saved
                try:
                    await self._delete(schedule_id_for(after.id))
                except SchedulerUnavailable:
                    log.warning("could not delete QStash schedule %s", schedule_id_for(after.id))
            raise
        return {"qstash_schedule_id": schedule_id} if schedule_id != had else {}

    async def applied(self, test: Check) -> None:
        return None

    async def removing(self, test: Check) -> None:
        if test.qstash_schedule_id:
            await self._delete(test.qstash_schedule_id)

    async def removed(self, test_id: str) -> None:
        return None

    async def next_runs(self, tests: Sequence[Check]) -> dict[str, datetime | None]:
        # QStash evaluates crons in UTC, as Vigil does; asking it per test would cost a call.
        now = utc_now()
        return {
            t.id: self.cadence.next_after(t.schedule, now) if wants_schedule(t) else None
            for t in tests
        }

    async def queue_depth(self) -> QueueDepth | None:
        return None  # QStash holds the queue; its console shows it

    async def aclose(self) -> None:
        # The SDK opens an httpx client and offers no way to close it; its connections would
        # otherwise leak until garbage collection.
        await self.client.http._client.aclose()

    async def _delete(self, schedule_id: str) -> None:
        try:
            await self._call("delete", self.client.schedule.delete(schedule_id))
        except SchedulerUnavailable as exc:
            if exc.status != 404:  # already gone is what we wanted
                raise

    async def _call(self, what: str, call: Awaitable[T]) -> T:
        try:
            async with asyncio.timeout(CALL_TIMEOUT_S):
                return await call
        except QStashError as exc:
            match = _STATUS.search(str(exc))
            status = int(match.group(1)) if match else None
            raise SchedulerUnavailable(
                f"QStash schedules API: {what} failed: {str(exc)[:300]}", status=status
            ) from None
        except TimeoutError:
            raise SchedulerUnavailable(
                f"QStash schedules API: {what} did not answer in {CALL_TIMEOUT_S:g} s"
            ) from None
        except (httpx.HTTPError, OSError) as exc:
            raise SchedulerUnavailable(f"QStash schedules API: {what} failed: {exc}") from None
