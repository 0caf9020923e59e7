"""Blind goals on NiceGUI's "Squad Board", a team issue tracker (see Goal.blind and
bench/realapps/sites/tracker.py): a single-page Vue/Quasar app whose every click is a
socket.io round trip to the server.

Accounts: dana / board-room-7 (Admin) and ravi / sticky-notes-3 (Member: no Delete ticket,
settings read-only). Every page but the sign-in page sends a visitor who has not signed in to
/login; signing in lands on the dashboard. Seeded: 14 tickets SQ-101…SQ-114, 4 of them Closed;
the board opens on its Open tab, twenty rows a page.

The scripts wait for what the app shows after each socket reply (a row, a count in the table's
footer, a toast, a new URL), never for a fixed time.
"""

from __future__ import annotations

import re

from playwright.async_api import Locator, Page

from bench.realapps.goals import GoalSet

GOALS = GoalSet("nicegui", blind=True)
START = "/"
LEAD = ("dana", "board-room-7")
MEMBER = ("ravi", "sticky-notes-3")
TABLE = "table.q-table"
# The board's columns, in order (the title cell is a link to the ticket page).
KEY, TITLE, STATUS, PRIORITY, ASSIGNEE, UPDATED = range(6)


async def _ready(page: Page) -> None:
    """Wait for NiceGUI's socket handshake: before it, a click or a keystroke is not sent."""
    await page.wait_for_function("window.did_handshake === true")


async def _sign_in(page: Page, account: tuple[str, str]) -> None:
    await _ready(page)
    await page.get_by_label("Username").fill(account[0])
    await page.get_by_label("Password").fill(account[1])
    await page.get_by_role("button", name="Sign in").click()
    await page.get_by_text("Welcome back").wait_for()
    await _ready(page)


async def _nav(page: Page, name: str) -> None:
    await page.locator("header").get_by_role("link", name=name, exact=True).click()


async def _board(page: Page, account: tuple[str, str]) -> None:
    await _sign_in(page, account)
    await _nav(page, "Board")
    await page.wait_for_url("**/board")
    await page.locator(f"{TABLE} tbody tr").first.wait_for()
    await _ready(page)


def _footer(page: Page) -> Locator:
    """Quasar's table footer, "1-10 of 14": the count the table states."""
    return page.locator(".q-table__bottom")


async def _total(page: Page) -> int:
    text = await _footer(page).inner_text()
    match = re.search(r"of\s+(\d+)", text)
    if match is None:  # Quasar writes "No data available" instead of "0 of 0"
        return 0
    return int(match.group(1))


async def _wait_total(page: Page, before: str) -> None:
    """Wait for the server's reply to change what the table's footer says."""
    footer = await _footer(page).inner_text()
    if footer != before:
        return
    await page.wait_for_function(
        "([sel, before]) => document.querySelector(sel)?.innerText !== before",
        arg=[".q-table__bottom", before],
    )


async def _column(page: Page, index: int) -> list[str]:
    cells = page.locator(f"{TABLE} tbody tr td:nth-child({index + 1})")
    return [t.strip() for t in await cells.all_inner_texts()]


async def _row(page: Page, title: str) -> list[str] | None:
    row = page.locator(f"{TABLE} tbody tr", has=page.get_by_role("link", name=title, exact=True))
    if await row.count() == 0:
        return None
    return [t.strip() for t in await row.first.locator("td").all_inner_texts()]


async def _tab(page: Page, name: str) -> None:
    before = await _footer(page).inner_text()
    await page.get_by_role("tab", name=name).click()
    await _wait_total(page, before)


async def _search(page: Page, words: str) -> None:
    before = await _footer(page).inner_text()
    await page.get_by_label("Search tickets").fill(words)
    await _wait_total(page, before)


async def _priority(page: Page, value: str) -> None:
    before = await _footer(page).inner_text()
    await page.get_by_label("Priority").click()
    await page.get_by_role("option", name=value, exact=True).click()
    await _wait_total(page, before)


async def _sort(page: Page, header: str, clicks: int = 1) -> None:
    """Click a column header; Quasar sorts in the browser and marks the header it sorted by."""
    th = page.locator(f"{TABLE} thead th", has_text=header)
    for n in range(clicks):
        await th.click()
        order = "sort-desc" if n else "sorted"
        await page.locator(f"{TABLE} thead th.sorted.{order}", has_text=header).wait_for()


