"""Goals on Django's admin (django.contrib.admin) over a small library: books and authors.

Accounts: admin / correct-horse (superuser) and clerk / clerk-pass-1 (may only view books).
"""

from __future__ import annotations

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import button, cell, column, django_login, follow, link, shows

GOALS = GoalSet("django_admin")
T = "#result_list"
ADMIN = ("admin", "correct-horse")
CLERK = ("clerk", "clerk-pass-1")


async def _admin(page: Page) -> None:
    await django_login(page, *ADMIN)


async def _search(page: Page, words: str) -> None:
    await page.fill("#searchbar", words)
    async with page.expect_navigation():
        await page.press("#searchbar", "Enter")


async def _filter(page: Page, section: str, choice: str) -> None:
    panel = page.locator("#changelist-filter details", has_text=section)
    await link(page, choice, within=panel)


async def _sort(page: Page, header: str) -> None:
    await link(page, header, within=page.locator(f"{T} thead"))


async def _save(page: Page) -> None:
    await follow(page, page.locator("input[name=_save]"))


async def _books(page: Page) -> None:
    await link(page, "Books")


async def _open_book(page: Page, title: str) -> None:
    await _books(page)
    await link(page, title, within=page.locator(T))


async def _messages(page: Page) -> str:
    found = page.locator("ul.messagelist")
    return await found.inner_text() if await found.count() else ""


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse and verify the page says 'Site administration'",
    passes=True,
    family="sign-in",
)
async def j01(page: Page) -> bool:
    await _admin(page)
    return await shows(page, "Site administration")


