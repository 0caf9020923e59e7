"""Goals on SQLAdmin (an open-source admin for SQLAlchemy/Starlette) over a helpdesk's
tickets and agents, ten tickets a page. Account: agent / desk-2024.
"""

from __future__ import annotations

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import cell, column, desk_login, follow, link, rows, shows

GOALS = GoalSet("sqladmin")
T = "table.table"


async def _tickets(page: Page) -> None:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Tickets")


async def _search(page: Page, words: str) -> None:
    await page.fill("#search-input", words)
    await follow(page, page.locator("#search-button"))


async def _filter(page: Page, parameter: str, value: str) -> None:
    await follow(page, page.locator(f"a[href*='{parameter}={value}']"))


async def _row_link(page: Page, title: str, kind: str) -> None:
    """The View (details) or Edit icon in the row of ticket `title`."""
    row = page.locator(f"{T} tbody tr", has_text=title)
    await follow(page, row.locator(f"a[href*='/{kind}/']"))


async def _save(page: Page) -> None:
    await follow(page, page.locator("input[name=save][value=Save]"))


async def _detail(page: Page, field: str) -> str | None:
    return await cell(page, T, "column", field, "value")


async def _delete_via_dialog(page: Page, title: str, *, confirm: bool) -> None:
    await _row_link(page, title, "details")
    await page.get_by_role("link", name="Delete").click()
    dialog = page.locator("#modal-delete")
    await dialog.wait_for(state="visible")
    if confirm:
        await follow(page, dialog.locator("#modal-delete-button"))
    else:
        await dialog.get_by_text("Cancel").click()
        await dialog.wait_for(state="hidden")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024 and check Tickets is in the menu",
    passes=True,
    family="sign-in",
)
async def s01(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    return await page.get_by_role("link", name="Tickets").count() > 0


@GOALS.add(
    "/admin/",
    "try to log in as agent with password 'desk-2023' and make sure the Tickets page opens",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def s02(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2023")
    return await page.get_by_role("link", name="Tickets").count() > 0


@GOALS.add(
    "/admin/",
    "try logging in as agent with the wrong password 'nope'; the page should say 'Invalid "
    "credentials'",
    passes=True,
    family="sign-in",
)
async def s03(page: Page) -> bool:
    await desk_login(page, "agent", "nope")
    return await shows(page, "Invalid credentials")


@GOALS.add(
    "/admin/",
    "sign in as agent (password desk-2024), open Tickets; the list should say there are 13 "
    "tickets in total",
    passes=True,
    family="claims",
)
async def s04(page: Page) -> bool:
    await _tickets(page)
    return await shows(page, "of 13 items")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, go to Tickets, and check that exactly 13 rows are shown on "
    "the first page",
    passes=False,
    family="claims",
    trap="wrong page",
)
async def s05(page: Page) -> bool:
    await _tickets(page)
    return len(await rows(page, T)) == 13


@GOALS.add(
    "/admin/",
    "agent / desk-2024: open Tickets, go to page 2, and 'Request new monitor' should be there",
    passes=True,
    family="navigation",
)
async def s06(page: Page) -> bool:
    await _tickets(page)
    await link(page, "2")
    return "Request new monitor" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, open Tickets, and confirm 'Screen flickers' is on the first page",
    passes=False,
    family="claims",
    trap="wrong page",
)
async def s07(page: Page) -> bool:
    await _tickets(page)
    return "Screen flickers" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "As agent with password desk-2024, open Tickets and search for 'Ana Souza'. Three tickets "
    "should match.",
    passes=True,
    family="search-filter-sort",
)
async def s08(page: Page) -> bool:
    await _tickets(page)
    await _search(page, "Ana Souza")
    return len(await rows(page, T)) == 3


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, search tickets for 'printer' and check that 'VPN drops every "
    "hour' is in the results",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def s09(page: Page) -> bool:
    await _tickets(page)
    await _search(page, "printer")
    return "VPN drops every hour" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "log in as agent/desk-2024, open Tickets and filter Status to closed; 'Printer offline on "
    "floor 3' should be listed and 'Refund not received' should not",
    passes=True,
    family="compound",
)
async def s10(page: Page) -> bool:
    await _tickets(page)
    await _filter(page, "status", "closed")
    titles = await column(page, T, "title")
    return "Printer offline on floor 3" in titles and "Refund not received" not in titles


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024. In the filter panel pick Priority → urgent. There should be "
    "3 tickets.",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def s11(page: Page) -> bool:
    await _tickets(page)
    await _filter(page, "priority", "urgent")
    return len(await rows(page, T)) == 3


