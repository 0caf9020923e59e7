"""Fresh goals on Flask-Admin's outdoor-gear shop (see Goal.fresh), ten products a page.

Account: manager / trail-mix-42. Every goal starts at /admin/, which sends a visitor who has
not signed in to the shop's sign-in page first.
"""

from __future__ import annotations

from playwright.async_api import Page

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import cell, column, follow, link, rows, shows

GOALS = GoalSet("flask_admin", fresh=True)
T = "table.model-list"
START = "/admin/"


async def _sign_in(page: Page, username: str = "manager", password: str = "trail-mix-42") -> None:
    await page.fill("#username", username)
    await page.fill("#password", password)
    await follow(page, page.get_by_role("button", name="Sign in"))


async def _open(page: Page, menu: str) -> None:
    await _sign_in(page)
    await link(page, menu, within=page.get_by_role("navigation"))


async def _search(page: Page, words: str) -> None:
    box = page.get_by_role("textbox", name="name, SKU")
    await box.fill(words)
    async with page.expect_navigation():
        await box.press("Enter")


async def _sort(page: Page, header: str, clicks: int = 1) -> None:
    for _ in range(clicks):
        await follow(page, page.locator(f"{T} thead").get_by_title(f"Sort by {header}"))


async def _filter(page: Page, field: str, value: str) -> None:
    await page.get_by_role("link", name="Add Filter").click()
    await page.locator("a.filter", has_text=field).first.click()
    await page.locator("input.filter-val").last.fill(value)
    await follow(page, page.get_by_role("button", name="Apply"))


async def _edit(page: Page, name: str) -> None:
    row = page.locator(f"{T} tbody tr", has=page.get_by_role("cell", name=name, exact=True))
    await follow(page, row.get_by_title("Edit Record"))


async def _delete(page: Page, name: str) -> None:
    row = page.locator(f"{T} tbody tr", has=page.get_by_role("cell", name=name, exact=True))
    page.once("dialog", lambda dialog: dialog.accept())
    await follow(page, row.get_by_title("Delete Record"))


async def _names(page: Page) -> list[str]:
    return await column(page, T, "name")


@GOALS.add(
    START,
    "Log in as manager with password trail-mix-42 and open Suppliers. Fjord Textiles should "
    "be listed.",
    passes=True,
    family="navigation",
)
async def f01(page: Page) -> bool:
    await _open(page, "Suppliers")
    return "Fjord Textiles" in await _names(page)


@GOALS.add(
    START,
    "sign in (manager / trail-mix-42), go to Products - Canister Stove should show a price "
    "of 59.00",
    passes=True,
    family="claims",
)
async def f02(page: Page) -> bool:
    await _open(page, "Products")
    return await cell(page, T, "name", "Canister Stove", "price") == "59.00"


@GOALS.add(
    START,
    "Login as manager, password trail-mix-42. On the Products page, check the Camp Sandal row "
    "says 59.00 in the Price column",
    passes=False,
    family="claims",
    trap="other row",
)
async def f03(page: Page) -> bool:
    await _open(page, "Products")
    return await cell(page, T, "name", "Camp Sandal", "price") == "59.00"


@GOALS.add(
    START,
    "After signing in as manager / trail-mix-42 the Suppliers list should contain exactly 4 "
    "suppliers",
    passes=True,
    family="claims",
)
async def f04(page: Page) -> bool:
    await _open(page, "Suppliers")
    return len(await rows(page, T)) == 4


@GOALS.add(
    START,
    "Sign in as manager/trail-mix-42, open Categories and verify there are 6 categories",
    passes=False,
    family="claims",
    trap="off by one",
)
async def f05(page: Page) -> bool:
    await _open(page, "Categories")
    return len(await rows(page, T)) == 6


