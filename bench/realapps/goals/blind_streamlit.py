"""Blind goals on the Streamlit corner shop (see Goal.blind): a shop page anyone may use, and
staff pages (dashboard, orders, tasks) behind a sign-in form.

Accounts: manager / basil-and-rye (Maria) and clerk / counter-7 (Sam, no dashboard). Streamlit
reruns the whole script over its websocket after each interaction and redraws the page without
loading a new document, so these scripts wait for the rerun to finish (the app root's
script-state attribute) rather than for a navigation.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress

from playwright.async_api import Locator, Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from bench.realapps.goals import GoalSet
from bench.realapps.goals._page import column, rows, shows

GOALS = GoalSet("streamlit", blind=True)
APP = "[data-testid=stApp]"
MAIN = "[data-testid=stMain]"
TABLE = f"{MAIN} [data-testid=stTable] table"
SHOP = "/"
SIGN_IN = "/sign-in"
# A rerun takes well under a second alone, but the bench shares a loaded machine.
RUN_TIMEOUT_MS = 45_000
RERUN_SEEN_MS = 10_000

# Counts finished reruns: Streamlit flips the root's data-test-script-state to "running" and
# back to "notRunning" for each one; a MutationObserver sees every flip, even a fast one
# (each attribute change is its own record).
_FINISHED_RUNS = """() => {
  if (!window.__finishedRuns) {
    window.__finishedRuns = {n: 0};
    new MutationObserver((records) => {
      for (const r of records) {
        const now = r.target.dataset.testScriptState;
        if (now === 'notRunning' && r.oldValue !== 'notRunning') {
          window.__finishedRuns.n += 1;
        }
      }
    }).observe(document.body, {
      subtree: true, attributes: true, attributeOldValue: true,
      attributeFilter: ['data-test-script-state'],
    });
  }
  return window.__finishedRuns.n;
}"""


# The run is over and every widget is drawn: Streamlit loads most widgets' code on first use
# and shows a skeleton in their place until it arrives, after the run has already finished.
_IDLE = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  return app !== null && app.dataset.testScriptState === 'notRunning'
    && document.querySelector('[data-testid=stSkeleton]') === null;
}"""


async def _idle(page: Page) -> None:
    await page.wait_for_function(_IDLE, timeout=RUN_TIMEOUT_MS)


async def _ready(page: Page) -> None:
    """The first run has drawn the page (its title comes first) and is over."""
    await page.locator(f"{MAIN} h1").first.wait_for()
    await _idle(page)


async def _rerun(page: Page, action: Callable[[], Awaitable[None]]) -> None:
    """Do something that makes Streamlit rerun the script, and wait until that run is over."""
    before = await page.evaluate(_FINISHED_RUNS)
    await action()
    # Under heavy load the flip can be missed (the root redrawn already idle); the page is
    # read once idle below, so a run that never happened still shows in the verdict.
    with suppress(PlaywrightTimeout):
        await page.wait_for_function(f"window.__finishedRuns.n > {before}", timeout=RERUN_SEEN_MS)
    await _idle(page)


async def _click(page: Page, target: Locator) -> None:
    await _rerun(page, target.click)


async def _settled(page: Page, sign: Locator, state: str = "visible") -> None:
    """Wait a while for the sign that an action's second run (after `st.rerun`) has drawn the
    page; the run counter alone may stop at the first. Not seeing it is left to the check."""
    try:
        if state == "detached":
            await sign.first.wait_for(state="detached", timeout=5000)
        else:
            await sign.first.wait_for(timeout=5000)
    except PlaywrightTimeout:
        pass
    await _idle(page)


async def _type(page: Page, label: str, text: str) -> None:
    box = page.get_by_role("textbox", name=label, exact=True)
    await box.fill(text)
    await _rerun(page, lambda: box.press("Enter"))


async def _choose(page: Page, label: str, option: str) -> None:
    # The list is virtualised (long lists draw only the first options): type to narrow it.
    box = page.get_by_role("combobox", name=label, exact=True)
    for _ in range(3):  # a redraw can close the list under the click: then choose again
        await box.click()
        await box.fill(option)
        before = await page.evaluate(_FINISHED_RUNS)
        await page.get_by_role("option", name=option, exact=True).click()
        try:
            await page.wait_for_function(f"window.__finishedRuns.n > {before}", timeout=5000)
            break
        except PlaywrightTimeout:
            continue
    await _idle(page)


async def _tick(page: Page, label: str) -> None:
    box = page.locator("[data-testid=stCheckbox]").filter(has=page.get_by_text(label, exact=True))
    await _click(page, box.locator("label"))


