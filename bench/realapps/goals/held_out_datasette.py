"""Held-out goals on Datasette's bakery (see Goal.held_out): new wording, new claims."""

from __future__ import annotations

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import cell, column, follow, link, rows
from bench.realapps.goals.datasette import T, _facet, _search, _sort

GOALS = GoalSet("datasette", held_out=True)


@GOALS.add(
    "/",
    "From the Corner Bakery home page, go into bakery → products and make sure Shortbread is there",
    passes=True,
    family="navigation",
)
async def h01(page: Page) -> bool:
    await link(page, "bakery")
    await link(page, "products")
    return "Shortbread" in await column(page, T, "name")


@GOALS.add(
    "/bakery/products",
    "Type croissant into the search box and press enter; exactly one product should match",
    passes=True,
    family="search-filter-sort",
)
async def h02(page: Page) -> bool:
    await _search(page, "croissant")
    return len(await rows(page, T)) == 1


@GOALS.add(
    "/bakery/products",
    "look up 'chocolate' in the search — Pain au Chocolat must show up",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def h03(page: Page) -> bool:
    await _search(page, "chocolate")  # full-text search matches words, and "Chocolat" is not
    return "Pain au Chocolat" in await column(page, T, "name")


@GOALS.add(
    "/bakery/products",
    "Narrow the list to the Pastry category and confirm Croissant, Pain au Chocolat and "
    "Cinnamon Roll all appear",
    passes=True,
    family="compound",
)
async def h04(page: Page) -> bool:
    await _facet(page, "Pastry")
    names = await column(page, T, "name")
    return all(n in names for n in ("Croissant", "Pain au Chocolat", "Cinnamon Roll"))


@GOALS.add(
    "/bakery/customers", "Lucia Ortiz should be based in Lisbon", passes=True, family="claims"
)
async def h05(page: Page) -> bool:
    return await cell(page, T, "name", "Lucia Ortiz", "city") == "Lisbon"


@GOALS.add(
    "/bakery/customers",
    "the customers table should have 7 rows",
    passes=False,
    family="claims",
    trap="off by one",
)
async def h06(page: Page) -> bool:
    return len(await rows(page, T)) == 7


@GOALS.add(
    "/bakery/products",
    "Sort by stock from highest to lowest; Oat Cookie should come first",
    passes=True,
    family="search-filter-sort",
)
async def h07(page: Page) -> bool:
    await _sort(page, "stock")
    await _sort(page, "stock")
    return (await column(page, T, "name"))[0] == "Oat Cookie"


@GOALS.add("/bakery/products", "Rye Bread's stock should be 0", passes=True, family="claims")
async def h08(page: Page) -> bool:
    return await cell(page, T, "name", "Rye Bread", "stock") == "0"


@GOALS.add(
    "/bakery/orders",
    "Show only the pending orders: I expect exactly 4",
    passes=True,
    family="search-filter-sort",
)
async def h09(page: Page) -> bool:
    await _facet(page, "pending")
    return len(await rows(page, T)) == 4


@GOALS.add(
    "/bakery/orders",
    "Only show refunded orders and make sure Sourdough Loaf isn't among them",
    passes=True,
    family="compound",
)
async def h10(page: Page) -> bool:
    await _facet(page, "refunded")
    # A foreign-key cell reads "<label> <id>", e.g. "Spelt Loaf 3".
    products = await column(page, T, "product_id")
    return len(products) == 2 and not any("Sourdough Loaf" in p for p in products)


@GOALS.add(
    "/bakery",
    "open the orders table and check there are 15 rows",
    passes=True,
    family="navigation",
)
async def h11(page: Page) -> bool:
    await link(page, "orders")
    return len(await rows(page, T)) == 15


@GOALS.add(
    "/bakery/customers",
    "Open Omar Haddad's page and make sure his email is omar@example.com",
    passes=True,
    family="scoped",
)
async def h12(page: Page) -> bool:
    # The row's link is its id (the first cell); the name is plain text.
    await follow(page, page.locator(f"{T} tbody tr", has_text="Omar Haddad").locator("a"))
    return await cell(page, T, "name", "Omar Haddad", "email") == "omar@example.com"


@GOALS.add(
    "/bakery/customers",
    "Filter the customers to Berlin — Mei Chen should be the only one left",
    passes=False,
    family="search-filter-sort",
    trap="wrong value",
)
async def h13(page: Page) -> bool:
    await _facet(page, "Berlin")
    return await column(page, T, "name") == ["Mei Chen"]


@GOALS.add(
    "/bakery/products",
    "Shortbread should cost 2.5",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def h14(page: Page) -> bool:
    return await cell(page, T, "name", "Shortbread", "price") == "2.5"
