"""Small Playwright helpers the hand-written scripts share: what a person scripting these
checks by hand would write once and reuse (click and wait for the next page, read a table).
"""

from __future__ import annotations

from typing import cast

from playwright.async_api import Locator, Page

# Reads a table into one dict per body row, keyed by the lower-cased header text (sort arrows
# dropped); a cell with no text but an image (Django's yes/no icons) reads as the image's alt.
_READ_TABLE = """
(table) => {
  const clean = (s) => s.replace(/[▲▼]/g, "").trim().toLowerCase();
  // Django's sorted headers also hold a sort-priority number beside the name in `.text`.
  const heads = [...table.querySelectorAll("thead th")].map(
    (th) => clean((th.querySelector(".text") ?? th).innerText)
  );
  return [...table.querySelectorAll("tbody tr")].map((tr) => {
    const row = {};
    [...tr.children].forEach((cell, i) => {
      let text = cell.innerText.trim();
      const img = cell.querySelector("img");
      if (!text && img) text = img.alt;
      row[heads[i] ?? String(i)] = text;
    });
    return row;
  });
}
"""


async def follow(page: Page, target: Locator) -> None:
    """Click something that loads a new page and wait for that page."""
    async with page.expect_navigation():
        await target.first.click()


async def link(page: Page, name: str, *, within: Locator | None = None) -> None:
    scope = within if within is not None else page
    await follow(page, scope.get_by_role("link", name=name, exact=True))


async def button(page: Page, name: str) -> None:
    await follow(page, page.get_by_role("button", name=name, exact=True))


async def shows(page: Page, text: str) -> bool:
    """Some visible element's text contains `text` (case-insensitive, like a reader's eye)."""
    return await page.get_by_text(text).filter(visible=True).count() > 0


async def rows(page: Page, selector: str) -> list[dict[str, str]]:
    if await page.locator(selector).count() == 0:
        return []
    return cast(list[dict[str, str]], await page.locator(selector).first.evaluate(_READ_TABLE))


async def column(page: Page, selector: str, header: str) -> list[str]:
    return [r.get(header, "") for r in await rows(page, selector)]


async def cell(page: Page, selector: str, key: str, value: str, header: str) -> str | None:
    """The `header` cell of the first row whose `key` cell is `value`, or None."""
    for r in await rows(page, selector):
        if r.get(key) == value:
            return r.get(header)
    return None


async def django_login(page: Page, username: str, password: str) -> None:
    await page.fill("#id_username", username)
    await page.fill("#id_password", password)
    await follow(page, page.locator("input[type=submit]"))


async def desk_login(page: Page, username: str, password: str) -> None:
    await page.fill("input[name=username]", username)
    await page.fill("input[name=password]", password)
    await follow(page, page.locator("button[type=submit]"))