@GOALS.add(
    START,
    "Try to log in as manager with the password trail-mix-24, then confirm the Products link "
    "is visible",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def f06(page: Page) -> bool:
    await page.fill("#username", "manager")
    await page.fill("#password", "trail-mix-24")
    await follow(page, page.get_by_role("button", name="Sign in"))
    return await page.get_by_role("link", name="Products").is_visible()


@GOALS.add(
    START,
    "Sign in as manager using the password 'letmein'. An 'Invalid username or password' "
    "message should appear.",
    passes=True,
    family="sign-in",
)
async def f07(page: Page) -> bool:
    await _sign_in(page, "manager", "letmein")
    return await shows(page, "Invalid username or password")


@GOALS.add(
    START,
    "log in as manager / trail-mix-42, go to Products, search for 'bag' - both 'Down Bag -5C' "
    "and 'Synthetic Bag +5C' should come up",
    passes=True,
    family="search-filter-sort",
)
async def f08(page: Page) -> bool:
    await _open(page, "Products")
    await _search(page, "bag")
    names = await _names(page)
    return "Down Bag -5C" in names and "Synthetic Bag +5C" in names


@GOALS.add(
    START,
    "As manager (password trail-mix-42): open products, search 'boot' and make sure "
    "'Trail Runner Shoe' shows up in the results",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def f09(page: Page) -> bool:
    await _open(page, "Products")
    await _search(page, "boot")
    return "Trail Runner Shoe" in await _names(page)


@GOALS.add(
    START,
    "Sign in as manager with password trail-mix-42, go to Products and search for SL-0. "
    "Expect 2 results.",
    passes=True,
    family="search-filter-sort",
)
async def f10(page: Page) -> bool:
    await _open(page, "Products")
    await _search(page, "SL-0")
    return len(await rows(page, T)) == 2


@GOALS.add(
    START,
    "1. Sign in as manager / trail-mix-42\n2. Go to Products\n3. Sort by Price\n"
    "4. The first product should be Folding Spork",
    passes=True,
    family="search-filter-sort",
)
async def f11(page: Page) -> bool:
    await _open(page, "Products")
    await _sort(page, "Price")
    names = await _names(page)
    return bool(names) and names[0] == "Folding Spork"


@GOALS.add(
    START,
    "Log in as manager (trail-mix-42), open Products, sort by price from highest to lowest "
    "and check that the top row is Rain Shell Jacket",
    passes=False,
    family="search-filter-sort",
    trap="wrong value",
)
async def f12(page: Page) -> bool:
    await _open(page, "Products")
    await _sort(page, "Price", clicks=2)
    names = await _names(page)
    return bool(names) and names[0] == "Rain Shell Jacket"


@GOALS.add(
    START,
    "sign in as manager with 'trail-mix-42'; in Products sort by Stock, largest first; "
    "Folding Spork should be first",
    passes=True,
    family="search-filter-sort",
)
async def f13(page: Page) -> bool:
    await _open(page, "Products")
    await _sort(page, "Stock", clicks=2)
    names = await _names(page)
    return bool(names) and names[0] == "Folding Spork"


@GOALS.add(
    START,
    "Sign in as manager/trail-mix-42. Products -> add a filter on Category for Cooking. Only "
    "Titanium Pot 900ml, Canister Stove and Folding Spork should be shown.",
    passes=True,
    family="search-filter-sort",
)
async def f14(page: Page) -> bool:
    await _open(page, "Products")
    await _filter(page, "Category", "Cooking")
    return sorted(await _names(page)) == ["Canister Stove", "Folding Spork", "Titanium Pot 900ml"]


@GOALS.add(
    START,
    "Log in as manager / trail-mix-42, filter products by Supplier 'Alpine Works' and check "
    "that Ridgeline 2P Tent is in the results.",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def f15(page: Page) -> bool:
    await _open(page, "Products")
    await _filter(page, "Supplier", "Alpine Works")
    return "Ridgeline 2P Tent" in await _names(page)


@GOALS.add(
    START,
    "Log in as manager / trail-mix-42, go to Suppliers, create a new supplier named 'Boreal "
    "Canvas' with country Canada and email info@borealcanvas.test, save, and check 'Boreal "
    "Canvas' now appears in the supplier list",
    passes=True,
    family="collections",
)
async def f16(page: Page) -> bool:
    await _open(page, "Suppliers")
    await follow(page, page.get_by_role("link", name="Create"))
    await page.fill("#name", "Boreal Canvas")
    await page.fill("#country", "Canada")
    await page.fill("#email", "info@borealcanvas.test")
    await follow(page, page.get_by_role("button", name="Save", exact=True))
    return "Boreal Canvas" in await _names(page)


@GOALS.add(
    START,
    "Sign in as manager (password trail-mix-42). Add a category called 'Climbing'. The "
    "Categories list should then show 5 categories.",
    passes=False,
    family="collections",
    trap="off by one",
)
async def f17(page: Page) -> bool:
    await _open(page, "Categories")
    await follow(page, page.get_by_role("link", name="Create"))
    await page.fill("#name", "Climbing")
    await follow(page, page.get_by_role("button", name="Save", exact=True))
    return len(await rows(page, T)) == 5


@GOALS.add(
    START,
    "as manager with password trail-mix-42, create a category named Optics; you should see "
    "'Record was successfully created'",
    passes=True,
    family="collections",
)
async def f18(page: Page) -> bool:
    await _open(page, "Categories")
    await follow(page, page.get_by_role("link", name="Create"))
    await page.fill("#name", "Optics")
    await follow(page, page.get_by_role("button", name="Save", exact=True))
    return await shows(page, "Record was successfully created")


@GOALS.add(
    START,
    "Sign in as manager / trail-mix-42. Edit the product 'Leather Hiking Boot', change its "
    "stock to 4 and save. The Leather Hiking Boot row should now show 4 in the Stock column.",
    passes=True,
    family="collections",
)
async def f19(page: Page) -> bool:
    await _open(page, "Products")
    await _edit(page, "Leather Hiking Boot")
    await page.fill("#stock", "4")
    await follow(page, page.get_by_role("button", name="Save", exact=True))
    return await cell(page, T, "name", "Leather Hiking Boot", "stock") == "4"


@GOALS.add(
    START,
    "Log in as manager / trail-mix-42, open the edit form for Rain Shell Jacket and check that "
    "its price field says 229.00",
    passes=False,
    family="claims",
    trap="wrong value",
)
async def f20(page: Page) -> bool:
    await _open(page, "Products")
    await _edit(page, "Rain Shell Jacket")
    return await page.input_value("#price") == "229.00"


@GOALS.add(
    START,
    "Sign in as manager with password trail-mix-42, delete the 'Camp Sandal' product and make "
    "sure it's no longer in the Products list.",
    passes=True,
    family="collections",
)
async def f21(page: Page) -> bool:
    await _open(page, "Products")
    await _delete(page, "Camp Sandal")
    return "Camp Sandal" not in await _names(page)


@GOALS.add(
    START,
    "Remove the Camp Sandal product (log in as manager, trail-mix-42 first), then check the "
    "product list header still reads 'List (16)'",
    passes=False,
    family="collections",
    trap="off by one",
)
async def f22(page: Page) -> bool:
    await _open(page, "Products")
    await _delete(page, "Camp Sandal")
    return await shows(page, "List (16)")


@GOALS.add(
    START,
    "log in as manager / trail-mix-42 and view the details of Down Bag -5C: the SKU should be "
    "SL-505 and the supplier Fjord Textiles",
    passes=True,
    family="claims",
)
async def f23(page: Page) -> bool:
    await _open(page, "Products")
    row = page.locator(f"{T} tbody tr", has=page.get_by_role("cell", name="Down Bag -5C"))
    await follow(page, row.get_by_title("View Record"))
    details = page.locator("table.table")
    sku = await details.locator("tr", has_text="SKU").locator("td").last.inner_text()
    supplier = await details.locator("tr", has_text="Supplier").locator("td").last.inner_text()
    return sku.strip() == "SL-505" and supplier.strip() == "Fjord Textiles"


@GOALS.add(
    START,
    "Sign in as manager, password trail-mix-42, open Suppliers and check that 'TN-402' is shown",
    passes=False,
    family="claims",
    trap="wrong page",
)
async def f24(page: Page) -> bool:
    await _open(page, "Suppliers")
    return await shows(page, "TN-402")


@GOALS.add(
    START,
    "Sign in as manager / trail-mix-42 and search products for TN-. Summit 4P Dome should be "
    "listed and Folding Spork should not.",
    passes=True,
    family="compound",
)
async def f25(page: Page) -> bool:
    await _open(page, "Products")
    await _search(page, "TN-")
    names = await _names(page)
    return "Summit 4P Dome" in names and "Folding Spork" not in names


@GOALS.add(
    START,
    "Log in as manager / trail-mix-42, search products for 'pad'; 'Foam Sleeping Pad' should "
    "appear but 'Inflatable Pad' should not.",
    passes=False,
    family="compound",
    trap="still there",
)
async def f26(page: Page) -> bool:
    await _open(page, "Products")
    await _search(page, "pad")
    names = await _names(page)
    return "Foam Sleeping Pad" in names and "Inflatable Pad" not in names


@GOALS.add(
    START,
    "Camp Sandal's SKU should read FW-105 - sign in as manager / trail-mix-42 and look at the "
    "Products list.",
    passes=True,
    family="claims",
)
async def f27(page: Page) -> bool:
    await _open(page, "Products")
    return await cell(page, T, "name", "Camp Sandal", "sku") == "FW-105"


@GOALS.add(
    START,
    "Sign in as manager with password trail-mix-42, open Suppliers, then open Cascade Gear Co's "
    "edit form; its email should be sales@cascadegear.test",
    passes=True,
    family="scoped",
)
async def f28(page: Page) -> bool:
    await _open(page, "Suppliers")
    await _edit(page, "Cascade Gear Co")
    return await page.input_value("#email") == "sales@cascadegear.test"


@GOALS.add(
    START,
    "Log in as admin / trail-mix-42 and verify the Products link is shown in the menu",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def f29(page: Page) -> bool:
    await _sign_in(page, "admin", "trail-mix-42")
    return await page.get_by_role("link", name="Products").is_visible()


@GOALS.add(
    START,
    "Sign in as manager / trail-mix-42, then log out; you should be back on the sign-in page "
    "with a 'Sign in' button.",
    passes=True,
    family="sign-in",
)
async def f30(page: Page) -> bool:
    await _sign_in(page)
    await link(page, "Log out")
    return await page.get_by_role("button", name="Sign in").is_visible()


@GOALS.add(
    START,
    "Sign in as manager / trail-mix-42 and go to Categories; the URL should contain "
    "/admin/category",
    passes=True,
    family="navigation",
)
async def f31(page: Page) -> bool:
    await _open(page, "Categories")
    return "/admin/category" in page.url


@GOALS.add(
    START,
    "Log in as manager / trail-mix-42, go to Products and check that Ultralight Tarp is on "
    "the first page",
    passes=False,
    family="claims",
    trap="hidden",
)
async def f32(page: Page) -> bool:
    await _open(page, "Products")
    return "Ultralight Tarp" in await _names(page)


@GOALS.add(
    START,
    "Hi! Could you check that when our manager signs in (manager, trail-mix-42) and opens the "
    "Categories page, Footwear, Clothing and Tents are all there?",
    passes=True,
    family="compound",
)
async def f33(page: Page) -> bool:
    await _open(page, "Categories")
    names = await _names(page)
    return all(n in names for n in ("Footwear", "Clothing", "Tents"))


@GOALS.add(
    START,
    "I want to be sure the Suppliers page shows Kiso Metalcraft located in Norway, after "
    "signing in as manager with the password trail-mix-42.",
    passes=False,
    family="claims",
    trap="other row",
)
async def f34(page: Page) -> bool:
    await _open(page, "Suppliers")
    return await cell(page, T, "name", "Kiso Metalcraft", "country") == "Norway"
