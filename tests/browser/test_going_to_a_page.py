"""A click with ground "page" ("On the Catalog page, …"): goes to the page only when the
browser is not already on it, and never passes when the page can be neither seen nor reached."""

from __future__ import annotations

from tests.browser.test_goal_language import details, run
from tests.pipeline.plans import step
from vigil.browser.executor import PlaywrightExecutor


async def test_the_page_is_gone_to_once_and_then_kept(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/",
        step("click", "Catalog", ground="page"),
        step("assert_url", value="/catalog"),
        step("click", "Catalog", ground="page"),
        step("assert_url", value="/catalog"),
    )
    assert [s.passed for s in result.steps] == [True] * 5, details(result)
    assert "already on" not in result.steps[1].details
    assert "already on the 'Catalog' page" in result.steps[3].details


async def test_a_page_neither_shown_nor_linked_fails(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/",
        step("click", "Warehouse Ledger", ground="page"),
        step("assert_text", value="Demo Shop"),
    )
    assert result.steps[1].passed is False, details(result)
    assert "already on" not in result.steps[1].details


async def test_a_bare_create_tab_opens_the_form_on_the_kinds_own_list(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    """Flask-Admin's "List | Create" tabs: the bare "Create" is the shelf's, because the page
    is the shelf list; on another page a bare "Create" is nobody's."""
    result = await run(
        executor,
        demo_site,
        "/admin/shelf/",
        step("click", "Add shelf", ground="new_item", kind="shelf"),
        step("assert_url", value="/admin/shelf/new/"),
    )
    assert [s.passed for s in result.steps] == [True] * 3, details(result)
    assert "link 'Create' on the shelf page" in result.steps[1].details

    elsewhere = await run(
        executor,
        demo_site,
        "/admin/shelf/",
        step("click", "Add lamp", ground="new_item", kind="lamp"),
    )
    assert elsewhere.steps[1].passed is False, details(elsewhere)


async def test_a_confirmation_asked_on_a_page_of_its_own_is_answered(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    """Django admin asks "Are you sure?" on a page, not in a dialog: the delete is whole
    only once that page's "Yes, I'm sure" is clicked."""
    result = await run(
        executor,
        demo_site,
        "/admin/shelf/2/delete/",
        step("click", "Confirm", "if asked"),
        step("assert_url", value="deleted=Maps"),
    )
    assert [s.passed for s in result.steps] == [True] * 3, details(result)
    assert "button 'Yes, I\u2019m sure' on the confirmation page" in result.steps[1].details


async def test_a_page_without_a_yes_is_left_alone(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    result = await run(
        executor,
        demo_site,
        "/admin/shelf/new/",
        step("click", "Confirm", "if asked"),
        step("assert_url", value="/admin/shelf/new/"),
    )
    assert [s.passed for s in result.steps] == [True] * 3, details(result)
    assert "no confirmation was asked" in result.steps[1].details


async def test_a_delete_asked_with_the_browsers_confirm_is_answered_yes(
    executor: PlaywrightExecutor, demo_site: str
) -> None:
    """Flask-Admin's row Delete asks with confirm(): dismissed, nothing would be deleted."""
    result = await run(
        executor,
        demo_site,
        "/admin/shelf/",
        step("click", "Delete", scope={"kind": "row", "text": "Poetry"}),
        step("assert_url", value="deleted=Poetry"),
    )
    assert [s.passed for s in result.steps] == [True] * 3, details(result)
    assert "answered yes" in result.steps[1].details
