"""Blind goals on Wagtail, a Django CMS, serving the bench's travel blog (see Goal.blind).

Accounts: marta / fjord-lights-7 (superuser), jonas / night-train-3 (Editors: may edit and
submit pages for moderation, not publish), priya / monsoon-road-5 (deactivated). The admin
lives at /admin/ (a visitor who has not signed in is sent to its sign-in page); the public
site at /. Journal entries: five live (one with unpublished changes), two drafts.
"""

from __future__ import annotations

from typing import cast

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import button, follow, link, shows

GOALS = GoalSet("wagtail", blind=True)
START = "/admin/"
MARTA = ("marta", "fjord-lights-7")
JONAS = ("jonas", "night-train-3")

# Each explorer row: the page's title and the text of its status tag ("live + draft", ...).
_EXPLORER = """
() => [...document.querySelectorAll("td[data-listing-page-title]")].map((td) => {
  const row = td.closest("tr");
  const tag = row.querySelector(".w-status");
  const hidden = tag?.querySelector(".w-sr-only")?.textContent ?? "";
  return [
    td.querySelector(".title-wrapper").innerText.trim(),
    (tag?.textContent ?? "").replace(hidden, "").trim().toLowerCase(),
  ];
})
"""


async def _sign_in(page: Page, account: tuple[str, str] = MARTA) -> None:
    await page.fill("#id_username", account[0])
    await page.fill("#id_password", account[1])
    await button(page, "Sign in")


async def _sidebar(page: Page, name: str) -> None:
    await page.locator("aside, nav").get_by_role("link", name=name, exact=True).first.click()
    await page.wait_for_load_state()


async def _explore(page: Page, *crumbs: str) -> None:
    """Pages menu → the site's listing, then into each section by its arrow (a title edits)."""
    await page.get_by_role("button", name="Pages", exact=True).click()
    await follow(page, page.locator("#wagtail-sidebar").get_by_role("link", name=crumbs[0]))
    for crumb in crumbs[1:]:
        await link(page, f"Explore child pages of '{crumb}'")


async def _listing(page: Page) -> dict[str, str]:
    return dict(cast(list[tuple[str, str]], await page.evaluate(_EXPLORER)))


async def _edit(page: Page, section: str, title: str) -> None:
    await _explore(page, "Far & Near", section)
    await link(page, title, within=page.locator("td[data-listing-page-title]"))


async def _search(page: Page, words: str) -> None:
    box = page.locator("#menu-search-q")
    await box.fill(words)
    async with page.expect_navigation():
        await box.press("Enter")


async def _table(page: Page) -> list[list[str]]:
    """Each body row's cell texts (the listing table, not the date picker's)."""
    found = await page.locator("table.listing tbody tr").evaluate_all(
        "(rows) => rows.map((r) => [...r.children].map((c) => c.innerText.trim()))"
    )
    return cast(list[list[str]], found)


async def _snippets(page: Page) -> None:
    await _sign_in(page)
    await _sidebar(page, "Snippets")
    await link(page, "Countries")


async def _filter(page: Page, field: str, choose: str) -> None:
    await page.get_by_role("button", name="Show filters").click()
    await page.get_by_role("button", name=field, exact=True).click()
    async with page.expect_response(lambda r: "/results/" in r.url):
        if field == "Continent":
            await page.get_by_label("Continent", exact=True).fill(choose)
        else:
            await page.get_by_label(choose, exact=True).check()
    await page.wait_for_load_state()


# --- sign-in -------------------------------------------------------------------------------


@GOALS.add(
    START,
    "Log in as marta with password fjord-lights-7 and check the dashboard's Site summary is shown",
    passes=True,
    family="sign-in",
)
async def signin_dashboard(page: Page) -> bool:
    await _sign_in(page)
    return page.url.endswith("/admin/") and await shows(page, "Site summary")