async def _radio(page: Page, option: str) -> None:
    await _click(page, page.get_by_role("radiogroup").get_by_text(option, exact=True))


async def _ticked(page: Page, label: str) -> bool:
    return await page.get_by_role("checkbox", name=label, exact=True).is_checked()


async def _sidebar(page: Page, name: str) -> None:
    await _click(page, page.locator("[data-testid=stSidebar]").get_by_role("link", name=name))
    await page.get_by_role("heading", name=name, level=1).wait_for()


async def _has_link(page: Page, name: str) -> bool:
    nav = page.locator("[data-testid=stSidebar]").get_by_role("link", name=name, exact=True)
    return await nav.count() > 0


async def _sign_in(page: Page, username: str, password: str) -> None:
    """Fill the form on the Sign in page (the goal starts there or the script goes there)."""
    await _ready(page)
    if await page.get_by_role("heading", name="Sign in", level=1).count() == 0:
        await _sidebar(page, "Sign in")
    await page.get_by_role("textbox", name="Username", exact=True).fill(username)
    await page.get_by_role("textbox", name="Password", exact=True).fill(password)
    await _click(page, page.get_by_role("button", name="Sign in", exact=True))
    # A good sign-in moves to the first staff page; a bad one leaves an error on this one.
    await (
        page.locator(f"{MAIN} h1", has_text="Dashboard")
        .or_(page.locator(f"{MAIN} h1", has_text="Orders"))
        .or_(page.locator("[data-testid=stAlert]"))
        .first.wait_for()
    )
    await _idle(page)


async def _manager(page: Page, to: str | None = None) -> None:
    await _sign_in(page, "manager", "basil-and-rye")
    if to is not None:
        await _sidebar(page, to)


async def _clerk(page: Page, to: str | None = None) -> None:
    await _sign_in(page, "clerk", "counter-7")
    if to is not None:
        await _sidebar(page, to)


async def _metric(page: Page, label: str) -> str | None:
    metric = page.locator("[data-testid=stMetric]").filter(has_text=label)
    if await metric.count() == 0:
        return None
    return (await metric.locator("[data-testid=stMetricValue]").inner_text()).strip()


async def _products(page: Page) -> list[str]:
    return await column(page, TABLE, "product")


async def _price(page: Page, product: str) -> str | None:
    for row in await rows(page, TABLE):
        if row.get("product") == product:
            return row.get("price")
    return None


async def _add_to_cart(page: Page, product: str, quantity: int) -> None:
    await _choose(page, "Product", product)
    box = page.get_by_role("spinbutton", name="Quantity")
    if await box.input_value() != str(quantity):  # an unchanged value does not rerun
        await box.fill(str(quantity))
        await _rerun(page, lambda: box.press("Enter"))
    await _click(page, page.get_by_role("button", name="Add to cart"))


async def _cart_total(page: Page) -> str | None:
    return await _metric(page, "Cart total")


async def _tab(page: Page, name: str) -> Locator:
    await page.get_by_role("tab", name=name, exact=True).click()
    panel = page.get_by_role("tabpanel")
    await panel.wait_for()
    return panel


async def _order_numbers(panel: Locator) -> list[str]:
    table = panel.locator("table")
    if await table.count() == 0:
        return []
    return [t.strip() for t in await table.locator("tbody tr th").all_inner_texts()]


async def _task_row(page: Page, title: str) -> Locator:
    return page.locator("[data-testid=stHorizontalBlock]").filter(
        has=page.get_by_role("checkbox", name=title, exact=True)
    )


async def _tasks(page: Page) -> list[str]:
    boxes = page.locator(f"{MAIN} [data-testid=stCheckbox]")
    return [t.strip() for t in await boxes.all_inner_texts()]


# --- Shop: browsing, search, filter, sort (no sign-in) -------------------------------------


@GOALS.add(
    SHOP, "Check that the product table lists Croissant at $2.75", passes=True, family="claims"
)
async def croissant_price(page: Page) -> bool:
    await _ready(page)
    return await _price(page, "Croissant") == "$2.75"


@GOALS.add(
    SHOP,
    "the greek yogurt should cost $4.75 in the product list",
    passes=False,
    family="claims",
    trap="other row",
)
async def yogurt_price(page: Page) -> bool:
    await _ready(page)
    return await _price(page, "Greek yogurt") == "$4.75"


