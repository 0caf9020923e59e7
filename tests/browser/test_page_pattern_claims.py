"""Claims on page patterns real apps use, run through the executor on the demo site."""

from __future__ import annotations

from tests.pipeline.plans import plan, step
from vigil.browser.executor import PlaywrightExecutor
from vigil.models import PlanStep, Scope
from vigil.pipeline.ports import discard_events


def scoped(s: PlanStep, kind: str, text: str) -> PlanStep:
    return s.model_copy(update={"scope": Scope.model_validate({"kind": kind, "text": text})})


async def test_a_claim_of_absence_in_a_missing_scope_fails(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    for claim in (
        step("assert_not_visible", "Delete"),
        step("assert_no_text", value="Error"),
    ):
        p = plan(
            demo_site,
            step("navigate", value=f"{demo_site}/patterns"),
            scoped(claim, "section", "Billing"),
        )
        result = await executor.execute(p, discard_events)
        assert not result.success, result.steps[-1].details
        assert "Billing" in result.steps[-1].details


async def test_text_present_but_hidden_is_not_shown(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    for text in ("Secret draft", "Quota exceeded"):
        p = plan(
            demo_site,
            step("navigate", value=f"{demo_site}/patterns"),
            step("assert_text", value=text),
        )
        result = await executor.execute(p, discard_events)
        assert not result.success
        p = plan(
            demo_site,
            step("navigate", value=f"{demo_site}/patterns"),
            scoped(step("assert_text", value=text), "section", "Notes"),
        )
        result = await executor.execute(p, discard_events)
        assert not result.success, result.steps[-1].details


async def test_a_cell_showing_an_icon_reads_as_its_alt_text(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    def cell(row: str, value: str) -> PlanStep:
        s = step("assert_cell", value=value, column="Active")
        return scoped(s, "row", row)

    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/patterns"),
        cell("Ana", "True"),
        cell("Luis", "False"),
        step("click", "Yes, I'm sure", role="button"),
        step("assert_text", value="Are you sure you want to delete Luis?"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    p = plan(demo_site, step("navigate", value=f"{demo_site}/patterns"), cell("Ana", "False"))
    result = await executor.execute(p, discard_events)
    assert not result.success


async def test_an_open_dialog_is_where_a_click_lands_first(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/patterns"),
        step("click", "Delete"),
        step("click", "Delete"),
        step("assert_text", value="Ticket deleted"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    assert "in the open dialog" in result.steps[2].details


async def test_rows_are_counted_in_the_table_not_in_a_list_under_a_rows_heading(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/patterns"),
        step("assert_count", "rows", "2"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]


async def test_a_value_picked_for_a_field_that_is_a_list_of_links(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/patterns"),
        step("select", "Team", "bread"),
        step("assert_url", value="team=bread"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    assert "picked 'bread' by clicking link 'bread'" in result.steps[1].details


async def test_a_field_of_a_record_shown_as_rows_of_field_and_value(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    def cell(value: str) -> PlanStep:
        return step("assert_cell", value=value, column="Requester")

    p = plan(demo_site, step("navigate", value=f"{demo_site}/patterns"), cell("Priya Nair"))
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
    p = plan(demo_site, step("navigate", value=f"{demo_site}/patterns"), cell("Ana"))
    result = await executor.execute(p, discard_events)
    assert not result.success


async def test_a_field_of_the_record_a_row_scope_points_into(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    claim = step("assert_cell", value="Priya Nair", column="requester")
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/patterns"),
        scoped(claim, "row", "VPN drops every hour"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]


async def test_things_are_counted_in_the_table_not_its_toolbar_list(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/patterns"),
        step("assert_count", "users", "2"),
    )
    result = await executor.execute(p, discard_events)
    assert result.success, [s.details for s in result.steps]
