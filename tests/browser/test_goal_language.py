"""The executor half of the goal language (DESIGN §4), with hand-built plans on the demo
site: scopes, grounded targets, tables, counts, states, history, negation and secrets."""

from __future__ import annotations

import time

from tests.pipeline.plans import plan, step
from vigil.browser.executor import PlaywrightExecutor
from vigil.models import BrowserResult, PlanStep, Scope
from vigil.pipeline.ports import discard_events
from vigil.pipeline.scripted import EventRecorder


def row(text: str) -> Scope:
    return Scope(kind="row", text=text)


def section(text: str) -> Scope:
    return Scope(kind="section", text=text)


async def run(
    executor: PlaywrightExecutor, base: str, path: str, *steps: PlanStep
) -> BrowserResult:
    return await executor.execute(
        plan(base, step("navigate", value=f"{base}{path}"), *steps), discard_events
    )


def details(result: BrowserResult) -> list[str]:
    return [s.details for s in result.steps]


async def test_a_new_item_is_added_through_the_list_input_and_counted(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/todo",
        step("fill", value="Rye", ground="new_item"),
        step("fill", value="Spelt", ground="new_item"),
        step("assert_count", "tasks", "5"),
        step("assert_count", "items", "4", count_op="gt"),
        step("assert_count", None, "5", negate=True),
    )
    assert [s.passed for s in result.steps] == [True] * 5 + [False], details(result)
    assert "added 'Rye' with new-item input 'What needs to be done?'" in result.steps[1].details
    assert "then pressed Enter" in result.steps[1].details
    assert "counted 5 items in list 'Tasks'" in result.steps[3].details
    assert "expected not exactly 5" in result.steps[5].details


async def test_a_hover_revealed_delete_inside_a_row_is_clicked(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/todo",
        step("assert_visible", "Delete", scope=row("Bake bread")),
    )
    assert not result.success, "the delete button is hidden until the row is hovered"
    result = await run(
        executor,
        demo_site,
        "/todo",
        step("click", "Delete", scope=row("Bake bread")),
        step("assert_no_text", value="Bake bread"),
        step("assert_count", "tasks", "2"),
        step("assert_text", value="Buy flour"),
    )
    assert result.success, details(result)
    assert "hovered the row to reveal it" in result.steps[1].details
    assert "in item 'Bake bread" in result.steps[1].details


async def test_complete_and_state_checks_in_a_row(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/todo",
        step("assert_unchecked", scope=row("Buy flour")),
        step("assert_checked", scope=row("Feed the starter")),
        step("check", scope=row("Buy flour")),
        step("assert_checked", scope=row("Buy flour")),
        step("assert_text", value="1 item left"),
        step("assert_unchecked", scope=row("Buy flour")),
    )
    assert [s.passed for s in result.steps] == [True] * 6 + [False], details(result)
    assert result.steps[6].details.startswith("checkbox in item 'Buy flour")
    assert result.steps[6].details.endswith("is checked, expected unchecked")


async def test_edit_in_place_with_a_double_click(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/todo",
        step("double_click", "Buy flour"),
        step("fill", None, "Buy rye flour", scope=row("Buy flour")),
        step("press", value="Enter"),
        step("assert_text", value="Buy rye flour", scope=row("rye flour")),
        step("assert_cell", value="Buy rye flour", nth=0),
    )
    assert result.success, details(result)
    assert "double-clicked" in result.steps[1].details


async def test_a_column_is_sorted_by_clicking_its_header_and_read_back(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/catalog",
        step("click", "Date", order="descending"),
        step("assert_cell", value="Oat", nth=0),
        step("click", "Price", column="Price", order="ascending"),
        step("assert_cell", value="Croissant", nth=0),
        step("assert_cell", value="Spelt", nth=-1),
        step("click", "Price", order="ascending"),
        step("assert_cell", value="Rye", nth=0),
    )
    assert [s.passed for s in result.steps] == [True] * 7 + [False], details(result)
    assert "clicked header 'Date' 2 time(s) until the column read in descending order (dates)" in (
        result.steps[1].details
    )
    assert "already reads in ascending order" in result.steps[6].details
    assert "holds 'Croissant | Pastry | 2.10" in result.steps[7].details


async def test_cells_by_row_text_and_column_name(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/catalog",
        step("assert_cell", value="4.20", scope=row("Spelt"), column="Price"),
        step("assert_cell", value="Sold out", scope=row("Spelt"), column="State"),
        step("assert_cell", value="In stock", scope=row("Spelt"), column="State", negate=True),
        step("assert_cell", value="3.80", scope=row("Spelt"), column="Price"),
    )
    assert [s.passed for s in result.steps] == [True] * 4 + [False], details(result)
    assert "column 'Price' of row 'Spelt" in result.steps[1].details
    assert "holds '4.20', not '3.80'" in result.steps[4].details