async def _open_ticket(page: Page, account: tuple[str, str], title: str) -> None:
    await _board(page, account)
    await page.locator(TABLE).get_by_role("link", name=title, exact=True).click()
    await page.wait_for_url("**/ticket/*")
    await _ready(page)
    await page.get_by_text(title).first.wait_for()


async def _select(page: Page, label: str, option: str) -> None:
    await page.get_by_label(label).click()
    await page.get_by_role("option", name=option, exact=True).click()


async def _toast(page: Page, text: str) -> bool:
    """A NiceGUI notification with `text` shows up (it waits for the server's reply)."""
    toast = page.locator(".q-notification", has_text=text)
    try:
        await toast.first.wait_for(timeout=5000)
    except Exception:
        return False
    return True


async def _counter(page: Page, label: str) -> int:
    card = page.locator(".q-card", has=page.get_by_text(label, exact=True))
    return int((await card.first.locator(".text-h4").inner_text()).strip())


# --- sign-in and the dashboard ---------------------------------------------------------------


@GOALS.add(
    START,
    "Log in as dana / board-room-7 and check the dashboard says Welcome back, Dana",
    passes=True,
    family="sign-in",
)
async def sign_in_welcome(page: Page) -> bool:
    await _sign_in(page, LEAD)
    return await page.get_by_text("Welcome back, Dana").is_visible()


