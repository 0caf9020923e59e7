"""Fresh goals on Datasette's bakery (see Goal.fresh). No sign-in; every goal starts at the
database page, /bakery.
"""

from __future__ import annotations

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import cell, column, follow, link, rows, shows

GOALS = GoalSet("datasette", fresh=True)
T = "table.rows-and-columns"
START = "/bakery"


async def _table(page: Page, name: str) -> None:
    await link(page, name)


async def _sort_header(page: Page, header: str, clicks: int) -> None:
    for _ in range(clicks):
        head = page.locator(f"{T} thead th").filter(has_text=header)
        await follow(page, head.get_by_role("link").first)


@GOALS.add(
    START,
    "open the products table. Baguette's price is 3.1",
    passes=True,
    family="claims",
)
async def f01(page: Page) -> bool:
    await _table(page, "products")
    return await cell(page, T, "name", "Baguette", "price") == "3.1"


@GOALS.add(
    START,
    "Go to the customers table; Tom Becker should be listed with the city Leeds",
    passes=False,
    family="claims",
    trap="other row",
)
async def f02(page: Page) -> bool:
    await _table(page, "customers")
    return await cell(page, T, "name", "Tom Becker", "city") == "Leeds"


@GOALS.add(
    START,
    "Open products, filter by category Cake and confirm there are 3 rows",
    passes=True,
    family="search-filter-sort",
)
async def f03(page: Page) -> bool:
    await _table(page, "products")
    await follow(page, page.locator(".facet-info").get_by_role("link", name="Cake"))
    return len(await rows(page, T)) == 3 and await shows(page, "3 rows")


@GOALS.add(
    START,
    "On the products table, search for 'loaf' and make sure Rye Bread is among the results",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def f04(page: Page) -> bool:
    await _table(page, "products")
    box = page.get_by_role("searchbox", name="Search:")
    await box.fill("loaf")
    async with page.expect_navigation():
        await box.press("Enter")
    return "Rye Bread" in await column(page, T, "name")


@GOALS.add(
    START,
    "In products, sort by stock descending. The top row should be Oat Cookie.",
    passes=True,
    family="search-filter-sort",
)
async def f05(page: Page) -> bool:
    await _table(page, "products")
    await _sort_header(page, "stock", clicks=2)
    names = await column(page, T, "name")
    return bool(names) and names[0] == "Oat Cookie"


@GOALS.add(
    START,
    "Open the orders table and narrow it to status pending. It should say 5 rows.",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def f06(page: Page) -> bool:
    await _table(page, "orders")
    await follow(page, page.locator(".facet-info").get_by_role("link", name="pending"))
    return await shows(page, "5 rows")


@GOALS.add(
    START,
    "1) open customers\n2) filter city = Lisbon\n3) expect Ana Souza and Lucia Ortiz and "
    "nobody else",
    passes=True,
    family="search-filter-sort",
)
async def f07(page: Page) -> bool:
    await _table(page, "customers")
    await follow(page, page.locator(".facet-info").get_by_role("link", name="Lisbon"))
    return sorted(await column(page, T, "name")) == ["Ana Souza", "Lucia Ortiz"]