@GOALS.add(
    "/admin/",
    "Try to sign in as admin with the password 'hunter2', then check that 'Site "
    "administration' is shown",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def j02(page: Page) -> bool:
    await django_login(page, "admin", "hunter2")
    return await shows(page, "Site administration")


@GOALS.add(
    "/admin/",
    "sign in as admin (password correct-horse), open Books and check it says 12 books",
    passes=True,
    family="navigation",
)
async def j03(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    return await shows(page, "12 books")


@GOALS.add(
    "/admin/",
    "As admin with password correct-horse, open Authors and confirm there are 7 authors",
    passes=False,
    family="claims",
    trap="off by one",
)
async def j04(page: Page) -> bool:
    await _admin(page)
    await link(page, "Authors")
    return len(await column(page, T, "name")) == 7


@GOALS.add(
    "/admin/catalog/book/",
    "Log in as admin/correct-horse. Search for Sagan. Expect 2 results: Cosmos and Pale Blue Dot.",
    passes=True,
    family="search-filter-sort",
)
async def j05(page: Page) -> bool:
    await _admin(page)
    await _search(page, "Sagan")
    return sorted(await column(page, T, "title")) == ["Cosmos", "Pale Blue Dot"]


@GOALS.add(
    "/admin/catalog/book/",
    "log in as admin, password correct-horse, search books for 'Morrison' and check that "
    "'The Dispossessed' turns up",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def j06(page: Page) -> bool:
    await _admin(page)
    await _search(page, "Morrison")
    return "The Dispossessed" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "sign in as admin with password correct-horse. Go to Books, filter by genre Poetry, and "
    "make sure only Ariel and The Colossus are listed.",
    passes=True,
    family="search-filter-sort",
)
async def j07(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _filter(page, "By genre", "Poetry")
    return sorted(await column(page, T, "title")) == ["Ariel", "The Colossus"]


@GOALS.add(
    "/admin/",
    "Sign in (admin / correct-horse), open the book list and filter by genre: History. "
    "'Cosmos' should be listed.",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def j08(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _filter(page, "By genre", "History")
    return "Cosmos" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "login admin/correct-horse, go to Books, sort by year and check the top row is The Colossus",
    passes=True,
    family="search-filter-sort",
)
async def j09(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _sort(page, "Year")
    return (await column(page, T, "title"))[0] == "The Colossus"


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse; open Books; sort by Year, newest first; the first book "
    "should be Beloved",
    passes=False,
    family="search-filter-sort",
    trap="other row",
)
async def j10(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _sort(page, "Year")
    await _sort(page, "Year")
    return (await column(page, T, "title"))[0] == "Beloved"


@GOALS.add(
    "/admin/",
    "log in as admin with password correct-horse, go to Books; the row for Beloved shows 1987 "
    "in the Year column",
    passes=True,
    family="claims",
)
async def j11(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    return await cell(page, T, "title", "Beloved", "year") == "1987"


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse, open the Books list and check Song of Solomon's year is 1987",
    passes=False,
    family="claims",
    trap="other row",
)
async def j12(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    return await cell(page, T, "title", "Song of Solomon", "year") == "1987"


@GOALS.add(
    "/admin/",
    "admin / correct-horse. In the Books list, Pale Blue Dot should be marked as not available",
    passes=True,
    family="claims",
)
async def j13(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    return await cell(page, T, "title", "Pale Blue Dot", "available") == "False"


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse; open Books; The Dispossessed should be available",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def j14(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    return await cell(page, T, "title", "The Dispossessed", "available") == "True"


@GOALS.add(
    "/admin/",
    "Log in as admin / correct-horse, add a book called 'Sula' by Toni Morrison, year 1973, "
    "genre Fiction, save it, and check it was added successfully",
    passes=True,
    family="collections",
)
async def j15(page: Page) -> bool:
    await _admin(page)
    await link(page, "Add", within=page.locator("tr", has_text="Books"))
    await page.fill("#id_title", "Sula")
    await page.select_option("#id_author", label="Toni Morrison")
    await page.fill("#id_year", "1973")
    await page.select_option("#id_genre", label="Fiction")
    await _save(page)
    return "added successfully" in await _messages(page)


@GOALS.add(
    "/admin/",
    "Sign in as admin / correct-horse, add a book titled 'Sula' without choosing an author or "
    "year, save, and confirm the message says it was added successfully",
    passes=False,
    family="collections",
    trap="absent",
)
async def j16(page: Page) -> bool:
    await _admin(page)
    await link(page, "Add", within=page.locator("tr", has_text="Books"))
    await page.fill("#id_title", "Sula")
    await _save(page)
    return "added successfully" in await _messages(page)


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse, open the book Cosmos, change its year to 1981, save, "
    "and verify the list shows 1981 on the Cosmos row",
    passes=True,
    family="collections",
)
async def j17(page: Page) -> bool:
    await _admin(page)
    await _open_book(page, "Cosmos")
    await page.fill("#id_year", "1981")
    await _save(page)
    return await cell(page, T, "title", "Cosmos", "year") == "1981"


@GOALS.add(
    "/admin/",
    "as admin with password correct-horse: open Cosmos, set the year to 1981 and save. "
    "The Cosmos row should still show 1980.",
    passes=False,
    family="collections",
    trap="wrong value",
)
async def j18(page: Page) -> bool:
    await _admin(page)
    await _open_book(page, "Cosmos")
    await page.fill("#id_year", "1981")
    await _save(page)
    return await cell(page, T, "title", "Cosmos", "year") == "1980"


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse. Delete the book 'The Colossus' (confirm when asked). It "
    "should be gone from the book list.",
    passes=True,
    family="collections",
)
async def j19(page: Page) -> bool:
    await _admin(page)
    await _open_book(page, "The Colossus")
    await link(page, "Delete")
    await follow(page, page.locator("input[type=submit]"))
    return "The Colossus" not in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "admin / correct-horse. Open The Colossus, click Delete but then change your mind (No, "
    "take me back), go to the Books list, and check The Colossus is no longer listed",
    passes=False,
    family="collections",
    trap="still there",
)
async def j20(page: Page) -> bool:
    await _admin(page)
    await _open_book(page, "The Colossus")
    await link(page, "Delete")
    await follow(page, page.get_by_role("link", name="No, take me back"))
    await _books(page)
    return "The Colossus" not in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "sign in as clerk with password clerk-pass-1, open Books and check 'Beloved' is listed",
    passes=True,
    family="sign-in",
)
async def j21(page: Page) -> bool:
    await django_login(page, *CLERK)
    await _books(page)
    return "Beloved" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "log in as clerk / clerk-pass-1, go to Books; the 'Add book' button should be visible",
    passes=False,
    family="claims",
    trap="hidden",
)
async def j22(page: Page) -> bool:
    await django_login(page, *CLERK)
    await _books(page)
    return await page.get_by_role("link", name="Add book").filter(visible=True).count() > 0


@GOALS.add(
    "/admin/",
    "Sign in as clerk (password clerk-pass-1) and make sure Authors shows up in the site "
    "administration list",
    passes=False,
    family="claims",
    trap="hidden",
)
async def j23(page: Page) -> bool:
    await django_login(page, *CLERK)
    return await shows(page, "Authors")


@GOALS.add(
    "/admin/",
    "as clerk with password clerk-pass-1: Users should not be listed on the admin home",
    passes=True,
    family="claims",
)
async def j24(page: Page) -> bool:
    await django_login(page, *CLERK)
    return await shows(page, "Site administration") and not await shows(page, "Users")


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse, then log out; you should see 'Logged out'",
    passes=True,
    family="sign-in",
)
async def j25(page: Page) -> bool:
    await _admin(page)
    await button(page, "Log out")
    return await shows(page, "Logged out")


@GOALS.add(
    "/admin/",
    "Log in as admin / correct-horse, log out, and check that 'Site administration' is still "
    "on the page",
    passes=False,
    family="sign-in",
    trap="wrong page",
)
async def j26(page: Page) -> bool:
    await _admin(page)
    await button(page, "Log out")
    return await shows(page, "Site administration")


@GOALS.add(
    "/admin/",
    "sign in as admin, password correct-horse, open Authors, then Ursula K. Le Guin; the URL "
    "should contain /catalog/author/",
    passes=True,
    family="navigation",
)
async def j27(page: Page) -> bool:
    await _admin(page)
    await link(page, "Authors")
    await link(page, "Ursula K. Le Guin", within=page.locator(T))
    return "/catalog/author/" in page.url


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse, click on Authors and check that I end up on the Books page",
    passes=False,
    family="navigation",
    trap="wrong page",
)
async def j28(page: Page) -> bool:
    await _admin(page)
    await link(page, "Authors")
    return "/catalog/book/" in page.url