@GOALS.add(
    START,
    "sign in as ravi with password sticky-notes-4 then verify the dashboard shows 'Assigned to me'",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def wrong_password(page: Page) -> bool:
    await _ready(page)
    await page.get_by_label("Username").fill("ravi")
    await page.get_by_label("Password").fill("sticky-notes-4")
    await page.get_by_role("button", name="Sign in").click()
    assert await _toast(page, "Wrong username or password")
    return await page.get_by_text("Assigned to me").count() > 0


@GOALS.add(
    START,
    "The dashboard should show 10 Open tickets once dana signs in (password board-room-7)",
    passes=True,
    family="claims",
)
async def open_counter(page: Page) -> bool:
    await _sign_in(page, LEAD)
    return await _counter(page, "Open tickets") == 10


@GOALS.add(
    START,
    "As ravi / sticky-notes-3, the Blocked count on the dashboard should read 3",
    passes=False,
    family="claims",
    trap="off by one",
)
async def blocked_counter(page: Page) -> bool:
    await _sign_in(page, MEMBER)
    return await _counter(page, "Blocked") == 3


@GOALS.add(
    START,
    "Log in as dana / board-room-7. The dashboard should list 'Rate limit the public API'",
    passes=False,
    family="claims",
    trap="wrong page",
)
async def dashboard_lists(page: Page) -> bool:
    await _sign_in(page, LEAD)
    return await page.get_by_text("Rate limit the public API").filter(visible=True).count() > 0


# --- the board: tabs, search, filter, sort ---------------------------------------------------


@GOALS.add(
    START,
    "Sign in as dana/board-room-7, go to Board and make sure 'Login page times out on Safari' "
    "is listed",
    passes=True,
    family="collections",
)
async def board_lists(page: Page) -> bool:
    await _board(page, LEAD)
    return await _row(page, "Login page times out on Safari") is not None


@GOALS.add(
    START,
    "Sign in as dana / board-room-7 and open the Board. Upgrade Postgres to 16 should be in "
    "the tickets table",
    passes=False,
    family="collections",
    trap="hidden",
)
async def closed_not_on_open_tab(page: Page) -> bool:
    await _board(page, LEAD)
    return await _row(page, "Upgrade Postgres to 16") is not None


@GOALS.add(
    START,
    "Log in as dana, password board-room-7. On the Board, switch to the Closed tab; there "
    "should be exactly 4 tickets.",
    passes=True,
    family="collections",
)
async def closed_tab_count(page: Page) -> bool:
    await _board(page, LEAD)
    await _tab(page, "Closed")
    return await _total(page) == 4 and len(await _column(page, KEY)) == 4


@GOALS.add(
    START,
    "1. sign in as dana / board-room-7\n2. open the Board\n3. click the All tab\n"
    "4. expect 15 tickets",
    passes=False,
    family="collections",
    trap="off by one",
)
async def all_tab_count(page: Page) -> bool:
    await _board(page, LEAD)
    await _tab(page, "All")
    return await _total(page) == 15


@GOALS.add(
    START,
    "Sign in as ravi (sticky-notes-3), open the Board and search for safari. Only SQ-102 "
    "should come up.",
    passes=True,
    family="search-filter-sort",
)
async def search_safari(page: Page) -> bool:
    await _board(page, MEMBER)
    await _search(page, "safari")
    return await _column(page, KEY) == ["SQ-102"]


@GOALS.add(
    START,
    "Can you log in as ravi / sticky-notes-3, go to the board, search tickets for VAT and "
    "check that both 'Invoice PDF shows wrong VAT' and 'Flaky test in checkout flow' show up?",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def search_vat(page: Page) -> bool:
    await _board(page, MEMBER)
    await _search(page, "VAT")
    titles = await _column(page, TITLE)
    return "Invoice PDF shows wrong VAT" in titles and "Flaky test in checkout flow" in titles


@GOALS.add(
    START,
    "Sign in as dana / board-room-7. On the board, filter Priority to Urgent: you should see "
    "SQ-104 and SQ-111 and nothing else.",
    passes=True,
    family="search-filter-sort",
)
async def filter_urgent(page: Page) -> bool:
    await _board(page, LEAD)
    await _priority(page, "Urgent")
    return await _column(page, KEY) == ["SQ-104", "SQ-111"]


@GOALS.add(
    START,
    "dana / board-room-7: on the Board set Priority to High and check that 'Rate limit the "
    "public API' is assigned to Priya Shah",
    passes=False,
    family="search-filter-sort",
    trap="other row",
)
async def filter_high_assignee(page: Page) -> bool:
    await _board(page, LEAD)
    await _priority(page, "High")
    row = await _row(page, "Rate limit the public API")
    return row is not None and row[ASSIGNEE] == "Priya Shah"


@GOALS.add(
    START,
    "Sign in as dana with board-room-7, go to the Board and sort by Updated, newest first. "
    "Invoice PDF shows wrong VAT should be at the top.",
    passes=True,
    family="search-filter-sort",
)
async def sort_updated(page: Page) -> bool:
    await _board(page, LEAD)
    await _sort(page, "Updated", clicks=2)
    return (await _column(page, TITLE))[0] == "Invoice PDF shows wrong VAT"


@GOALS.add(
    START,
    "Log in as ravi / sticky-notes-3, open the Board and sort it by Title (A to Z). The first "
    "ticket should be 'Dark mode for the dashboard'.",
    passes=False,
    family="search-filter-sort",
    trap="other row",
)
async def sort_title(page: Page) -> bool:
    await _board(page, MEMBER)
    await _sort(page, "Title")
    return (await _column(page, TITLE))[0] == "Dark mode for the dashboard"


# --- a ticket's page -----------------------------------------------------------------------


@GOALS.add(
    START,
    "Log in as dana / board-room-7, open Board, click 'Password reset email never arrives'. "
    "Status should be Blocked and the ticket should carry the email tag.",
    passes=True,
    family="scoped",
)
async def ticket_status_tag(page: Page) -> bool:
    await _open_ticket(page, LEAD, "Password reset email never arrives")
    chip = page.locator(".q-chip", has_text=re.compile(r"^\W*(label)?\W*email\W*$"))
    tagged = await chip.filter(visible=True).count() == 1
    return await _field(page, "Status") == "Blocked" and tagged


async def _field(page: Page, label: str) -> str:
    """The option a Quasar select shows: NiceGUI's select is a q-select, not a <select>."""
    field = page.locator(".q-field", has=page.get_by_text(label, exact=True))
    return (await field.first.locator(".q-field__native").inner_text()).strip()


@GOALS.add(
    START,
    "sign in as dana / board-room-7; on the board open 'Login page times out on Safari'. Its "
    "assignee should be Dana Whitfield",
    passes=False,
    family="scoped",
    trap="wrong value",
)
async def ticket_assignee(page: Page) -> bool:
    await _open_ticket(page, LEAD, "Login page times out on Safari")
    return await _field(page, "Assignee") == "Dana Whitfield"


@GOALS.add(
    START,
    "Log in (ravi, sticky-notes-3). Open the ticket Password reset email never arrives from "
    "the board. It should have 2 comments.",
    passes=False,
    family="claims",
    trap="off by one",
)
async def comment_count(page: Page) -> bool:
    await _open_ticket(page, MEMBER, "Password reset email never arrives")
    return await page.get_by_text("Comments (2)", exact=True).count() == 1


@GOALS.add(
    START,
    "As dana / board-room-7, open 'Login page times out on Safari' from the Board, add the "
    "comment 'Fixed in 2.4.1, please retest' and check it appears; the heading should now "
    "say Comments (3).",
    passes=True,
    family="compound",
)
async def add_comment(page: Page) -> bool:
    await _open_ticket(page, LEAD, "Login page times out on Safari")
    await page.get_by_label("Add a comment").fill("Fixed in 2.4.1, please retest")
    await page.get_by_role("button", name="Post comment").click()
    if not await _toast(page, "Comment added"):
        return False
    posted = page.locator(".q-card", has_text="Fixed in 2.4.1, please retest")
    return await posted.count() == 1 and await page.get_by_text("Comments (3)").is_visible()


@GOALS.add(
    START,
    "Sign in as ravi / sticky-notes-3, go to the board, open 'Add CSV export to reports' and "
    "set Status to In progress. A 'Status changed to In progress' notification should pop up.",
    passes=True,
    family="compound",
)
async def change_status(page: Page) -> bool:
    await _open_ticket(page, MEMBER, "Add CSV export to reports")
    await _select(page, "Status", "In progress")
    return await _toast(page, "Status changed to In progress")


@GOALS.add(
    START,
    "Log in as dana / board-room-7. Open Flaky test in checkout flow on the Board and change "
    "its status to Closed. Back on the Board it should be gone from the Open tab and show up "
    "under Closed.",
    passes=True,
    family="compound",
)
async def close_ticket(page: Page) -> bool:
    await _open_ticket(page, LEAD, "Flaky test in checkout flow")
    await _select(page, "Status", "Closed")
    if not await _toast(page, "Status changed to Closed"):
        return False
    await _nav(page, "Board")
    await page.wait_for_url("**/board")
    await page.locator(f"{TABLE} tbody tr").first.wait_for()
    await _ready(page)
    on_open = await _row(page, "Flaky test in checkout flow") is not None
    await _tab(page, "Closed")
    return not on_open and await _row(page, "Flaky test in checkout flow") is not None


@GOALS.add(
    START,
    "Sign in as ravi / sticky-notes-3. On the Closed tab of the board open 'Typos on the "
    "pricing page' and reopen it by setting the status to To do. The Closed counter on the "
    "dashboard should still be 4 afterwards.",
    passes=False,
    family="compound",
    trap="wrong value",
)
async def reopen_counter(page: Page) -> bool:
    await _board(page, MEMBER)
    await _tab(page, "Closed")
    await page.locator(TABLE).get_by_role("link", name="Typos on the pricing page").click()
    await page.wait_for_url("**/ticket/*")
    await _ready(page)
    await _select(page, "Status", "To do")
    assert await _toast(page, "Status changed to To do")
    await _nav(page, "Dashboard")
    await page.get_by_text("Welcome back").wait_for()
    await _ready(page)
    return await _counter(page, "Closed") == 4


# --- the New ticket dialog -----------------------------------------------------------------


@GOALS.add(
    START,
    "Log in as dana / board-room-7. On the Board click New ticket, give it the title 'Export "
    "button missing on mobile' and priority High, and create it. I expect a 'Ticket SQ-115 "
    "created' message and the new ticket in the table.",
    passes=True,
    family="compound",
)
async def create_ticket(page: Page) -> bool:
    await _board(page, LEAD)
    await page.get_by_role("button", name="New ticket").click()
    dialog = page.get_by_role("dialog")
    await dialog.get_by_label("Title").fill("Export button missing on mobile")
    await dialog.get_by_label("Priority").click()
    await page.get_by_role("option", name="High", exact=True).click()
    await dialog.get_by_role("button", name="Create").click()
    if not await _toast(page, "Ticket SQ-115 created"):
        return False
    row = page.locator(f"{TABLE} tbody tr", has_text="Export button missing on mobile")
    await row.first.wait_for()
    return (await _row(page, "Export button missing on mobile") or [""])[PRIORITY] == "High"


@GOALS.add(
    START,
    "As ravi / sticky-notes-3: create a new ticket 'Broken link in footer' from the Board and "
    "check the board lists it with the key SQ-114",
    passes=False,
    family="compound",
    trap="other row",
)
async def create_ticket_key(page: Page) -> bool:
    await _board(page, MEMBER)
    await page.get_by_role("button", name="New ticket").click()
    await page.get_by_role("dialog").get_by_label("Title").fill("Broken link in footer")
    await page.get_by_role("dialog").get_by_role("button", name="Create").click()
    assert await _toast(page, "created")
    await page.locator(f"{TABLE} tbody tr", has_text="Broken link in footer").first.wait_for()
    row = await _row(page, "Broken link in footer")
    return row is not None and row[KEY] == "SQ-114"


# --- rights, delete ------------------------------------------------------------------------


@GOALS.add(
    START,
    "Sign in as ravi / sticky-notes-3 and open 'Search results ignore accents' from the "
    "board. There should be no Delete ticket button.",
    passes=True,
    family="claims",
)
async def member_no_delete(page: Page) -> bool:
    await _open_ticket(page, MEMBER, "Search results ignore accents")
    await page.get_by_role("button", name="Post comment").wait_for()
    return await page.get_by_role("button", name="Delete ticket").count() == 0


@GOALS.add(
    START,
    "Log in as ravi with sticky-notes-3, open Rate limit the public API on the Board and make "
    "sure the Delete ticket button is there",
    passes=False,
    family="claims",
    trap="hidden",
)
async def member_delete_button(page: Page) -> bool:
    await _open_ticket(page, MEMBER, "Rate limit the public API")
    await page.get_by_role("button", name="Post comment").wait_for()
    return await page.get_by_role("button", name="Delete ticket").is_visible()


@GOALS.add(
    START,
    "Sign in as dana / board-room-7, open 'Dark mode for the dashboard' from the Board, "
    "delete the ticket and confirm, then verify it's gone from the board.",
    passes=True,
    family="compound",
)
async def delete_ticket(page: Page) -> bool:
    await _open_ticket(page, LEAD, "Dark mode for the dashboard")
    await page.get_by_role("button", name="Delete ticket").click()
    await page.get_by_role("dialog").get_by_role("button", name="Delete").click()
    await page.wait_for_url("**/board")
    await page.locator(f"{TABLE} tbody tr").first.wait_for()
    await _ready(page)
    await _tab(page, "All")
    return await _total(page) == 13 and await _row(page, "Dark mode for the dashboard") is None


# --- settings ------------------------------------------------------------------------------


async def _settings(page: Page, account: tuple[str, str]) -> None:
    await _sign_in(page, account)
    await _nav(page, "Settings")
    await page.wait_for_url("**/settings")
    await page.get_by_role("switch", name="Daily digest").wait_for()
    await _ready(page)


@GOALS.add(
    START,
    "Settings page check (dana / board-room-7):\n- Email notifications is on\n"
    "- Daily digest is off\n- Delete workspace button is disabled",
    passes=True,
    family="claims",
)
async def settings_states(page: Page) -> bool:
    await _settings(page, LEAD)
    emails = await page.get_by_role("switch", name="Email notifications").is_checked()
    digest = await page.get_by_role("switch", name="Daily digest").is_checked()
    disabled = await page.get_by_role("button", name="Delete workspace").is_disabled()
    return emails and not digest and disabled


@GOALS.add(
    START,
    "dana / board-room-7 -> Settings: turn Daily digest on, click Save settings, reload the "
    "page; Daily digest should still be on.",
    passes=True,
    family="compound",
)
async def settings_persist(page: Page) -> bool:
    await _settings(page, LEAD)
    await page.get_by_role("switch", name="Daily digest").click()
    await page.get_by_role("button", name="Save settings").click()
    if not await _toast(page, "Settings saved"):
        return False
    await page.reload()
    await page.get_by_role("switch", name="Daily digest").wait_for()
    await _ready(page)
    return await page.get_by_role("switch", name="Daily digest").is_checked()


@GOALS.add(
    START,
    "Sign in as ravi / sticky-notes-3, open Settings, switch on Daily digest and save. You "
    "should get a Settings saved notification.",
    passes=False,
    family="compound",
    trap="absent",
)
async def member_settings(page: Page) -> bool:
    await _settings(page, MEMBER)
    switch = page.get_by_role("switch", name="Daily digest")
    save = page.get_by_role("button", name="Save settings")
    if await switch.is_disabled() or await save.is_disabled():
        return False  # a person cannot switch it on nor save: no notification can come
    await switch.click()
    await save.click()
    return await _toast(page, "Settings saved")


@GOALS.add(
    START,
    "As ravi (sticky-notes-3) go to Settings - the Save settings button should be enabled",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def member_save_enabled(page: Page) -> bool:
    await _settings(page, MEMBER)
    return await page.get_by_role("button", name="Save settings").is_enabled()
