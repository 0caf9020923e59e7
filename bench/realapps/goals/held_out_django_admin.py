"""Held-out goals on Django's admin over the library (see Goal.held_out).

Accounts: admin / correct-horse (superuser) and clerk / clerk-pass-1 (may only view books).
"""

from __future__ import annotations

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import column, django_login, link, shows
from bench.realapps.goals.django_admin import (
    T,
    _admin,
    _books,
    _filter,
    _open_book,
    _save,
    _search,
)

GOALS = GoalSet("django_admin", held_out=True)


async def _selected(page: Page, select: str) -> str:
    """The visible text of a select's chosen option (a person reads the box, not the list)."""
    text: str = await page.locator(select).evaluate("(s) => s.selectedOptions[0]?.text ?? ''")
    return text.strip()


@GOALS.add(
    "/admin/",
    "Log in with username admin and password correct-horse, then open Authors: Carl Sagan "
    "should be listed",
    passes=True,
    family="navigation",
)
async def h01(page: Page) -> bool:
    await _admin(page)
    await link(page, "Authors")
    return "Carl Sagan" in await column(page, T, "name")


@GOALS.add(
    "/admin/",
    "sign in as admin / correct-horse, go to the books and search 'earthsea' — there should be "
    "one result, A Wizard of Earthsea",
    passes=True,
    family="search-filter-sort",
)
async def h02(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _search(page, "earthsea")
    return await column(page, T, "title") == ["A Wizard of Earthsea"]


@GOALS.add(
    "/admin/",
    "log in as admin/correct-horse, open Books, filter Available to No, and make sure Beloved "
    "is not in the list",
    passes=True,
    family="compound",
)
async def h03(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _filter(page, "By available", "No")
    titles = await column(page, T, "title")
    return len(titles) == 4 and "Beloved" not in titles


@GOALS.add(
    "/admin/",
    "admin / correct-horse — in Books, filter by genre Science; there should be 3 books",
    passes=True,
    family="search-filter-sort",
)
async def h04(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _filter(page, "By genre", "Science")
    return len(await column(page, T, "title")) == 3


@GOALS.add(
    "/admin/",
    "as admin (correct-horse) open Books and confirm The Guns of August is from 1961",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def h05(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    for row_title, year in zip(
        await column(page, T, "title"), await column(page, T, "year"), strict=True
    ):
        if row_title == "The Guns of August":
            return year == "1961"
    return False


@GOALS.add(
    "/admin/",
    "Log in as clerk / clerk-pass-1 and open Books. There should be no 'Add book' button.",
    passes=True,
    family="scoped",
)
async def h06(page: Page) -> bool:
    await django_login(page, "clerk", "clerk-pass-1")
    await _books(page)
    return await page.get_by_role("link", name="Add book").count() == 0


@GOALS.add(
    "/admin/",
    "Log in as admin / correct-horse, go to Authors and add an author with name 'Octavia "
    "Butler' and country 'USA'; save, then check Octavia Butler appears in the authors list",
    passes=True,
    family="collections",
)
async def h07(page: Page) -> bool:
    await _admin(page)
    await link(page, "Authors")
    await link(page, "Add author")
    await page.fill("#id_name", "Octavia Butler")
    await page.fill("#id_country", "USA")
    await _save(page)
    return "Octavia Butler" in await column(page, T, "name")


@GOALS.add(
    "/admin/",
    "Sign in as admin / correct-horse. Open the book The Selfish Gene and check its author is "
    "Richard Dawkins",
    passes=True,
    family="scoped",
)
async def h08(page: Page) -> bool:
    await _admin(page)
    await _open_book(page, "The Selfish Gene")
    return await _selected(page, "#id_author") == "Richard Dawkins"


@GOALS.add(
    "/admin/",
    "Sign in as admin / correct-horse, open the book Ariel and make sure its author is Toni "
    "Morrison",
    passes=False,
    family="scoped",
    trap="wrong value",  # the author box lists every author, Toni Morrison among them
)
async def h09(page: Page) -> bool:
    await _admin(page)
    await _open_book(page, "Ariel")
    return await _selected(page, "#id_author") == "Toni Morrison"


@GOALS.add(
    "/admin/",
    "Log in as admin / correct-horse, search books for Tuchman and expect three results",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def h10(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _search(page, "Tuchman")
    return len(await column(page, T, "title")) == 3


@GOALS.add(
    "/admin/",
    "Log in as admin with the password 'correct-horse!' — the page should ask for a correct "
    "username and password",
    passes=True,
    family="sign-in",
)
async def h11(page: Page) -> bool:
    await django_login(page, "admin", "correct-horse!")
    return await shows(page, "correct username and password")


@GOALS.add(
    "/admin/",
    "sign in as admin / correct-horse and open Books: 12 books should be listed, the first "
    "being A Distant Mirror",
    passes=True,
    family="compound",
)
async def h12(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    titles = await column(page, T, "title")
    return len(titles) == 12 and titles[0] == "A Distant Mirror"