@GOALS.add(
    "/admin/",
    "Log in as admin / correct-horse. Open Books and filter to available = No. 4 books should "
    "be shown.",
    passes=True,
    family="search-filter-sort",
)
async def j29(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _filter(page, "By available", "No")
    return len(await column(page, T, "title")) == 4


@GOALS.add(
    "/admin/",
    "Log in as admin / correct-horse. Open Books and show only the available ones: there "
    "should be 9.",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def j30(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _filter(page, "By available", "Yes")
    return len(await column(page, T, "title")) == 9


@GOALS.add(
    "/admin/",
    "after signing in as admin (correct-horse), go to Authors and search for 'plath'; Sylvia "
    "Plath should be the only result",
    passes=True,
    family="search-filter-sort",
)
async def j31(page: Page) -> bool:
    await _admin(page)
    await link(page, "Authors")
    await _search(page, "plath")
    return await column(page, T, "name") == ["Sylvia Plath"]


@GOALS.add(
    "/admin/",
    "log in with username admin and password correct-horse, go to Authors, search for 'Carl', "
    "and confirm Richard Dawkins shows up",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def j32(page: Page) -> bool:
    await _admin(page)
    await link(page, "Authors")
    await _search(page, "Carl")
    return "Richard Dawkins" in await column(page, T, "name")


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse, open Beloved from the Books list and check its year "
    "field says 1987",
    passes=True,
    family="claims",
)
async def j33(page: Page) -> bool:
    await _admin(page)
    await _open_book(page, "Beloved")
    return await page.input_value("#id_year") == "1987"


@GOALS.add(
    "/admin/",
    "as admin (correct-horse) open the book A Wizard of Earthsea; its genre should be History",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def j34(page: Page) -> bool:
    await _admin(page)
    await _open_book(page, "A Wizard of Earthsea")
    return await page.input_value("#id_genre") == "history"


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse and open Richard Dawkins from the Authors list; his "
    "country is UK",
    passes=True,
    family="claims",
)
async def j35(page: Page) -> bool:
    await _admin(page)
    await link(page, "Authors")
    await link(page, "Richard Dawkins", within=page.locator(T))
    return await page.input_value("#id_country") == "UK"


@GOALS.add(
    "/admin/",
    "1. Sign in as admin with correct-horse\n2. Open the Authors list\n3. Open Carl Sagan\n"
    "4. Check his country is UK",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def j36(page: Page) -> bool:
    await _admin(page)
    await link(page, "Authors")
    await link(page, "Carl Sagan", within=page.locator(T))
    return await page.input_value("#id_country") == "UK"


@GOALS.add(
    "/admin/",
    "Log in as admin / correct-horse. Open Books, filter by genre Science; 'Cosmos' and 'The "
    "Selfish Gene' should be shown and 'Beloved' should not.",
    passes=True,
    family="compound",
)
async def j37(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _filter(page, "By genre", "Science")
    titles = await column(page, T, "title")
    return "Cosmos" in titles and "The Selfish Gene" in titles and "Beloved" not in titles


@GOALS.add(
    "/admin/",
    "log in as admin / correct-horse; in Books, filter by genre Fiction and check that "
    "'Beloved', 'Ariel' and 'The Dispossessed' are listed",
    passes=False,
    family="compound",
    trap="absent",
)
async def j38(page: Page) -> bool:
    await _admin(page)
    await _books(page)
    await _filter(page, "By genre", "Fiction")
    titles = await column(page, T, "title")
    return all(t in titles for t in ("Beloved", "Ariel", "The Dispossessed"))


@GOALS.add(
    "/admin/",
    "Can admin (password correct-horse) get in? After signing in, 'Recent actions' should be "
    "on the dashboard.",
    passes=True,
    family="sign-in",
)
async def j39(page: Page) -> bool:
    await _admin(page)
    return await shows(page, "Recent actions")


@GOALS.add(
    "/admin/",
    "sign in as clerk with the password correct-horse and confirm the welcome message appears",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def j40(page: Page) -> bool:
    await django_login(page, "clerk", "correct-horse")
    return await shows(page, "Welcome")
