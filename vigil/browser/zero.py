"""A count of zero on a page that says it found nothing.

Search and filter pages often drop their results table altogether when nothing matches and
say so instead ("Sorry, no pages match 'Patagonia'", "No orders found", "0 results"). With
no list to count, the count reader would find nothing called "pages" in the content and
refuse to count zero, or count a menu button that happens to be called "Pages". A claim of
zero ("should find no matching pages", "there are no results", "0 orders listed") holds on
such a page only when both are true:

- the main content (outside navigation, header, footer and side panels) says it found none
  of them: "no"/"0" before the thing counted or a word for results ("results", "matches",
  "items", "records", "entries", "hits"), or "nothing found / matches";
- no table row or list item in the main content holds anything (a row that only says
  "No results" is that statement, not an item).

A page that does not say so (the wrong page, a page still loading) is left to the count
reader, which never passes zero for what it could not find; a page that says so but still
lists items fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from vigil.browser.locate import Root

_RESULT_WORDS = r"results?|match(?:es)?|items?|records?|entries|entry|hits?|rows?|data"
_NOTHING = r"(?:nothing|none)\s+(?:was\s+|were\s+)?(?:found|match(?:es|ed)?|to\s+show)"
_COULD_NOT = (
    r"(?:did\s*n[o']t|does\s*n[o']t|could\s*n[o']t|can\s*n[o']t|cannot)\s+"
    r"(?:match|find|return)\s+any"
)

# In the page: the first short block of the main content that says none were found (matched
# by `src`), and the texts of the items its collections still list. A collection under a
# heading of its own that comes after the statement and names something else ("Staff
# picks") is another part of the page, not the results.
_READ_JS = r"""(root, [src, noun]) => {
  const said = new RegExp(src, 'i');
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const aside = 'nav, header, footer, aside, [role=navigation], [role=banner], ' +
    '[role=contentinfo], [role=complementary], [hidden], [aria-hidden=true]';
  const shown = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const main = root.querySelector('main, [role=main]') || root;
  const inMain = (el) => !el.closest(aside) || main.closest(aside) === el.closest(aside);
  let stmt = null;
  for (const el of main.querySelectorAll('h1, h2, h3, h4, h5, h6, p, div, span, td, li, ' +
      'em, strong, [role=alert], [role=status]')) {
    if (!inMain(el) || !shown(el)) continue;
    const t = clean(el.innerText);
    if (t && t.length <= 160 && said.test(t)) { stmt = [el, t]; break; }
  }
  if (!stmt) return [null, []];
  const after = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  const heads = [...main.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading], caption')]
    .filter((h) => shown(h) && !h.contains(stmt[0]) && !stmt[0].contains(h));
  const stem = noun.replace(/s$/, '');
  const items = [];
  for (const c of main.querySelectorAll('table, [role=table], [role=grid], ul, ol, ' +
      '[role=list], [role=listbox], [role=feed]')) {
    if (!inMain(c)) continue;
    const own = heads.filter((h) => after(h, c) && after(stmt[0], h)).pop();
    const text = own ? clean(own.innerText).toLowerCase() : '';
    if (own && !said.test(text) && !(stem && text.includes(stem))) continue;
    const rows = c.matches('table, [role=table], [role=grid]')
      ? [...c.querySelectorAll('tr, [role=row]')].filter((r) => !r.closest('thead') &&
        r.querySelector('td, [role=cell], [role=gridcell]'))
      : [...c.children].filter((x) => x.matches('li, [role=listitem], [role=option], article'));
    for (const r of rows) {
      const t = clean(r.innerText);
      if (shown(r) && t && !said.test(t)) items.push(t);
    }
  }
  return [stmt[1], items];
}"""


@dataclass(frozen=True)
class NoneFound:
    """What the page said, and the items still listed in its main content (if any)."""

    statement: str | None
    items: list[str]


def _statement(noun: str) -> re.Pattern[str]:
    stem = re.escape(noun.rstrip("s")) if len(noun) > 3 else re.escape(noun)
    things = rf"(?:{stem}(?:e?s)?|{_RESULT_WORDS})" if stem else rf"(?:{_RESULT_WORDS})"
    return re.compile(
        rf"\b(?:no|zero|0)\s+(?:[\w-]+\s+){{0,2}}?{things}\b|\b{_NOTHING}\b|\b{_COULD_NOT}\b",
        re.I,
    )


def counted_noun(target: str | None) -> str | None:
    """The one noun a zero claim counts ("matching pages" → "pages"); None when the target
    is more than a noun ("'Delete' buttons", "rows with 'Paid'") — those are counted as
    they are named, never passed by a statement."""
    words = (target or "").strip().casefold().split()
    words = [w for w in words if w not in ("the", "matching", "any", "listed", "shown")]
    if len(words) > 1 or (words and not re.fullmatch(r"[a-z][a-z-]+", words[0])):
        return None
    return words[0] if words else ""


async def none_found(root: Root, noun: str) -> NoneFound:
    """Whether the main content says none of `noun` (or results) were found, and what items
    it still lists."""
    body = root.locator("body").first if isinstance(root, Page) else root
    pattern = _statement(noun)
    try:
        statement, items = await body.evaluate(_READ_JS, [pattern.pattern, noun])
    except PlaywrightError:
        return NoneFound(None, [])
    return NoneFound(None if statement is None else str(statement), [str(i) for i in items])
