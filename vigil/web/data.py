"""What the pages read, in one module, so a page does not care where a number comes from.

Everything goes through the read side's store functions (the same ones behind /api/dashboard,
/api/tests/{id}/results, /uptime and /incidents), so a page and the API never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from vigil.errors import NotFound
from vigil.models import Check, IncidentRecord, RunRecord
from vigil.services import Services
from vigil.store.checks import get_check, list_checks
from vigil.store.dashboard import dashboard
from vigil.store.history import Cursor, find_run, incidents_of, results_page
from vigil.store.uptime import uptime_counts
from vigil.views import Dashboard, Uptime, uptime_of

__all__ = ["Cursor", "Dashboard", "Uptime", "get_check", "list_checks"]

STRIP_RUNS = 30
RECENT_SHOWN = 20
WINDOWS = ("24h", "7d", "30d")


async def dashboard_data(services: Services) -> Dashboard:
    return await dashboard(services.redis, recent=RECENT_SHOWN)


async def uptime(services: Services, test_id: str, window: str) -> Uptime:
    counts = await uptime_counts(services.redis, test_id, window, datetime.now(UTC))
    return uptime_of(
        window,  # type: ignore[arg-type]  # one of WINDOWS
        total=counts.total,
        passed=counts.passed,
        errors=counts.errors,
    )


@dataclass
class TestRow:
    """A line of the Tests table."""

    __test__ = False

    test: Check
    uptime_24h: Uptime
    strip: list[RunRecord] = field(default_factory=list)  # oldest first


async def test_rows(services: Services) -> list[TestRow]:
    rows = []
    for test in await list_checks(services.redis):
        try:
            strip, _ = await results_page(services.redis, test.id, limit=STRIP_RUNS)
            rows.append(TestRow(test, await uptime(services, test.id, "24h"), strip[::-1]))
        except NotFound:  # deleted while the page was being read
            continue
    return rows


async def history(
    services: Services, test_id: str, *, limit: int, before: str | None
) -> tuple[list[RunRecord], str | None]:
    """A page of runs, newest first, and the opaque cursor of the next page."""
    cursor = Cursor.parse(before) if before else None
    records, following = await results_page(services.redis, test_id, limit=limit, before=cursor)
    return records, None if following is None else str(following)


async def run_of(services: Services, test_id: str, run_id: str) -> RunRecord | None:
    """The run, if it is stored and belongs to this test."""
    try:
        record = await find_run(services.redis, run_id)
    except NotFound:
        return None
    return record if record.test_id == test_id else None


async def incidents(services: Services, test_id: str, limit: int = 20) -> list[IncidentRecord]:
    return await incidents_of(services.redis, test_id, limit=limit)