@GOALS.add(
    SHOP,
    "Search products for bread. Rye bread should show up, Sourdough loaf should not.",
    passes=True,
    family="search-filter-sort",
)
async def search_bread(page: Page) -> bool:
    await _ready(page)
    await _type(page, "Search products", "bread")
    names = await _products(page)
    return "Rye bread" in names and "Sourdough loaf" not in names


@GOALS.add(
    SHOP,
    "Search for 'oat milk' and verify Oat milk appears in the results",
    passes=False,
    family="search-filter-sort",
    trap="absent",
)
async def search_oat_milk(page: Page) -> bool:
    await _ready(page)
    await _type(page, "Search products", "oat milk")
    return "Oat milk" in await _products(page)


@GOALS.add(
    SHOP,
    "filter category = Bakery, expect 3 products",
    passes=False,
    family="search-filter-sort",
    trap="off by one",
)
async def bakery_count(page: Page) -> bool:
    await _ready(page)
    await _choose(page, "Category", "Bakery")
    return len(await _products(page)) == 3


@GOALS.add(
    SHOP,
    "With In stock only checked, Rye bread should no longer be in the product table",
    passes=False,
    family="search-filter-sort",
    trap="still there",
)
async def in_stock_hides_rye(page: Page) -> bool:
    await _ready(page)
    await _tick(page, "In stock only")
    names = await _products(page)
    return bool(names) and "Rye bread" not in names


@GOALS.add(
    SHOP,
    "Sort by Price: high to low. Olive oil 500ml should be the first product.",
    passes=True,
    family="search-filter-sort",
)
async def sort_high_to_low(page: Page) -> bool:
    await _ready(page)
    await _radio(page, "Price: high to low")
    names = await _products(page)
    return bool(names) and names[0] == "Olive oil 500ml"


@GOALS.add(
    SHOP,
    "I want to see the cheapest thing first: sort by price low to high and confirm Bananas is "
    "at the top of the table",
    passes=False,
    family="search-filter-sort",
    trap="other row",
)
async def sort_low_to_high(page: Page) -> bool:
    await _ready(page)
    await _radio(page, "Price: low to high")
    names = await _products(page)
    return bool(names) and names[0] == "Bananas"


# --- Shop: the cart ----------------------------------------------------------------------------


@GOALS.add(
    SHOP,
    "1. choose Croissant as the product\n2. set quantity to 3\n3. click Add to cart\n"
    "4. cart total = $8.50",
    passes=False,
    family="compound",
    trap="wrong value",
)
async def cart_three_croissants(page: Page) -> bool:
    await _ready(page)
    await _add_to_cart(page, "Croissant", 3)
    return await _cart_total(page) == "$8.50"


@GOALS.add(
    SHOP,
    "Put 1 Dark chocolate and 3 Sparkling water in the cart, then remove the chocolate. Only the "
    "sparkling water should be left and the total should be $3.87",
    passes=True,
    family="compound",
)
async def cart_remove_chocolate(page: Page) -> bool:
    await _ready(page)
    await _add_to_cart(page, "Dark chocolate", 1)
    await _add_to_cart(page, "Sparkling water", 3)
    line = page.locator("[data-testid=stHorizontalBlock]").filter(has_text="Dark chocolate x")
    await _click(page, line.get_by_role("button", name="Remove"))
    await _settled(page, page.get_by_text("Dark chocolate x"), "detached")
    chocolate_gone = not await shows(page, "Dark chocolate x")
    water_left = await shows(page, "Sparkling water x 3")
    return chocolate_gone and water_left and await _cart_total(page) == "$3.87"


@GOALS.add(
    SHOP,
    "after adding 2 croissants and 1 rye bread the sidebar should say 4 items in cart",
    passes=False,
    family="compound",
    trap="off by one",
)
async def cart_sidebar_count(page: Page) -> bool:
    await _ready(page)
    await _add_to_cart(page, "Croissant", 2)
    await _add_to_cart(page, "Rye bread", 1)
    sidebar = page.locator("[data-testid=stSidebar]")
    return await sidebar.get_by_text("4 items in cart").count() > 0


@GOALS.add(
    SHOP,
    "As a visitor who is not signed in, the Place order button should be disabled.",
    passes=True,
    family="claims",
)
async def place_order_disabled(page: Page) -> bool:
    await _ready(page)
    return await page.get_by_role("button", name="Place order").is_disabled()


@GOALS.add(
    SHOP,
    "Without logging in, add a Greek yogurt to the cart and press Place order — the page should "
    "confirm 'Order #1044 placed.'",
    passes=False,
    family="compound",
    trap="hidden",
)
async def visitor_places_order(page: Page) -> bool:
    await _ready(page)
    await _add_to_cart(page, "Greek yogurt", 1)
    button = page.get_by_role("button", name="Place order")
    if await button.is_disabled():
        return False
    await _click(page, button)
    return await shows(page, "Order #1044 placed.")


