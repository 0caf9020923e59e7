"""Fresh goals on SQLAdmin's helpdesk (see Goal.fresh), ten tickets a page.

Account: agent / desk-2024.
"""

from __future__ import annotations

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import cell, column, desk_login, follow, link

GOALS = GoalSet("sqladmin", fresh=True)
T = "table.table"
START = "/admin/"


@GOALS.add(
    START,
    "Sign in as agent / desk-2024, open Tickets and filter Status to pending; 'Refund not "
    "received' should be shown",
    passes=True,
    family="search-filter-sort",
)
async def f01(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Tickets")
    await link(page, "pending")
    return "Refund not received" in await column(page, T, "title")


@GOALS.add(
    START,
    "log in as agent / desk-2024 and check that the ticket 'Printer offline on floor 3' has "
    "priority high",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def f02(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Tickets")
    return await cell(page, T, "title", "Printer offline on floor 3", "priority") == "high"


@GOALS.add(
    START,
    "Sign in as agent with password desk-2024, go to Agents, create an agent named Ravi Shah "
    "with email ravi@helpdesk.test and team Billing, then check Ravi Shah appears in the list",
    passes=True,
    family="collections",
)
async def f03(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Agents")
    await follow(page, page.get_by_role("link", name="+ New Agent"))
    await page.fill("input[name=name]", "Ravi Shah")
    await page.fill("input[name=email]", "ravi@helpdesk.test")
    await page.fill("input[name=team]", "Billing")
    await follow(page, page.get_by_role("button", name="Save", exact=True))
    return "Ravi Shah" in await column(page, T, "name")


@GOALS.add(
    START,
    "Sign in as agent / desk2024 and make sure the Tickets page lists 'VPN drops every hour'",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def f04(page: Page) -> bool:
    await desk_login(page, "agent", "desk2024")
    tickets = page.get_by_role("link", name="Tickets", exact=True)
    if await tickets.count() == 0:
        return False
    await follow(page, tickets)
    return "VPN drops every hour" in await column(page, T, "title")


@GOALS.add(
    START,
    "Keiko Tanaka belongs to the Technical team: sign in as agent / desk-2024, open Agents and "
    "check her team.",
    passes=True,
    family="claims",
)
async def f05(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Agents")
    return await cell(page, T, "name", "Keiko Tanaka", "team") == "Technical"


@GOALS.add(
    START,
    "Sign in as agent / desk-2024 and open Agents; 'Refund not received' should appear there",
    passes=False,
    family="claims",
    trap="wrong page",
)
async def f06(page: Page) -> bool:
    await desk_login(page, "agent", "desk-2024")
    await link(page, "Agents")
    return await page.get_by_text("Refund not received").filter(visible=True).count() > 0
