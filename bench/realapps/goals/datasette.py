"""Goals on Datasette serving the bakery database (products, customers, orders)."""

from __future__ import annotations

import re

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import cell, column, follow, link, rows, shows

GOALS = GoalSet("datasette")
T = "table.rows-and-columns"


async def _search(page: Page, words: str) -> None:
    await page.fill("input[name=_search]", words)
    async with page.expect_navigation():
        await page.press("input[name=_search]", "Enter")


async def _sort(page: Page, header: str) -> None:
    """Click a column header (its name gains an arrow once the table is sorted by it)."""
    name = re.compile(rf"^{header}\b")
    await follow(page, page.locator(f"{T} thead").get_by_role("link", name=name))


async def _facet(page: Page, value: str) -> None:
    await link(page, value, within=page.locator(".facet-results"))


@GOALS.add(
    "/",
    "Open the bakery database and then the products table; it should say 12 rows",
    passes=True,
    family="navigation",
)
async def d01(page: Page) -> bool:
    await link(page, "bakery")
    await link(page, "products")
    return await shows(page, "12 rows")


@GOALS.add(
    "/",
    "go to customers and make sure 'Sourdough Loaf' is listed",
    passes=False,
    family="navigation",
    trap="wrong page",
)
async def d02(page: Page) -> bool:
    await link(page, "customers")
    return "Sourdough Loaf" in await column(page, T, "name")


@GOALS.add(
    "/bakery/products",
    "search for loaf — Spelt Loaf should come up",
    passes=True,
    family="search-filter-sort",
)
async def d03(page: Page) -> bool:
    await _search(page, "loaf")
    return "Spelt Loaf" in await column(page, T, "name")