# --- Sign-in -----------------------------------------------------------------------------------


@GOALS.add(
    SIGN_IN,
    "Try to sign in with username manager and password wrong-password. An error saying "
    '"Incorrect username or password" should appear.',
    passes=True,
    family="sign-in",
)
async def bad_password_error(page: Page) -> bool:
    await _sign_in(page, "manager", "wrong-password")
    alert = page.locator("[data-testid=stAlert]").filter(has_text="Incorrect username or password")
    return await alert.count() > 0


@GOALS.add(
    SIGN_IN,
    "log in as manager / basil-and-wry and confirm the sidebar says Signed in as Maria",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def typo_password(page: Page) -> bool:
    await _sign_in(page, "manager", "basil-and-wry")
    sidebar = page.locator("[data-testid=stSidebar]")
    return await sidebar.get_by_text("Signed in as Maria").count() > 0


@GOALS.add(
    SHOP,
    "Sign in with username clerk and password counter-8, then check that Orders is available in "
    "the sidebar navigation.",
    passes=False,
    family="sign-in",
    trap="failed sign-in",
)
async def clerk_wrong_password(page: Page) -> bool:
    await _sign_in(page, "clerk", "counter-8")
    return await _has_link(page, "Orders")


@GOALS.add(
    SIGN_IN,
    "Log in as clerk (password counter-7). The sidebar must not have a Dashboard link.",
    passes=True,
    family="navigation",
)
async def clerk_no_dashboard(page: Page) -> bool:
    await _clerk(page)
    return await _has_link(page, "Orders") and not await _has_link(page, "Dashboard")


# --- Dashboard ---------------------------------------------------------------------------------


@GOALS.add(
    SIGN_IN,
    "log in (manager / basil-and-rye) → Dashboard → the Shipped revenue metric is $52.52",
    passes=True,
    family="claims",
)
async def shipped_revenue(page: Page) -> bool:
    await _manager(page)
    return await _metric(page, "Shipped revenue") == "$52.52"


@GOALS.add(
    SIGN_IN,
    "Sign in as manager (basil-and-rye). The Open tasks number on the dashboard should be 5.",
    passes=False,
    family="claims",
    trap="off by one",
)
async def open_tasks_metric(page: Page) -> bool:
    await _manager(page)
    return await _metric(page, "Open tasks") == "5"


@GOALS.add(
    SIGN_IN,
    "After signing in as the manager, the dashboard should warn that Olive oil 500ml is running "
    "low",
    passes=True,
    family="scoped",
)
async def low_stock_warning(page: Page) -> bool:
    await _manager(page)
    warning = page.locator("[data-testid=stAlertContentWarning]")
    return "Olive oil 500ml" in " ".join(await warning.all_inner_texts())


@GOALS.add(
    SIGN_IN,
    "Sign in as manager / basil-and-rye, open the Orders page and check it shows the warning "
    "'Running low: Aged cheddar, Olive oil 500ml, Rye bread'",
    passes=False,
    family="scoped",
    trap="wrong page",
)
async def low_stock_on_orders(page: Page) -> bool:
    await _manager(page, "Orders")
    return await shows(page, "Running low: Aged cheddar, Olive oil 500ml, Rye bread")


@GOALS.add(
    SIGN_IN,
    "We need Sam to see revenue too: sign in as clerk with counter-7 and check the Shipped "
    "revenue metric is visible.",
    passes=False,
    family="claims",
    trap="hidden",
)
async def clerk_sees_revenue(page: Page) -> bool:
    await _clerk(page)
    return await _metric(page, "Shipped revenue") is not None


# --- Orders ------------------------------------------------------------------------------------


@GOALS.add(
    SIGN_IN,
    "As manager (basil-and-rye): the Open tab on the Orders page lists order #1042 for Grace Kim",
    passes=False,
    family="scoped",
    trap="wrong page",
)
async def open_tab_1042(page: Page) -> bool:
    await _manager(page, "Orders")
    panel = await _tab(page, "Open")
    return "#1042" in await _order_numbers(panel)


@GOALS.add(
    SIGN_IN,
    'manager login, Orders, expand "Order #1039 — Priya Shah" - it should contain 3 x Greek yogurt',
    passes=True,
    family="scoped",
)
async def expand_1039(page: Page) -> bool:
    await _manager(page, "Orders")
    expander = page.locator("[data-testid=stExpander]").filter(has_text="Order #1039")
    await expander.locator("summary").click()
    return await expander.get_by_text("3 x Greek yogurt").first.is_visible()


@GOALS.add(
    SIGN_IN,
    "Sign in as manager, search orders for Ava. Only order #1040 should be listed under Open.",
    passes=True,
    family="search-filter-sort",
)
async def find_ava(page: Page) -> bool:
    await _manager(page, "Orders")
    await _type(page, "Find an order", "Ava")
    panel = await _tab(page, "Open")
    return await _order_numbers(panel) == ["#1040"]


@GOALS.add(
    SIGN_IN,
    "Log in as the manager and mark order #1041 as shipped from the Orders page. Then confirm it "
    "is listed in the Shipped tab.",
    passes=True,
    family="compound",
)
async def ship_1041(page: Page) -> bool:
    await _manager(page, "Orders")
    expander = page.locator("[data-testid=stExpander]").filter(has_text="Order #1041")
    await expander.locator("summary").click()
    await _click(page, expander.get_by_role("button", name="Mark as shipped"))
    await _settled(page, page.get_by_text("Order #1041 marked as shipped."))
    panel = await _tab(page, "Shipped")
    return "#1041" in await _order_numbers(panel)


# --- Tasks -------------------------------------------------------------------------------------


@GOALS.add(
    SIGN_IN,
    "Sign in as clerk (counter-7). On Tasks, add a new task 'Wipe down the counters' assigned to "
    "Jo and verify it shows up in the list",
    passes=True,
    family="collections",
)
async def add_task(page: Page) -> bool:
    await _clerk(page, "Tasks")
    box = page.get_by_role("textbox", name="New task", exact=True)
    await box.fill("Wipe down the counters")
    await _rerun(page, lambda: box.press("Enter"))
    await _choose(page, "Assign to", "Jo")
    await _click(page, page.get_by_role("button", name="Add task"))
    await _settled(page, page.get_by_text("Added “Wipe down the counters”"))
    row = await _task_row(page, "Wipe down the counters")
    return await row.count() > 0 and await row.get_by_text("Jo", exact=True).count() > 0


@GOALS.add(
    SIGN_IN,
    "sign in as manager and tick off Order more flour on the Tasks page. the counter should then "
    "say 3 of 6 done",
    passes=True,
    family="collections",
)
async def tick_flour(page: Page) -> bool:
    await _manager(page, "Tasks")
    await _tick(page, "Order more flour")
    await _settled(page, page.get_by_text("3 of 6 done"))
    return await _ticked(page, "Order more flour") and await shows(page, "3 of 6 done")


@GOALS.add(
    SIGN_IN,
    'Tasks (log in as clerk, counter-7): the task "Update the price labels" is already checked '
    "off.",
    passes=False,
    family="collections",
    trap="wrong value",
)
async def price_labels_done(page: Page) -> bool:
    await _clerk(page, "Tasks")
    return await _ticked(page, "Update the price labels")


@GOALS.add(
    SIGN_IN,
    "As manager: Tasks → remove Count the till → it should be gone and the page should say 1 of "
    "5 done",
    passes=True,
    family="collections",
)
async def remove_till(page: Page) -> bool:
    await _manager(page, "Tasks")
    row = await _task_row(page, "Count the till")
    await _click(page, row.get_by_role("button", name="Remove"))
    await _settled(page, page.get_by_text("Removed “Count the till”"))
    return "Count the till" not in await _tasks(page) and await shows(page, "1 of 5 done")


@GOALS.add(
    SIGN_IN,
    "Log in as manager, go to Tasks and switch on Hide completed. Clean the espresso machine "
    "should still be in the list.",
    passes=False,
    family="collections",
    trap="absent",
)
async def hide_completed(page: Page) -> bool:
    await _manager(page, "Tasks")
    await _tick(page, "Hide completed")
    return "Clean the espresso machine" in await _tasks(page)


@GOALS.add(
    SIGN_IN,
    "Sign in as clerk / counter-7, go to the Shop, add 1 Sourdough loaf to the cart and place the "
    "order. Expect the message Order #1044 placed.",
    passes=True,
    family="compound",
)
async def clerk_places_order(page: Page) -> bool:
    await _clerk(page, "Shop")
    await page.get_by_role("heading", name="Corner Shop").wait_for()
    await _add_to_cart(page, "Sourdough loaf", 1)
    await _click(page, page.get_by_role("button", name="Place order"))
    await _settled(page, page.get_by_text("Order #1044 placed."))
    return await shows(page, "Order #1044 placed.")
