"""Grounding on page patterns real apps use: loose labels, decorated names, curly quotes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Page

from vigil.browser.executor import BrowserPool
from vigil.browser.locate import Match, locate

PAGE = """
<form>
  <div><label class="form-label">Username</label>
    <input name="username" placeholder="Enter username"></div>
  <div><label>Password</label><div><input name="password" type="password"></div></div>
  <div><span>Status</span><select name="status"><option>open</option></select></div>
  <input name="due_date">
  <button type="submit">Login</button>
</form>
"""


@pytest.fixture(scope="module")
async def page(browser_pool: BrowserPool) -> AsyncIterator[Page]:
    async with browser_pool.context() as lease:
        await lease.page.set_content(PAGE)
        yield lease.page


async def found(page: Page, target: str, **kw: object) -> Match:
    result = await locate(page, target, **kw)  # type: ignore[arg-type]
    assert isinstance(result, Match), result
    return result


async def attr(match: Match, name: str) -> str:
    return str(await match.locator.get_attribute(name))


async def test_a_label_not_tied_to_its_input_names_the_next_field(page: Page) -> None:
    m = await found(page, "Username", intent="fill")
    assert await attr(m, "name") == "username"
    m = await found(page, "Password", intent="fill")
    assert await attr(m, "name") == "password"


async def test_a_text_before_a_dropdown_names_it(page: Page) -> None:
    m = await found(page, "Status", intent="select")
    assert await attr(m, "name") == "status"


async def test_a_field_without_label_is_found_by_its_name_attribute(page: Page) -> None:
    m = await found(page, "Due date", intent="fill")
    assert await attr(m, "name") == "due_date"
    assert m.how == "field named 'Due date'"


DECORATED = """
<table><thead><tr><th><a href="#s">Name&nbsp;&#9660;</a></th></tr></thead></table>
<ul><li><a href="#p">Pastry&nbsp;3</a></li><li><a href="#c">Pastry cream 1</a></li></ul>
<a href="#v" data-bs-original-title="View"><svg width="9" height="9"></svg></a>
<button>Yes, I&rsquo;m sure</button>
<table><tr><td><a href="#" title="Delete">x</a> <a href="/items/7">7</a></td>
  <td>Oat Cookie</td></tr></table>
<ul class="pagination"><li><a href="?page=1">1</a></li><li><a href="?page=2">2</a></li></ul>
"""


@pytest.fixture(scope="module")
async def decorated(browser_pool: BrowserPool) -> AsyncIterator[Page]:
    async with browser_pool.context() as lease:
        await lease.page.set_content(DECORATED)
        yield lease.page


@pytest.mark.parametrize(
    ("target", "href"),
    [("Name", "#s"), ("name", "#s"), ("Pastry", "#p"), ("Pastry cream", "#c"), ("View", "#v")],
)
async def test_a_link_is_found_through_its_decorations(
    decorated: Page, target: str, href: str
) -> None:
    m = await found(decorated, target, intent="click")
    assert await attr(m, "href") == href


async def test_a_typed_apostrophe_finds_a_curly_one(decorated: Page) -> None:
    m = await found(decorated, "Yes, I'm sure", intent="click", role="button")
    assert "sure" in await m.locator.inner_text()


async def test_a_click_on_a_rows_plain_text_follows_the_rows_link(decorated: Page) -> None:
    m = await found(decorated, "Oat Cookie", intent="click")
    assert await attr(m, "href") == "/items/7"
    assert "row's link '7'" in m.note


async def test_page_n_is_the_pagers_link_n(decorated: Page) -> None:
    m = await found(decorated, "page 2", intent="click")
    assert await attr(m, "href") == "?page=2"
