"""Goals on an admin-style staff directory (tests/site/staff.py), through the real planner,
Playwright and evaluator: records found through their kind's list, facets beside an
operator dropdown, result tables beside toolbars and sidebars, record fields, yes/no and
empty cells, sort order read without clicking, records created with named fields, and the
list a deleted record must be gone from. Each family has a goal that must fail, so a check
that passes whatever the page shows would be caught."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.site.staff import StaffServer
from vigil.models import TestResult
from vigil.pipeline.pipeline import Pipeline


@pytest.fixture
def staff() -> Iterator[str]:
    server = StaffServer().start()
    yield f"{server.url}/staff/"
    server.stop()


async def check(pipeline: Pipeline, url: str, goal: str) -> TestResult:
    _, _, result = await pipeline.run_check(url, goal)
    return result


def said(result: TestResult) -> str:
    return " | ".join(s.details for s in result.step_results)


async def test_a_record_not_on_the_page_is_found_through_its_kinds_list(
    pipeline: Pipeline, staff: str
) -> None:
    result = await check(
        pipeline, staff, "open the employee Alan Turing and check the page shows a team of Ops"
    )
    assert result.passed, said(result)
    assert "went to the employee list with the link 'Employees'" in said(result)
    wrong = await check(
        pipeline, staff, "open the employee Alan Turing and check the page shows a team of Sales"
    )
    assert not wrong.passed, "Alan is in Ops: the field claim must read his record"


async def test_a_delete_without_a_row_control_opens_the_record_and_the_row_is_gone(
    pipeline: Pipeline, staff: str
) -> None:
    result = await check(
        pipeline,
        staff,
        "delete the employee 'Alan Turing' (confirm when asked). It should be gone from the "
        "employee list.",
    )
    assert result.passed, said(result)
    assert "opened it with link 'Alan Turing'" in said(result)
    # The message after deleting names him; the rows, not the page text, are what is read.
    assert "deleted successfully" not in said(result)


async def test_a_record_still_listed_fails_the_gone_claim(pipeline: Pipeline, staff: str) -> None:
    result = await check(pipeline, f"{staff}employees", "'Alan Turing' should no longer be listed")
    assert not result.passed


async def test_a_facet_value_is_clicked_not_an_operator_dropdown(
    pipeline: Pipeline, staff: str
) -> None:
    listing = f"{staff}employees"
    result = await check(
        pipeline, listing, "Click Sales in the team facet and confirm exactly 2 employees remain"
    )
    assert result.passed, said(result)
    assert "picked 'Sales'" in said(result)
    missing = await check(pipeline, listing, "filter by team: Marketing")
    assert not missing.passed
    assert "no option 'Marketing'" in said(missing)


async def test_counts_and_first_rows_read_the_result_table(pipeline: Pipeline, staff: str) -> None:
    result = await check(
        pipeline, staff, "go to Employees. Expect 3 results. The top row is 'Ada Byron'."
    )
    assert result.passed, said(result)
    wrong = await check(pipeline, staff, "go to Employees. The top row is 'Alan Turing'.")
    assert not wrong.passed


async def test_yes_no_and_empty_cells(pipeline: Pipeline, staff: str) -> None:
    listing = f"{staff}employees"
    passing = [
        "Alan Turing should be marked as not verified",
        "Ada Byron should be verified",
        "check the employee 'Alan Turing' has no manager",
    ]
    for goal in passing:
        result = await check(pipeline, listing, goal)
        assert result.passed, (goal, said(result))
    failing = [
        "Alan Turing should be verified",
        "Ada Byron is unverified",
        "check the employee 'Ada Byron' has no manager",
    ]
    for goal in failing:
        result = await check(pipeline, listing, goal)
        assert not result.passed, (goal, said(result))


async def test_a_sort_order_claim_reads_the_column_without_clicking(
    pipeline: Pipeline, staff: str
) -> None:
    listing = f"{staff}employees"
    result = await check(
        pipeline, listing, "the employees table is sorted by started, newest first"
    )
    assert result.passed, said(result)
    wrong = await check(pipeline, listing, "the employees table is sorted by started, oldest first")
    assert not wrong.passed
    assert "does not read in ascending order" in said(wrong)


async def test_a_record_is_created_with_the_fields_the_goal_names(
    pipeline: Pipeline, staff: str
) -> None:
    result = await check(
        pipeline,
        staff,
        "add an employee named 'Linus' with team Sales, started 2025-01-01, save it, check "
        "it was added successfully, and check the row for 'Linus' shows 'Sales'",
    )
    assert result.passed, said(result)
    # The message above the list names Linus too; his table row is the one read.
    assert "row 'Linus | Sales" in said(result)
    missing = await check(
        pipeline,
        staff,
        "add an employee named 'Linus' without choosing a team, save, and check it was added "
        "successfully",
    )
    assert not missing.passed, "the form refuses an employee without a team"


async def test_a_topic_claim_reads_the_page_it_is_on(pipeline: Pipeline, staff: str) -> None:
    page = f"{staff}employee/Ada%20Byron"
    assert (await check(pipeline, page, "this page should be about Ada Byron")).passed
    assert not (await check(pipeline, page, "this page should be about Alan Turing")).passed


async def test_a_total_is_the_number_the_page_states(pipeline: Pipeline, staff: str) -> None:
    listing = f"{staff}employees"
    result = await check(pipeline, listing, "the list should say there are 3 employees in total")
    assert result.passed, said(result)
    assert "stated as the total" in said(result)
    wrong = await check(pipeline, listing, "the list should say there are 4 employees in total")
    assert not wrong.passed


async def test_a_delete_answers_the_apps_confirmation_unless_the_goal_does(
    pipeline: Pipeline, staff: str
) -> None:
    listing = f"{staff}employees"
    result = await check(
        pipeline, listing, "remove 'Alan Turing' and check 'Alan Turing' is no longer listed"
    )
    assert result.passed, said(result)
    assert "the app asked to confirm; clicked button 'Delete'" in said(result)
    kept = await check(
        pipeline,
        listing,
        "click Remove in the row for 'Ada Byron', then click Cancel; 'Ada Byron' should no "
        "longer be listed",
    )
    assert not kept.passed, "the goal cancelled the confirmation itself: Ada stays"