@GOALS.add(
    START,
    "Sign in with jonas / night-train-4 and confirm the Site summary panel is visible",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def wrong_password_summary(page: Page) -> bool:
    await _sign_in(page, ("jonas", "night-train-4"))
    return await shows(page, "Site summary")


@GOALS.add(
    START,
    "1. Go to the admin login 2. Sign in as priya with password monsoon-road-5 "
    "3. Verify the Pages menu item is there",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def inactive_user_pages_menu(page: Page) -> bool:
    await _sign_in(page, ("priya", "monsoon-road-5"))
    return await page.get_by_role("button", name="Pages", exact=True).count() > 0


@GOALS.add(
    START,
    "When jonas logs in (password night-train-3) the sidebar should not offer Snippets or Settings",
    passes=True,
    family="sign-in",
)
async def editor_sidebar(page: Page) -> bool:
    await _sign_in(page, JONAS)
    if not await shows(page, "Site summary"):
        return False
    sidebar = page.locator("#wagtail-sidebar")
    offered = [
        await sidebar.get_by_role(role, name=name, exact=True).count()
        for role in ("link", "button")
        for name in ("Snippets", "Settings")
    ]
    return sum(offered) == 0


# --- dashboard -----------------------------------------------------------------------------


@GOALS.add(
    START,
    "as marta (pw fjord-lights-7): dashboard should report 16 pages, 4 images and 2 documents",
    passes=True,
    family="claims",
)
async def summary_counts(page: Page) -> bool:
    await _sign_in(page)
    return all([await shows(page, t) for t in ("16 Pages", "4 Images", "2 Documents")])


@GOALS.add(
    START,
    "Dashboard check - after signing in as marta/fjord-lights-7 the Site summary must say 15 Pages",
    passes=False,
    family="claims",
    trap="off by one",
)
async def summary_pages_off_by_one(page: Page) -> bool:
    await _sign_in(page)
    return await shows(page, "15 Pages")


# --- page explorer -------------------------------------------------------------------------


@GOALS.add(
    START,
    "Sign in as marta (fjord-lights-7), go to Pages, open Far & Near, then Journal. "
    "'Street Food in Hanoi' should have the status Draft.",
    passes=True,
    family="scoped",
)
async def journal_draft_status(page: Page) -> bool:
    await _sign_in(page)
    await _explore(page, "Far & Near", "Journal")
    return (await _listing(page)).get("Street Food in Hanoi") == "draft"


@GOALS.add(
    START,
    "Can you check that in the Journal section of the page explorer (login marta / "
    "fjord-lights-7), Night Train to Vienna is still a draft?",
    passes=False,
    family="scoped",
    trap="other row",
)
async def vienna_still_draft(page: Page) -> bool:
    await _sign_in(page)
    await _explore(page, "Far & Near", "Journal")
    return (await _listing(page)).get("Night Train to Vienna") == "draft"


@GOALS.add(
    START,
    "Kungsleden hike entry in the Journal listing should show LIVE + DRAFT (there are "
    "unpublished changes). User marta, password fjord-lights-7.",
    passes=True,
    family="scoped",
)
async def kungsleden_live_and_draft(page: Page) -> bool:
    await _sign_in(page)
    await _explore(page, "Far & Near", "Journal")
    return (await _listing(page)).get("Hiking the Kungsleden") == "live + draft"


@GOALS.add(
    START,
    "Log in as marta / fjord-lights-7. Under Pages > Far & Near > Journal there are 7 pages.",
    passes=True,
    family="collections",
)
async def journal_count(page: Page) -> bool:
    await _sign_in(page)
    await _explore(page, "Far & Near", "Journal")
    return len(await _listing(page)) == 7


@GOALS.add(
    START,
    "Sign in (marta / fjord-lights-7) and open the Destinations page in the explorer: "
    "Temples of Kyoto must be listed there.",
    passes=False,
    family="scoped",
    trap="wrong page",
)
async def kyoto_under_destinations(page: Page) -> bool:
    await _sign_in(page)
    await _explore(page, "Far & Near", "Destinations")
    return "Temples of Kyoto" in await _listing(page)


@GOALS.add(
    START,
    "Sort the Journal pages by Title (admin, user marta pw fjord-lights-7) - the first one "
    "should then be A Week on Skye",
    passes=True,
    family="search-filter-sort",
)
async def journal_sorted_by_title(page: Page) -> bool:
    await _sign_in(page)
    await _explore(page, "Far & Near", "Journal")
    await follow(page, page.locator("table.listing thead").get_by_role("link", name="Title"))
    titles = list(await _listing(page))
    return bool(titles) and titles[0] == "A Week on Skye"


# --- page editor ---------------------------------------------------------------------------


@GOALS.add(
    START,
    "Open 'Three Days in Lisbon' for editing (marta/fjord-lights-7). The Title field says "
    "Three Days in Lisbon, the Country is Portugal and the Summary mentions pastéis de nata.",
    passes=True,
    family="claims",
)
async def lisbon_editor_fields(page: Page) -> bool:
    await _sign_in(page)
    await _edit(page, "Journal", "Three Days in Lisbon")
    title = await page.locator("#id_title").input_value()
    summary = await page.locator("#id_summary").input_value()
    country = await page.locator("[data-contentpath=country]").inner_text()
    return (
        title == "Three Days in Lisbon" and "Portugal" in country and "pastéis de nata" in summary
    )


@GOALS.add(
    START,
    "marta / fjord-lights-7 → edit A Week on Skye → the Trip date should be 2025-06-12",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def skye_trip_date(page: Page) -> bool:
    await _sign_in(page)
    await _edit(page, "Journal", "A Week on Skye")
    return await page.locator("#id_date").input_value() == "2025-06-12"


@GOALS.add(
    START,
    "Edit About us, go to the Promote tab: 'Show in menus' should be checked. "
    "(sign in: marta, fjord-lights-7)",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def about_show_in_menus(page: Page) -> bool:
    await _sign_in(page)
    await _explore(page, "Far & Near")
    await link(page, "About us", within=page.locator("td[data-listing-page-title]"))
    await page.get_by_role("tab", name="Promote").click()
    box = page.get_by_label("Show in menus")
    return await box.is_visible() and await box.is_checked()


@GOALS.add(
    START,
    "Rename the Temples of Kyoto journal entry to 'Kyoto Temples at Dawn' and click Save "
    "draft. Expect the message that the page 'Kyoto Temples at Dawn' has been updated. "
    "(login: marta, fjord-lights-7)",
    passes=True,
    family="compound",
)
async def save_draft_rename(page: Page) -> bool:
    await _sign_in(page)
    await _edit(page, "Journal", "Temples of Kyoto")
    await page.locator("#id_title").fill("Kyoto Temples at Dawn")
    await button(page, "Save draft")
    return await shows(page, "Page 'Kyoto Temples at Dawn' has been updated")


@GOALS.add(
    START,
    "As marta (fjord-lights-7): open Street Food in Hanoi in the page editor, publish it, "
    "then check the Journal listing shows it as Live.",
    passes=True,
    family="compound",
)
async def publish_hanoi(page: Page) -> bool:
    await _sign_in(page)
    await _edit(page, "Journal", "Street Food in Hanoi")
    await page.get_by_role("button", name="More actions").click()
    await button(page, "Publish")
    if "Journal" not in await page.locator("h1, h2").first.inner_text():
        await _explore(page, "Far & Near", "Journal")
    return (await _listing(page)).get("Street Food in Hanoi") == "live"


@GOALS.add(
    START,
    "Log in marta/fjord-lights-7, edit 'Packing for Patagonia', hit Save draft, then make "
    "sure the Journal explorer lists Packing for Patagonia as live.",
    passes=False,
    family="compound",
    trap="wrong value",
)
async def save_draft_then_live(page: Page) -> bool:
    await _sign_in(page)
    await _edit(page, "Journal", "Packing for Patagonia")
    await button(page, "Save draft")
    await _explore(page, "Far & Near", "Journal")
    return (await _listing(page)).get("Packing for Patagonia") == "live"


@GOALS.add(
    START,
    "Sign in as jonas (password night-train-3), open Street Food in Hanoi in the editor "
    "and publish it.",
    passes=False,
    family="compound",
    trap="hidden",
)
async def editor_cannot_publish(page: Page) -> bool:
    await _sign_in(page, JONAS)
    await _edit(page, "Journal", "Street Food in Hanoi")
    await page.get_by_role("button", name="More actions").click()
    publish = page.get_by_role("button", name="Publish", exact=True)
    if await publish.count() == 0:
        return False
    await button(page, "Publish")
    return await shows(page, "has been published")


@GOALS.add(
    START,
    "Delete the 'Write for us' page (it's under Far & Near), confirm, and verify it's gone "
    "from the explorer. marta / fjord-lights-7",
    passes=True,
    family="compound",
)
async def delete_write_for_us(page: Page) -> bool:
    await _sign_in(page)
    await _explore(page, "Far & Near")
    await page.get_by_role("button", name="More options for 'Write for us'").click()
    await follow(page, page.get_by_role("link", name="Delete", exact=True).filter(visible=True))
    await button(page, "Yes, delete it")
    return "Write for us" not in await _listing(page) and "About us" in await _listing(page)


# --- admin search --------------------------------------------------------------------------


@GOALS.add(
    START,
    "Use the admin Search for Vienna (marta / fjord-lights-7) - Night Train to Vienna should "
    "be the one matching page",
    passes=True,
    family="search-filter-sort",
)
async def search_vienna(page: Page) -> bool:
    await _sign_in(page)
    await _search(page, "Vienna")
    return list(await _listing(page)) == ["Night Train to Vienna"]


@GOALS.add(
    START,
    "Searching pages for 'Patagonia' should find no matching pages, the draft was removed. "
    "Login marta / fjord-lights-7.",
    passes=False,
    family="search-filter-sort",
    trap="still there",
)
async def search_patagonia_none(page: Page) -> bool:
    await _sign_in(page)
    await _search(page, "Patagonia")
    return len(await _listing(page)) == 0


# --- snippets ------------------------------------------------------------------------------


@GOALS.add(
    START,
    "Snippets → Countries: 10 countries listed, and India and Vietnam are the ones with "
    "Visa required True. (marta, fjord-lights-7)",
    passes=True,
    family="collections",
)
async def countries_visa(page: Page) -> bool:
    await _snippets(page)
    table = await _table(page)
    visa = sorted(r[1] for r in table if r[-1] == "True")
    return len(table) == 10 and visa == ["India", "Vietnam"]


@GOALS.add(
    START,
    "log in as marta (fjord-lights-7), filter the Countries snippets by continent Asia: "
    "India, Japan and Vietnam should be the only ones left",
    passes=True,
    family="search-filter-sort",
)
async def countries_in_asia(page: Page) -> bool:
    await _snippets(page)
    await _filter(page, "Continent", "Asia")
    return sorted(r[1] for r in await _table(page)) == ["India", "Japan", "Vietnam"]


@GOALS.add(
    START,
    "Filter countries by Visa required = Yes and expect three results (user marta, "
    "password fjord-lights-7)",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def visa_filter_three(page: Page) -> bool:
    await _snippets(page)
    await _filter(page, "Visa required", "Yes")
    return len(await _table(page)) == 3


# --- images, users -------------------------------------------------------------------------


@GOALS.add(
    START,
    "Images: the library should contain 'Tram 28 in Alfama' and 'Skye coastline at dusk', "
    "4 images in total. Sign in as marta with fjord-lights-7 first.",
    passes=True,
    family="collections",
)
async def images_library(page: Page) -> bool:
    await _sign_in(page)
    await _sidebar(page, "Images")
    cards = page.locator("#listing-results li figcaption")
    titles = [t.strip() for t in await cards.all_inner_texts()]
    return len(titles) == 4 and {"Tram 28 in Alfama", "Skye coastline at dusk"} <= set(titles)


@GOALS.add(
    START,
    "check there's an image titled Hanoi night market in the Images section "
    "(marta / fjord-lights-7)",
    passes=False,
    family="collections",
    trap="absent",
)
async def image_hanoi_market(page: Page) -> bool:
    await _sign_in(page)
    await _sidebar(page, "Images")
    return await shows(page, "Hanoi night market")


@GOALS.add(
    START,
    "Settings > Users: Priya Nair's Active column says False and Marta Lindqvist has the "
    "Admin access level. Log in with marta / fjord-lights-7",
    passes=True,
    family="scoped",
)
async def users_priya_inactive(page: Page) -> bool:
    await _sign_in(page)
    await page.get_by_role("button", name="Settings", exact=True).click()
    await _sidebar(page, "Users")
    by_name = {r[1]: r for r in await _table(page)}
    priya, marta = by_name.get("Priya Nair", []), by_name.get("Marta Lindqvist", [])
    return priya[-2:-1] == ["False"] and "Admin" in marta


@GOALS.add(
    START,
    "Users list: Jonas Weber should have Admin access level (sign in as marta, fjord-lights-7)",
    passes=False,
    family="scoped",
    trap="other row",
)
async def users_jonas_admin(page: Page) -> bool:
    await _sign_in(page)
    await page.get_by_role("button", name="Settings", exact=True).click()
    await _sidebar(page, "Users")
    by_name = {r[1]: r for r in await _table(page)}
    return "Admin" in by_name.get("Jonas Weber", [])


# --- the public site -----------------------------------------------------------------------


@GOALS.add(
    "/",
    "Homepage: under 'Latest from the journal' the first story is Three Days in Lisbon",
    passes=True,
    family="scoped",
)
async def home_latest_first(page: Page) -> bool:
    heading = page.get_by_role("heading", name="Latest from the journal")
    items = heading.locator("xpath=following-sibling::ul[1]/li")
    return await heading.count() == 1 and (await items.first.inner_text()) == (
        "Three Days in Lisbon"
    )


@GOALS.add(
    "/journal/",
    "The journal page lists Street Food in Hanoi",
    passes=False,
    family="collections",
    trap="hidden",
)
async def public_journal_hanoi(page: Page) -> bool:
    return await shows(page, "Street Food in Hanoi")


@GOALS.add(
    "/",
    "Go to Destinations. Best time to visit Peru: May to September. Iceland isn't listed "
    "(still a draft).",
    passes=True,
    family="navigation",
)
async def public_destinations(page: Page) -> bool:
    await link(page, "Destinations", within=page.locator("nav"))
    peru = page.locator("ul.destinations li", has_text="Peru")
    peru_text = await peru.inner_text() if await peru.count() == 1 else ""
    return "May to September" in peru_text and not await shows(page, "Iceland")