async def test_a_filter_hides_rows_and_the_count_follows(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/catalog",
        step("assert_count", "rows", "6"),
        step("select", "Category", "Pastry"),
        step("assert_count", "rows", "2"),
        step("assert_no_text", value="Latte"),
        step("assert_cell", value="Pastry", column="Category"),
        step("assert_count", "products", "3"),
    )
    assert [s.passed for s in result.steps] == [True] * 6 + [False], details(result)
    assert "counted 2 items in table" in result.steps[6].details
    assert "Croissant" in result.steps[6].details


async def test_the_save_button_in_the_dialog_and_fields_by_section(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/settings",
        step("fill", "Email", "bills@example.com", scope=section("Billing")),
        step("click", "Save", scope=section("Billing")),
        step("assert_text", value="Billing saved (bills@example.com)", scope=section("Billing")),
        step("assert_value", "Email", "ana@example.com", scope=section("Profile")),
        step("assert_no_text", value="Profile saved"),
        step("click", "Change password"),
        step("fill", "New password", "s3cret-pw", scope=Scope(kind="dialog"), secret=True),
        step("click", "Save", scope=Scope(kind="dialog")),
        step("assert_text", value="Password changed"),
        step("assert_disabled", "Save", scope=section("Notifications")),
        step("check", "Text me about orders"),
        step("assert_enabled", "Save", scope=section("Notifications")),
    )
    assert result.success, details(result)
    assert "in the part under heading 'Billing'" in result.steps[1].details
    assert "in dialog 'Change password'" in result.steps[8].details
    assert "s3cret-pw" not in result.model_dump_json()


async def test_a_secret_never_reaches_events_or_details(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    sink = EventRecorder()
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/login"),
        step("fill", "Username", "hunter2-user", secret=True),
        step("assert_text", value="hunter2-user", secret=True),
    )
    result = await executor.execute(p, sink)
    assert "hunter2-user" not in result.model_dump_json()
    assert all("hunter2-user" not in e[1] for e in sink.events)


async def test_search_is_grounded_on_the_search_box_and_results_counted(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/search",
        step("fill", value="rye", ground="search"),
        step("assert_count", "results", "3"),
        step("assert_text", value="Dark rye loaf", scope=section("Results")),
        step("assert_count", "results", "4", count_op="ge"),
    )
    assert [s.passed for s in result.steps] == [True] * 4 + [False], details(result)
    assert "searched for 'rye' in search box 'Search the bakery'" in result.steps[1].details
    assert "Rye sourdough, Rye crackers, Dark rye loaf" in result.steps[4].details


async def test_where_the_user_is_and_history(executor: PlaywrightExecutor, demo_site: str) -> None:
    result = await run(
        executor,
        demo_site,
        "/",
        step("click", "Catalog"),
        step("assert_visible", "Catalog", ground="page"),
        step("go_back"),
        step("assert_not_visible", "Catalog", ground="page"),
        step("reload"),
        step("assert_url", value="/catalog", negate=True),
        step("assert_title", value="Demo Shop"),
        step("assert_visible", "Order history", ground="page"),
    )
    assert [s.passed for s in result.steps] == [True] * 8 + [False], details(result)
    assert "on the 'Catalog' page: the page's title" in result.steps[2].details
    assert "not on the 'Order history' page: nothing names it" in result.steps[8].details


async def test_the_checkbox_nearest_to_a_text(executor: PlaywrightExecutor, demo_site: str) -> None:
    result = await run(
        executor,
        demo_site,
        "/todo",
        step("check", scope=Scope(kind="near", text="Bake bread")),
        step("assert_checked", "Complete Bake bread"),
        step("assert_unchecked", "Complete Buy flour"),
    )
    assert result.success, details(result)


async def test_a_missing_row_lists_what_is_there(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor, demo_site, "/todo", step("click", "Delete", scope=row("Walk the dog"))
    )
    assert not result.success
    assert "no row or list item containing 'Walk the dog' on the page — there are: " in (
        result.steps[1].details
    )
    assert "'Buy flour" in result.steps[1].details


