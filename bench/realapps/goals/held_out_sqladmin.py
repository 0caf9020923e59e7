"""Held-out goals on SQLAdmin's helpdesk (see Goal.held_out), ten tickets a page.

Account: agent / desk-2024.
"""

from __future__ import annotations

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import cell, column, desk_login, follow, link, rows
from bench.realapps.goals.sqladmin import T, _detail, _filter, _row_link, _save, _search, _tickets

GOALS = GoalSet("sqladmin", held_out=True)


async def _agents(page: Page) -> None:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Agents")


@GOALS.add(
    "/admin/",
    "Sign in as agent / desk-2024, open Agents and check that Luis Romero's email is "
    "luis@helpdesk.test",
    passes=True,
    family="claims",
)
async def h01(page: Page) -> bool:
    await _agents(page)
    return await cell(page, T, "name", "Luis Romero", "email") == "luis@helpdesk.test"


@GOALS.add(
    "/admin/",
    "log in (agent, desk-2024), go to Tickets, search for 'drive' and check that 'Cannot open "
    "shared drive' is found",
    passes=True,
    family="search-filter-sort",
)
async def h02(page: Page) -> bool:
    await _tickets(page)
    await _search(page, "drive")
    return "Cannot open shared drive" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024; in Tickets, filter the status to closed: exactly 3 tickets",
    passes=True,
    family="search-filter-sort",
)
async def h03(page: Page) -> bool:
    await _tickets(page)
    await _filter(page, "status", "closed")
    return len(await rows(page, T)) == 3


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024 and open Tickets: 'VPN drops every hour' should have urgent "
    "priority",
    passes=True,
    family="claims",
)
async def h04(page: Page) -> bool:
    await _tickets(page)
    return await cell(page, T, "title", "VPN drops every hour", "priority") == "urgent"


@GOALS.add(
    "/admin/",
    "sign in as agent with desk-2024, open Tickets; 'Email bounces from partner' should be "
    "assigned to Dana Park",
    passes=False,
    family="claims",
    trap="other row",
)
async def h05(page: Page) -> bool:
    await _tickets(page)
    return await cell(page, T, "title", "Email bounces from partner", "agent") == "Dana Park"


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, open Tickets, filter priority to high, and confirm 'Double "
    "charge on card' is listed",
    passes=True,
    family="search-filter-sort",
)
async def h06(page: Page) -> bool:
    await _tickets(page)
    await _filter(page, "priority", "high")
    return "Double charge on card" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, add a new agent named 'Sam Lee' with email sam@helpdesk.test "
    "on the Billing team, save, and check that Sam Lee is now in the agents list",
    passes=True,
    family="collections",
)
async def h07(page: Page) -> bool:
    await _agents(page)
    await link(page, "+ New Agent")
    await page.fill("#name", "Sam Lee")
    await page.fill("#email", "sam@helpdesk.test")
    await page.fill("#team", "Billing")
    await _save(page)
    return "Sam Lee" in await column(page, T, "name")


@GOALS.add(
    "/admin/ticket/list",
    "without logging in, this page should ask me to sign in",
    passes=True,
    family="sign-in",
)
async def h08(page: Page) -> bool:
    return "/admin/login" in page.url and await page.locator("input[name=password]").count() > 0


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, open Tickets and move to the next page; 'Screen flickers' "
    "should be there",
    passes=True,
    family="navigation",
)
async def h09(page: Page) -> bool:
    await _tickets(page)
    await follow(page, page.get_by_role("link", name="2", exact=True))
    return "Screen flickers" in await column(page, T, "title")


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, open Tickets: the first page should show 10 tickets and "
    "'Request new monitor' shouldn't be one of them",
    passes=True,
    family="compound",
)
async def h10(page: Page) -> bool:
    await _tickets(page)
    titles = await column(page, T, "title")
    return len(titles) == 10 and "Request new monitor" not in titles


@GOALS.add(
    "/admin/",
    "log in as agent / desk-2024, look up the tickets from Tom Becker and check there are 3",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def h11(page: Page) -> bool:
    await _tickets(page)
    await _search(page, "Tom Becker")
    return len(await rows(page, T)) == 3


@GOALS.add(
    "/admin/",
    "sign in as agent / desk-2024, open the ticket 'Refund not received' and check its status "
    "is pending",
    passes=True,
    family="scoped",
)
async def h12(page: Page) -> bool:
    await _tickets(page)
    await _row_link(page, "Refund not received", "details")
    return await _detail(page, "status") == "pending"