@GOALS.add(
    "/admin/",
    "sign in as agent / desk-2024, open the tickets, sort by title A–Z and check that the "  # noqa: RUF001
    "first row is 'Add user to sales group'",
    passes=True,
    family="search-filter-sort",
)
async def s12(page: Page) -> bool:
    await _tickets(page)
    await link(page, "title", within=page.locator(f"{T} thead"))
    return (await column(page, T, "title"))[0] == "Add user to sales group"


@GOALS.add(
    "/admin/",
    "log in as agent (desk-2024), open Tickets, sort by title, and make sure 'Cannot reset "
    "password' is first",
    passes=False,
    family="search-filter-sort",
    trap="other row",
)
async def s13(page: Page) -> bool:
    await _tickets(page)
    await link(page, "title", within=page.locator(f"{T} thead"))
    return (await column(page, T, "title"))[0] == "Cannot reset password"


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024; in Tickets, the row for 'Refund not received' shows urgent "
    "in the priority column",
    passes=True,
    family="claims",
)
async def s14(page: Page) -> bool:
    await _tickets(page)
    return await cell(page, T, "title", "Refund not received", "priority") == "urgent"


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, open Tickets, and check that 'Double charge on card' is "
    "assigned to Luis Romero",
    passes=False,
    family="claims",
    trap="other row",
)
async def s15(page: Page) -> bool:
    await _tickets(page)
    return await cell(page, T, "title", "Double charge on card", "agent") == "Luis Romero"


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, open Tickets, click View on the row for 'VPN drops every "
    "hour' and check its requester is Priya Nair",
    passes=True,
    family="scoped",
)
async def s16(page: Page) -> bool:
    await _tickets(page)
    await _row_link(page, "VPN drops every hour", "details")
    return await _detail(page, "requester") == "Priya Nair"


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, open ticket 'Laptop fan is noisy' and confirm it is "
    "assigned to Keiko Tanaka",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def s17(page: Page) -> bool:
    await _tickets(page)
    await _row_link(page, "Laptop fan is noisy", "details")
    return await _detail(page, "agent") == "Keiko Tanaka"


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, go to Tickets, click '+ New Ticket', fill Title with 'Wifi "
    "is slow', Requester 'Mei Chen', Status 'open', Priority 'normal', save, then search for "
    "'wifi' and check that exactly one ticket is found",
    passes=True,
    family="collections",
)
async def s18(page: Page) -> bool:
    await _tickets(page)
    await link(page, "+ New Ticket")
    for field, value in (
        ("title", "Wifi is slow"),
        ("requester", "Mei Chen"),
        ("status", "open"),
        ("priority", "normal"),
    ):
        await page.fill(f"#{field}", value)
    await _save(page)
    await _search(page, "wifi")
    return await column(page, T, "title") == ["Wifi is slow"]


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, create a new ticket titled 'Wifi is slow' for requester "
    "'Mei Chen' (status open, priority low), save it, and then the first page of the ticket "
    "list should show it",
    passes=False,
    family="collections",
    trap="wrong page",
)
async def s19(page: Page) -> bool:
    await _tickets(page)
    await link(page, "+ New Ticket")
    await page.fill("#title", "Wifi is slow")
    await page.fill("#requester", "Mei Chen")
    await page.fill("#status", "open")
    await page.fill("#priority", "low")
    await _save(page)
    return "Wifi is slow" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, edit the ticket 'Invoice shows wrong VAT' and set its status "
    "to closed; after saving, its row shows closed",
    passes=True,
    family="collections",
)
async def s20(page: Page) -> bool:
    await _tickets(page)
    await _row_link(page, "Invoice shows wrong VAT", "edit")
    await page.fill("#status", "closed")
    await _save(page)
    return await cell(page, T, "title", "Invoice shows wrong VAT", "status") == "closed"


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, change the priority of 'Invoice shows wrong VAT' to high, "
    "save, and check that its row still says normal",
    passes=False,
    family="collections",
    trap="wrong value",
)
async def s21(page: Page) -> bool:
    await _tickets(page)
    await _row_link(page, "Invoice shows wrong VAT", "edit")
    await page.fill("#priority", "high")
    await _save(page)
    return await cell(page, T, "title", "Invoice shows wrong VAT", "priority") == "normal"