async def test_a_failing_claim_fails_once_the_page_is_quiet_not_after_a_long_wait(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    t0 = time.monotonic()
    result = await run(executor, demo_site, "/second", step("assert_text", value="Checkout"))
    assert not result.success
    # One look at a page that was quiet and unchanged throughout it (two if the page was
    # still settling at the first), not the full retry budget (7 looks, about 3 s); wall
    # time is only loosely bounded because the test machine is shared.
    assert result.steps[1].retry_count <= 1, result.steps[1]
    assert time.monotonic() - t0 < 6


async def test_results_that_arrive_late_are_waited_for(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/search?q=spelt",
        step("assert_count", "results", "1"),
        step("assert_text", value="1 result for 'spelt'"),
    )
    assert result.success, details(result)


async def test_the_source_words_end_the_details(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor, demo_site, "/", step("click", "Catalog", source="go to the Catalog")
    )
    assert result.success
    assert result.steps[1].details == "clicked link 'Catalog' for 'go to the Catalog'"


async def test_a_list_without_an_input_is_added_to_through_its_new_control(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/catalog",
        step("fill", value="Barley", ground="new_item"),
        step("assert_cell", value="Pastry", scope=row("Barley"), column="Category"),
    )
    assert not result.success
    assert "added 'Barley' with button 'New product', then the first empty field" in (
        result.steps[1].details
    )
    assert "holds 'Bread', not 'Pastry'" in result.steps[2].details


async def test_a_value_in_another_row_is_pointed_out(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/catalog",
        step("assert_cell", value="3.80", scope=row("Spelt"), column="Price"),
    )
    assert not result.success
    assert result.steps[1].details.endswith(
        "holds '4.20', not '3.80'; '3.80' is in row 'Rye, Bread, 3.80, 2026-03-02, …'"
    )


async def test_a_section_by_its_landmark_name_and_a_named_dialog(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/settings",
        step("fill", "Email", "ana@lima.example", scope=section("Profile")),
        step("click", "Save", scope=section("Profile")),
        step("assert_text", value="Profile saved (ana@lima.example)", scope=section("Profile")),
        step("assert_no_text", value="Billing saved", scope=section("Billing")),
        step("click", "Save", scope=Scope(kind="dialog", text="Change password")),
    )
    assert [s.passed for s in result.steps] == [True] * 5 + [False], details(result)
    assert (
        result.steps[1].details
        == "typed 'ana@lima.example' into field 'Email' in section 'Profile'"
    )
    assert "no dialog 'Change password' on the page" in result.steps[5].details


async def test_a_missing_column_lists_the_columns(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/catalog",
        step("click", "Weight", column="Weight", order="ascending"),
    )
    assert not result.success
    assert "no column 'Weight' in any table (columns: 'Name', 'Category', 'Price'" in (
        result.steps[1].details
    )


async def test_a_page_without_a_search_box_lists_its_fields(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(executor, demo_site, "/login", step("fill", value="rye", ground="search"))
    assert not result.success
    assert result.steps[1].details == (
        "no search box on the page — fields here: 'Username', 'Password'"
    )


async def test_a_password_quoted_in_another_steps_words_is_masked_there_too(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    sink = EventRecorder()
    words = "log in as demo / pa55-word"  # as if a planner had left the password in `source`
    p = plan(
        demo_site,
        step("navigate", value=f"{demo_site}/login"),
        step("fill", "Username", "demo", source=words, description=f"Type demo ({words})"),
        step("fill", "Password", "pa55-word", secret=True, source=words),
        step("press", "Password", "Enter", source=words),
    )
    result = await executor.execute(p, sink)
    assert result.success, details(result)
    assert "pa55-word" not in result.model_dump_json()
    assert all("pa55-word" not in e[1] for e in sink.events)
    assert result.steps[1].details == (
        "typed 'demo' into field 'Username' for 'log in as demo / ••••••••'"
    )


async def test_a_named_target_nearest_to_a_text(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/catalog",
        step("click", "Edit", scope=Scope(kind="near", text="Danish")),
        step("assert_text", value="Edit Danish", scope=Scope(kind="dialog")),
    )
    assert result.success, details(result)
    assert "used the one nearest to 'Danish'" in result.steps[1].details


async def test_a_miss_inside_a_section_names_the_closest_element_there(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor, demo_site, "/settings", step("click", "Save it", scope=section("Billing"))
    )
    assert not result.success
    assert result.steps[1].details == (
        "no element matching 'Save it' — closest: button 'Save' (0.73) "
        "(in the part under heading 'Billing')"
    )


async def test_a_sort_without_an_order_clicks_once_and_says_how_the_column_reads(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(executor, demo_site, "/catalog", step("click", "Price", column="Price"))
    assert result.success, details(result)
    said = result.steps[1].details
    assert said.startswith("clicked header 'Price'; the column now reads in "), said
    assert "order" in said


async def test_going_back_past_the_first_page_fails(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(executor, demo_site, "/", step("go_back"))
    assert not result.steps[-1].passed, details(result)
    assert "no previous page" in result.steps[-1].details
