"""A field's value read where the page shows it (vigil/browser/fields.py): beside its label in
a definition list, a table row or a "Label: value" line; a dropdown by its selected option's
text; a radio group by its checked option; and only on the record's own page."""

from __future__ import annotations

from tests.pipeline.plans import plan, step
from vigil.browser.executor import PlaywrightExecutor
from vigil.models import BrowserResult, PlanStep, Scope
from vigil.pipeline.ports import discard_events


async def run(executor: PlaywrightExecutor, base: str, *steps: PlanStep) -> BrowserResult:
    return await executor.execute(
        plan(base, step("navigate", value=f"{base}/employee"), *steps), discard_events
    )


def details(result: BrowserResult) -> list[str]:
    return [s.details for s in result.steps]


async def test_a_value_beside_its_label_is_read_and_said(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        step("assert_value", "email", "dana.okafor@corp.test"),
        step("assert_value", "department", "Payroll"),
        step("assert_value", "manager", "Luis Ortega"),
        step("assert_value", "annual leave left", "12 days"),
        step("assert_value", "total", "420"),
        step("assert_value", "desk", "4F-12", negate=True),
    )
    assert [s.passed for s in result.steps] == [True] * 6 + [False], details(result)
    assert "term 'Work email'" in result.steps[1].details
    assert "label cell 'Manager'" in result.steps[3].details
    # "Subtotal: 300" is not the total: labels match by whole words.
    assert "Total: 420" in result.steps[5].details
    assert "which it should not" in result.steps[6].details


async def test_a_record_shown_as_a_one_row_table_is_read_under_its_headers(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    ok = await run(executor, demo_site, step("assert_value", "grade", "G7"))
    assert ok.steps[1].passed, details(ok)
    assert "under column 'Grade' of the one-row table" in ok.steps[1].details
    # A table of several rows does not say which row's score is meant.
    several = await run(executor, demo_site, step("assert_value", "score", "91"))
    assert not several.steps[1].passed, details(several)


async def test_a_wrong_value_beside_its_label_fails_with_what_is_shown(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(executor, demo_site, step("assert_value", "department", "Sales"))
    assert not result.steps[1].passed
    assert "holds 'Payroll', expected 'Sales'" in result.steps[1].details


async def test_a_field_nothing_labels_is_a_miss_not_a_pass(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(executor, demo_site, step("assert_value", "salary", "1000"))
    assert not result.steps[1].passed, details(result)


async def test_a_dropdown_reads_as_its_selected_option_and_a_group_as_its_checked_one(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    record = Scope(kind="row", text="Dana Okafor")
    result = await run(
        executor,
        demo_site,
        step("assert_value", "Office", "Lisbon"),
        step("assert_cell", None, "Lisbon", scope=record, column="office"),
        step("assert_cell", None, "Part time", scope=record, column="contract"),
        step("assert_cell", None, "Full time", scope=record, column="contract"),
    )
    assert [s.passed for s in result.steps] == [True, True, True, True, False], details(result)
    assert "selected option" in result.steps[1].details
    assert "on the page of 'Dana Okafor'" in result.steps[2].details
    assert "holds 'Part time', not 'Full time'" in result.steps[4].details
    # The option's value attribute is not what the dropdown shows.
    by_value = await run(executor, demo_site, step("assert_value", "Office", "2"))
    assert not by_value.steps[1].passed
    assert "holds 'Lisbon', expected '2'" in by_value.steps[1].details


async def test_another_records_field_is_never_read_for_it(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        step("assert_cell", None, "Lisbon", scope=Scope(kind="row", text="Priya Nair"),
             column="office"),
    )  # fmt: skip
    assert not result.steps[1].passed
    assert "Priya Nair" in result.steps[1].details


async def test_a_value_is_read_whole_not_as_part_of_another(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    """ "Total: 420" does not hold "20", and "Lisbon" is not held by the option "Lisb"."""
    for field, value in (("total", "20"), ("office", "Lisb"), ("desk", "4F-1")):
        result = await run(executor, demo_site, step("assert_value", field, value))
        assert not result.steps[1].passed, (field, value, details(result))
