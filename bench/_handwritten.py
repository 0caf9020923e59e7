"""The baseline: the bench scenarios as a person would script them in plain Playwright, with
known selectors. Runnable as a process (`python bench/_handwritten.py URL SCENARIO`) for the
cold comparison; the leading underscore keeps it out of `python -m bench` discovery.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable

from playwright.async_api import Browser, Page, async_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


async def login(page: Page, base: str) -> None:
    await page.goto(f"{base}/login", wait_until="load")
    await page.fill("#username", "demo")
    await page.fill("#password", "demo")
    await page.click("button[type=submit]")
    await page.get_by_text("Welcome, demo").wait_for()


async def cart(page: Page, base: str) -> None:
    await page.goto(f"{base}/products", wait_until="load")
    await page.locator("button.add").nth(1).click()
    await page.locator("#cart", has_text="Cart: 1 items").wait_for()


async def form(page: Page, base: str) -> None:
    await page.goto(f"{base}/form", wait_until="load")
    await page.fill("#name", "Alice")
    await page.select_option("#country", "jp")
    await page.check("#newsletter")
    await page.click("button[type=submit]")
    await page.locator("#result", has_text="Country: Japan, Newsletter: yes").wait_for()


async def second_page(page: Page, base: str) -> None:
    await page.goto(base, wait_until="load")
    await page.click("a[href='/second']")
    await page.wait_for_url("**/second")


async def search(page: Page, base: str) -> None:
    await page.goto(f"{base}/products", wait_until="load")
    await page.fill("#search", "kettle")
    await page.get_by_text("Coffee Mug").wait_for(state="hidden")


SCENARIOS: dict[str, Callable[[Page, str], Awaitable[None]]] = {
    "login": login,
    "cart": cart,
    "form": form,
    "second_page": second_page,
    "search": search,
}


async def run_scenario(browser: Browser, name: str, base: str) -> None:
    """One scenario in a fresh context, as Vigil isolates each run."""
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = await context.new_page()
        await SCENARIOS[name](page, base)
    finally:
        await context.close()


async def _standalone(base: str, name: str) -> None:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        await run_scenario(browser, name, base)
        await browser.close()


if __name__ == "__main__":
    asyncio.run(_standalone(sys.argv[1], sys.argv[2]))