@GOALS.add(
    "/bakery/products",
    "Search the products for 'loaf' and check that Baguette is among the results",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def d04(page: Page) -> bool:
    await _search(page, "loaf")
    return "Baguette" in await column(page, T, "name")


@GOALS.add(
    "/bakery/products",
    "search for bread, expect exactly 4 rows",
    passes=True,
    family="claims",
)
async def d05(page: Page) -> bool:
    await _search(page, "bread")
    return len(await rows(page, T)) == 4


@GOALS.add(
    "/bakery/products",
    "filter by category Pastry. There should be 4 of them.",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def d06(page: Page) -> bool:
    await _facet(page, "Pastry")
    return len(await rows(page, T)) == 4


@GOALS.add(
    "/bakery/products",
    "Click Cake in the category facet and confirm Carrot Cake, Almond Tart and Lemon Drizzle "
    "are all listed",
    passes=True,
    family="compound",
)
async def d07(page: Page) -> bool:
    await _facet(page, "Cake")
    names = await column(page, T, "name")
    return all(n in names for n in ("Carrot Cake", "Almond Tart", "Lemon Drizzle"))


@GOALS.add(
    "/bakery/products",
    "pick Biscuit from the category facet and check that Croissant is still shown",
    passes=False,
    family="search-filter-sort",
    trap="still there",
)
async def d08(page: Page) -> bool:
    await _facet(page, "Biscuit")
    return "Croissant" in await column(page, T, "name")


@GOALS.add(
    "/bakery/products",
    "sort by price, cheapest first, and the top row should be Oat Cookie",
    passes=True,
    family="search-filter-sort",
)
async def d09(page: Page) -> bool:
    await _sort(page, "price")
    return (await column(page, T, "name"))[0] == "Oat Cookie"


@GOALS.add(
    "/bakery/products",
    "Sort products by price descending; the first one should be Carrot Cake",
    passes=False,
    family="search-filter-sort",
    trap="other row",
)
async def d10(page: Page) -> bool:
    await _sort(page, "price")
    await _sort(page, "price")
    return (await column(page, T, "name"))[0] == "Carrot Cake"


@GOALS.add("/bakery/products", "Spelt Loaf's price is 5.8", passes=True, family="claims")
async def d11(page: Page) -> bool:
    return await cell(page, T, "name", "Spelt Loaf", "price") == "5.8"


@GOALS.add(
    "/bakery/products",
    "the row for Rye Bread shows a stock of 6",
    passes=False,
    family="claims",
    trap="other row",
)
async def d12(page: Page) -> bool:
    return await cell(page, T, "name", "Rye Bread", "stock") == "6"


@GOALS.add(
    "/bakery/products",
    "Croissant is listed with a price of 2.4 and stock 40",
    passes=True,
    family="claims",
)
async def d13(page: Page) -> bool:
    price = await cell(page, T, "name", "Croissant", "price")
    return price == "2.4" and await cell(page, T, "name", "Croissant", "stock") == "40"


@GOALS.add(
    "/bakery/products", "Almond Tart costs 4.8", passes=False, family="claims", trap="other row"
)
async def d14(page: Page) -> bool:
    return await cell(page, T, "name", "Almond Tart", "price") == "4.8"


@GOALS.add(
    "/bakery/products",
    "open the row for Carrot Cake and check the page shows a stock of 3",
    passes=True,
    family="scoped",
)
async def d15(page: Page) -> bool:
    await follow(page, page.locator(f"{T} tbody tr", has_text="Carrot Cake").locator("a"))
    return await cell(page, T, "name", "Carrot Cake", "stock") == "3"


@GOALS.add(
    "/bakery/customers",
    "Open Mei Chen's record. Her city should be Lisbon.",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def d16(page: Page) -> bool:
    await follow(page, page.locator(f"{T} tbody tr", has_text="Mei Chen").locator("a"))
    return await cell(page, T, "name", "Mei Chen", "city") == "Lisbon"


@GOALS.add(
    "/bakery/customers",
    "Priya Nair's email address is priya@example.com",
    passes=True,
    family="claims",
)
async def d17(page: Page) -> bool:
    return await cell(page, T, "name", "Priya Nair", "email") == "priya@example.com"


@GOALS.add(
    "/bakery/customers",
    "check Tom Becker lives in Leeds",
    passes=False,
    family="claims",
    trap="other row",
)
async def d18(page: Page) -> bool:
    return await cell(page, T, "name", "Tom Becker", "city") == "Leeds"


@GOALS.add(
    "/bakery/customers",
    "Filter by city: Leeds. Exactly 2 customers should remain.",
    passes=True,
    family="search-filter-sort",
)
async def d19(page: Page) -> bool:
    await _facet(page, "Leeds")
    return len(await rows(page, T)) == 2


@GOALS.add(
    "/bakery/customers",
    "filter by city Lisbon and confirm only Ana Souza is shown",
    passes=False,
    family="claims",
    trap="off by one",
)
async def d20(page: Page) -> bool:
    await _facet(page, "Lisbon")
    return await column(page, T, "name") == ["Ana Souza"]


@GOALS.add(
    "/bakery/orders",
    "The orders table is sorted by placed_on, newest first, and the top order is for Tom Becker",
    passes=True,
    family="claims",
)
async def d21(page: Page) -> bool:
    dates = await column(page, T, "placed_on")
    top = await column(page, T, "customer_id")
    return dates == sorted(dates, reverse=True) and top[0].startswith("Tom Becker")


@GOALS.add(
    "/bakery/orders",
    "filter the orders to status refunded; there should be 3",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def d22(page: Page) -> bool:
    await _facet(page, "refunded")
    return len(await rows(page, T)) == 3


@GOALS.add(
    "/bakery/orders",
    "1. Click 'pending' in the status facet\n2. Check that 4 rows are shown\n"
    "3. Check 'Carrot Cake' is there",
    passes=True,
    family="compound",
)
async def d23(page: Page) -> bool:
    await _facet(page, "pending")
    found = await rows(page, T)
    return len(found) == 4 and any(r["product_id"].startswith("Carrot Cake") for r in found)


@GOALS.add(
    "/bakery/orders",
    "show only paid orders and verify Almond Tart appears",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def d24(page: Page) -> bool:
    await _facet(page, "paid")
    return any(p.startswith("Almond Tart") for p in await column(page, T, "product_id"))


@GOALS.add(
    "/",
    "The home page should list the bakery database with its orders, products and customers tables",
    passes=True,
    family="compound",
)
async def d25(page: Page) -> bool:
    names = ("bakery", "orders", "products", "customers")
    return all([await page.get_by_role("link", name=n, exact=True).count() > 0 for n in names])


@GOALS.add(
    "/bakery",
    "Open the customers table — I should end up on a page titled customers that says 6 rows",
    passes=True,
    family="navigation",
)
async def d26(page: Page) -> bool:
    await link(page, "customers")
    heading = await page.locator("h1").first.inner_text()
    return heading.strip() == "customers" and await shows(page, "6 rows")


@GOALS.add(
    "/bakery",
    "click products and check the URL contains /customers",
    passes=False,
    family="claims",
    trap="wrong page",
)
async def d27(page: Page) -> bool:
    await link(page, "products")
    return "/customers" in page.url


@GOALS.add(
    "/bakery/products",
    "search for cake. Shortbread should not be in the results.",
    passes=True,
    family="claims",
)
async def d28(page: Page) -> bool:
    await _search(page, "cake")
    return "Shortbread" not in await column(page, T, "name")


@GOALS.add(
    "/bakery/products",
    "Search for 'tart'; 'Almond Tart' should not appear",
    passes=False,
    family="claims",
    trap="still there",
)
async def d29(page: Page) -> bool:
    await _search(page, "tart")
    return "Almond Tart" not in await column(page, T, "name")


@GOALS.add(
    "/bakery/products/7",
    "Make sure the Cinnamon Roll is out of stock (stock 0)",
    passes=True,
    family="claims",
)
async def d30(page: Page) -> bool:
    return await cell(page, T, "name", "Cinnamon Roll", "stock") == "0"


@GOALS.add(
    "/bakery/products/2",
    "This page should be about the Spelt Loaf",
    passes=False,
    family="claims",
    trap="wrong page",
)
async def d31(page: Page) -> bool:
    return await shows(page, "Spelt Loaf")


@GOALS.add(
    "/bakery/products",
    "Bread should be shown as a category and Muffin should not",
    passes=True,
    family="compound",
)
async def d32(page: Page) -> bool:
    categories = await column(page, T, "category")
    return "Bread" in categories and not await shows(page, "Muffin")


@GOALS.add(
    "/bakery/products",
    "check that 'Baguette', 'Brioche' and 'Croissant' are listed",
    passes=False,
    family="compound",
    trap="absent",
)
async def d33(page: Page) -> bool:
    names = await column(page, T, "name")
    return all(n in names for n in ("Baguette", "Brioche", "Croissant"))


@GOALS.add(
    "/bakery/products",
    "open Oat Cookie's row, go back, and confirm you're on the products list with 12 rows",
    passes=True,
    family="navigation",
)
async def d34(page: Page) -> bool:
    await follow(page, page.locator(f"{T} tbody tr", has_text="Oat Cookie").locator("a"))
    await page.go_back(wait_until="load")
    return await shows(page, "12 rows") and len(await rows(page, T)) == 12


@GOALS.add(
    "/bakery/products",
    "On the products table, the 'Facet by this' option should be visible",
    passes=False,
    family="claims",
    trap="hidden",
)
async def d35(page: Page) -> bool:
    return await shows(page, "Facet by this")


@GOALS.add(
    "/bakery/orders",
    "check the first order in the list has quantity 3",
    passes=True,
    family="claims",
)
async def d36(page: Page) -> bool:
    return (await column(page, T, "quantity"))[0] == "3"


@GOALS.add(
    "/bakery/orders",
    "Sort orders by quantity, largest first. The top order should be Priya Nair's.",
    passes=False,
    family="search-filter-sort",
    trap="other row",
)
async def d37(page: Page) -> bool:
    await _sort(page, "quantity")
    await _sort(page, "quantity")
    return (await column(page, T, "customer_id"))[0].startswith("Priya Nair")


@GOALS.add(
    "/bakery/orders",
    "Sort by quantity descending, then make sure the top row shows Oat Cookie with a quantity "
    "of 12",
    passes=True,
    family="search-filter-sort",
)
async def d38(page: Page) -> bool:
    await _sort(page, "quantity")
    await _sort(page, "quantity")
    top = (await rows(page, T))[0]
    return top["product_id"].startswith("Oat Cookie") and top["quantity"] == "12"


@GOALS.add(
    "/",
    "the home page says there are 34 rows in 3 tables",
    passes=False,
    family="claims",
    trap="off by one",
)
async def d39(page: Page) -> bool:
    return await shows(page, "34 rows in 3 tables")


@GOALS.add(
    "/bakery/products",
    "use the search box to look up 'roll', then open its row; stock should be 0",
    passes=True,
    family="scoped",
)
async def d40(page: Page) -> bool:
    await _search(page, "roll")
    await follow(page, page.locator(f"{T} tbody tr", has_text="Cinnamon Roll").locator("a"))
    return await cell(page, T, "name", "Cinnamon Roll", "stock") == "0"