@GOALS.add(
    "/admin/",
    "sign in as agent with password desk-2024, delete the ticket 'Printer offline on floor 3' "
    "and confirm it is no longer listed",
    passes=True,
    family="collections",
)
async def s22(page: Page) -> bool:
    await _tickets(page)
    await _delete_via_dialog(page, "Printer offline on floor 3", confirm=True)
    return "Printer offline on floor 3" not in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, open 'Printer offline on floor 3', click Delete, then Cancel "
    "in the dialog; the ticket should be gone from the list",
    passes=False,
    family="collections",
    trap="still there",
)
async def s23(page: Page) -> bool:
    await _tickets(page)
    await _delete_via_dialog(page, "Printer offline on floor 3", confirm=False)
    await link(page, "Tickets")
    return "Printer offline on floor 3" not in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024 and open Agents: Keiko Tanaka is on the Technical team",
    passes=True,
    family="claims",
)
async def s24(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Agents")
    return await cell(page, T, "name", "Keiko Tanaka", "team") == "Technical"


@GOALS.add(
    "/admin/",
    "as agent (desk-2024), go to Agents and check Dana Park's team is Technical",
    passes=False,
    family="claims",
    trap="other row",
)
async def s25(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Agents")
    return await cell(page, T, "name", "Dana Park", "team") == "Technical"


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024; open the Agents list; exactly 3 agents",
    passes=True,
    family="claims",
)
async def s26(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Agents")
    return len(await rows(page, T)) == 3


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, then log out; I should be back at the login page",
    passes=True,
    family="sign-in",
)
async def s27(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Logout")
    return "/admin/login" in page.url and await shows(page, "Login to Helpdesk")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, log out, then check that the Tickets link is still visible",
    passes=False,
    family="sign-in",
    trap="wrong page",
)
async def s28(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Logout")
    return await page.get_by_role("link", name="Tickets").count() > 0


@GOALS.add(
    "/admin/ticket/list",
    "Without logging in, open the ticket list: you should be sent to the login page, which "
    "asks for a username and password",
    passes=True,
    family="claims",
)
async def s29(page: Page) -> bool:
    return "/admin/login" in page.url and await page.locator("input[name=password]").count() > 0


@GOALS.add(
    "/admin/ticket/list",
    "The ticket list opens and shows 'Cannot reset password'",
    passes=False,
    family="claims",
    trap="hidden",
)
async def s30(page: Page) -> bool:
    return await shows(page, "Cannot reset password")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024; in Tickets, filter by status pending; 'Laptop fan is noisy' "
    "should be listed, 'Screen flickers' should not",
    passes=True,
    family="compound",
)
async def s31(page: Page) -> bool:
    await _tickets(page)
    await _filter(page, "status", "pending")
    titles = await column(page, T, "title")
    return "Laptop fan is noisy" in titles and "Screen flickers" not in titles


@GOALS.add(
    "/admin/",
    "Log in as agent / desk-2024, open Tickets and filter by status open: there should be 6 "
    "open tickets.",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def s32(page: Page) -> bool:
    await _tickets(page)
    await _filter(page, "status", "open")
    return len(await rows(page, T)) == 6


@GOALS.add(
    "/admin/",
    "Sign in as agent / desk-2024, open Tickets, and check the ticket 'Laptop fan is noisy' "
    "has no agent",
    passes=True,
    family="claims",
)
async def s33(page: Page) -> bool:
    await _tickets(page)
    return await cell(page, T, "title", "Laptop fan is noisy", "agent") == ""
