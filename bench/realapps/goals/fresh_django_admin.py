"""Fresh goals on Django admin's library (see Goal.fresh).

Accounts: admin / correct-horse (superuser) and clerk / clerk-pass-1 (may only view books).
"""

from __future__ import annotations

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import cell, column, django_login, follow, link, rows

GOALS = GoalSet("django_admin", fresh=True)
T = "#result_list"
START = "/admin/"


async def _books(page: Page) -> None:
    await django_login(page, "admin", "correct-horse")
    await link(page, "Books")


@GOALS.add(
    START,
    "Sign in as admin with password correct-horse, go to Books and filter by genre Science - "
    "Cosmos, Pale Blue Dot and The Selfish Gene should be listed",
    passes=True,
    family="search-filter-sort",
)
async def f01(page: Page) -> bool:
    await _books(page)
    await link(page, "Science", within=page.locator("#changelist-filter"))
    titles = await column(page, T, "title")
    return all(t in titles for t in ("Cosmos", "Pale Blue Dot", "The Selfish Gene"))


@GOALS.add(
    START,
    "log in as clerk / clerk-pass-1, open Authors and check that Toni Morrison is listed",
    passes=False,
    family="navigation",
    trap="hidden",
)
async def f02(page: Page) -> bool:
    await django_login(page, "clerk", "clerk-pass-1")
    authors = page.get_by_role("link", name="Authors", exact=True)
    if await authors.count() == 0:
        return False
    await follow(page, authors)
    return "Toni Morrison" in await column(page, T, "name")


@GOALS.add(
    START,
    "Sign in as admin / correct-horse. Open the book 'Cosmos', change the year to 1981 and "
    "save. The Books list should then show 1981 for Cosmos.",
    passes=True,
    family="collections",
)
async def f03(page: Page) -> bool:
    await _books(page)
    await link(page, "Cosmos", within=page.locator(T))
    await page.fill("#id_year", "1981")
    await follow(page, page.locator("input[name=_save]"))
    return await cell(page, T, "title", "Cosmos", "year") == "1981"


@GOALS.add(
    START,
    "As admin (password correct-horse), search the books for 'Le Guin' and expect exactly 2 "
    "results.",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def f04(page: Page) -> bool:
    await _books(page)
    await page.fill("#searchbar", "Le Guin")
    await follow(page, page.locator("#changelist-search input[type=submit]"))
    return len(await rows(page, T)) == 2


@GOALS.add(
    START,
    "Log in as admin / correct-horse, delete the book 'Ariel' and confirm it's gone from the "
    "book list.",
    passes=True,
    family="collections",
)
async def f05(page: Page) -> bool:
    await _books(page)
    await link(page, "Ariel", within=page.locator(T))
    await follow(page, page.locator("a.deletelink"))
    await follow(page, page.locator("form input[type=submit]"))
    return "Ariel" not in await column(page, T, "title")


@GOALS.add(
    START,
    "Log in as admin / correct-horse, delete the author Sylvia Plath, then check that the book "
    "Ariel is still listed under Books.",
    passes=False,
    family="collections",
    trap="still there",
)
async def f06(page: Page) -> bool:
    await django_login(page, "admin", "correct-horse")
    await link(page, "Authors")
    await link(page, "Sylvia Plath", within=page.locator(T))
    await follow(page, page.locator("a.deletelink"))
    await follow(page, page.locator("form input[type=submit]"))
    await link(page, "Books", within=page.locator("#nav-sidebar"))
    return "Ariel" in await column(page, T, "title")
